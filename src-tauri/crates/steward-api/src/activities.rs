//! User actions on processing activities: the activity's own fields, its
//! completeness review, and duplicating it with everything that belongs to
//! it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use steward_core::review::{self, ActivityFacts};
use steward_core::{
    ActivityDraft, ActivityReview, ActivityStatus, EntityKind, OrganisationDraft, Validate,
};

use crate::record::fields_of;
use crate::{Activity, Result, Steward};

/// The review of one activity, in the list of all reviews.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityReviewRow {
    pub activity_id: String,
    pub review: ActivityReview,
}

const ENTITY: EntityKind = EntityKind::Activity;
const WHAT: &str = "processing activity";
/// Longest name a duplicate may have (the limit of an activity's name).
const MAX_NAME_CHARS: usize = 150;

impl Steward {
    /// The activities that are not deleted, sorted by name.
    pub fn list_activities(&self) -> Result<Vec<Activity>> {
        self.records(ENTITY)
    }

    pub fn get_activity(&self, id: &str) -> Result<Activity> {
        self.record(ENTITY, id, WHAT)
    }

    pub fn create_activity(&mut self, input: ActivityDraft) -> Result<Activity> {
        let valid = input.validate()?;
        let id = self.insert_record(ENTITY, &fields_of(ENTITY, &valid)?)?;
        self.get_activity(&id)
    }

    pub fn update_activity(
        &mut self,
        id: &str,
        input: ActivityDraft,
        base: Option<&str>,
    ) -> Result<Activity> {
        let valid = input.validate()?;
        self.update_record(ENTITY, id, WHAT, &fields_of(ENTITY, &valid)?, base)?;
        self.get_activity(id)
    }

    /// Deletes an activity; [`Steward::restore_activity`] undoes it. Returns
    /// the activity as it was, so that a front end can offer the undo. Its
    /// purposes, recipients, transfers… stay, hidden with it, and come back
    /// with the undo.
    pub fn delete_activity(&mut self, id: &str, base: Option<&str>) -> Result<Activity> {
        let activity = self.get_activity(id)?;
        self.delete_record(ENTITY, id, WHAT, base)?;
        Ok(activity)
    }

    /// Undoes the delete of an activity. Restoring one that is not deleted
    /// changes nothing.
    pub fn restore_activity(&mut self, id: &str) -> Result<Activity> {
        self.restore_record(ENTITY, id, WHAT)?;
        self.get_activity(id)
    }

    /// Copies an activity, as a draft named "… (copy)", with its purposes,
    /// groups of people, sources, recipients, transfers and retention rules,
    /// in one change.
    pub fn duplicate_activity(&mut self, id: &str) -> Result<Activity> {
        let original = self.get_activity(id)?;
        let mut copy = original.fields;
        copy.status = ActivityStatus::Draft;
        copy.name = copy_name(&copy.name);
        let activity_fields = fields_of(ENTITY, &copy)?;
        let mut parts = vec![];
        for kind in EntityKind::ACTIVITY_PARTS {
            for row in self.store.rows_where(kind, "activity_id", id)? {
                parts.push((kind, row.fields));
            }
        }
        let now = self.clock.now();
        let new_id = self.store.write(now, |w| {
            let new_id = w.insert(ENTITY, &activity_fields)?;
            for (kind, fields) in &parts {
                let fields: Vec<(&str, Value)> = kind
                    .fields()
                    .iter()
                    .filter(|spec| !spec.retired)
                    .map(|spec| {
                        let value = if spec.name == "activity_id" {
                            Value::String(new_id.clone())
                        } else {
                            fields.get(spec.name).cloned().unwrap_or(Value::Null)
                        };
                        (spec.name, value)
                    })
                    .collect();
                w.insert(*kind, &fields)?;
            }
            Ok::<_, crate::ApiError>(new_id)
        })?;
        self.get_activity(&new_id)
    }

    /// Which elements of its Art. 30 record an activity still lacks, whether
    /// the record is required for it (Art. 30(5)), and whether a DPIA is
    /// suggested.
    pub fn get_activity_review(&self, id: &str) -> Result<ActivityReview> {
        let activity = self.get_activity(id)?;
        let organisation = self.get_organisation()?.fields;
        self.review(&activity, &organisation)
    }

    /// The review of every activity, in the order of [`Self::list_activities`].
    pub fn list_activity_reviews(&self) -> Result<Vec<ActivityReviewRow>> {
        let organisation = self.get_organisation()?.fields;
        self.list_activities()?
            .into_iter()
            .map(|a| {
                Ok(ActivityReviewRow {
                    review: self.review(&a, &organisation)?,
                    activity_id: a.id,
                })
            })
            .collect()
    }

    fn review(&self, a: &Activity, organisation: &OrganisationDraft) -> Result<ActivityReview> {
        let purposes: Vec<_> = self
            .list_purposes(&a.id)?
            .into_iter()
            .map(|p| p.fields)
            .collect();
        let groups: Vec<_> = self
            .list_subject_groups(&a.id)?
            .into_iter()
            .map(|p| p.fields)
            .collect();
        let recipients: Vec<_> = self
            .list_activity_recipients(&a.id)?
            .into_iter()
            .map(|p| p.fields)
            .collect();
        let transfers: Vec<_> = self
            .list_transfers(&a.id)?
            .into_iter()
            .map(|p| p.fields)
            .collect();
        let retention: Vec<_> = self
            .list_retention_rules(&a.id)?
            .into_iter()
            .map(|p| p.fields)
            .collect();
        Ok(review::review(ActivityFacts {
            activity: &a.fields,
            organisation,
            purposes: &purposes,
            subject_groups: &groups,
            recipients: &recipients,
            transfers: &transfers,
            retention: &retention,
        }))
    }
}

/// "Name (copy)", shortened so that it stays a valid name.
fn copy_name(name: &str) -> String {
    const SUFFIX: &str = " (copy)";
    let keep = MAX_NAME_CHARS - SUFFIX.chars().count();
    let base: String = name.chars().take(keep).collect();
    format!("{}{SUFFIX}", base.trim_end())
}

#[cfg(test)]
mod tests {
    use super::copy_name;

    #[test]
    fn copy_names_stay_within_the_limit() {
        assert_eq!(copy_name("Members"), "Members (copy)");
        let long = "é".repeat(150);
        assert_eq!(copy_name(&long).chars().count(), 150);
    }
}
