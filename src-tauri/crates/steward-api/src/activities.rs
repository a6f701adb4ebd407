//! User actions on processing activities.

use serde_json::{Value, json};
use steward_core::{ActivityDraft, EntityKind, Validate};

use crate::{Activity, ActivityInput, Result, Steward};

/// The op-log fields of a validated activity.
fn fields(draft: &ActivityDraft) -> [(&'static str, Value); 5] {
    [
        ("name", json!(draft.name)),
        ("description", json!(draft.description)),
        ("purposes", json!(draft.purposes)),
        (
            "legal_basis",
            draft.legal_basis.map_or(Value::Null, |b| json!(b.id())),
        ),
        ("status", json!(draft.status.id())),
    ]
}

const ENTITY: EntityKind = EntityKind::Activity;
const WHAT: &str = "processing activity";

impl Steward {
    /// The activities that are not deleted, sorted by name.
    pub fn list_activities(&self) -> Result<Vec<Activity>> {
        self.records(ENTITY)
    }

    pub fn get_activity(&self, id: &str) -> Result<Activity> {
        self.record(ENTITY, id, WHAT)
    }

    pub fn create_activity(&mut self, input: ActivityInput) -> Result<Activity> {
        let draft = ActivityDraft::from(input).validate()?;
        let id = self.insert_record(ENTITY, &fields(&draft))?;
        self.get_activity(&id)
    }

    pub fn update_activity(&mut self, id: &str, input: ActivityInput) -> Result<Activity> {
        let draft = ActivityDraft::from(input).validate()?;
        self.update_record(ENTITY, id, WHAT, &fields(&draft))?;
        self.get_activity(id)
    }

    /// Deletes an activity; [`Steward::restore_activity`] undoes it. Returns
    /// the activity as it was, so that a front end can offer the undo.
    pub fn delete_activity(&mut self, id: &str) -> Result<Activity> {
        let activity = self.get_activity(id)?;
        self.delete_record(ENTITY, id, WHAT)?;
        Ok(activity)
    }

    /// Undoes the delete of an activity. Restoring one that is not deleted
    /// changes nothing.
    pub fn restore_activity(&mut self, id: &str) -> Result<Activity> {
        self.restore_record(ENTITY, id, WHAT)?;
        self.get_activity(id)
    }
}
