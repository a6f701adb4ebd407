//! Processing activities: what an organisation does with personal data, why,
//! and on which Art. 6 legal basis.

use serde::{Deserialize, Serialize};

use crate::dpia::{DpiaCriterion, DpiaStatus};
use crate::security::{SecurityMeasure, check_security};
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

/// Whether the organisation runs the activity for its own purposes
/// (Art. 30(1)) or on behalf of another controller (Art. 30(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ActivityRole {
    #[default]
    Controller,
    Processor,
}

/// Whether people must provide the data (Art. 13(2)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ProvisionRequirement {
    #[default]
    NotStated,
    /// People choose whether to provide it.
    Voluntary,
    /// Required by law.
    Statutory,
    /// Required by a contract with the person.
    Contractual,
    /// Needed to enter into a contract (e.g. to become a member).
    ContractPrerequisite,
}

/// What a user submits to create or edit a processing activity; the API's
/// input type, and (with the row's id and dates) the activity it returns.
/// Purposes, subject groups, sources, recipients, transfers and retention
/// rules are rows of their own that name the activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ActivityInput")
)]
pub struct ActivityDraft {
    pub name: String,
    pub description: String,
    pub status: ActivityStatus,
    /// The department or function, e.g. "Events", "Fundraising".
    pub business_function: String,
    /// Who answers for the activity (a person or role).
    pub owner: String,
    /// Software and systems used, e.g. "CiviCRM", "Mailchimp".
    pub systems: Vec<String>,
    /// Where the data is kept, e.g. "Hetzner data centre, Germany".
    pub data_location: String,
    /// When the entry should next be reviewed (YYYY-MM-DD).
    pub next_review: Option<String>,
    pub role: ActivityRole,
    /// For Art. 30(2): the controller on whose behalf the data is processed.
    pub controller_name: String,
    pub controller_contact: String,
    pub provision_requirement: ProvisionRequirement,
    /// What happens if people do not provide the data (Art. 13(2)(e)).
    pub provision_consequence: String,
    /// Decisions based solely on automated processing (Art. 22).
    pub automated_decisions: bool,
    pub profiling: bool,
    /// The logic involved, its significance and envisaged consequences
    /// (Art. 13(2)(f)).
    pub adm_logic: String,
    pub dpia_criteria: Vec<DpiaCriterion>,
    pub dpia_status: DpiaStatus,
    /// Where the DPIA is kept: a link or a file reference.
    pub dpia_reference: String,
    pub dpia_notes: String,
    /// Art. 30(5): processing that is occasional…
    pub occasional: bool,
    /// …and not likely to result in a risk to people's rights and freedoms.
    pub risk_to_rights: bool,
    pub security_measures: Vec<SecurityMeasure>,
    pub security_notes: String,
}

const NAME: TextRule = TextRule::line("Name", 150).required();
const DESCRIPTION: TextRule = TextRule::paragraph("Description", 5000);
const BUSINESS_FUNCTION: TextRule = TextRule::line("Business function", 200);
const OWNER: TextRule = TextRule::line("Owner", 200);
const SYSTEM: TextRule = TextRule::line("System", 200);
const DATA_LOCATION: TextRule = TextRule::paragraph("Location of data", 1000);
const CONTROLLER_NAME: TextRule = TextRule::line("Controller", 300);
const CONTROLLER_CONTACT: TextRule = TextRule::paragraph("Controller contact", 1000);
const CONSEQUENCE: TextRule = TextRule::paragraph("Consequence of not providing the data", 2000);
const ADM_LOGIC: TextRule = TextRule::paragraph("Logic of the automated decisions", 5000);
/// A link or file reference to a document kept elsewhere.
pub const DOCUMENT_REFERENCE: TextRule = TextRule::line("Document reference", 1000);
const DPIA_NOTES: TextRule = TextRule::paragraph("DPIA notes", 5000);
const MAX_SYSTEMS: usize = 50;

impl Validate for ActivityDraft {
    fn validate(&self) -> Result<ActivityDraft, Invalid> {
        let mut invalid = Invalid::default();
        let name = text::check("name", &self.name, NAME, &mut invalid);
        let description = text::check("description", &self.description, DESCRIPTION, &mut invalid);
        let business_function = text::check(
            "businessFunction",
            &self.business_function,
            BUSINESS_FUNCTION,
            &mut invalid,
        );
        let owner = text::check("owner", &self.owner, OWNER, &mut invalid);
        let systems = text::check_list("systems", &self.systems, SYSTEM, &mut invalid);
        if systems.len() > MAX_SYSTEMS {
            invalid.push(
                "systems",
                format!("List at most {MAX_SYSTEMS} systems: name the main ones."),
            );
        }
        let data_location = text::check(
            "dataLocation",
            &self.data_location,
            DATA_LOCATION,
            &mut invalid,
        );
        let next_review = text::check_date(
            "nextReview",
            "Next review",
            self.next_review.as_deref(),
            &mut invalid,
        );

        let controller_name = text::check(
            "controllerName",
            &self.controller_name,
            CONTROLLER_NAME,
            &mut invalid,
        );
        let controller_contact = text::check(
            "controllerContact",
            &self.controller_contact,
            CONTROLLER_CONTACT,
            &mut invalid,
        );
        match self.role {
            ActivityRole::Processor if controller_name.is_empty() => invalid.push(
                "controllerName",
                "Name the controller on whose behalf you carry out this activity (Art. 30(2)(a)).",
            ),
            ActivityRole::Controller if !controller_name.is_empty() || !controller_contact.is_empty() => {
                invalid.push(
                    "controllerName",
                    "Only an activity carried out as a processor names another controller: clear the controller, or set the role to Processor.",
                )
            }
            _ => {}
        }

        let provision_consequence = text::check(
            "provisionConsequence",
            &self.provision_consequence,
            CONSEQUENCE,
            &mut invalid,
        );
        if matches!(
            self.provision_requirement,
            ProvisionRequirement::Statutory
                | ProvisionRequirement::Contractual
                | ProvisionRequirement::ContractPrerequisite
        ) && provision_consequence.is_empty()
        {
            invalid.push(
                "provisionConsequence",
                "Say what happens if people do not provide the data (Art. 13(2)(e)), e.g. \"we cannot register your membership\".",
            );
        }

        let adm_logic = text::check("admLogic", &self.adm_logic, ADM_LOGIC, &mut invalid);
        if self.automated_decisions && adm_logic.is_empty() {
            invalid.push(
                "admLogic",
                "Describe the logic of the automated decisions, their significance and consequences for people (Art. 13(2)(f)).",
            );
        }

        let dpia_criteria: Vec<DpiaCriterion> = DpiaCriterion::ALL
            .into_iter()
            .filter(|c| self.dpia_criteria.contains(c))
            .collect();
        let dpia_reference = text::check(
            "dpiaReference",
            &self.dpia_reference,
            DOCUMENT_REFERENCE,
            &mut invalid,
        );
        let dpia_notes = text::check("dpiaNotes", &self.dpia_notes, DPIA_NOTES, &mut invalid);
        if self.dpia_status == DpiaStatus::NotRequired
            && dpia_criteria.len() >= DpiaCriterion::LIKELY_REQUIRED_FROM
            && dpia_notes.is_empty()
        {
            invalid.push(
                "dpiaNotes",
                format!(
                    "The screening meets {} criteria, so a DPIA is likely required: explain in the DPIA notes why it is not, or change the status.",
                    dpia_criteria.len()
                ),
            );
        }
        if self.dpia_status == DpiaStatus::Completed && dpia_reference.is_empty() {
            invalid.push(
                "dpiaReference",
                "Say where the completed DPIA is kept: a link or a file reference.",
            );
        }

        let (security_measures, security_notes) =
            check_security(&self.security_measures, &self.security_notes, &mut invalid);

        invalid.into_result(ActivityDraft {
            name,
            description,
            status: self.status,
            business_function,
            owner,
            systems,
            data_location,
            next_review,
            role: self.role,
            controller_name,
            controller_contact,
            provision_requirement: self.provision_requirement,
            provision_consequence,
            automated_decisions: self.automated_decisions,
            profiling: self.profiling,
            adm_logic,
            dpia_criteria,
            dpia_status: self.dpia_status,
            dpia_reference,
            dpia_notes,
            occasional: self.occasional,
            risk_to_rights: self.risk_to_rights,
            security_measures,
            security_notes,
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
            status: ActivityStatus::Active,
            business_function: "Membership".into(),
            owner: "Membership secretary".into(),
            systems: vec!["CiviCRM".into()],
            data_location: "Hetzner, Germany".into(),
            next_review: Some("2027-06-30".into()),
            security_measures: vec![SecurityMeasure::AccessControl, SecurityMeasure::Backups],
            ..ActivityDraft::default()
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
                "bidi override in description",
                |d| d.description = "a\u{2066}b".into(),
                &[("description", "text-direction")],
            ),
            (
                "empty system",
                |d| d.systems.push(" ".into()),
                &[("systems[1]", "System 2 is empty")],
            ),
            (
                "duplicate system",
                |d| d.systems.push("civicrm".into()),
                &[("systems[1]", "repeats an earlier one")],
            ),
            (
                "too many systems",
                |d| d.systems = (0..51).map(|i| format!("System {i}")).collect(),
                &[("systems", "at most 50")],
            ),
            (
                "review date not ISO",
                |d| d.next_review = Some("30/06/2027".into()),
                &[("nextReview", "YYYY-MM-DD")],
            ),
            (
                "processor without controller",
                |d| d.role = ActivityRole::Processor,
                &[("controllerName", "Art. 30(2)(a)")],
            ),
            (
                "processor with controller",
                |d| {
                    d.role = ActivityRole::Processor;
                    d.controller_name = "Partner Foundation".into();
                },
                &[],
            ),
            (
                "controller naming another controller",
                |d| d.controller_name = "Partner Foundation".into(),
                &[("controllerName", "set the role to Processor")],
            ),
            (
                "statutory requirement without consequence",
                |d| d.provision_requirement = ProvisionRequirement::Statutory,
                &[("provisionConsequence", "Art. 13(2)(e)")],
            ),
            (
                "voluntary needs no consequence",
                |d| d.provision_requirement = ProvisionRequirement::Voluntary,
                &[],
            ),
            (
                "automated decisions without logic",
                |d| d.automated_decisions = true,
                &[("admLogic", "Art. 13(2)(f)")],
            ),
            (
                "DPIA waived against the screening",
                |d| {
                    d.dpia_criteria = vec![DpiaCriterion::LargeScale, DpiaCriterion::SensitiveData];
                    d.dpia_status = DpiaStatus::NotRequired;
                },
                &[("dpiaNotes", "meets 2 criteria")],
            ),
            (
                "DPIA waived with a reason",
                |d| {
                    d.dpia_criteria = vec![DpiaCriterion::LargeScale, DpiaCriterion::SensitiveData];
                    d.dpia_status = DpiaStatus::NotRequired;
                    d.dpia_notes = "Only 40 people; health data limited to allergies.".into();
                },
                &[],
            ),
            (
                "completed DPIA without reference",
                |d| d.dpia_status = DpiaStatus::Completed,
                &[("dpiaReference", "where the completed DPIA is kept")],
            ),
            (
                "other measures without notes",
                |d| d.security_measures.push(SecurityMeasure::Other),
                &[("securityNotes", "describe them")],
            ),
            (
                "control character in reference",
                |d| d.dpia_reference = "dpia\u{7}.pdf".into(),
                &[("dpiaReference", "control character")],
            ),
        ];
        check_cases(draft, cases);
    }

    #[test]
    fn validation_normalises_text_and_checklists() {
        let mut d = draft();
        d.name = "  Donor  records ".into();
        d.systems = vec![" CiviCRM ".into()];
        d.security_measures = vec![
            SecurityMeasure::Backups,
            SecurityMeasure::AccessControl,
            SecurityMeasure::Backups,
        ];
        d.dpia_criteria = vec![
            DpiaCriterion::LargeScale,
            DpiaCriterion::EvaluationOrScoring,
        ];
        let valid = d.validate().expect("valid");
        assert_eq!(valid.name, "Donor  records");
        assert_eq!(valid.systems, vec!["CiviCRM".to_string()]);
        assert_eq!(
            valid.security_measures,
            vec![SecurityMeasure::AccessControl, SecurityMeasure::Backups]
        );
        assert_eq!(
            valid.dpia_criteria,
            vec![
                DpiaCriterion::EvaluationOrScoring,
                DpiaCriterion::LargeScale
            ]
        );
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
