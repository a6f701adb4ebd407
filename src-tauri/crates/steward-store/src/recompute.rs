//! The pure recomputation of a row from its ops: the heads of each field,
//! the value shown (the latest head), the deleted flag and the change time.
//! A local write, a merge and the replay after an upgrade all use it, so
//! the same ops give the same row on every device.

use std::collections::{BTreeMap, HashSet};

use jiff::Timestamp;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Transaction, params};
use serde_json::Value;
use steward_core::EntityKind;
use steward_core::entity::DELETED_FIELD;

use crate::Result;
use crate::register::ops_of_row;
use crate::write::{Op, to_column};

fn millis_text(ms: i64, fallback: Timestamp) -> String {
    Timestamp::from_millisecond(ms)
        .unwrap_or(fallback)
        .to_string()
}

/// Recomputes one row's heads, values and deleted flag from its ops.
pub(crate) fn rematerialise(
    tx: &Transaction<'_>,
    entity: EntityKind,
    row_id: &str,
    now: Timestamp,
) -> Result<()> {
    let ops = ops_of_row(tx, entity.id(), row_id)?;
    let ops: Vec<&Op> = ops.iter().collect();
    rematerialise_ops(tx, entity, row_id, &ops, false, now)
}

/// Recomputes a row from all of its ops, in stamp order (as `ops_of_row`
/// gives them). A `new_row` had no ops before these, so it has no heads
/// to clear.
pub(crate) fn rematerialise_ops(
    tx: &Transaction<'_>,
    entity: EntityKind,
    row_id: &str,
    ops: &[&Op],
    new_row: bool,
    now: Timestamp,
) -> Result<()> {
    let (Some(first), Some(last)) = (ops.first(), ops.last()) else {
        return Ok(());
    };
    let superseded: HashSet<&str> = ops
        .iter()
        .flat_map(|o| o.parents.iter().map(String::as_str))
        .collect();
    let mut by_field: BTreeMap<&str, Vec<&Op>> = BTreeMap::new();
    for op in ops {
        by_field.entry(&op.field).or_default().push(op);
    }
    tx.prepare_cached(&format!(
        "INSERT INTO {} (id, created_at, updated_at) VALUES (?1, ?2, ?2)
             ON CONFLICT (id) DO NOTHING",
        entity.table()
    ))?
    .execute(params![row_id, millis_text(first.stamp.wall_ms, now)])?;
    if !new_row {
        tx.prepare_cached("DELETE FROM heads WHERE entity = ?1 AND row_id = ?2")?
            .execute(params![entity.id(), row_id])?;
    }
    let mut deleted = false;
    let mut field_heads = false;
    let mut columns: Vec<&'static str> = vec![];
    let mut values: Vec<SqlValue> = vec![];
    for (field, field_ops) in by_field {
        let heads: Vec<&Op> = field_ops
            .iter()
            .copied()
            .filter(|o| !superseded.contains(o.op_id.as_str()))
            .collect();
        for head in &heads {
            tx.prepare_cached(
                "INSERT INTO heads (entity, row_id, field, op_id) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![entity.id(), row_id, field, head.op_id])?;
        }
        // With no head left (a delete superseded them), the value is the
        // latest of the field's own last values: the ops no op *of this
        // field* superseded. A local delete recomputes the row the same way.
        let last_values: Vec<&Op>;
        let pool = if heads.is_empty() {
            let within: HashSet<&str> = field_ops
                .iter()
                .flat_map(|o| o.parents.iter().map(String::as_str))
                .collect();
            last_values = field_ops
                .iter()
                .copied()
                .filter(|o| !within.contains(o.op_id.as_str()))
                .collect();
            &last_values
        } else {
            &heads
        };
        let Some(shown) = pool
            .iter()
            .max_by(|a, b| (a.stamp, &a.device).cmp(&(b.stamp, &b.device)))
        else {
            continue;
        };
        if field == DELETED_FIELD {
            deleted = shown.value == Value::Bool(true);
            continue;
        }
        field_heads |= !heads.is_empty();
        // Fields this version does not know stay in the op log only.
        if let Some(spec) = entity.field(field) {
            columns.push(spec.name);
            values.push(to_column(spec, &shown.value)?);
        }
    }
    // One statement for the whole row; rows with the same fields share it.
    let mut sql = format!("UPDATE {} SET ", entity.table());
    for (i, column) in columns.iter().enumerate() {
        sql.push_str(&format!("{column} = ?{}, ", i + 1));
    }
    let n = columns.len();
    sql.push_str(&format!(
        "deleted = ?{}, updated_at = max(updated_at, ?{}) WHERE id = ?{}",
        n + 1,
        n + 2,
        n + 3
    ));
    values.push(SqlValue::Integer(i64::from(deleted && !field_heads)));
    values.push(SqlValue::Text(millis_text(last.stamp.wall_ms, now)));
    values.push(SqlValue::Text(row_id.to_owned()));
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}
