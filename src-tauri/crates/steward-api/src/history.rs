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
