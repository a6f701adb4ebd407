//! Retention: a period, or a criterion with its trigger, or kept as written.

use steward_api::RetentionRuleInput;
use steward_core::vocabulary;

use crate::ico::col;
use crate::phrases;

use super::*;

impl Builder<'_> {
    pub(super) fn retention(&mut self, activity_id: &str, text: &str) -> RetentionRuleInput {
        let (data, rest) = text.split_once(": ").unwrap_or(("", text));
        // A rule that names no data is about all of the activity's.
        let data = if data.trim().is_empty() && !self.steward_export {
            "All data"
        } else {
            data
        };
        let mut rule = RetentionRuleInput {
            activity_id: activity_id.to_owned(),
            data_category: vocabulary::data_categories()
                .iter()
                .find(|c| c.label.eq_ignore_ascii_case(data.trim()))
                .map(|c| c.id.clone())
                .or_else(|| phrases::data_category(data.trim()).filter(|_| !self.steward_export))
                .unwrap_or_else(|| data.trim().to_owned()),
            ..RetentionRuleInput::default()
        };
        let mut segments = rest.split("; ");
        let period = segments.next().unwrap_or_default().trim();
        let parsed = period
            .split_once(' ')
            .and_then(|(n, unit)| Some((n.parse::<i64>().ok()?, from_words(unit, &[])?)));
        match parsed {
            Some((value, unit)) => {
                rule.period_value = Some(value);
                rule.period_unit = Some(unit);
            }
            None if self.steward_export => rule.criterion = period.to_owned(),
            None => self.hand_written_period(&mut rule, period),
        }
        // Which text field a segment without a known prefix continues.
        let mut last: Option<&'static str> = None;
        for segment in segments {
            if let Some(t) = segment.strip_prefix("from ") {
                rule.trigger_event = t.to_owned();
                last = Some("trigger");
            } else if let Some(t) = segment.strip_prefix("then ") {
                match from_words(t, &[]) {
                    Some(action) => rule.end_action = action,
                    None => self.keep(
                        col::RETENTION,
                        t,
                        "Not an end action Steward recognises (erase, anonymise or review).",
                    ),
                }
            } else if let Some(t) = segment.strip_prefix("because ") {
                rule.justification = t.to_owned();
                last = Some("why");
            } else {
                let target = match last {
                    Some("trigger") => &mut rule.trigger_event,
                    Some(_) => &mut rule.justification,
                    None => &mut rule.criterion,
                };
                if !target.is_empty() {
                    target.push_str("; ");
                }
                target.push_str(segment);
            }
        }
        rule
    }

    /// "2 years", "6 years after the end of the tax year", "end of
    /// membership + 2 years", "until unsubscribe": a period and its
    /// trigger, or else the words as the criterion.
    pub(super) fn hand_written_period(&mut self, rule: &mut RetentionRuleInput, text: &str) {
        let set = |rule: &mut RetentionRuleInput, value: i64, unit: &str| {
            rule.period_value = Some(value);
            rule.period_unit =
                serde_json::from_value(serde_json::Value::String(unit.to_owned())).ok();
        };
        if let Some((value, unit, rest)) = phrases::period(text) {
            set(rule, value, &unit);
            if !rest.is_empty() {
                // The words after the period, as written.
                let written: Vec<&str> = text.split_whitespace().skip(2).collect();
                let written = written.join(" ");
                match phrases::trigger(&written) {
                    Some(trigger) => rule.trigger_event = trigger,
                    None => rule.criterion = written,
                }
            }
            return;
        }
        if let Some((before, after)) = text.rsplit_once('+')
            && let Some((value, unit, rest)) = phrases::period(after)
            && rest.is_empty()
            && !before.trim().is_empty()
        {
            set(rule, value, &unit);
            rule.trigger_event = before.trim().to_owned();
            return;
        }
        rule.criterion = text.to_owned();
    }
}
