//! What a person saw: the version of a record a form was filled from, so
//! that saving it writes only what the person changed.
//!
//! A record's **base** is the set of its heads when it was read (the ops
//! whose values it showed), written as their op ids, sorted and joined by
//! commas. Every op of the row that the reader had is an ancestor of one of
//! them (or one of them), so the base names the whole state the person saw:
//! [`Writer::set_seen`] recomputes each field's value as it was then, writes
//! only the fields whose new value differs from it, and gives each written
//! op the field's heads *of then* as parents. A field that someone else
//! changed in between is therefore not overwritten: it ends with two heads,
//! a conflict shown to a person (sync-design.md, invariant 4: every op is a
//! head, or was superseded by an author who had seen it).

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{OptionalExtension, params};
use serde_json::Value;
use steward_core::entity::DELETED_FIELD;
use steward_core::{EntityKind, FieldSpec};

use crate::register::{ops_of_row, parse_op_id};
use crate::write::{Op, Writer, from_column};
use crate::{Result, Store, StoreError};

/// The base of a record: the op ids of its heads, sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seen(BTreeSet<String>);

impl Seen {
    /// Reads a base as [`Seen::token`] writes it; `None` if it is not one.
    /// The empty base is that of a record read before it had any value
    /// (an organisation profile never saved): the person saw nothing.
    pub fn parse(token: &str) -> Option<Seen> {
        let ids: BTreeSet<String> = token
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        ids.iter()
            .all(|id| parse_op_id(id).is_some())
            .then_some(Seen(ids))
    }

    /// The op ids, sorted and joined by commas.
    pub fn token(&self) -> String {
        self.0.iter().cloned().collect::<Vec<_>>().join(",")
    }

    fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Seen {
        Seen(ids.into_iter().map(str::to_owned).collect())
    }
}

/// What a save against a base did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeenOutcome {
    /// The fields written (op-log names).
    pub written: Vec<&'static str>,
    /// Those of them that someone else had changed since the base: each now
    /// has several heads, a conflict for a person to settle.
    pub conflicts: Vec<&'static str>,
}

/// The row as it was when a base was read: its ops then, with the heads
/// of each field among them.
struct Then<'o> {
    ops: Vec<&'o Op>,
    superseded: HashSet<&'o str>,
}

impl<'o> Then<'o> {
    /// The ops of `all` that `seen` names, and their ancestors.
    fn new(all: &'o [Op], seen: &Seen, entity: EntityKind, row_id: &str) -> Result<Then<'o>> {
        let by_id: HashMap<&str, &Op> = all.iter().map(|o| (o.op_id.as_str(), o)).collect();
        let mut stack: Vec<&Op> = Vec::with_capacity(seen.0.len());
        for id in &seen.0 {
            match by_id.get(id.as_str()) {
                Some(op) => stack.push(op),
                None => {
                    return Err(StoreError::UnknownBase {
                        entity: entity.id(),
                        id: row_id.to_owned(),
                    });
                }
            }
        }
        let mut reached: HashSet<&str> = HashSet::new();
        let mut ops = vec![];
        while let Some(op) = stack.pop() {
            if !reached.insert(op.op_id.as_str()) {
                continue;
            }
            ops.push(op);
            stack.extend(op.parents.iter().filter_map(|p| by_id.get(p.as_str())));
        }
        let superseded = ops
            .iter()
            .flat_map(|o| o.parents.iter().map(String::as_str))
            .collect();
        Ok(Then { ops, superseded })
    }

    /// The heads a field had then, sorted.
    fn heads(&self, field: &str) -> Vec<&'o Op> {
        let mut heads: Vec<&Op> = self
            .ops
            .iter()
            .copied()
            .filter(|o| o.field == field && !self.superseded.contains(o.op_id.as_str()))
            .collect();
        heads.sort_by(|a, b| a.op_id.cmp(&b.op_id));
        heads
    }

    /// The value the field showed then, by the rule of `recompute`; a field
    /// without ops then had its column's default.
    fn value(
        &self,
        conn: &rusqlite::Connection,
        entity: EntityKind,
        spec: FieldSpec,
    ) -> Result<Value> {
        let field_ops: Vec<&Op> = self
            .ops
            .iter()
            .copied()
            .filter(|o| o.field == spec.name)
            .collect();
        let heads = self.heads(spec.name);
        match crate::recompute::shown_value(&heads, &field_ops, |o| spec.readable(&o.value)) {
            Some(op) => Ok(op.value.clone()),
            None => column_default(conn, entity, spec),
        }
    }
}

/// The value a column holds before any op set it: its SQL default.
fn column_default(
    conn: &rusqlite::Connection,
    entity: EntityKind,
    spec: FieldSpec,
) -> Result<Value> {
    let default: Option<String> = conn
        .prepare_cached("SELECT dflt_value FROM pragma_table_info(?1) WHERE name = ?2")?
        .query_row(params![entity.table(), spec.name], |r| r.get(0))
        .optional()?
        .flatten();
    let column = match default.as_deref().map(str::trim) {
        None | Some("NULL") => rusqlite::types::Value::Null,
        Some(text) if text.starts_with('\'') && text.ends_with('\'') && text.len() >= 2 => {
            rusqlite::types::Value::Text(text[1..text.len() - 1].replace("''", "'"))
        }
        Some(number) => number
            .parse::<i64>()
            .map(rusqlite::types::Value::Integer)
            .unwrap_or(rusqlite::types::Value::Null),
    };
    from_column(spec, column)
}

fn ids(ops: &[&Op]) -> Vec<String> {
    ops.iter().map(|o| o.op_id.clone()).collect()
}

impl Writer<'_> {
    /// Saves a form filled from `seen`: writes only the fields whose value
    /// differs from what the form showed, each with the heads of then as
    /// parents, and recomputes the row. Fields someone changed meanwhile
    /// become conflicts instead of being overwritten; a field whose value
    /// someone else already changed to the same value is left alone.
    pub fn set_seen(
        &mut self,
        entity: EntityKind,
        row_id: &str,
        fields: &[(&'static str, Value)],
        seen: &Seen,
    ) -> Result<SeenOutcome> {
        let all = ops_of_row(self.tx(), entity.id(), row_id)?;
        let then = Then::new(&all, seen, entity, row_id)?;
        let mut outcome = SeenOutcome::default();
        let mut pending: Vec<(&'static str, &Value, Vec<String>)> = vec![];
        for (name, value) in fields {
            let spec = entity.field(name).ok_or_else(|| {
                StoreError::Corrupt(format!("{} has no field {name}", entity.id()))
            })?;
            if then.value(self.tx(), entity, spec)? == *value {
                continue;
            }
            let base_heads = ids(&then.heads(name));
            let current = self.field_heads(entity, row_id, name)?;
            if current != base_heads {
                // Someone changed the field since the form was filled.
                if self.value_of(entity, row_id, spec)? == *value && current.len() == 1 {
                    continue;
                }
                outcome.conflicts.push(spec.name);
            }
            outcome.written.push(spec.name);
            pending.push((spec.name, value, base_heads));
        }
        if pending.is_empty() {
            return Ok(outcome);
        }
        for (field, value, parents) in pending {
            self.append_op(entity, row_id, field, value, parents)?;
        }
        self.recompute(entity, row_id)?;
        // A change that ended up equal on every head is no conflict.
        let conflicted = self.conflicted_fields(entity, row_id)?;
        outcome.conflicts.retain(|f| conflicted.contains(*f));
        Ok(outcome)
    }

    /// Deletes a row as a person who saw `seen`: the delete supersedes only
    /// what they saw, so a field edited meanwhile keeps the row visible as an
    /// edit-vs-delete conflict.
    pub fn delete_seen(&mut self, entity: EntityKind, row_id: &str, seen: &Seen) -> Result<()> {
        let all = ops_of_row(self.tx(), entity.id(), row_id)?;
        Then::new(&all, seen, entity, row_id)?;
        let parents: Vec<String> = seen.0.iter().cloned().collect();
        self.append_op(entity, row_id, DELETED_FIELD, &Value::Bool(true), parents)?;
        self.recompute(entity, row_id)
    }

    /// The fields of the row whose heads hold different values.
    fn conflicted_fields(&self, entity: EntityKind, row_id: &str) -> Result<HashSet<String>> {
        let ops = ops_of_row(self.tx(), entity.id(), row_id)?;
        let by_id: HashMap<&str, &Op> = ops.iter().map(|o| (o.op_id.as_str(), o)).collect();
        let mut values: HashMap<String, HashSet<String>> = HashMap::new();
        for (field, op_id) in self.row_heads(entity, row_id)? {
            if let Some(op) = by_id.get(op_id.as_str()) {
                values
                    .entry(field)
                    .or_default()
                    .insert(op.value.to_string());
            }
        }
        Ok(values
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(f, _)| f)
            .collect())
    }
}

impl Store {
    /// One row as it read at `seen`: each field's value as the form filled
    /// from that base showed it (what a command line builds its save on,
    /// to save exactly as a form left open would).
    pub fn row_as_seen(
        &self,
        entity: EntityKind,
        row_id: &str,
        seen: &Seen,
    ) -> Result<Option<crate::StoredRow>> {
        let Some((mut row, _)) = self.row(entity, row_id)? else {
            return Ok(None);
        };
        let all = ops_of_row(self.conn(), entity.id(), row_id)?;
        let then = Then::new(&all, seen, entity, row_id)?;
        for spec in entity.fields() {
            row.fields.insert(
                spec.name.to_owned(),
                then.value(self.conn(), entity, *spec)?,
            );
        }
        Ok(Some(row))
    }

    /// The base of one row: its heads now (see [`Seen`]).
    pub fn base_of(&self, entity: EntityKind, row_id: &str) -> Result<String> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT op_id FROM heads WHERE entity = ?1 AND row_id = ?2")?;
        let ids = stmt
            .query_map(params![entity.id(), row_id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Seen::of(ids.iter().map(String::as_str)).token())
    }

    /// The base of every row of `entity`, by row id.
    pub fn bases(&self, entity: EntityKind) -> Result<HashMap<String, String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT row_id, op_id FROM heads WHERE entity = ?1")?;
        let mut rows = stmt.query([entity.id()])?;
        let mut heads: HashMap<String, BTreeSet<String>> = HashMap::new();
        while let Some(r) = rows.next()? {
            heads.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
        Ok(heads
            .into_iter()
            .map(|(row, ids)| (row, Seen(ids).token()))
            .collect())
    }

    /// Every head whose value this version cannot read (a newer Steward
    /// wrote it): (entity, row, field, op id), in that order.
    pub fn newer_values(&self) -> Result<Vec<(String, String, String, String)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT entity, row_id, field, op_id FROM newer_values ORDER BY 1, 2, 3, 4",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
