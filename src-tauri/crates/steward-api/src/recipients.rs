//! User actions on the register of recipients and processors.

use serde::{Deserialize, Serialize};
use steward_core::{EntityKind, RecipientDraft, RecipientRole, Validate};
use ts_rs::TS;

use crate::record::fields_of;
use crate::{Result, Steward};

const ENTITY: EntityKind = EntityKind::Recipient;
const WHAT: &str = "recipient";

/// A recipient or processor as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recipient {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: RecipientDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// One activity that discloses data to a recipient: in which roles, and to
/// which countries it transfers data to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecipientUse {
    pub activity_id: String,
    pub activity_name: String,
    pub roles: Vec<RecipientRole>,
    /// ISO 3166-1 codes of the transfers to this recipient.
    pub transfer_countries: Vec<String>,
}

impl Steward {
    /// The live activities that use a recipient, by activity name.
    pub fn list_recipient_uses(&self, id: &str) -> Result<Vec<RecipientUse>> {
        self.get_recipient(id)?;
        let mut uses = vec![];
        for activity in self.list_activities()? {
            let roles: Vec<RecipientRole> = self
                .list_activity_recipients(&activity.id)?
                .into_iter()
                .filter(|l| l.fields.recipient_id.as_deref() == Some(id))
                .map(|l| l.fields.role)
                .collect();
            let transfer_countries: Vec<String> = self
                .list_transfers(&activity.id)?
                .into_iter()
                .filter(|t| t.fields.recipient_id.as_deref() == Some(id))
                .map(|t| t.fields.country)
                .collect();
            if !roles.is_empty() || !transfer_countries.is_empty() {
                uses.push(RecipientUse {
                    activity_id: activity.id,
                    activity_name: activity.fields.name,
                    roles,
                    transfer_countries,
                });
            }
        }
        Ok(uses)
    }

    /// The recipients that are not deleted, by legal name.
    pub fn list_recipients(&self) -> Result<Vec<Recipient>> {
        self.records(ENTITY)
    }

    pub fn get_recipient(&self, id: &str) -> Result<Recipient> {
        self.record(ENTITY, id, WHAT)
    }

    pub fn create_recipient(&mut self, input: RecipientDraft) -> Result<Recipient> {
        let fields = fields_of(ENTITY, &input.validate()?)?;
        let id = self.insert_record(ENTITY, &fields)?;
        self.get_recipient(&id)
    }

    pub fn update_recipient(
        &mut self,
        id: &str,
        input: RecipientDraft,
        base: Option<&str>,
    ) -> Result<Recipient> {
        let fields = fields_of(ENTITY, &input.validate()?)?;
        self.update_record(ENTITY, id, WHAT, &fields, base)?;
        self.get_recipient(id)
    }

    /// Deletes a recipient; [`Steward::restore_recipient`] undoes it.
    pub fn delete_recipient(&mut self, id: &str, base: Option<&str>) -> Result<Recipient> {
        let recipient = self.get_recipient(id)?;
        self.delete_record(ENTITY, id, WHAT, base)?;
        Ok(recipient)
    }

    pub fn restore_recipient(&mut self, id: &str) -> Result<Recipient> {
        self.restore_record(ENTITY, id, WHAT)?;
        self.get_recipient(id)
    }
}
