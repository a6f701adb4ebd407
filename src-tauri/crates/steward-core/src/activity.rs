//! Processing activities: what an organisation does with personal data, why,
//! and on which Art. 6 legal basis.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// The Art. 6(1) GDPR lawful basis an activity relies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum LegalBasis {
    /// Art. 6(1)(a)
    Consent,
    /// Art. 6(1)(b)
    Contract,
    /// Art. 6(1)(c)
    LegalObligation,
    /// Art. 6(1)(d)
    VitalInterests,
    /// Art. 6(1)(e)
    PublicTask,
    /// Art. 6(1)(f)
    LegitimateInterests,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterests,
    ];

    /// The stable identifier used in the op log, the CLI and the API.
    pub fn id(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legalObligation",
            LegalBasis::VitalInterests => "vitalInterests",
            LegalBasis::PublicTask => "publicTask",
            LegalBasis::LegitimateInterests => "legitimateInterests",
        }
    }

    pub fn from_id(id: &str) -> Option<LegalBasis> {
        LegalBasis::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The article reference, e.g. "Art. 6(1)(a)".
    pub fn article(self) -> &'static str {
        match self {
            LegalBasis::Consent => "Art. 6(1)(a)",
            LegalBasis::Contract => "Art. 6(1)(b)",
            LegalBasis::LegalObligation => "Art. 6(1)(c)",
            LegalBasis::VitalInterests => "Art. 6(1)(d)",
            LegalBasis::PublicTask => "Art. 6(1)(e)",
            LegalBasis::LegitimateInterests => "Art. 6(1)(f)",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LegalBasis::Consent => "Consent",
            LegalBasis::Contract => "Contract",
            LegalBasis::LegalObligation => "Legal obligation",
            LegalBasis::VitalInterests => "Vital interests",
            LegalBasis::PublicTask => "Public task",
            LegalBasis::LegitimateInterests => "Legitimate interests",
        }
    }
}

/// Where an activity stands in its life: drafts may be incomplete; active
/// activities are part of the record an auditor sees; retired ones are kept
/// for the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ActivityStatus {
    #[default]
    Draft,
    Active,
    Retired,
}

impl ActivityStatus {
    pub const ALL: [ActivityStatus; 3] = [
        ActivityStatus::Draft,
        ActivityStatus::Active,
        ActivityStatus::Retired,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ActivityStatus::Draft => "draft",
            ActivityStatus::Active => "active",
            ActivityStatus::Retired => "retired",
        }
    }

    pub fn from_id(id: &str) -> Option<ActivityStatus> {
        ActivityStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What a user submits to create or edit a processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivityDraft {
    pub name: String,
    pub description: String,
    pub purposes: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub status: ActivityStatus,
}

const NAME: TextRule = TextRule::line("Name", 150).required();
const DESCRIPTION: TextRule = TextRule::paragraph("Description", 5000);
const PURPOSE: TextRule = TextRule::line("Purpose", 500);
const MAX_PURPOSES: usize = 50;

impl Validate for ActivityDraft {
    fn validate(&self) -> Result<ActivityDraft, Invalid> {
        let mut invalid = Invalid::default();
        let name = text::check("name", &self.name, NAME, &mut invalid);
        let description = text::check("description", &self.description, DESCRIPTION, &mut invalid);

        let purposes = text::check_list("purposes", &self.purposes, PURPOSE, &mut invalid);
        if purposes.len() > MAX_PURPOSES {
            invalid.push(
                "purposes",
                format!(
                    "An activity can list at most {MAX_PURPOSES} purposes: split it into several activities."
                ),
            );
        }
        if self.status == ActivityStatus::Active {
            if purposes.is_empty() {
                invalid.push(
                    "purposes",
                    "An active activity needs at least one purpose (Art. 30(1)(b)): add one, or keep the status Draft.",
                );
            }
            if self.legal_basis.is_none() {
                invalid.push(
                    "legalBasis",
                    "An active activity needs a legal basis (Art. 6(1)): choose one, or keep the status Draft.",
                );
            }
        }

        invalid.into_result(ActivityDraft {
            name,
            description,
            purposes,
            legal_basis: self.legal_basis,
            status: self.status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    fn draft() -> ActivityDraft {
        ActivityDraft {
            name: "Member administration".into(),
            description: "Keeping the list of members.".into(),
            purposes: vec!["Manage memberships".into()],
            legal_basis: Some(LegalBasis::Contract),
            status: ActivityStatus::Active,
        }
    }

    /// Each case changes a valid draft and names the fields that must be
    /// reported, with a fragment of the message the user reads.
    #[test]
    fn activity_rules() {
        let cases: &[Case<ActivityDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "empty name",
                |d| d.name = "  ".into(),
                &[("name", "Name is required")],
            ),
            (
                "long name",
                |d| d.name = "x".repeat(151),
                &[("name", "at most 150")],
            ),
            (
                "multi-line name",
                |d| d.name = "a\nb".into(),
                &[("name", "line break")],
            ),
            (
                "empty purpose",
                |d| d.purposes.push(" ".into()),
                &[("purposes[1]", "Purpose 2 is empty")],
            ),
            (
                "duplicate purpose",
                |d| d.purposes.push("manage memberships".into()),
                &[("purposes[1]", "Purpose 2 repeats an earlier one")],
            ),
            (
                "active without purpose or basis",
                |d| {
                    d.purposes.clear();
                    d.legal_basis = None;
                },
                &[
                    ("purposes", "at least one purpose"),
                    ("legalBasis", "needs a legal basis"),
                ],
            ),
            (
                "draft may be incomplete",
                |d| {
                    d.status = ActivityStatus::Draft;
                    d.purposes.clear();
                    d.legal_basis = None;
                },
                &[],
            ),
            (
                "too many purposes",
                |d| d.purposes = (0..51).map(|i| format!("Purpose {i}")).collect(),
                &[("purposes", "at most 50")],
            ),
            (
                "bidi override in description",
                |d| d.description = "a\u{2066}b".into(),
                &[("description", "text-direction")],
            ),
        ];
        check_cases(draft, cases);
    }

    #[test]
    fn validation_normalises_text() {
        let mut d = draft();
        d.name = "  Donor  records ".into();
        d.purposes = vec![" Thank donors ".into()];
        let valid = d.validate().expect("valid");
        assert_eq!(valid.name, "Donor  records");
        assert_eq!(valid.purposes, vec!["Thank donors".to_string()]);
    }

    #[test]
    fn identifiers_round_trip() {
        for b in LegalBasis::ALL {
            assert_eq!(LegalBasis::from_id(b.id()), Some(b));
        }
        for s in ActivityStatus::ALL {
            assert_eq!(ActivityStatus::from_id(s.id()), Some(s));
        }
        assert_eq!(LegalBasis::from_id("Consent"), None);
    }
}
