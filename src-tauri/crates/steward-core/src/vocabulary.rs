//! The shared vocabularies of the register: categories of data subjects and
//! of personal data (`assets/vocabulary/`, embedded at compile time), each
//! mapped to a W3C Data Privacy Vocabulary concept where one exists. Activities
//! refer to entries by their `id`, which is therefore never renamed.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// Where a data category stands under the GDPR's special rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SpecialCategory {
    /// Art. 9(1): needs an Art. 9(2) condition.
    Art9,
    /// Art. 10: criminal convictions and offences.
    Art10,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SubjectCategory {
    pub id: String,
    pub label: String,
    pub description: String,
    /// The DPV concept, e.g. `dpv:Member`, or `None` where none fits.
    pub dpv: Option<String>,
    /// Whether the EDPB's DPIA criteria count these people as vulnerable.
    pub vulnerable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DataCategory {
    pub id: String,
    pub label: String,
    pub description: String,
    pub dpv: Option<String>,
    pub special: Option<SpecialCategory>,
    /// Sensitive categories this data may reveal (dietary needs → health).
    #[serde(default)]
    pub may_reveal: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SubjectFile {
    subject_categories: Vec<SubjectCategory>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DataFile {
    data_categories: Vec<DataCategory>,
}

static SUBJECTS: LazyLock<Vec<SubjectCategory>> = LazyLock::new(|| {
    let file: SubjectFile = serde_json::from_str(include_str!(
        "../../../../assets/vocabulary/subject-categories.json"
    ))
    .unwrap_or_else(|e| panic!("assets/vocabulary/subject-categories.json is invalid: {e}"));
    file.subject_categories
});

static DATA: LazyLock<Vec<DataCategory>> = LazyLock::new(|| {
    let file: DataFile = serde_json::from_str(include_str!(
        "../../../../assets/vocabulary/data-categories.json"
    ))
    .unwrap_or_else(|e| panic!("assets/vocabulary/data-categories.json is invalid: {e}"));
    file.data_categories
});

pub fn subject_categories() -> &'static [SubjectCategory] {
    &SUBJECTS
}

pub fn data_categories() -> &'static [DataCategory] {
    &DATA
}

pub fn data_category(id: &str) -> Option<&'static DataCategory> {
    DATA.iter().find(|c| c.id == id)
}

pub fn subject_category(id: &str) -> Option<&'static SubjectCategory> {
    SUBJECTS.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_kebab(id: &str) -> bool {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    #[test]
    fn the_nonprofit_subjects_are_all_there() {
        for id in [
            "members",
            "donors",
            "volunteers",
            "event-attendees",
            "contributors",
            "cla-signers",
            "mailing-list-subscribers",
            "website-visitors",
            "board-candidates",
            "staff",
            "job-applicants",
            "survey-respondents",
        ] {
            assert!(
                subject_category(id).is_some(),
                "missing subject category {id}"
            );
        }
    }

    #[test]
    fn ids_are_unique_kebab_case_and_dpv_terms_are_prefixed() {
        let mut ids: Vec<&str> = subject_categories().iter().map(|c| c.id.as_str()).collect();
        ids.extend(data_categories().iter().map(|c| c.id.as_str()));
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "an id is used twice");
        assert!(ids.iter().all(|id| is_kebab(id)));
        let dpv = subject_categories().iter().filter_map(|c| c.dpv.as_deref());
        let pd = data_categories().iter().filter_map(|c| c.dpv.as_deref());
        for term in dpv.chain(pd) {
            assert!(
                term.starts_with("dpv:") || term.starts_with("pd:"),
                "{term}"
            );
        }
    }

    #[test]
    fn special_categories_cover_article_9_and_10() {
        let art9 = data_categories()
            .iter()
            .filter(|c| c.special == Some(SpecialCategory::Art9))
            .count();
        let art10 = data_categories()
            .iter()
            .filter(|c| c.special == Some(SpecialCategory::Art10))
            .count();
        assert_eq!(art9, 8, "the eight families of Art. 9(1)");
        assert_eq!(art10, 1);
        for c in data_categories() {
            for revealed in &c.may_reveal {
                assert!(
                    data_category(revealed).is_some(),
                    "{}: may reveal unknown {revealed}",
                    c.id
                );
            }
        }
    }
}
