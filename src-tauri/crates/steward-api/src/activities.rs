//! User actions on processing activities.

use serde_json::{Value, json};
use steward_core::{ActivityDraft, EntityKind, Validate};
use steward_store::StoredActivity;

use crate::{Activity, ActivityInput, ApiError, Result, Steward};

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

impl Steward {
    /// The activities that are not deleted, sorted by name.
    pub fn list_activities(&self) -> Result<Vec<Activity>> {
        Ok(self
            .store
            .activities()?
            .into_iter()
            .map(Activity::from)
            .collect())
    }

    pub fn get_activity(&self, id: &str) -> Result<Activity> {
        Ok(self.live_activity(id)?.into())
    }

    pub fn create_activity(&mut self, input: ActivityInput) -> Result<Activity> {
        let draft = ActivityDraft::from(input).validate()?;
        let now = self.clock.now();
        let id = self
            .store
            .write(now, |w| w.insert(EntityKind::Activity, &fields(&draft)))?;
        self.get_activity(&id)
    }

    pub fn update_activity(&mut self, id: &str, input: ActivityInput) -> Result<Activity> {
        let draft = ActivityDraft::from(input).validate()?;
        self.live_activity(id)?;
        let now = self.clock.now();
        self.store
            .write(now, |w| w.set(EntityKind::Activity, id, &fields(&draft)))?;
        self.get_activity(id)
    }

    /// Deletes an activity; [`Steward::restore_activity`] undoes it. Returns
    /// the activity as it was, so that a front end can offer the undo.
    pub fn delete_activity(&mut self, id: &str) -> Result<Activity> {
        let activity = self.live_activity(id)?;
        let now = self.clock.now();
        self.store
            .write(now, |w| w.delete(EntityKind::Activity, id))?;
        Ok(activity.into())
    }

    /// Undoes the delete of an activity. Restoring one that is not deleted
    /// changes nothing.
    pub fn restore_activity(&mut self, id: &str) -> Result<Activity> {
        match self.store.activity(id)? {
            None => Err(ApiError::not_found("processing activity", id)),
            Some((_, false)) => self.get_activity(id),
            Some((_, true)) => {
                let now = self.clock.now();
                self.store
                    .write(now, |w| w.restore(EntityKind::Activity, id))?;
                self.get_activity(id)
            }
        }
    }

    fn live_activity(&self, id: &str) -> Result<StoredActivity> {
        match self.store.activity(id)? {
            Some((activity, false)) => Ok(activity),
            _ => Err(ApiError::not_found("processing activity", id)),
        }
    }
}
