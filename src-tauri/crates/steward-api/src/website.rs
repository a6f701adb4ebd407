//! User actions on the third parties that collect data on the websites.

use serde::{Deserialize, Serialize};
use steward_core::{EntityKind, Validate, WebsiteThirdPartyDraft};
use ts_rs::TS;

use crate::record::fields_of;
use crate::{Result, Steward};

const ENTITY: EntityKind = EntityKind::WebsiteThirdParty;
const WHAT: &str = "website third party";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WebsiteThirdParty {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: WebsiteThirdPartyDraft,
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
    pub fn list_website_third_parties(&self) -> Result<Vec<WebsiteThirdParty>> {
        self.records(ENTITY)
    }

    pub fn get_website_third_party(&self, id: &str) -> Result<WebsiteThirdParty> {
        self.record(ENTITY, id, WHAT)
    }

    pub fn create_website_third_party(
        &mut self,
        input: WebsiteThirdPartyDraft,
    ) -> Result<WebsiteThirdParty> {
        let valid = input.validate()?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        let id = self.insert_record(ENTITY, &fields_of(ENTITY, &valid)?)?;
        self.get_website_third_party(&id)
    }

    pub fn update_website_third_party(
        &mut self,
        id: &str,
        input: WebsiteThirdPartyDraft,
        base: Option<&str>,
    ) -> Result<WebsiteThirdParty> {
        let valid = input.validate()?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        self.update_record(ENTITY, id, WHAT, &fields_of(ENTITY, &valid)?, base)?;
        self.get_website_third_party(id)
    }

    pub fn delete_website_third_party(
        &mut self,
        id: &str,
        base: Option<&str>,
    ) -> Result<WebsiteThirdParty> {
        let third_party = self.get_website_third_party(id)?;
        self.delete_record(ENTITY, id, WHAT, base)?;
        Ok(third_party)
    }

    pub fn restore_website_third_party(&mut self, id: &str) -> Result<WebsiteThirdParty> {
        self.restore_record(ENTITY, id, WHAT)?;
        self.get_website_third_party(id)
    }
}
