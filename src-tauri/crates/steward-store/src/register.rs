//! Reading the materialised register: the current, non-deleted rows, and the
//! op log behind them.

use jiff::Timestamp;
use rusqlite::{Connection, Row, params};
use serde_json::{Map, Value};
use steward_core::{EntityKind, HlcStamp};

use crate::write::{Op, from_column};
use crate::{Result, Store, StoreError};

fn timestamp(text: &str) -> Result<Timestamp> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("timestamp {text:?}: {e}")))
}

/// A row of any entity: its id, its fields by name as op values, and when it
/// was created and last changed. The API turns it into its typed DTO.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRow {
    pub id: String,
    pub fields: Map<String, Value>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// `id, created_at, updated_at, deleted, <fields…>`: what [`read_row`] reads.
fn row_columns(entity: EntityKind) -> String {
    let columns: Vec<&str> = entity.fields().iter().map(|f| f.name).collect();
    format!(
        "id, created_at, updated_at, deleted, {}",
        columns.join(", ")
    )
}

/// `SELECT <row columns> FROM <table>`.
pub(crate) fn select_row(entity: EntityKind) -> String {
    format!("SELECT {} FROM {}", row_columns(entity), entity.table())
}

/// `RETURNING <row columns>`: the row as [`select_row`] reads it, from the
/// statement that wrote it.
pub(crate) fn returning_row(entity: EntityKind) -> String {
    format!("RETURNING {}", row_columns(entity))
}

/// Reads one row selected by [`select_row`], and whether it is deleted.
pub(crate) fn read_row(entity: EntityKind, r: &Row<'_>) -> Result<(StoredRow, bool)> {
    RawRow::of(entity, r)?.read()
}

/// A row as SQLite gave it (the columns of [`select_row`]), not yet turned
/// into a [`StoredRow`]: a merge hands it to the thread that validates it.
pub(crate) struct RawRow {
    entity: EntityKind,
    columns: Vec<rusqlite::types::Value>,
}

impl RawRow {
    pub(crate) fn of(entity: EntityKind, r: &Row<'_>) -> Result<RawRow> {
        let columns = (0..4 + entity.fields().len())
            .map(|i| r.get(i))
            .collect::<rusqlite::Result<_>>()?;
        Ok(RawRow { entity, columns })
    }

    pub(crate) fn entity(&self) -> EntityKind {
        self.entity
    }

    /// Whether the row is deleted.
    pub(crate) fn deleted(&self) -> bool {
        !matches!(
            self.columns.get(3),
            Some(rusqlite::types::Value::Integer(0))
        )
    }

    /// The row, and whether it is deleted.
    pub(crate) fn read(self) -> Result<(StoredRow, bool)> {
        let deleted = self.deleted();
        let mut columns = self.columns.into_iter();
        let mut next = || columns.next().unwrap_or(rusqlite::types::Value::Null);
        let text = |v: rusqlite::types::Value| match v {
            rusqlite::types::Value::Text(t) => Ok(t),
            other => Err(StoreError::Corrupt(format!(
                "a row holds {other:?} for text"
            ))),
        };
        let id = text(next())?;
        let created_at = timestamp(&text(next())?)?;
        let updated_at = timestamp(&text(next())?)?;
        next();
        let mut fields = Map::new();
        for spec in self.entity.fields() {
            fields.insert(spec.name.to_owned(), from_column(*spec, next())?);
        }
        let row = StoredRow {
            id,
            fields,
            created_at,
            updated_at,
        };
        Ok((row, deleted))
    }
}

/// Reads a JSON text column into `T`.
fn json_column<T: serde::de::DeserializeOwned>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// The rows of `entity` that are not deleted, ordered by their first
    /// field (the name) without regard to case.
    pub fn rows(&self, entity: EntityKind) -> Result<Vec<StoredRow>> {
        self.rows_filtered(entity, None)
    }

    /// The rows of `entity` that are not deleted and whose `field` is
    /// `value` (e.g. the transfers of one activity), oldest first.
    pub fn rows_where(
        &self,
        entity: EntityKind,
        field: &str,
        value: &str,
    ) -> Result<Vec<StoredRow>> {
        let spec = entity
            .field(field)
            .ok_or_else(|| StoreError::Corrupt(format!("{} has no field {field}", entity.id())))?;
        self.rows_filtered(entity, Some((spec.name, value)))
    }

    fn rows_filtered(
        &self,
        entity: EntityKind,
        filter: Option<(&str, &str)>,
    ) -> Result<Vec<StoredRow>> {
        let (condition, order) = match filter {
            // Field names come from the static schema, never from input.
            Some((field, _)) => (format!("AND {field} = ?1"), "created_at, rowid".to_owned()),
            None => (
                String::new(),
                format!("{} COLLATE NOCASE, id", entity.fields()[0].name),
            ),
        };
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 {condition} ORDER BY {order}",
            select_row(entity)
        ))?;
        let mut rows = match filter {
            Some((_, value)) => stmt.query([value])?,
            None => stmt.query([])?,
        };
        let mut out = vec![];
        while let Some(r) = rows.next()? {
            out.push(read_row(entity, r)?.0);
        }
        Ok(out)
    }

    /// Every row of `entity`, deleted ones included, in the order they were
    /// created here; for data upgrades.
    pub fn rows_including_deleted(&self, entity: EntityKind) -> Result<Vec<StoredRow>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{} ORDER BY rowid", select_row(entity)))?;
        let mut rows = stmt.query([])?;
        let mut out = vec![];
        while let Some(r) = rows.next()? {
            out.push(read_row(entity, r)?.0);
        }
        Ok(out)
    }

    /// One row of `entity`, deleted or not, with whether it is deleted.
    pub fn row(&self, entity: EntityKind, id: &str) -> Result<Option<(StoredRow, bool)>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{} WHERE id = ?1", select_row(entity)))?;
        let mut rows = stmt.query([id])?;
        match rows.next()? {
            Some(r) => Ok(Some(read_row(entity, r)?)),
            None => Ok(None),
        }
    }

    /// Every op recorded for one row, oldest first.
    pub fn ops_for_row(&self, entity: EntityKind, row_id: &str) -> Result<Vec<Op>> {
        ops_of_row(self.conn(), entity.id(), row_id)
    }

    /// How many ops the log holds, from every device.
    pub fn op_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))?)
    }

    /// The current heads of one field of one row.
    pub fn heads_of(&self, entity: EntityKind, row_id: &str, field: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT op_id FROM heads WHERE entity = ?1 AND row_id = ?2 AND field = ?3 ORDER BY op_id",
        )?;
        let rows = stmt.query_map(params![entity.id(), row_id, field], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }
}

/// The columns of `ops` that [`read_op`] reads, in its order. The op id is
/// not stored: it is `"<seq>@<device>"`, the table's key (migration 0011).
pub(crate) const OP_COLUMNS: &str =
    "device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents";

/// The op id of a device's op: `"<seq>@<device>"`.
pub(crate) fn op_id(seq: i64, device: &str) -> String {
    format!("{seq}@{device}")
}

/// The device and sequence number an op id names, if it is one.
pub(crate) fn parse_op_id(op_id: &str) -> Option<(&str, i64)> {
    let (seq, device) = op_id.split_once('@')?;
    Some((device, seq.parse().ok()?))
}

/// Reads one op selected with [`OP_COLUMNS`].
pub(crate) fn read_op(r: &Row<'_>) -> rusqlite::Result<Op> {
    let device: String = r.get(0)?;
    let seq: i64 = r.get(1)?;
    Ok(Op {
        op_id: op_id(seq, &device),
        device,
        seq,
        entity: r.get(2)?,
        row_id: r.get(3)?,
        field: r.get(4)?,
        value: json_column(r, 5)?,
        stamp: HlcStamp {
            wall_ms: r.get(6)?,
            counter: r.get(7)?,
        },
        parents: json_column(r, 8)?,
    })
}

/// Every op of one row (of any entity, known to this version or not),
/// oldest first.
pub(crate) fn ops_of_row(conn: &Connection, entity: &str, row_id: &str) -> Result<Vec<Op>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OP_COLUMNS} FROM ops WHERE entity = ?1 AND row_id = ?2
         ORDER BY hlc_wall, hlc_counter, device"
    ))?;
    let rows = stmt.query_map(params![entity, row_id], read_op)?;
    Ok(rows.collect::<rusqlite::Result<Vec<Op>>>()?)
}
