//! What an activity's entry still lacks, and whether the law requires it.
//!
//! [`review`] reads one activity with its rows and the organisation profile
//! and says (1) which elements of its Art. 30 record are missing — the
//! completeness indicator of the activity page —, (2) whether Art. 30(5)
//! exempts it from the record, and (3) whether its DPIA screening suggests a
//! DPIA. Pure: the API gathers the rows.

use serde::{Deserialize, Serialize};

use crate::activity::{ActivityDraft, ActivityRole};
use crate::dpia::{DpiaCriterion, DpiaStatus};
use crate::links::{ActivityRecipientDraft, TransferDraft};
use crate::organisation::OrganisationDraft;
use crate::purpose::PurposeDraft;
use crate::retention::RetentionRuleDraft;
use crate::subjects::SubjectGroupDraft;
use crate::vocabulary::{self, SpecialCategory};

/// An element of the record that is not there yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct MissingElement {
    /// A stable id: `controller`, `purposes`, `legalBasis`, `subjects`,
    /// `recipients`, `transferMechanism`, `retention`, `security`,
    /// `description`.
    pub element: String,
    /// The provision that asks for it, e.g. "Art. 30(1)(b)".
    pub article: String,
    /// What to do, in words.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ActivityReview {
    /// Empty when the entry holds every element of its Art. 30 record.
    pub missing: Vec<MissingElement>,
    /// Whether Art. 30 requires this activity in the record.
    pub record_required: bool,
    /// Why it is required, or why it is exempt.
    pub record_required_reasons: Vec<String>,
    /// The screening meets enough WP248 criteria that a DPIA is likely
    /// required, and none is under way or done.
    pub dpia_suggested: bool,
}

/// One activity and everything that belongs to it.
#[derive(Debug, Clone, Copy)]
pub struct ActivityFacts<'a> {
    pub activity: &'a ActivityDraft,
    pub organisation: &'a OrganisationDraft,
    pub purposes: &'a [PurposeDraft],
    pub subject_groups: &'a [SubjectGroupDraft],
    pub recipients: &'a [ActivityRecipientDraft],
    pub transfers: &'a [TransferDraft],
    pub retention: &'a [RetentionRuleDraft],
}

/// Organisations with this many employees or more keep a record of every
/// activity (Art. 30(5)).
pub const RECORD_EVERYTHING_FROM_EMPLOYEES: i64 = 250;

fn missing(element: &str, article: &str, message: &str) -> MissingElement {
    MissingElement {
        element: element.into(),
        article: article.into(),
        message: message.into(),
    }
}

/// Whether any subject group holds special-category (Art. 9) or criminal
/// offence (Art. 10) data, by its vocabulary categories or its stated
/// condition or basis.
pub fn has_special_data(groups: &[SubjectGroupDraft]) -> bool {
    groups.iter().any(|g| {
        g.art9_condition.is_some()
            || !g.art10_basis.is_empty()
            || g.data_categories.iter().any(|c| {
                vocabulary::data_category(c).is_some_and(|d| {
                    matches!(
                        d.special,
                        Some(SpecialCategory::Art9 | SpecialCategory::Art10)
                    )
                })
            })
    })
}

pub fn review(facts: ActivityFacts<'_>) -> ActivityReview {
    let a = facts.activity;
    let org = facts.organisation;
    let mut out = vec![];

    if org.legal_name.is_empty() || (org.contact_email.is_empty() && org.address.is_empty()) {
        out.push(missing(
            "controller",
            "Art. 30(1)(a)",
            "Fill in the organisation profile: the legal name and a contact address or email.",
        ));
    }
    match a.role {
        ActivityRole::Controller => {
            if facts.purposes.is_empty() {
                out.push(missing(
                    "purposes",
                    "Art. 30(1)(b)",
                    "Add at least one purpose of the processing.",
                ));
            }
            let undecided = facts
                .purposes
                .iter()
                .filter(|p| p.legal_basis.is_none())
                .count();
            if undecided > 0 {
                out.push(missing(
                    "legalBasis",
                    "Art. 6(1)",
                    &format!("Choose the legal basis of {undecided} purpose(s)."),
                ));
            }
            if facts.subject_groups.is_empty() {
                out.push(missing(
                    "subjects",
                    "Art. 30(1)(c)",
                    "Add the categories of people concerned and the data kept about them.",
                ));
            }
            if facts.recipients.is_empty() {
                out.push(missing(
                    "recipients",
                    "Art. 30(1)(d)",
                    "Add who receives the data: at least the internal team that handles it, and any processor.",
                ));
            }
            if facts.retention.is_empty() {
                out.push(missing(
                    "retention",
                    "Art. 30(1)(f)",
                    "Add how long the data is kept (a retention rule per data category).",
                ));
            }
        }
        ActivityRole::Processor => {
            if a.description.is_empty() {
                out.push(missing(
                    "description",
                    "Art. 30(2)(b)",
                    "Describe the categories of processing carried out for the controller.",
                ));
            }
        }
    }
    let unprotected = facts
        .transfers
        .iter()
        .filter(|t| t.mechanism.is_none())
        .count();
    if unprotected > 0 {
        out.push(missing(
            "transferMechanism",
            "Art. 30(1)(e)",
            &format!("Choose the Chapter V mechanism of {unprotected} transfer(s)."),
        ));
    }
    if a.security_measures.is_empty() && org.security_measures.is_empty() {
        out.push(missing(
            "security",
            "Art. 30(1)(g)",
            "Tick the security measures that protect this data, here or organisation-wide.",
        ));
    }

    let special = has_special_data(facts.subject_groups);
    let mut reasons = vec![];
    if let Some(n) = org.employee_count
        && n >= RECORD_EVERYTHING_FROM_EMPLOYEES
    {
        reasons.push(format!(
            "The organisation employs {n} people (250 or more)."
        ));
    }
    if !a.occasional {
        reasons.push("The processing is not occasional.".to_owned());
    }
    if a.risk_to_rights {
        reasons.push(
            "The processing is likely to result in a risk to people's rights and freedoms."
                .to_owned(),
        );
    }
    if special {
        reasons.push(
            "It includes special-category (Art. 9) or criminal-offence (Art. 10) data.".to_owned(),
        );
    }
    let record_required = !reasons.is_empty();
    if !record_required {
        reasons.push(
            "Art. 30(5) exempts it: occasional, unlikely to result in a risk, no special-category or criminal-offence data, and fewer than 250 employees. Keeping it in the record is still good practice.".to_owned(),
        );
        if org.employee_count.is_none() {
            reasons.push(
                "Record the number of employees in the organisation profile to confirm the exemption.".to_owned(),
            );
        }
    }

    let dpia_suggested = a.dpia_criteria.len() >= DpiaCriterion::LIKELY_REQUIRED_FROM
        && matches!(a.dpia_status, DpiaStatus::NotScreened);

    ActivityReview {
        missing: out,
        record_required,
        record_required_reasons: reasons,
        dpia_suggested,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::LegalBasis;
    use crate::links::RecipientRole;
    use crate::security::SecurityMeasure;

    struct Owned {
        activity: ActivityDraft,
        organisation: OrganisationDraft,
        purposes: Vec<PurposeDraft>,
        groups: Vec<SubjectGroupDraft>,
        recipients: Vec<ActivityRecipientDraft>,
        transfers: Vec<TransferDraft>,
        retention: Vec<RetentionRuleDraft>,
    }

    impl Owned {
        fn review(&self) -> ActivityReview {
            review(ActivityFacts {
                activity: &self.activity,
                organisation: &self.organisation,
                purposes: &self.purposes,
                subject_groups: &self.groups,
                recipients: &self.recipients,
                transfers: &self.transfers,
                retention: &self.retention,
            })
        }
        fn elements(&self) -> Vec<String> {
            self.review()
                .missing
                .into_iter()
                .map(|m| m.element)
                .collect()
        }
    }

    fn complete() -> Owned {
        Owned {
            activity: ActivityDraft {
                name: "Members".into(),
                security_measures: vec![SecurityMeasure::AccessControl],
                ..ActivityDraft::default()
            },
            organisation: OrganisationDraft {
                legal_name: "Garden e.V.".into(),
                contact_email: "privacy@garden.example".into(),
                employee_count: Some(2),
                ..OrganisationDraft::default()
            },
            purposes: vec![PurposeDraft {
                description: "Manage memberships".into(),
                legal_basis: Some(LegalBasis::Contract),
                ..PurposeDraft::default()
            }],
            groups: vec![SubjectGroupDraft {
                subject_category: "members".into(),
                data_categories: vec!["contact".into()],
                ..SubjectGroupDraft::default()
            }],
            recipients: vec![ActivityRecipientDraft {
                internal_team: "Board".into(),
                role: RecipientRole::Internal,
                ..ActivityRecipientDraft::default()
            }],
            transfers: vec![],
            retention: vec![RetentionRuleDraft {
                data_category: "contact".into(),
                criterion: "Until membership ends".into(),
                ..RetentionRuleDraft::default()
            }],
        }
    }

    #[test]
    fn a_complete_entry_misses_nothing() {
        assert_eq!(complete().elements(), Vec::<String>::new());
    }

    #[test]
    fn an_empty_entry_misses_every_element() {
        let mut o = complete();
        o.organisation = OrganisationDraft::default();
        o.activity.security_measures.clear();
        o.purposes.clear();
        o.groups.clear();
        o.recipients.clear();
        o.retention.clear();
        assert_eq!(
            o.elements(),
            [
                "controller",
                "purposes",
                "subjects",
                "recipients",
                "retention",
                "security"
            ]
        );
    }

    #[test]
    fn undecided_bases_and_unprotected_transfers_are_counted() {
        let mut o = complete();
        o.purposes.push(PurposeDraft {
            description: "Newsletter".into(),
            ..PurposeDraft::default()
        });
        o.transfers.push(TransferDraft {
            country: "US".into(),
            ..TransferDraft::default()
        });
        let review = o.review();
        assert_eq!(review.missing[0].element, "legalBasis");
        assert!(review.missing[0].message.contains("1 purpose"));
        assert_eq!(review.missing[1].element, "transferMechanism");
    }

    #[test]
    fn organisation_wide_security_counts() {
        let mut o = complete();
        o.activity.security_measures.clear();
        o.organisation.security_measures = vec![SecurityMeasure::Backups];
        assert!(o.elements().is_empty());
    }

    #[test]
    fn processor_entries_need_the_art_30_2_elements() {
        let mut o = complete();
        o.activity.role = ActivityRole::Processor;
        o.purposes.clear();
        o.groups.clear();
        o.retention.clear();
        assert_eq!(o.elements(), ["description"]);
    }

    #[test]
    fn art_30_5_exemption() {
        let mut o = complete();
        assert!(o.review().record_required, "regular processing is recorded");
        o.activity.occasional = true;
        let exempt = o.review();
        assert!(!exempt.record_required);
        assert!(exempt.record_required_reasons[0].contains("Art. 30(5) exempts"));

        o.groups[0].data_categories.push("health-data".into());
        let health = o.review();
        assert!(health.record_required);
        assert!(health.record_required_reasons[0].contains("special-category"));

        o.groups[0].data_categories.pop();
        o.organisation.employee_count = Some(300);
        assert!(o.review().record_required_reasons[0].contains("300 people"));

        o.organisation.employee_count = None;
        let unknown = o.review();
        assert!(!unknown.record_required);
        assert!(unknown.record_required_reasons[1].contains("number of employees"));
    }

    #[test]
    fn dpia_suggested_from_two_criteria_until_screened() {
        let mut o = complete();
        o.activity.dpia_criteria = vec![DpiaCriterion::LargeScale];
        assert!(!o.review().dpia_suggested);
        o.activity
            .dpia_criteria
            .push(DpiaCriterion::VulnerableSubjects);
        assert!(o.review().dpia_suggested);
        o.activity.dpia_status = DpiaStatus::InProgress;
        assert!(!o.review().dpia_suggested);
    }
}
