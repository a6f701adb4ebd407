//! Whose data an activity processes and what data (Art. 30(1)(c)), and where
//! it comes from (Art. 13/14). A subject group pairs one category of people
//! with the categories of data kept about them; a source says whether the
//! data comes from the people themselves (and in which context) or from a
//! named source organisation.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// The Art. 9(2) condition that lifts the ban on special-category data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Art9Condition {
    /// (a)
    ExplicitConsent,
    /// (b)
    EmploymentSocialSecurity,
    /// (c)
    VitalInterests,
    /// (d) members of a not-for-profit body with a political, philosophical,
    /// religious or trade-union aim.
    NotForProfitBody,
    /// (e)
    ManifestlyMadePublic,
    /// (f)
    LegalClaims,
    /// (g)
    SubstantialPublicInterest,
    /// (h)
    HealthOrSocialCare,
    /// (i)
    PublicHealth,
    /// (j)
    ArchivingResearchStatistics,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "SubjectGroupInput")
)]
pub struct SubjectGroupDraft {
    pub activity_id: String,
    /// A subject category of the vocabulary (its id) or the user's own words.
    pub subject_category: String,
    /// Data categories (vocabulary ids or own words) kept about these people.
    pub data_categories: Vec<String>,
    /// Needed when special-category data (Art. 9) is among them.
    pub art9_condition: Option<Art9Condition>,
    /// The basis for criminal-offence data (Art. 10), in words.
    pub art10_basis: String,
}

const SUBJECT: TextRule = TextRule::line("Category of people", 200).required();
const DATA_CATEGORY: TextRule = TextRule::line("Data category", 200);
const ART10: TextRule = TextRule::paragraph("Art. 10 basis", 2000);

impl Validate for SubjectGroupDraft {
    fn validate(&self) -> Result<SubjectGroupDraft, Invalid> {
        let mut invalid = Invalid::default();
        let subject_category = text::check(
            "subjectCategory",
            &self.subject_category,
            SUBJECT,
            &mut invalid,
        );
        let data_categories = text::check_list(
            "dataCategories",
            &self.data_categories,
            DATA_CATEGORY,
            &mut invalid,
        );
        if data_categories.is_empty() {
            invalid.push(
                "dataCategories",
                "Add at least one category of data kept about these people (Art. 30(1)(c)), e.g. contact details.",
            );
        }
        let art10_basis = text::check("art10Basis", &self.art10_basis, ART10, &mut invalid);
        invalid.into_result(SubjectGroupDraft {
            activity_id: self.activity_id.trim().to_owned(),
            subject_category,
            data_categories,
            art9_condition: self.art9_condition,
            art10_basis,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SourceKind {
    /// Collected from the people themselves (Art. 13).
    #[default]
    DataSubject,
    /// Received from another organisation (Art. 14).
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ActivitySourceInput")
)]
pub struct ActivitySourceDraft {
    pub activity_id: String,
    pub kind: SourceKind,
    /// For data collected from people: where, e.g. "web form", "at the event".
    pub context: String,
    /// For data received: the source organisation of the register.
    pub source_organisation_id: Option<String>,
    pub data_categories: Vec<String>,
    /// Whether the data came from publicly accessible sources (Art. 14(2)(f)).
    pub publicly_accessible: bool,
    /// For data received: how and when the people are told (Art. 14(3)),
    /// e.g. "The registration page links to our privacy policy", or why
    /// they need not be (Art. 14(5)).
    #[serde(default)]
    pub notice: String,
}

const CONTEXT: TextRule = TextRule::line("Context", 300);
const NOTICE: TextRule = TextRule::paragraph("How people are told", 2000);

impl Validate for ActivitySourceDraft {
    fn validate(&self) -> Result<ActivitySourceDraft, Invalid> {
        let mut invalid = Invalid::default();
        let context = text::check("context", &self.context, CONTEXT, &mut invalid);
        let source_organisation_id = text::optional_id(&self.source_organisation_id);
        match (self.kind, &source_organisation_id) {
            (SourceKind::DataSubject, _) if context.is_empty() => invalid.push(
                "context",
                "Say where the people give you this data, e.g. 'membership web form' or 'event check-in'.",
            ),
            (SourceKind::DataSubject, Some(_)) => invalid.push(
                "sourceOrganisationId",
                "Data collected from the people themselves has no source organisation: remove it, or choose 'received from an organisation'.",
            ),
            (SourceKind::Organisation, None) => invalid.push(
                "sourceOrganisationId",
                "Choose the organisation the data comes from (add it to the source organisations first if it is new).",
            ),
            _ => {}
        }
        let data_categories = text::check_list(
            "dataCategories",
            &self.data_categories,
            DATA_CATEGORY,
            &mut invalid,
        );
        let notice = text::check("notice", &self.notice, NOTICE, &mut invalid);
        invalid.into_result(ActivitySourceDraft {
            activity_id: self.activity_id.trim().to_owned(),
            kind: self.kind,
            context,
            source_organisation_id,
            data_categories,
            publicly_accessible: self.publicly_accessible,
            notice,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    #[test]
    fn subject_group_rules() {
        let cases: &[Case<SubjectGroupDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no subjects",
                |g| g.subject_category.clear(),
                &[("subjectCategory", "is required")],
            ),
            (
                "no data",
                |g| g.data_categories.clear(),
                &[("dataCategories", "at least one category")],
            ),
            (
                "duplicate data",
                |g| g.data_categories.push("Identity".into()),
                &[("dataCategories[2]", "repeats")],
            ),
        ];
        check_cases(
            || SubjectGroupDraft {
                activity_id: "a".into(),
                subject_category: "members".into(),
                data_categories: vec!["identity".into(), "contact-email".into()],
                ..SubjectGroupDraft::default()
            },
            cases,
        );
    }

    #[test]
    fn source_rules() {
        let cases: &[Case<ActivitySourceDraft>] = &[
            ("from the person", |_| {}, &[]),
            (
                "no context",
                |s| s.context.clear(),
                &[("context", "Say where")],
            ),
            (
                "organisation without one",
                |s| s.kind = SourceKind::Organisation,
                &[("sourceOrganisationId", "Choose the organisation")],
            ),
            (
                "organisation named",
                |s| {
                    s.kind = SourceKind::Organisation;
                    s.source_organisation_id = Some("o".into());
                },
                &[],
            ),
            (
                "person with an organisation",
                |s| s.source_organisation_id = Some("o".into()),
                &[("sourceOrganisationId", "no source organisation")],
            ),
        ];
        check_cases(
            || ActivitySourceDraft {
                activity_id: "a".into(),
                kind: SourceKind::DataSubject,
                context: "membership web form".into(),
                data_categories: vec!["identity".into()],
                ..ActivitySourceDraft::default()
            },
            cases,
        );
    }
}
