//! User actions on source organisations (Art. 14(2)(f)).

use serde::{Deserialize, Serialize};
use steward_core::{EntityKind, SourceOrganisationDraft, Validate};
use ts_rs::TS;

use crate::record::fields_of;
use crate::{Result, Steward};

const ENTITY: EntityKind = EntityKind::SourceOrganisation;
const WHAT: &str = "source organisation";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SourceOrganisation {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: SourceOrganisationDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

impl Steward {
    pub fn list_source_organisations(&self) -> Result<Vec<SourceOrganisation>> {
        self.records(ENTITY)
    }

    pub fn get_source_organisation(&self, id: &str) -> Result<SourceOrganisation> {
        self.record(ENTITY, id, WHAT)
    }

    pub fn create_source_organisation(
        &mut self,
        input: SourceOrganisationDraft,
    ) -> Result<SourceOrganisation> {
        let valid = input.validate()?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        let id = self.insert_record(ENTITY, &fields_of(ENTITY, &valid)?)?;
        self.get_source_organisation(&id)
    }

    pub fn update_source_organisation(
        &mut self,
        id: &str,
        input: SourceOrganisationDraft,
        base: Option<&str>,
    ) -> Result<SourceOrganisation> {
        let valid = input.validate()?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        self.update_record(ENTITY, id, WHAT, &fields_of(ENTITY, &valid)?, base)?;
        self.get_source_organisation(id)
    }

    pub fn delete_source_organisation(
        &mut self,
        id: &str,
        base: Option<&str>,
    ) -> Result<SourceOrganisation> {
        let source = self.get_source_organisation(id)?;
        self.delete_record(ENTITY, id, WHAT, base)?;
        Ok(source)
    }

    pub fn restore_source_organisation(&mut self, id: &str) -> Result<SourceOrganisation> {
        self.restore_record(ENTITY, id, WHAT)?;
        self.get_source_organisation(id)
    }
}
