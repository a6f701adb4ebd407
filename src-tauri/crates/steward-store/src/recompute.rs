//! The pure recomputation of a row from its ops: the heads of each field,
//! the value shown (the latest head), the deleted flag and the change time.
//! A local write, a merge and the replay after an upgrade all use it, so
//! the same ops give the same row on every device.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use jiff::Timestamp;
use rusqlite::types::Value as SqlValue;
use rusqlite::{Transaction, params};
use serde_json::Value;
use steward_core::EntityKind;
use steward_core::entity::DELETED_FIELD;

use crate::Result;
use crate::register::{RawRow, ops_of_row, returning_row};
use crate::write::{Op, to_column};

/// How far ahead of this laptop's clock a stamp may be before it counts as
/// a wrong clock: it still merges (convergence never depends on clocks),
/// but it moves neither this laptop's clock nor the dates it shows.
pub const CLOCK_AHEAD_MS: i64 = 24 * 60 * 60 * 1000;

/// A row's creation or change time from an op's stamp, never later than a
/// day after `now`: a laptop whose clock is years ahead does not give rows
/// dates in the future.
fn row_time(ms: i64, now: Timestamp) -> String {
    let limit = now.as_millisecond().saturating_add(CLOCK_AHEAD_MS);
    Timestamp::from_millisecond(ms.min(limit))
        .unwrap_or(now)
        .to_string()
}

/// The op whose value a field shows: the latest of its heads that `readable`
/// accepts (by stamp, then device). Without one — every head was superseded
/// by a delete, or none can be read by this version — the latest of the
/// field's last values among the ops `readable` accepts: those that no
/// readable op of the field superseded. So a value a newer Steward wrote
/// hides nothing: the register shows the value before it.
pub(crate) fn shown_value<'o>(
    heads: &[&'o Op],
    field_ops: &[&'o Op],
    readable: impl Fn(&Op) -> bool,
) -> Option<&'o Op> {
    let latest = |pool: &mut dyn Iterator<Item = &'o Op>| {
        pool.max_by(|a, b| (a.stamp, &a.device).cmp(&(b.stamp, &b.device)))
    };
    if let Some(head) = latest(&mut heads.iter().copied().filter(|o| readable(o))) {
        return Some(head);
    }
    let candidates: Vec<&Op> = field_ops.iter().copied().filter(|o| readable(o)).collect();
    let within: HashSet<&str> = candidates
        .iter()
        .flat_map(|o| o.parents.iter().map(String::as_str))
        .collect();
    latest(
        &mut candidates
            .iter()
            .copied()
            .filter(|o| !within.contains(o.op_id.as_str())),
    )
}

/// Recomputes one row's heads, values and deleted flag from its ops;
/// returns the row as it now reads (`None` when it has no ops).
pub(crate) fn rematerialise(
    tx: &Transaction<'_>,
    entity: EntityKind,
    row_id: &str,
    now: Timestamp,
) -> Result<Option<RawRow>> {
    let ops = ops_of_row(tx, entity.id(), row_id)?;
    let ops: Vec<&Op> = ops.iter().collect();
    rematerialise_ops(tx, entity, row_id, &ops, false, now)
}

/// The order in which a row's ops are recomputed: by stamp, then device.
pub(crate) fn stamp_order(a: &Op, b: &Op) -> std::cmp::Ordering {
    (a.stamp.wall_ms, a.stamp.counter, &a.device).cmp(&(
        b.stamp.wall_ms,
        b.stamp.counter,
        &b.device,
    ))
}

/// Recomputes a row from all of its ops, in [`stamp_order`] (as
/// `ops_of_row` gives them), and returns the row as it now reads (`None`
/// when there are no ops). A `new_row` had no ops before these, so it has
/// no heads to clear.
pub(crate) fn rematerialise_ops(
    tx: &Transaction<'_>,
    entity: EntityKind,
    row_id: &str,
    ops: &[&Op],
    new_row: bool,
    now: Timestamp,
) -> Result<Option<RawRow>> {
    let (Some(first), Some(last)) = (ops.first(), ops.last()) else {
        return Ok(None);
    };
    let superseded: HashSet<&str> = ops
        .iter()
        .flat_map(|o| o.parents.iter().map(String::as_str))
        .collect();
    let mut by_field: BTreeMap<&str, Vec<&Op>> = BTreeMap::new();
    for op in ops {
        by_field.entry(&op.field).or_default().push(op);
    }
    if !new_row {
        tx.prepare_cached("DELETE FROM heads WHERE entity = ?1 AND row_id = ?2")?
            .execute(params![entity.id(), row_id])?;
    }
    let mut deleted = false;
    let mut field_heads = false;
    let mut columns: Vec<usize> = vec![];
    let mut values: Vec<SqlValue> = vec![];
    let mut heads_of_row: Vec<(&str, &str)> = vec![];
    let mut newer: Vec<(&str, &str)> = vec![];
    for (field, field_ops) in by_field {
        let heads: Vec<&Op> = field_ops
            .iter()
            .copied()
            .filter(|o| !superseded.contains(o.op_id.as_str()))
            .collect();
        heads_of_row.extend(heads.iter().map(|h| (field, h.op_id.as_str())));
        if field == DELETED_FIELD {
            if let Some(shown) = shown_value(&heads, &field_ops, |_| true) {
                deleted = shown.value == Value::Bool(true);
            }
            continue;
        }
        field_heads |= !heads.is_empty();
        // Fields this version does not know stay in the op log only.
        let Some(index) = entity.fields().iter().position(|f| f.name == field) else {
            continue;
        };
        let spec = entity.fields()[index];
        let readable = |o: &Op| spec.readable(&o.value);
        newer.extend(
            heads
                .iter()
                .filter(|h| !readable(h))
                .map(|h| (field, h.op_id.as_str())),
        );
        if let Some(shown) = shown_value(&heads, &field_ops, readable) {
            columns.push(index);
            values.push(to_column(spec, &shown.value)?);
        }
    }
    if !new_row {
        tx.prepare_cached("DELETE FROM newer_values WHERE entity = ?1 AND row_id = ?2")?
            .execute(params![entity.id(), row_id])?;
    }
    for (field, op_id) in &newer {
        tx.prepare_cached(
            "INSERT INTO newer_values (entity, row_id, field, op_id) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![entity.id(), row_id, field, op_id])?;
    }
    insert_heads(tx, entity, row_id, &heads_of_row)?;
    // One statement for the whole row, whether it is new here or not; rows
    // with the same fields share it. It gives back the row as it reads.
    let sql = upsert_sql(entity, &columns);
    values.push(SqlValue::Integer(i64::from(deleted && !field_heads)));
    values.push(SqlValue::Text(row_time(first.stamp.wall_ms, now)));
    values.push(SqlValue::Text(row_time(last.stamp.wall_ms, now)));
    values.push(SqlValue::Text(row_id.to_owned()));
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
    match rows.next()? {
        Some(r) => Ok(Some(RawRow::of(entity, r)?)),
        None => Err(crate::StoreError::NotFound {
            entity: entity.id(),
            id: row_id.to_owned(),
        }),
    }
}

/// Records a row's heads, `(field, op id)`, in one statement.
fn insert_heads(
    tx: &Transaction<'_>,
    entity: EntityKind,
    row_id: &str,
    heads: &[(&str, &str)],
) -> Result<()> {
    if heads.is_empty() {
        return Ok(());
    }
    let sql = heads_sql(heads.len());
    let mut values: Vec<&str> = vec![entity.id(), row_id];
    for (field, op_id) in heads {
        values.extend([*field, *op_id]);
    }
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

/// What a statement below is for: an entity's columns, or a number of heads.
type SqlKey = (Option<EntityKind>, Vec<usize>);

thread_local! {
    /// The statements below, by what they are for: building their text for
    /// every row costs more than running them.
    static SQL: RefCell<HashMap<SqlKey, Rc<str>>> = RefCell::new(HashMap::new());
}

fn cached_sql(key: SqlKey, build: impl FnOnce() -> String) -> Rc<str> {
    SQL.with_borrow_mut(|cache| cache.entry(key).or_insert_with(|| build().into()).clone())
}

/// Writes a row's `columns` (indices into its fields), `deleted`,
/// `created_at` (kept if the row exists), `updated_at` (the later) and `id`,
/// and returns the row.
fn upsert_sql(entity: EntityKind, columns: &[usize]) -> Rc<str> {
    cached_sql((Some(entity), columns.to_vec()), || {
        let names: Vec<&str> = columns.iter().map(|&i| entity.fields()[i].name).collect();
        let n = names.len();
        let mut sql = format!("INSERT INTO {} (", entity.table());
        for name in &names {
            sql.push_str(&format!("{name}, "));
        }
        sql.push_str("deleted, created_at, updated_at, id) VALUES (");
        for i in 1..=n + 3 {
            sql.push_str(&format!("?{i}, "));
        }
        sql.push_str(&format!("?{}) ON CONFLICT (id) DO UPDATE SET ", n + 4));
        for name in &names {
            sql.push_str(&format!("{name} = excluded.{name}, "));
        }
        sql.push_str(&format!(
            "deleted = excluded.deleted, updated_at = max(updated_at, excluded.updated_at) {}",
            returning_row(entity)
        ));
        sql
    })
}

/// Inserts `n` heads of one row: entity and row id, then (field, op id)s.
fn heads_sql(n: usize) -> Rc<str> {
    cached_sql((None, vec![n]), || {
        let mut sql = "INSERT INTO heads (entity, row_id, field, op_id) VALUES ".to_owned();
        for i in 0..n {
            let sep = if i == 0 { "" } else { ", " };
            sql.push_str(&format!("{sep}(?1, ?2, ?{}, ?{})", 2 * i + 3, 2 * i + 4));
        }
        sql
    })
}
