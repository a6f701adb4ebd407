//! The processor catalogue: browse it, and add an entry to the register in
//! one action.

use serde::{Deserialize, Serialize};
use steward_core::catalogue::{ProcessorEntry, processor_catalogue};
use ts_rs::TS;

use crate::{ApiError, ErrorCode, Recipient, Result, Steward};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CatalogueEntry {
    #[serde(flatten)]
    #[ts(flatten)]
    pub facts: ProcessorEntry,
    /// Whether a recipient in the register was created from this entry.
    pub in_register: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProcessorCatalogue {
    /// The date the catalogue's facts were last checked.
    pub facts_as_of: String,
    pub entries: Vec<CatalogueEntry>,
}

impl Steward {
    pub fn get_processor_catalogue(&self) -> Result<ProcessorCatalogue> {
        let registered: Vec<Option<String>> = self
            .list_recipients()?
            .into_iter()
            .map(|r| r.fields.catalogue_id)
            .collect();
        let catalogue = processor_catalogue();
        Ok(ProcessorCatalogue {
            facts_as_of: catalogue.facts_as_of.clone(),
            entries: catalogue
                .processors
                .iter()
                .map(|facts| CatalogueEntry {
                    in_register: registered.iter().any(|id| id.as_deref() == Some(&facts.id)),
                    facts: facts.clone(),
                })
                .collect(),
        })
    }

    /// Creates a recipient pre-filled from a catalogue entry, with no DPA
    /// recorded yet. An entry already in the register is not added twice.
    pub fn add_recipient_from_catalogue(&mut self, catalogue_id: &str) -> Result<Recipient> {
        let catalogue = processor_catalogue();
        let entry = catalogue
            .processors
            .iter()
            .find(|e| e.id == catalogue_id)
            .ok_or_else(|| ApiError::not_found("processor-catalogue entry", catalogue_id))?;
        if let Some(existing) = self
            .list_recipients()?
            .into_iter()
            .find(|r| r.fields.catalogue_id.as_deref() == Some(catalogue_id))
        {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!(
                    "{} is already in your register as \"{}\": open that entry instead.",
                    entry.name, existing.fields.legal_name
                ),
            ));
        }
        self.create_recipient(entry.to_recipient(&catalogue.facts_as_of))
    }
}
