//! Conflicts a merge leaves for a person, and their resolution.
//!
//! A field edited on two devices that had not seen each other's edit keeps
//! both values (two heads); the register shows the later one until a person
//! picks one or writes a new value. A delete that met an edit the deleter did
//! not see keeps the record visible until a person keeps or deletes it. A
//! resolution is an op whose parents are all the competing ops, so every
//! device that receives it resolves the same conflict the same way.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use steward_core::entity::{DELETED_FIELD, api_name};
use steward_core::{EntityKind, FieldError, Invalid};
use steward_store::StoredConflict;
use ts_rs::TS;

use super::validate::input_of;
use crate::history::naming_field;
use crate::{ApiError, ErrorCode, Result, Steward};
use steward_core::forms::form_errors;

/// One competing value of a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConflictValue {
    /// The field (API name) this value is for; `$deleted` for a delete.
    pub field: String,
    #[ts(type = "unknown")]
    pub value: Value,
    pub device: String,
    pub device_name: String,
    /// When it was made, by its device's clock.
    pub at: String,
    /// The value the register shows until the conflict is resolved.
    pub shown: bool,
}

/// A record field with competing values, or a record deleted on one device
/// and edited on another (`field` is `$deleted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Conflict {
    pub record: EntityKind,
    pub record_id: String,
    /// The record's name as the register shows it.
    pub record_name: String,
    /// For a row of an activity (a purpose, a transfer…), its activity:
    /// where the row is shown and settled.
    pub activity_id: Option<String>,
    /// The field's API name, or `$deleted`.
    pub field: String,
    pub values: Vec<ConflictValue>,
}

/// A field whose latest value a newer Steward wrote, in a form this version
/// cannot read (a status it does not know, say). The register shows the
/// latest value this version can read; the newer one is kept and shown once
/// Steward is updated, unless a person saves another value meanwhile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct NewerValue {
    pub record: EntityKind,
    pub record_id: String,
    pub record_name: String,
    /// For a row of an activity, its activity.
    pub activity_id: Option<String>,
    /// The field's API name.
    pub field: String,
    /// The value as written, for people who want to see it.
    #[ts(type = "unknown")]
    pub value: Value,
    pub device_name: String,
    pub at: String,
}

/// How a person settles a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
#[ts(export)]
pub enum Resolution {
    /// This value for the field: one of the competing ones, or a new one.
    Value {
        #[ts(type = "unknown")]
        value: Value,
    },
    /// Keep the record that was deleted on one device.
    KeepRecord,
    /// Delete it after all, with the edits made meanwhile.
    DeleteRecord,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ResolveConflictInput {
    pub record: EntityKind,
    pub record_id: String,
    pub field: String,
    pub resolution: Resolution,
}

fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    Invalid {
        errors: vec![FieldError {
            field: field.into(),
            message: message.into(),
        }],
    }
    .into()
}

impl Steward {
    /// Every conflict waiting for a person, by kind of record and record.
    pub fn list_conflicts(&self) -> Result<Vec<Conflict>> {
        let names = self.store.device_names()?;
        let mut out = vec![];
        for c in self.store.conflicts()? {
            let record_name = self.record_name(c.entity, &c.row_id)?;
            let activity_id = self.activity_of(c.entity, &c.row_id)?;
            out.push(conflict_dto(c, record_name, activity_id, &names));
        }
        Ok(out)
    }

    /// Every field whose latest value was written by a newer Steward.
    pub fn list_newer_values(&self) -> Result<Vec<NewerValue>> {
        let names = self.store.device_names()?;
        let mut out = vec![];
        for (entity_id, row_id, field, op_id) in self.store.newer_values()? {
            let Some(entity) = EntityKind::from_id(&entity_id) else {
                continue;
            };
            let Some(op) = self.store.op(&op_id)? else {
                continue;
            };
            out.push(NewerValue {
                record: entity,
                record_name: self.record_name(entity, &row_id)?,
                activity_id: self.activity_of(entity, &row_id)?,
                record_id: row_id,
                field: api_name(&field),
                value: op.value,
                device_name: names
                    .get(&op.device)
                    .cloned()
                    .unwrap_or_else(|| op.device.clone()),
                at: jiff::Timestamp::from_millisecond(op.stamp.wall_ms)
                    .map(|t| t.to_string())
                    .unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The activity a row of an activity belongs to; `None` for other
    /// kinds of record.
    pub(crate) fn activity_of(&self, entity: EntityKind, id: &str) -> Result<Option<String>> {
        if !EntityKind::ACTIVITY_PARTS.contains(&entity) {
            return Ok(None);
        }
        Ok(self.store.row(entity, id)?.and_then(|(row, _)| {
            row.fields
                .get("activity_id")
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        }))
    }

    /// A record's name as the register shows it.
    pub(crate) fn record_name(&self, entity: EntityKind, id: &str) -> Result<String> {
        Ok(match self.store.row(entity, id)? {
            Some((row, _)) => row
                .fields
                .get(naming_field(entity))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .unwrap_or("(unnamed)")
                .to_owned(),
            None => "(unnamed)".to_owned(),
        })
    }

    /// Settles a conflict; refused when the conflict is gone (someone else
    /// resolved it) or the value is one the form would refuse.
    pub fn resolve_conflict(&mut self, input: ResolveConflictInput) -> Result<()> {
        let entity = input.record;
        let field = if input.field == DELETED_FIELD {
            DELETED_FIELD.to_owned()
        } else {
            entity
                .fields()
                .iter()
                .find(|f| !f.retired && api_name(f.name) == input.field)
                .map(|f| f.name.to_owned())
                .ok_or_else(|| {
                    invalid(
                        "field",
                        format!("{} has no field {}", entity.id(), input.field),
                    )
                })?
        };
        let open = self
            .store
            .conflicts()?
            .into_iter()
            .any(|c| c.entity == entity && c.row_id == input.record_id && c.field == field);
        if !open {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                "This conflict is no longer open: it was resolved, here or on another device. Refresh the list.",
            ));
        }
        let now = self.clock.now();
        let id = input.record_id.clone();
        match (input.resolution, field == DELETED_FIELD) {
            (Resolution::KeepRecord, true) => {
                self.store.write(now, |w| w.restore(entity, &id))?;
            }
            (Resolution::DeleteRecord, true) => {
                self.store.write(now, |w| w.delete(entity, &id))?;
            }
            (Resolution::Value { value }, false) => {
                self.check_resolution(entity, &id, &field, &value)?;
                self.store
                    .write(now, |w| w.resolve(entity, &id, &field, &value))?;
            }
            _ => {
                return Err(invalid(
                    "resolution",
                    "A deleted-and-edited record is kept or deleted; a field gets a value.",
                ));
            }
        }
        Ok(())
    }

    /// The value must be one the record's form accepts for that field.
    fn check_resolution(
        &self,
        entity: EntityKind,
        id: &str,
        field: &str,
        value: &Value,
    ) -> Result<()> {
        let spec = entity.field(field).expect("field checked above");
        if !steward_store::value_fits(spec, value) {
            return Err(invalid(
                "value",
                "This value is of the wrong kind for the field.",
            ));
        }
        let Some((mut row, _)) = self.store.row(entity, id)? else {
            return Err(ApiError::not_found("record", id));
        };
        row.fields.insert(field.to_owned(), value.clone());
        let name = api_name(field);
        let errors = form_errors(entity, input_of(entity, &row)).map_err(|e| {
            invalid(
                "value",
                format!("This value is not one the field takes ({e})."),
            )
        })?;
        match errors
            .into_iter()
            .find(|e| e.field == name || e.field.starts_with(&format!("{name}[")))
        {
            Some(e) => Err(invalid("value", e.message)),
            None => Ok(()),
        }
    }
}

fn conflict_dto(
    c: StoredConflict,
    record_name: String,
    activity_id: Option<String>,
    names: &std::collections::BTreeMap<String, String>,
) -> Conflict {
    let values = c
        .heads
        .iter()
        .enumerate()
        .map(|(i, op)| ConflictValue {
            field: if op.field == DELETED_FIELD {
                DELETED_FIELD.to_owned()
            } else {
                api_name(&op.field)
            },
            value: op.value.clone(),
            device_name: names
                .get(&op.device)
                .cloned()
                .unwrap_or_else(|| op.device.clone()),
            device: op.device.clone(),
            at: jiff::Timestamp::from_millisecond(op.stamp.wall_ms)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            shown: i == 0,
        })
        .collect();
    Conflict {
        record: c.entity,
        record_id: c.row_id,
        record_name,
        activity_id,
        field: if c.field == DELETED_FIELD {
            c.field
        } else {
            api_name(&c.field)
        },
        values,
    }
}
