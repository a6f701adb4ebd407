//! The generic half of every entity's actions: turning validated inputs into
//! op-log fields, stored rows into DTOs, and the create / read / update /
//! delete / restore steps that are the same for every entity. Each entity's
//! module adds only its validation and its DTO types.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use steward_core::EntityKind;
use steward_core::entity::api_name;
use steward_store::{Seen, SeenOutcome, StoredRow};

use crate::{ApiError, ErrorCode, Result, Steward};

fn internal(what: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("{what}. This is a bug in Steward: please report it."),
    )
}

/// The op-log fields of a validated input, in the entity's field order;
/// retired fields are not written.
pub(crate) fn fields_of<T: Serialize>(
    entity: EntityKind,
    input: &T,
) -> Result<Vec<(&'static str, Value)>> {
    let Value::Object(mut map) = serde_json::to_value(input).map_err(internal)? else {
        return Err(internal(format!("{} input is not an object", entity.id())));
    };
    entity
        .fields()
        .iter()
        .filter(|spec| !spec.retired)
        .map(|spec| {
            let value = map
                .remove(&api_name(spec.name))
                .ok_or_else(|| internal(format!("{} input lacks {}", entity.id(), spec.name)))?;
            Ok((spec.name, value))
        })
        .collect()
}

/// The DTO of a stored row: its live fields under their API names, plus
/// `id`, `createdAt`, `updatedAt` and the `base` it was read at.
pub(crate) fn dto_of<T: DeserializeOwned>(
    entity: EntityKind,
    row: StoredRow,
    base: String,
) -> Result<T> {
    let mut map: Map<String, Value> = row
        .fields
        .into_iter()
        .filter(|(k, _)| entity.field(k).is_some_and(|spec| !spec.retired))
        .map(|(k, v)| (api_name(&k), v))
        .collect();
    map.insert("id".into(), Value::String(row.id));
    map.insert(
        "createdAt".into(),
        Value::String(row.created_at.to_string()),
    );
    map.insert(
        "updatedAt".into(),
        Value::String(row.updated_at.to_string()),
    );
    map.insert("base".into(), Value::String(base));
    serde_json::from_value(Value::Object(map)).map_err(internal)
}

/// The base a person sends back with a save, as the store reads it; `None`
/// (no base) means "as the register is now", which is how the command line
/// saves unless it is given `--base`.
pub(crate) fn seen(base: Option<&str>) -> Result<Option<Seen>> {
    let Some(token) = base else {
        return Ok(None);
    };
    Seen::parse(token).map(Some).ok_or_else(|| {
        steward_core::Invalid {
            errors: vec![steward_core::FieldError {
                field: "base".into(),
                message: format!(
                    "\"{token}\" is not the version of a record (it is a list of change ids such as 12@3f0c…): read the record again and send the `base` it comes with."
                ),
            }],
        }
        .into()
    })
}

impl Steward {
    pub(crate) fn records<T: DeserializeOwned>(&self, entity: EntityKind) -> Result<Vec<T>> {
        let mut bases = self.store.bases(entity)?;
        self.store
            .rows(entity)?
            .into_iter()
            .map(|row| {
                let base = bases.remove(&row.id).unwrap_or_default();
                dto_of(entity, row, base)
            })
            .collect()
    }

    /// Rows read some other way, each with its base.
    pub(crate) fn dtos<T: DeserializeOwned>(
        &self,
        entity: EntityKind,
        rows: Vec<StoredRow>,
    ) -> Result<Vec<T>> {
        rows.into_iter()
            .map(|row| {
                let base = self.store.base_of(entity, &row.id)?;
                dto_of(entity, row, base)
            })
            .collect()
    }

    /// A row that exists and is not deleted, as its DTO.
    pub(crate) fn record<T: DeserializeOwned>(
        &self,
        entity: EntityKind,
        id: &str,
        what: &str,
    ) -> Result<T> {
        match self.store.row(entity, id)? {
            Some((row, false)) => {
                let base = self.store.base_of(entity, id)?;
                dto_of(entity, row, base)
            }
            _ => Err(ApiError::not_found(what, id)),
        }
    }

    /// A record's fields (under their API names, with its `id` and the
    /// given `base`) as they read when the record was read at `base`: what a
    /// form left open since then still shows. The command line builds a
    /// `--base` save on it, so that it saves exactly as that form would.
    pub fn get_record_as_seen(&self, kind: EntityKind, id: &str, base: &str) -> Result<Value> {
        let seen = seen(Some(base))?.unwrap_or_default();
        let row = self
            .store
            .row_as_seen(kind, id, &seen)?
            .ok_or_else(|| ApiError::not_found(kind.id(), id))?;
        let mut map: Map<String, Value> = row
            .fields
            .into_iter()
            .filter(|(k, _)| kind.field(k).is_some_and(|spec| !spec.retired))
            .map(|(k, v)| (api_name(&k), v))
            .collect();
        map.insert("id".into(), Value::String(row.id));
        map.insert("base".into(), Value::String(base.to_owned()));
        Ok(Value::Object(map))
    }

    pub(crate) fn insert_record(
        &mut self,
        entity: EntityKind,
        fields: &[(&'static str, Value)],
    ) -> Result<String> {
        let now = self.clock.now();
        Ok(self.store.write(now, |w| w.insert(entity, fields))?)
    }

    /// Saves the fields of an existing record. With the `base` the record
    /// was read at, only the fields whose value differs from what the
    /// person saw are written, each superseding only what they saw (see
    /// `steward_store::Seen`): a field a colleague changed meanwhile
    /// becomes a conflict, and a record deleted meanwhile comes back with
    /// an edit-vs-delete conflict. Without one, the register as it is now
    /// is the base.
    pub(crate) fn update_record(
        &mut self,
        entity: EntityKind,
        id: &str,
        what: &str,
        fields: &[(&'static str, Value)],
        base: Option<&str>,
    ) -> Result<SeenOutcome> {
        let now = self.clock.now();
        match seen(base)? {
            None => {
                self.ensure_live(entity, id, what)?;
                self.store.write(now, |w| w.set(entity, id, fields))?;
                Ok(SeenOutcome::default())
            }
            Some(seen) => {
                if self.store.row(entity, id)?.is_none() {
                    return Err(ApiError::not_found(what, id));
                }
                Ok(self
                    .store
                    .write(now, |w| w.set_seen(entity, id, fields, &seen))?)
            }
        }
    }

    /// Deletes a record; with the `base` it was read at, the delete
    /// supersedes only what the person saw, so that a colleague's edit
    /// made meanwhile keeps the record visible as an edit-vs-delete
    /// conflict.
    pub(crate) fn delete_record(
        &mut self,
        entity: EntityKind,
        id: &str,
        what: &str,
        base: Option<&str>,
    ) -> Result<()> {
        self.ensure_live(entity, id, what)?;
        let now = self.clock.now();
        match seen(base)? {
            None => Ok(self.store.write(now, |w| w.delete(entity, id))?),
            Some(seen) => Ok(self
                .store
                .write(now, |w| w.delete_seen(entity, id, &seen))?),
        }
    }

    /// Undoes a delete; restoring a row that is not deleted changes nothing.
    pub(crate) fn restore_record(
        &mut self,
        entity: EntityKind,
        id: &str,
        what: &str,
    ) -> Result<()> {
        match self.store.row(entity, id)? {
            None => Err(ApiError::not_found(what, id)),
            Some((_, false)) => Ok(()),
            Some((_, true)) => {
                let now = self.clock.now();
                Ok(self.store.write(now, |w| w.restore(entity, id))?)
            }
        }
    }

    /// A link to the recipients register must point at a live recipient.
    pub(crate) fn check_recipient_link(&self, recipient_id: Option<&str>) -> Result<()> {
        self.check_link(
            EntityKind::Recipient,
            recipient_id,
            "recipientId",
            "The linked recipient is not in the register (any more): choose another one, or remove the link.",
        )
    }

    /// A link to another record must point at one that exists and is not
    /// deleted; otherwise the input is refused under `field`.
    pub(crate) fn check_link(
        &self,
        entity: EntityKind,
        id: Option<&str>,
        field: &str,
        message: &str,
    ) -> Result<()> {
        let Some(id) = id else {
            return Ok(());
        };
        match self.store.row(entity, id)? {
            Some((_, false)) => Ok(()),
            _ => Err(steward_core::Invalid {
                errors: vec![steward_core::FieldError {
                    field: field.into(),
                    message: message.into(),
                }],
            }
            .into()),
        }
    }

    fn ensure_live(&self, entity: EntityKind, id: &str, what: &str) -> Result<()> {
        match self.store.row(entity, id)? {
            Some((_, false)) => Ok(()),
            _ => Err(ApiError::not_found(what, id)),
        }
    }
}
