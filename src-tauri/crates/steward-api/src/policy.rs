//! The privacy policy's records: a person's own text for a section
//! ([`PolicyEdit`]) and the versions of the policy that were saved
//! ([`PolicyVersion`]). The draft itself is written by `steward-docs`; these
//! are what it reads besides the register, and what it compares against.

use serde::{Deserialize, Serialize};
use steward_core::{EntityKind, PolicyEditDraft, PolicyVersionDraft, Validate};
use ts_rs::TS;

use crate::record::fields_of;
use crate::{Result, Steward};

const EDIT: EntityKind = EntityKind::PolicyEdit;
const EDIT_WHAT: &str = "text of the policy";
const VERSION: EntityKind = EntityKind::PolicyVersion;
const VERSION_WHAT: &str = "saved version of the policy";

/// A person's text for a section of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyEdit {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: PolicyEditDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// The policy as it was when a person saved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyVersion {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: PolicyVersionDraft,
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
    /// Every section's own text, by section id.
    pub fn list_policy_edits(&self) -> Result<Vec<PolicyEdit>> {
        self.records(EDIT)
    }

    /// Sets the person's text for a section: a section has one text, so a
    /// second save for the same section changes the first.
    pub fn save_policy_edit(
        &mut self,
        input: &PolicyEditDraft,
        base: Option<&str>,
    ) -> Result<PolicyEdit> {
        let valid = input.validate()?;
        let fields = fields_of(EDIT, &valid)?;
        let existing = self
            .list_policy_edits()?
            .into_iter()
            .find(|e| e.fields.section_id == valid.section_id);
        let id = match existing {
            Some(edit) => {
                self.update_record(EDIT, &edit.id, EDIT_WHAT, &fields, base)?;
                edit.id
            }
            None => self.insert_record(EDIT, &fields)?,
        };
        self.record(EDIT, &id, EDIT_WHAT)
    }

    /// Removes a section's own text: the section is the generated text
    /// again. Returns what was removed, so that it can be restored.
    pub fn delete_policy_edit(&mut self, id: &str, base: Option<&str>) -> Result<PolicyEdit> {
        let edit: PolicyEdit = self.record(EDIT, id, EDIT_WHAT)?;
        self.delete_record(EDIT, id, EDIT_WHAT, base)?;
        Ok(edit)
    }

    /// Undoes [`Self::delete_policy_edit`].
    pub fn restore_policy_edit(&mut self, id: &str) -> Result<PolicyEdit> {
        self.restore_record(EDIT, id, EDIT_WHAT)?;
        self.record(EDIT, id, EDIT_WHAT)
    }

    /// Saves `markdown` (the policy as it reads now) as a version, stamped
    /// with the clock's time: later drafts are compared with the newest.
    pub fn save_policy_version(&mut self, markdown: &str, note: &str) -> Result<PolicyVersion> {
        let draft = PolicyVersionDraft {
            saved_at: self.clock.now().to_string(),
            note: note.to_owned(),
            markdown: markdown.to_owned(),
        };
        let valid = draft.validate()?;
        let id = self.insert_record(VERSION, &fields_of(VERSION, &valid)?)?;
        self.record(VERSION, &id, VERSION_WHAT)
    }

    /// The saved versions, oldest first.
    pub fn list_policy_versions(&self) -> Result<Vec<PolicyVersion>> {
        self.records(VERSION)
    }
}
