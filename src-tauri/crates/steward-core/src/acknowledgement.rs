//! Acknowledged findings: a person has looked at a finding of the checks and
//! decided it is a deliberate choice ("we keep donor records indefinitely
//! because the tax office may ask"). The acknowledgement is a record of its
//! own, so it is kept in history and travels with the register; the finding
//! stops counting as open while it still matches.
//!
//! An acknowledgement covers one finding: the same check, record, field and
//! words. When the facts change so that the finding says something else
//! (another expiry date, another purpose), it is open again: the choice that
//! was acknowledged is not the one the register now shows.

use serde::{Deserialize, Serialize};

use crate::checks::{CHECKS, Finding};
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "AcknowledgementInput")
)]
pub struct AcknowledgementDraft {
    /// The check's id ([`Finding::check`]).
    pub check_id: String,
    /// The record the finding concerns ([`Finding::record_id`]).
    pub record_id: String,
    /// The field the finding names ([`Finding::field`]).
    pub finding_field: Option<String>,
    /// The finding's words when it was acknowledged ([`Finding::message`]).
    pub finding: String,
    /// Why this is a deliberate choice.
    pub reason: String,
}

const RECORD: TextRule = TextRule::line("Record", 200).required();
const FINDING: TextRule = TextRule::paragraph("Finding", 2000).required();
const REASON: TextRule = TextRule::paragraph("Reason", 2000).required();

impl AcknowledgementDraft {
    /// The acknowledgement of `finding`, for `reason`.
    pub fn of(finding: &Finding, reason: &str) -> AcknowledgementDraft {
        AcknowledgementDraft {
            check_id: finding.check.clone(),
            record_id: finding.record_id.clone(),
            finding_field: finding.field.clone(),
            finding: finding.message.clone(),
            reason: reason.to_owned(),
        }
    }

    /// Whether this acknowledgement still covers `finding`.
    pub fn covers(&self, finding: &Finding) -> bool {
        self.check_id == finding.check
            && self.record_id == finding.record_id
            && self.finding_field == finding.field
            && text::normalise(&self.finding) == text::normalise(&finding.message)
    }
}

impl Validate for AcknowledgementDraft {
    fn validate(&self) -> Result<AcknowledgementDraft, Invalid> {
        let mut invalid = Invalid::default();
        let check_id = self.check_id.trim().to_owned();
        if !CHECKS.iter().any(|(id, _)| *id == check_id) {
            invalid.push(
                "checkId",
                format!("There is no check called \"{check_id}\": acknowledge a finding that the checks reported."),
            );
        }
        let record_id = text::check("recordId", &self.record_id, RECORD, &mut invalid);
        let finding = text::check("finding", &self.finding, FINDING, &mut invalid);
        let reason = text::check("reason", &self.reason, REASON, &mut invalid);
        if reason.chars().count() < 10 && !reason.is_empty() {
            invalid.push(
                "reason",
                "Say in a sentence why this is a deliberate choice, so that an auditor and your successor understand it.",
            );
        }
        invalid.into_result(AcknowledgementDraft {
            check_id,
            record_id,
            finding_field: text::optional_id(&self.finding_field),
            finding,
            reason,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Severity;
    use crate::validation::{Case, check_cases};

    fn finding() -> Finding {
        Finding {
            check: "retentionWithoutJustification".into(),
            severity: Severity::Warning,
            kind: "activity".into(),
            record_id: "a1".into(),
            record: "Donations".into(),
            field: Some("justification".into()),
            article: "Art. 5(1)(e)".into(),
            message: "Data is kept without a time limit.".into(),
            acknowledgement: None,
        }
    }

    #[test]
    fn acknowledgement_rules() {
        let cases: &[Case<AcknowledgementDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no reason",
                |a| a.reason.clear(),
                &[("reason", "Reason is required")],
            ),
            (
                "a word is no reason",
                |a| a.reason = "ok".into(),
                &[("reason", "in a sentence")],
            ),
            (
                "unknown check",
                |a| a.check_id = "madeUp".into(),
                &[("checkId", "no check called \"madeUp\"")],
            ),
            (
                "no record",
                |a| a.record_id.clear(),
                &[("recordId", "Record is required")],
            ),
        ];
        check_cases(
            || AcknowledgementDraft::of(&finding(), "The tax office may ask for ten years."),
            cases,
        );
    }

    #[test]
    fn it_covers_its_finding_until_the_finding_says_something_else() {
        let f = finding();
        let a = AcknowledgementDraft::of(&f, "Deliberate: legal hold.");
        assert!(a.covers(&f));
        let mut other = f.clone();
        other.message = "Data is kept until 2030.".into();
        assert!(!a.covers(&other));
        let mut elsewhere = f.clone();
        elsewhere.record_id = "a2".into();
        assert!(!a.covers(&elsewhere));
        let mut field = f;
        field.field = None;
        assert!(!a.covers(&field));
    }
}
