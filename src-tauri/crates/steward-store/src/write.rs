//! The one write path: every change to the register becomes operations in
//! the op log, in the same transaction as the change itself.
//!
//! For each field written, the new op names as *parents* the field's current
//! heads (the ops this editor saw as its value), replaces them as the head,
//! and updates the materialised column. A delete is an op on the pseudo-field
//! `$deleted` whose parents are the heads of every field of the row; a
//! restore re-asserts the row's fields so that its values are again heads.
//! The hybrid logical clock and the device's sequence number advance with
//! every op and are saved in the same transaction.

use jiff::Timestamp;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, Transaction, params};
use serde_json::Value;
use steward_core::entity::DELETED_FIELD;
use steward_core::{EntityKind, FieldKind, FieldSpec, HlcStamp};
use uuid::Uuid;

use crate::identity::{self, HLC_COUNTER, HLC_WALL, NEXT_SEQ};
use crate::{Result, Store, StoreError};

/// An operation as recorded in the op log.
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    pub op_id: String,
    pub device: String,
    pub seq: i64,
    pub entity: String,
    pub row_id: String,
    pub field: String,
    pub value: Value,
    pub stamp: HlcStamp,
    pub parents: Vec<String>,
}

/// Applies changes inside one transaction; see [`Store::write`].
pub struct Writer<'conn> {
    tx: Transaction<'conn>,
    device: String,
    clock: HlcStamp,
    next_seq: i64,
    now: Timestamp,
    now_ms: i64,
    now_text: String,
}

impl Store {
    /// Runs `change` in one transaction. Everything it writes — rows, ops,
    /// heads, the clock — commits together, or nothing does when it returns
    /// an error.
    pub fn write<T, E>(
        &mut self,
        now: Timestamp,
        change: impl FnOnce(&mut Writer<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let device = self.identity.device_id.clone();
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let mut writer = Writer::begin(tx, device, now)?;
        let value = change(&mut writer)?;
        writer.commit()?;
        self.committed();
        Ok(value)
    }
}

fn parse_meta<T: std::str::FromStr>(tx: &Transaction<'_>, key: &str) -> Result<T> {
    identity::get(tx, key)?
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| StoreError::Corrupt(format!("meta.{key} is missing or not a number")))
}

impl<'conn> Writer<'conn> {
    fn begin(tx: Transaction<'conn>, device: String, now: Timestamp) -> Result<Writer<'conn>> {
        let clock = HlcStamp {
            wall_ms: parse_meta(&tx, HLC_WALL)?,
            counter: parse_meta(&tx, HLC_COUNTER)?,
        };
        let next_seq = parse_meta(&tx, NEXT_SEQ)?;
        Ok(Writer {
            tx,
            device,
            clock,
            next_seq,
            now,
            now_ms: now.as_millisecond(),
            now_text: now.to_string(),
        })
    }

    fn commit(self) -> Result<()> {
        identity::set(&self.tx, HLC_WALL, &self.clock.wall_ms.to_string())?;
        identity::set(&self.tx, HLC_COUNTER, &self.clock.counter.to_string())?;
        identity::set(&self.tx, NEXT_SEQ, &self.next_seq.to_string())?;
        self.tx.commit()?;
        Ok(())
    }

    /// Creates a row with a new random id and the given fields.
    pub fn insert(&mut self, entity: EntityKind, fields: &[(&str, Value)]) -> Result<String> {
        let row_id = Uuid::new_v4().to_string();
        self.set(entity, &row_id, fields)?;
        Ok(row_id)
    }

    /// Sets fields of a row, creating the row if it does not exist. Fields
    /// whose value is unchanged produce no op. Returns the number of ops.
    pub fn set(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        fields: &[(&str, Value)],
    ) -> Result<usize> {
        self.ensure_row(entity, row_id)?;
        let mut written = 0;
        for (name, value) in fields {
            let spec = field_spec(entity, name)?;
            if self.current_value(entity, row_id, spec)? == *value {
                continue;
            }
            self.write_field(entity, row_id, spec, value)?;
            written += 1;
        }
        Ok(written)
    }

    /// Resolves a conflict on one field: a new op whose parents are all the
    /// field's heads, written even when its value equals the shown one.
    pub fn resolve(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        field: &str,
        value: &Value,
    ) -> Result<()> {
        let spec = field_spec(entity, field)?;
        self.ensure_row(entity, row_id)?;
        self.write_field(entity, row_id, spec, value)
    }

    /// Marks a row deleted. Its values stay in the log (and the materialised
    /// row, hidden) so that the delete can be undone and audited.
    pub fn delete(&mut self, entity: EntityKind, row_id: &str) -> Result<()> {
        let parents = self.heads(entity, row_id, None)?;
        self.tx.execute(
            "DELETE FROM heads WHERE entity = ?1 AND row_id = ?2",
            params![entity.id(), row_id],
        )?;
        self.append(entity, row_id, DELETED_FIELD, &Value::Bool(true), parents)?;
        self.tx.execute(
            &format!(
                "UPDATE {} SET deleted = 1, updated_at = ?1 WHERE id = ?2",
                entity.table()
            ),
            params![self.now_text, row_id],
        )?;
        // Which value a deleted field keeps is a rule of the merge (see
        // `merge`): apply the same rule here, so every device agrees.
        crate::recompute::rematerialise(&self.tx, entity, row_id, self.now)?;
        Ok(())
    }

    /// Undoes a delete: the row is visible again with the values it had.
    pub fn restore(&mut self, entity: EntityKind, row_id: &str) -> Result<()> {
        let parents = self.heads(entity, row_id, Some(DELETED_FIELD))?;
        self.replace_heads(entity, row_id, DELETED_FIELD)?;
        self.append(entity, row_id, DELETED_FIELD, &Value::Bool(false), parents)?;
        // Fields still with a head (an edit the deleter did not see) keep
        // it: only the values the delete superseded are asserted again.
        // A field that never had a value stays without ops.
        for spec in entity.fields() {
            if self.heads(entity, row_id, Some(spec.name))?.is_empty()
                && self.has_ops(entity, row_id, spec.name)?
            {
                let value = self.current_value(entity, row_id, *spec)?;
                self.write_field(entity, row_id, *spec, &value)?;
            }
        }
        self.tx.execute(
            &format!(
                "UPDATE {} SET deleted = 0, updated_at = ?1 WHERE id = ?2",
                entity.table()
            ),
            params![self.now_text, row_id],
        )?;
        Ok(())
    }

    /// Whether the row exists, and if so whether it is deleted.
    pub fn row_deleted(&self, entity: EntityKind, row_id: &str) -> Result<Option<bool>> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT deleted FROM {} WHERE id = ?1", entity.table()),
                [row_id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|d| d != 0))
    }

    fn ensure_row(&self, entity: EntityKind, row_id: &str) -> Result<()> {
        self.tx.execute(
            &format!(
                "INSERT INTO {} (id, created_at, updated_at) VALUES (?1, ?2, ?2)
                 ON CONFLICT (id) DO NOTHING",
                entity.table()
            ),
            params![row_id, self.now_text],
        )?;
        Ok(())
    }

    fn write_field(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        spec: FieldSpec,
        value: &Value,
    ) -> Result<()> {
        let column = to_column(spec, value)?;
        let parents = self.heads(entity, row_id, Some(spec.name))?;
        self.replace_heads(entity, row_id, spec.name)?;
        // The new value supersedes any that a newer Steward wrote.
        self.tx
            .prepare_cached(
                "DELETE FROM newer_values WHERE entity = ?1 AND row_id = ?2 AND field = ?3",
            )?
            .execute(params![entity.id(), row_id, spec.name])?;
        self.append(entity, row_id, spec.name, value, parents)?;
        self.tx.execute(
            &format!(
                "UPDATE {} SET {} = ?1, updated_at = ?2 WHERE id = ?3",
                entity.table(),
                spec.name
            ),
            params![column, self.now_text, row_id],
        )?;
        Ok(())
    }

    /// The current heads of one field, or of every field of the row.
    fn heads(&self, entity: EntityKind, row_id: &str, field: Option<&str>) -> Result<Vec<String>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT op_id FROM heads
             WHERE entity = ?1 AND row_id = ?2 AND (?3 IS NULL OR field = ?3)
             ORDER BY op_id",
        )?;
        let rows = stmt.query_map(params![entity.id(), row_id, field], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    fn has_ops(&self, entity: EntityKind, row_id: &str, field: &str) -> Result<bool> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM ops WHERE entity = ?1 AND row_id = ?2 AND field = ?3)",
        )?;
        Ok(stmt.query_row(params![entity.id(), row_id, field], |r| r.get(0))?)
    }

    fn replace_heads(&self, entity: EntityKind, row_id: &str, field: &str) -> Result<()> {
        self.tx.execute(
            "DELETE FROM heads WHERE entity = ?1 AND row_id = ?2 AND field = ?3",
            params![entity.id(), row_id, field],
        )?;
        Ok(())
    }

    fn append(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        field: &str,
        value: &Value,
        parents: Vec<String>,
    ) -> Result<()> {
        let op_id = self.append_op(entity, row_id, field, value, parents)?;
        self.tx.execute(
            "INSERT INTO heads (entity, row_id, field, op_id) VALUES (?1, ?2, ?3, ?4)",
            params![entity.id(), row_id, field, op_id],
        )?;
        Ok(())
    }

    /// Appends one op to the log, stamped and numbered, without touching
    /// the heads or the row (the caller recomputes them); returns its id.
    pub(crate) fn append_op(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        field: &str,
        value: &Value,
        parents: Vec<String>,
    ) -> Result<String> {
        self.clock = self.clock.tick(self.now_ms);
        let seq = self.next_seq;
        self.next_seq += 1;
        let op_id = crate::register::op_id(seq, &self.device);
        let parents_json = serde_json::to_string(&parents)
            .map_err(|e| StoreError::Corrupt(format!("parents of {op_id}: {e}")))?;
        self.tx.execute(
            "INSERT INTO ops (device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                self.device,
                seq,
                entity.id(),
                row_id,
                field,
                value.to_string(),
                self.clock.wall_ms,
                self.clock.counter,
                parents_json
            ],
        )?;
        Ok(op_id)
    }

    /// Recomputes a row from its ops (after [`Writer::append_op`]).
    pub(crate) fn recompute(&self, entity: EntityKind, row_id: &str) -> Result<()> {
        crate::recompute::rematerialise(&self.tx, entity, row_id, self.now)?;
        Ok(())
    }

    pub(crate) fn tx(&self) -> &Transaction<'conn> {
        &self.tx
    }

    /// The current heads of one field, sorted.
    pub(crate) fn field_heads(
        &self,
        entity: EntityKind,
        row_id: &str,
        field: &str,
    ) -> Result<Vec<String>> {
        self.heads(entity, row_id, Some(field))
    }

    /// Every head of the row: (field, op id).
    pub(crate) fn row_heads(
        &self,
        entity: EntityKind,
        row_id: &str,
    ) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT field, op_id FROM heads WHERE entity = ?1 AND row_id = ?2")?;
        let rows = stmt.query_map(params![entity.id(), row_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The value a field shows now.
    pub(crate) fn value_of(
        &self,
        entity: EntityKind,
        row_id: &str,
        spec: FieldSpec,
    ) -> Result<Value> {
        self.current_value(entity, row_id, spec)
    }

    fn current_value(&self, entity: EntityKind, row_id: &str, spec: FieldSpec) -> Result<Value> {
        let column: SqlValue = self
            .tx
            .query_row(
                &format!("SELECT {} FROM {} WHERE id = ?1", spec.name, entity.table()),
                [row_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(SqlValue::Null);
        from_column(spec, column)
    }
}

fn field_spec(entity: EntityKind, name: &str) -> Result<FieldSpec> {
    entity
        .field(name)
        .ok_or_else(|| StoreError::Corrupt(format!("{} has no field {name}", entity.id())))
}

/// Whether this version can read an op value for a field: its kind, and
/// for a field with a fixed set of values, one of them. A value it cannot
/// read is kept in the op log but not shown (see `recompute`).
pub fn value_fits(spec: FieldSpec, value: &Value) -> bool {
    spec.readable(value)
}

/// The column value for an op value, checking that it fits the field's kind.
pub(crate) fn to_column(spec: FieldSpec, value: &Value) -> Result<SqlValue> {
    match (spec.kind, value) {
        (FieldKind::Text | FieldKind::OptionalText, Value::String(s)) => {
            Ok(SqlValue::Text(s.clone()))
        }
        (FieldKind::OptionalText, Value::Null) => Ok(SqlValue::Null),
        (FieldKind::TextList, Value::Array(items)) if items.iter().all(Value::is_string) => {
            Ok(SqlValue::Text(value.to_string()))
        }
        (FieldKind::Bool, Value::Bool(b)) => Ok(SqlValue::Integer(i64::from(*b))),
        (FieldKind::OptionalInteger, Value::Null) => Ok(SqlValue::Null),
        (FieldKind::OptionalInteger, Value::Number(n)) if n.is_i64() => {
            Ok(SqlValue::Integer(n.as_i64().unwrap_or_default()))
        }
        _ => Err(StoreError::Corrupt(format!(
            "value {value} does not fit field {} ({:?})",
            spec.name, spec.kind
        ))),
    }
}

/// The op value for a column value; the inverse of [`to_column`].
pub(crate) fn from_column(spec: FieldSpec, column: SqlValue) -> Result<Value> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("{} holds {what}", spec.name));
    match (spec.kind, column) {
        (FieldKind::Text, SqlValue::Null) => Ok(Value::String(String::new())),
        (FieldKind::Text | FieldKind::OptionalText, SqlValue::Text(text)) => {
            Ok(Value::String(text))
        }
        (FieldKind::OptionalText, SqlValue::Null) => Ok(Value::Null),
        (FieldKind::TextList, SqlValue::Null) => Ok(Value::Array(vec![])),
        (FieldKind::TextList, SqlValue::Text(json)) => {
            serde_json::from_str(&json).map_err(|e| corrupt(&format!("no JSON list: {e}")))
        }
        (FieldKind::Bool, SqlValue::Null) => Ok(Value::Bool(false)),
        (FieldKind::Bool, SqlValue::Integer(i)) => Ok(Value::Bool(i != 0)),
        (FieldKind::OptionalInteger, SqlValue::Null) => Ok(Value::Null),
        (FieldKind::OptionalInteger, SqlValue::Integer(i)) => Ok(Value::from(i)),
        (_, other) => Err(corrupt(&format!("an unexpected {:?}", other.data_type()))),
    }
}
