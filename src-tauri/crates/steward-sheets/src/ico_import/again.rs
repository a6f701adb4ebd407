//! The same sheet imported again: an activity the register holds already
//! (the same name and business function, as the first import made it) is
//! updated in place instead of added a second time, and the preview says
//! what changes.
//!
//! Nothing the register holds is lost: a field the sheet leaves empty keeps
//! the register's value (an owner or a review date set in the app), and a
//! row of the activity that the sheet does not have (a purpose added in the
//! app) stays. A row of the sheet is the register's row when it says the
//! same thing about the same subject: a purpose by its description, a group
//! by its people, a retention rule by its data, a transfer by its country
//! and recipient, a recipient link by its recipient or team, a source by its
//! kind and organisation.

use std::collections::HashSet;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use steward_api::{ExportedActivity, RegisterExport};
use steward_core::Validate;

use crate::phrases::fold;

/// What matching did to the plan: the ids of the register's records that
/// the import may write again (the matched activities and rows), and the
/// activities it updates.
pub(super) struct Matched {
    pub(super) existing_ids: HashSet<String>,
    updating: HashSet<String>,
}

/// `new` laid over `old`: every field the sheet gave a value other than the
/// input's default replaces the register's; the others keep it.
fn overlay<T: Serialize + DeserializeOwned + Default>(old: &T, new: &T) -> T {
    let (Ok(mut merged), Ok(Value::Object(incoming)), Ok(Value::Object(default))) = (
        serde_json::to_value(old),
        serde_json::to_value(new),
        serde_json::to_value(T::default()),
    ) else {
        return serde_json::from_value(serde_json::to_value(new).unwrap_or_default())
            .unwrap_or_default();
    };
    if let Value::Object(fields) = &mut merged {
        for (key, value) in incoming {
            if default.get(&key) != Some(&value) {
                fields.insert(key, value);
            }
        }
    }
    serde_json::from_value(merged).unwrap_or_default()
}

/// The fields (API names) whose values differ between `old` (as stored)
/// and `new`, once `new` is normalised as the register would store it (a
/// checklist in its order, text trimmed).
fn differing<T: Serialize + Validate + Clone>(old: &T, new: &T) -> Vec<String> {
    let new = new.validate().unwrap_or_else(|_| new.clone());
    let (Ok(Value::Object(old)), Ok(Value::Object(new))) =
        (serde_json::to_value(old), serde_json::to_value(&new))
    else {
        return vec![];
    };
    new.iter()
        .filter(|(key, value)| old.get(*key) != Some(*value) && *key != "activityId")
        .map(|(key, _)| key.clone())
        .collect()
}

/// One kind of row of a matched activity: the sheet's rows take the ids of
/// the register's rows with the same key, laid over them.
macro_rules! match_rows {
    ($new:expr, $old:expr, $key:expr, $ids:expr) => {{
        for row in $new.iter_mut() {
            let key = $key(&row.fields);
            if let Some(old) = $old.iter().find(|o| $key(&o.fields) == key) {
                row.fields = overlay(&old.fields, &row.fields);
                row.id = old.id.clone();
                $ids.insert(old.id.clone());
            }
        }
    }};
}

/// "2 added, 1 changed" for one kind of row, comparing the final rows with
/// the register's; `None` when nothing changes.
macro_rules! row_changes {
    ($new:expr, $old:expr, $what:literal, $changes:expr) => {{
        let (mut added, mut changed) = (0, 0);
        for row in $new.iter() {
            match $old.iter().find(|o| o.id == row.id) {
                Some(old) if !differing(&old.fields, &row.fields).is_empty() => changed += 1,
                Some(_) => {}
                None => added += 1,
            }
        }
        let mut said = vec![];
        if added > 0 {
            said.push(format!("{added} added"));
        }
        if changed > 0 {
            said.push(format!("{changed} changed"));
        }
        if !said.is_empty() {
            $changes.push(format!("{}: {}", $what, said.join(", ")));
        }
    }};
}

fn same_activity(new: &ExportedActivity, old: &ExportedActivity) -> bool {
    let (n, o) = (&new.activity.fields, &old.activity.fields);
    fold(&n.name) == fold(&o.name) && fold(&n.business_function) == fold(&o.business_function)
}

/// Matches the plan's activities with the register's live ones.
pub(super) fn match_existing(export: &mut RegisterExport, current: &RegisterExport) -> Matched {
    let mut matched = Matched {
        existing_ids: HashSet::new(),
        updating: HashSet::new(),
    };
    let mut taken: HashSet<&str> = HashSet::new();
    for activity in &mut export.activities {
        let old = current.activities.iter().find(|old| {
            old.activity.fields.status != steward_api::ActivityStatus::Retired
                && !taken.contains(old.activity.id.as_str())
                && same_activity(activity, old)
        });
        let Some(old) = old else {
            continue;
        };
        taken.insert(&old.activity.id);
        let id = old.activity.id.clone();
        matched.existing_ids.insert(id.clone());
        activity.activity.fields = overlay(&old.activity.fields, &activity.activity.fields);
        activity.activity.id = id.clone();
        let ids = &mut matched.existing_ids;
        match_rows!(
            activity.purposes,
            old.purposes,
            |f: &steward_api::PurposeInput| fold(&f.description),
            ids
        );
        match_rows!(
            activity.subject_groups,
            old.subject_groups,
            |f: &steward_api::SubjectGroupInput| fold(&f.subject_category),
            ids
        );
        match_rows!(
            activity.sources,
            old.sources,
            |f: &steward_api::ActivitySourceInput| (
                f.kind,
                f.source_organisation_id.clone(),
                fold(&f.context)
            ),
            ids
        );
        match_rows!(
            activity.recipients,
            old.recipients,
            |f: &steward_api::ActivityRecipientInput| (
                f.recipient_id.clone(),
                fold(&f.internal_team)
            ),
            ids
        );
        match_rows!(
            activity.transfers,
            old.transfers,
            |f: &steward_api::TransferInput| (f.country.clone(), f.recipient_id.clone()),
            ids
        );
        match_rows!(
            activity.retention_rules,
            old.retention_rules,
            |f: &steward_api::RetentionRuleInput| fold(&f.data_category),
            ids
        );
        // Every row now names the activity it updates.
        for p in &mut activity.purposes {
            p.fields.activity_id = id.clone();
        }
        for g in &mut activity.subject_groups {
            g.fields.activity_id = id.clone();
        }
        for s in &mut activity.sources {
            s.fields.activity_id = id.clone();
        }
        for r in &mut activity.recipients {
            r.fields.activity_id = id.clone();
        }
        for t in &mut activity.transfers {
            t.fields.activity_id = id.clone();
        }
        for r in &mut activity.retention_rules {
            r.fields.activity_id = id.clone();
        }
        matched.updating.insert(id);
    }
    matched
}

/// The preview's account of each activity the import updates: what
/// changes, compared once the plan is final (what the rules refused is out
/// of it, what was kept as written is in the description).
pub(super) fn show(
    matched: &Matched,
    export: &RegisterExport,
    current: &RegisterExport,
    preview: &mut [super::PreviewActivity],
) {
    for (new, shown) in export.activities.iter().zip(preview) {
        let id = &new.activity.id;
        if !matched.updating.contains(id) {
            continue;
        }
        let Some(old) = current.activities.iter().find(|o| &o.activity.id == id) else {
            continue;
        };
        let mut changes = differing(&old.activity.fields, &new.activity.fields);
        row_changes!(new.purposes, old.purposes, "purposes", changes);
        row_changes!(
            new.subject_groups,
            old.subject_groups,
            "groups of people",
            changes
        );
        row_changes!(new.sources, old.sources, "sources", changes);
        row_changes!(new.recipients, old.recipients, "recipients", changes);
        row_changes!(new.transfers, old.transfers, "transfers", changes);
        row_changes!(
            new.retention_rules,
            old.retention_rules,
            "retention rules",
            changes
        );
        shown.updates = true;
        shown.changes = changes;
    }
}
