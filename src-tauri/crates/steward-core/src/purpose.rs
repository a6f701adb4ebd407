//! The purposes of an activity (Art. 30(1)(b)), each with its Art. 6 legal
//! basis (Art. 13(1)(c)): for legitimate interests, the interest pursued
//! (Art. 13(1)(d)) and where its balancing test is kept; for consent, how
//! consent is recorded (Art. 7(1)).

use serde::{Deserialize, Serialize};

use crate::activity::{DOCUMENT_REFERENCE, LegalBasis};
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "PurposeInput"))]
pub struct PurposeDraft {
    pub activity_id: String,
    /// What the data is used for, e.g. "Send the member newsletter".
    pub description: String,
    /// `null` while undecided; the completeness check reports it.
    pub legal_basis: Option<LegalBasis>,
    /// For legitimate interests: the interest pursued.
    pub legitimate_interest: String,
    /// For legitimate interests: where the balancing test (LIA) is kept.
    pub lia_reference: String,
    /// For consent: how and where consent is recorded.
    pub consent_record: String,
}

const DESCRIPTION: TextRule = TextRule::paragraph("Purpose", 1000).required();
const INTEREST: TextRule = TextRule::paragraph("Legitimate interest", 2000);
const CONSENT_RECORD: TextRule = TextRule::line("Consent record", 1000);

impl Validate for PurposeDraft {
    fn validate(&self) -> Result<PurposeDraft, Invalid> {
        let mut invalid = Invalid::default();
        let description = text::check("description", &self.description, DESCRIPTION, &mut invalid);
        let legitimate_interest = text::check(
            "legitimateInterest",
            &self.legitimate_interest,
            INTEREST,
            &mut invalid,
        );
        let lia_reference = text::check(
            "liaReference",
            &self.lia_reference,
            DOCUMENT_REFERENCE,
            &mut invalid,
        );
        let consent_record = text::check(
            "consentRecord",
            &self.consent_record,
            CONSENT_RECORD,
            &mut invalid,
        );
        let is_li = self.legal_basis == Some(LegalBasis::LegitimateInterests);
        if is_li && legitimate_interest.is_empty() {
            invalid.push(
                "legitimateInterest",
                "Say which legitimate interest is pursued (Art. 13(1)(d)), e.g. \"keeping supporters informed of our work\".",
            );
        }
        if !is_li && (!legitimate_interest.is_empty() || !lia_reference.is_empty()) {
            invalid.push(
                "legitimateInterest",
                "A legitimate interest and its balancing test belong to the legal basis Legitimate interests: clear them, or change the basis.",
            );
        }
        if self.legal_basis != Some(LegalBasis::Consent) && !consent_record.is_empty() {
            invalid.push(
                "consentRecord",
                "A consent record belongs to the legal basis Consent: clear it, or change the basis.",
            );
        }
        invalid.into_result(PurposeDraft {
            activity_id: self.activity_id.trim().to_owned(),
            description,
            legal_basis: self.legal_basis,
            legitimate_interest,
            lia_reference,
            consent_record,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    fn purpose() -> PurposeDraft {
        PurposeDraft {
            activity_id: "a".into(),
            description: "Send the newsletter".into(),
            legal_basis: Some(LegalBasis::LegitimateInterests),
            legitimate_interest: "Keeping supporters informed".into(),
            lia_reference: "https://drive.example/lia-newsletter".into(),
            consent_record: String::new(),
        }
    }

    #[test]
    fn purpose_rules() {
        let cases: &[Case<PurposeDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no description",
                |p| p.description = " ".into(),
                &[("description", "Purpose is required")],
            ),
            (
                "very long description",
                |p| p.description = "x".repeat(1001),
                &[("description", "at most 1000")],
            ),
            (
                "legitimate interests without the interest",
                |p| p.legitimate_interest.clear(),
                &[("legitimateInterest", "Art. 13(1)(d)")],
            ),
            (
                "interest under another basis",
                |p| p.legal_basis = Some(LegalBasis::Contract),
                &[("legitimateInterest", "clear them, or change the basis")],
            ),
            (
                "consent with its record",
                |p| {
                    p.legal_basis = Some(LegalBasis::Consent);
                    p.legitimate_interest.clear();
                    p.lia_reference.clear();
                    p.consent_record = "Sign-up form checkbox, logged in CiviCRM".into();
                },
                &[],
            ),
            (
                "consent record under another basis",
                |p| p.consent_record = "checkbox".into(),
                &[("consentRecord", "belongs to the legal basis Consent")],
            ),
            (
                "undecided basis is allowed",
                |p| {
                    p.legal_basis = None;
                    p.legitimate_interest.clear();
                    p.lia_reference.clear();
                },
                &[],
            ),
        ];
        check_cases(purpose, cases);
    }
}
