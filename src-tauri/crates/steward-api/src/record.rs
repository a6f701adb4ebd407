//! The generic half of every entity's actions: turning validated inputs into
//! op-log fields, stored rows into DTOs, and the create / read / update /
//! delete / restore steps that are the same for every entity. Each entity's
//! module adds only its validation and its DTO types.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use steward_core::EntityKind;
use steward_core::entity::api_name;
use steward_store::StoredRow;

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
/// `id`, `createdAt` and `updatedAt`.
pub(crate) fn dto_of<T: DeserializeOwned>(entity: EntityKind, row: StoredRow) -> Result<T> {
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
    serde_json::from_value(Value::Object(map)).map_err(internal)
}

impl Steward {
    pub(crate) fn records<T: DeserializeOwned>(&self, entity: EntityKind) -> Result<Vec<T>> {
        self.store
            .rows(entity)?
            .into_iter()
            .map(|row| dto_of(entity, row))
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
            Some((row, false)) => dto_of(entity, row),
            _ => Err(ApiError::not_found(what, id)),
        }
    }

    pub(crate) fn insert_record(
        &mut self,
        entity: EntityKind,
        fields: &[(&'static str, Value)],
    ) -> Result<String> {
        let now = self.clock.now();
        Ok(self.store.write(now, |w| w.insert(entity, fields))?)
    }

    pub(crate) fn update_record(
        &mut self,
        entity: EntityKind,
        id: &str,
        what: &str,
        fields: &[(&'static str, Value)],
    ) -> Result<()> {
        self.ensure_live(entity, id, what)?;
        let now = self.clock.now();
        self.store.write(now, |w| w.set(entity, id, fields))?;
        Ok(())
    }

    pub(crate) fn delete_record(&mut self, entity: EntityKind, id: &str, what: &str) -> Result<()> {
        self.ensure_live(entity, id, what)?;
        let now = self.clock.now();
        Ok(self.store.write(now, |w| w.delete(entity, id))?)
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
