//! Retention rules: how long each category of an activity's data is kept
//! (Art. 30(1)(f), Art. 13(2)(a)) — a period counted from a trigger event,
//! or the criterion used to decide — and what happens at the end.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum PeriodUnit {
    Days,
    Weeks,
    Months,
    Years,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum EndAction {
    #[default]
    Erase,
    Anonymise,
    /// Reviewed, then erased or kept with a new justification.
    Review,
}

/// What a user submits to set how long one category of data is kept.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "RetentionRuleInput")
)]
pub struct RetentionRuleDraft {
    pub activity_id: String,
    /// A data category of the vocabulary (its id) or the user's own words.
    pub data_category: String,
    pub period_value: Option<i64>,
    pub period_unit: Option<PeriodUnit>,
    /// Where no fixed period applies: the criterion used, e.g. "until the
    /// member asks us to delete their profile".
    pub criterion: String,
    /// What starts the period, e.g. "the end of the membership".
    pub trigger_event: String,
    pub justification: String,
    pub end_action: EndAction,
}

const CATEGORY: TextRule = TextRule::line("Data category", 200).required();
const CRITERION: TextRule = TextRule::paragraph("Criterion", 2000);
const TRIGGER: TextRule = TextRule::line("Trigger event", 300);
const JUSTIFICATION: TextRule = TextRule::paragraph("Justification", 2000);
const MAX_PERIOD: i64 = 1000;

impl Validate for RetentionRuleDraft {
    fn validate(&self) -> Result<RetentionRuleDraft, Invalid> {
        let mut invalid = Invalid::default();
        let data_category =
            text::check("dataCategory", &self.data_category, CATEGORY, &mut invalid);
        let criterion = text::check("criterion", &self.criterion, CRITERION, &mut invalid);
        let trigger_event = text::check("triggerEvent", &self.trigger_event, TRIGGER, &mut invalid);
        let justification = text::check(
            "justification",
            &self.justification,
            JUSTIFICATION,
            &mut invalid,
        );
        match (self.period_value, self.period_unit) {
            (Some(value), Some(_)) if !(1..=MAX_PERIOD).contains(&value) => invalid.push(
                "periodValue",
                format!("The period must be a whole number from 1 to {MAX_PERIOD}."),
            ),
            (Some(_), None) => invalid.push("periodUnit", "Choose days, weeks, months or years for the period."),
            (None, Some(_)) => invalid.push("periodValue", "Give the number of the period, or clear its unit."),
            (None, None) if criterion.is_empty() => invalid.push(
                "periodValue",
                "Say how long the data is kept: a period (e.g. 3 years), or the criterion used to decide.",
            ),
            _ => {}
        }
        invalid.into_result(RetentionRuleDraft {
            activity_id: self.activity_id.trim().to_owned(),
            data_category,
            period_value: self.period_value,
            period_unit: self.period_unit,
            criterion,
            trigger_event,
            justification,
            end_action: self.end_action,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    #[test]
    fn retention_rules() {
        let cases: &[Case<RetentionRuleDraft>] = &[
            ("period with trigger", |_| {}, &[]),
            (
                "no category",
                |r| r.data_category.clear(),
                &[("dataCategory", "Data category is required")],
            ),
            (
                "neither period nor criterion",
                |r| {
                    r.period_value = None;
                    r.period_unit = None;
                },
                &[("periodValue", "a period (e.g. 3 years), or the criterion")],
            ),
            (
                "criterion only",
                |r| {
                    r.period_value = None;
                    r.period_unit = None;
                    r.criterion = "Until the member asks us to delete the profile".into();
                },
                &[],
            ),
            (
                "number without unit",
                |r| r.period_unit = None,
                &[("periodUnit", "Choose days")],
            ),
            (
                "unit without number",
                |r| r.period_value = None,
                &[("periodValue", "Give the number")],
            ),
            (
                "zero",
                |r| r.period_value = Some(0),
                &[("periodValue", "from 1 to 1000")],
            ),
            (
                "negative",
                |r| r.period_value = Some(-3),
                &[("periodValue", "from 1 to 1000")],
            ),
        ];
        check_cases(
            || RetentionRuleDraft {
                activity_id: "a".into(),
                data_category: "contact-email".into(),
                period_value: Some(3),
                period_unit: Some(PeriodUnit::Years),
                trigger_event: "the end of the membership".into(),
                ..RetentionRuleDraft::default()
            },
            cases,
        );
    }
}
