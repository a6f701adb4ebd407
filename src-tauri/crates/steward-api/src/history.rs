//! The history of a record, read from the op log: who changed which field,
//! when, from what to what. Nothing is stored for it beyond the ops
//! themselves, so it is complete by construction.

use std::collections::HashMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use steward_core::EntityKind;
use steward_core::Invalid;
use steward_core::entity::{DELETED_FIELD, api_name};
use steward_core::text::{self, TextRule};
use ts_rs::TS;

use crate::{ApiError, ErrorCode, Result, Steward};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ChangeKind {
    /// A field got a value (on creation, `old` is `null`).
    Set,
    Deleted,
    Restored,
}

/// One change to one field, newest first in a history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryEntry {
    /// When, by the author's clock (RFC 3339, UTC).
    pub at: String,
    /// The device's name as its owner set it (the volunteer's name).
    pub author: String,
    pub change: ChangeKind,
    /// The field in the API's camelCase, `null` for deletes and restores.
    pub field: Option<String>,
    /// The value(s) this change replaced, as text; `null` when there was none.
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One change anywhere in the register: a [`HistoryEntry`] with the record
/// it belongs to. The RoPA's history appendix lists these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterChange {
    /// The kind of record, as its stable identifier (`activity`, `purpose`…).
    pub kind: String,
    pub record_id: String,
    /// The record as a person names it: its name, or for a row of an
    /// activity, what it is and the activity's name.
    pub record: String,
    /// The activity the record is or belongs to; `null` for the
    /// organisation-wide registers.
    pub activity_id: Option<String>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub entry: HistoryEntry,
}

/// The field that names a record of each kind (for rows of an activity, what
/// tells the row apart within it).
pub(crate) fn naming_field(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organisation | EntityKind::Recipient => "legal_name",
        EntityKind::Activity | EntityKind::SourceOrganisation | EntityKind::WebsiteThirdParty => {
            "name"
        }
        EntityKind::Purpose => "description",
        EntityKind::SubjectGroup => "subject_category",
        EntityKind::ActivitySource => "context",
        EntityKind::ActivityRecipient => "purpose",
        EntityKind::Transfer => "country",
        EntityKind::RetentionRule => "data_category",
        EntityKind::Acknowledgement => "finding",
        EntityKind::PolicyEdit => "section_id",
        EntityKind::PolicyVersion => "saved_at",
    }
}

/// A field value as a person reads it.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.into()),
        Value::Array(items) if items.is_empty() => None,
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(as_text)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => Some(other.to_string()),
    }
}

impl Steward {
    /// Every change of one record, newest first.
    pub fn get_history(&self, entity: EntityKind, id: &str) -> Result<Vec<HistoryEntry>> {
        let ops = self.store.ops_for_row(entity, id)?;
        if ops.is_empty() && self.store.row(entity, id)?.is_none() {
            return Err(ApiError::not_found("record", id));
        }
        let names = self.store.device_names()?;
        let by_id: HashMap<&str, &Value> = ops
            .iter()
            .map(|op| (op.op_id.as_str(), &op.value))
            .collect();
        let mut entries = ops
            .iter()
            .map(|op| {
                let at = Timestamp::from_millisecond(op.stamp.wall_ms).map_err(|e| {
                    ApiError::new(
                        ErrorCode::Internal,
                        format!("op {} has no valid time: {e}", op.op_id),
                    )
                })?;
                let author = names
                    .get(&op.device)
                    .cloned()
                    .unwrap_or_else(|| format!("device {}", op.device));
                let (change, field, old) = if op.field == DELETED_FIELD {
                    let change = if op.value == Value::Bool(true) {
                        ChangeKind::Deleted
                    } else {
                        ChangeKind::Restored
                    };
                    (change, None, None)
                } else {
                    let old: Vec<String> = op
                        .parents
                        .iter()
                        .filter_map(|p| by_id.get(p.as_str()))
                        .filter_map(|v| as_text(v))
                        .collect();
                    let old = if old.is_empty() {
                        None
                    } else {
                        Some(old.join(" | "))
                    };
                    (ChangeKind::Set, Some(api_name(&op.field)), old)
                };
                Ok(HistoryEntry {
                    at: at.to_string(),
                    author,
                    change,
                    field,
                    old,
                    new: if change == ChangeKind::Set {
                        as_text(&op.value)
                    } else {
                        None
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        entries.reverse();
        Ok(entries)
    }

    /// Every change made to any record at or after `since`, oldest first
    /// (ties in record order), deleted records included.
    pub fn list_changes_since(&self, since: Timestamp) -> Result<Vec<RegisterChange>> {
        let activity_names: HashMap<String, String> = self
            .store
            .rows_including_deleted(EntityKind::Activity)?
            .into_iter()
            .map(|r| {
                let name = r.fields.get("name").and_then(as_text).unwrap_or_default();
                (r.id, name)
            })
            .collect();
        let mut changes = vec![];
        for kind in EntityKind::ALL {
            for row in self.store.rows_including_deleted(kind)? {
                let own = row
                    .fields
                    .get(naming_field(kind))
                    .and_then(as_text)
                    .unwrap_or_default();
                let parent = row.fields.get("activity_id").and_then(as_text);
                let activity_id = match kind {
                    EntityKind::Activity => Some(row.id.clone()),
                    _ => parent.clone(),
                };
                let record = match parent {
                    Some(activity) => {
                        let activity = activity_names.get(&activity).cloned().unwrap_or(activity);
                        let what = kind.id().replace('_', " ");
                        if own.is_empty() {
                            format!("{activity}: {what}")
                        } else {
                            format!("{activity}: {what} {own}")
                        }
                    }
                    None => own,
                };
                for entry in self.get_history(kind, &row.id)? {
                    let at: Timestamp = entry.at.parse().map_err(|e| {
                        ApiError::new(ErrorCode::Internal, format!("history time: {e}"))
                    })?;
                    if at >= since {
                        changes.push((
                            at,
                            RegisterChange {
                                kind: kind.id().to_owned(),
                                record_id: row.id.clone(),
                                record: record.clone(),
                                activity_id: activity_id.clone(),
                                entry,
                            },
                        ));
                    }
                }
            }
        }
        // Histories are newest first; a stable sort keeps each record's
        // changes in the order they were made once reversed.
        changes.reverse();
        changes.sort_by_key(|(at, _)| *at);
        Ok(changes.into_iter().map(|(_, c)| c).collect())
    }

    /// The name this device's changes carry in every history.
    pub fn get_device_name(&self) -> Result<String> {
        Ok(self.store.identity().device_name.clone())
    }

    /// Names this device, e.g. "Alex's laptop": the history shows it as the
    /// author of the changes made here.
    pub fn set_device_name(&mut self, name: &str) -> Result<String> {
        const NAME: TextRule = TextRule::line("Device name", 100).required();
        let mut invalid = Invalid::default();
        let name = text::check("deviceName", name, NAME, &mut invalid);
        invalid.into_result(())?;
        self.store.set_device_name(&name)?;
        self.get_device_name()
    }

    /// The history of the organisation profile.
    pub fn get_organisation_history(&self) -> Result<Vec<HistoryEntry>> {
        let id = self.store.identity().organisation_id.clone();
        if !self.organisation_saved()? {
            return Ok(vec![]);
        }
        self.get_history(EntityKind::Organisation, &id)
    }
}
