//! The processor catalogue: online services nonprofits commonly use, with
//! sourced facts (`assets/catalogue/processors.json`, embedded at compile
//! time). Adding an entry to the register is one action that pre-fills a
//! recipient; the facts carry a date and the user is told to verify them.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::recipient::{DpaStatus, DpfStatus, RecipientDraft};
use crate::text;

/// One catalogue entry, as the file states it. `None` means the fact could
/// not be sourced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ProcessorEntry {
    pub id: String,
    pub name: String,
    pub legal_entity: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    pub category: String,
    pub service: String,
    /// processor, independentController or jointController.
    pub typical_role: String,
    pub dpf: DpfStatus,
    pub dpf_verified: Option<String>,
    pub privacy_policy_url: Option<String>,
    pub dpa_url: Option<String>,
    pub sub_processors_url: Option<String>,
    #[serde(default)]
    pub notes: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessorCatalogueFile {
    pub format_version: u32,
    pub facts_as_of: String,
    pub processors: Vec<ProcessorEntry>,
}

/// The categories an entry may have.
pub const CATEGORIES: &[&str] = &[
    "mailing",
    "crm",
    "eventRegistration",
    "payments",
    "videoConferencing",
    "chat",
    "formsSurveys",
    "helpdesk",
    "hosting",
    "cdn",
    "analytics",
    "codeHosting",
    "eSignature",
    "collaboration",
    "passwordManager",
    "socialMedia",
    "other",
];

static CATALOGUE: LazyLock<ProcessorCatalogueFile> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../../assets/catalogue/processors.json"))
        .unwrap_or_else(|e| panic!("assets/catalogue/processors.json is invalid: {e}"))
});

pub fn processor_catalogue() -> &'static ProcessorCatalogueFile {
    &CATALOGUE
}

impl ProcessorEntry {
    /// The recipient this entry pre-fills, with no DPA recorded yet.
    pub fn to_recipient(&self, facts_as_of: &str) -> RecipientDraft {
        let mut notes = format!(
            "Added from Steward's processor catalogue (facts as of {facts_as_of}): verify them before relying on them."
        );
        if !self.notes.trim().is_empty() {
            notes.push(' ');
            notes.push_str(self.notes.trim());
        }
        let https = |url: &Option<String>| {
            url.clone()
                .filter(|u| text::is_https_url(u))
                .unwrap_or_default()
        };
        RecipientDraft {
            legal_name: self
                .legal_entity
                .clone()
                .unwrap_or_else(|| self.name.clone()),
            trading_name: self.name.clone(),
            country: self.country.clone().unwrap_or_default(),
            address: self.address.clone().unwrap_or_default(),
            contact: String::new(),
            privacy_policy_url: https(&self.privacy_policy_url),
            dpa_status: DpaStatus::Missing,
            dpa_signed: None,
            dpa_expires: None,
            sub_processors: vec![],
            dpf: self.dpf,
            dpf_verified: self.dpf_verified.clone(),
            notes,
            catalogue_id: Some(self.id.clone()),
            dpa_reference: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference;
    use crate::validation::Validate;

    #[test]
    fn the_catalogue_is_well_formed_and_sourced() {
        let catalogue = processor_catalogue();
        assert_eq!(catalogue.format_version, 1);
        assert!(catalogue.facts_as_of.parse::<jiff::civil::Date>().is_ok());
        let entries = &catalogue.processors;
        assert!(
            entries.len() >= 40,
            "at least 40 services, found {}",
            entries.len()
        );
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "ids are unique and sorted");
        for e in entries {
            assert!(
                e.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                e.id
            );
            assert!(
                CATEGORIES.contains(&e.category.as_str()),
                "{}: category {}",
                e.id,
                e.category
            );
            assert!(
                ["processor", "independentController", "jointController"]
                    .contains(&e.typical_role.as_str()),
                "{}: role {}",
                e.id,
                e.typical_role
            );
            if let Some(code) = &e.country {
                assert!(
                    reference::country(code).is_some(),
                    "{}: country {code}",
                    e.id
                );
            }
            for url in [&e.privacy_policy_url, &e.dpa_url, &e.sub_processors_url]
                .into_iter()
                .flatten()
            {
                assert!(text::is_https_url(url), "{}: {url}", e.id);
            }
            assert!(!e.sources.is_empty(), "{}: every fact needs a source", e.id);
        }
    }

    #[test]
    fn every_entry_makes_a_valid_recipient() {
        let catalogue = processor_catalogue();
        for entry in &catalogue.processors {
            let draft = entry.to_recipient(&catalogue.facts_as_of);
            if let Err(invalid) = draft.validate() {
                panic!(
                    "catalogue entry {} does not make a valid recipient: {invalid}",
                    entry.id
                );
            }
        }
    }
}
