//! A laptop restored from an old copy, or cloned: change files then carry
//! ops under this laptop's own device id that it does not have, or has
//! with other content (the changes it made since the copy reuse the
//! sequence numbers of changes the original made).
//!
//! Continuing under the same device id would collide with those numbers
//! (the next save fails, or two different changes share one id). So the
//! merge that finds such ops gives this laptop a **new device id** first:
//! the changes this laptop made after the point where it and the file part
//! ways are renumbered under the new id (same content, stamps and parents),
//! and the file's ops are then merged as another device's. Everything
//! happens in the merge's transaction: the file applies wholly with the
//! new id, or nothing changes.
//!
//! Not handled: changes this laptop made after the restore *and* already
//! sent to others under the old id. The others then hold two versions of
//! one op id, and refuse the second with the "cloned laptop" message.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Transaction, params};
use uuid::Uuid;

use crate::identity::{self, DEVICE_ID, NEXT_SEQ};
use crate::register::{OP_COLUMNS, op_id, read_op};
use crate::write::Op;
use crate::{Result, StoreError};

/// What a merge found out about this laptop's own ops in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The device id this laptop wrote under until now.
    pub old_device: String,
    /// The id it writes under from now on.
    pub new_device: String,
    /// How many of its own changes were renumbered under the new id.
    pub renumbered: usize,
}

/// If `ops` (a file's) hold ops under `me` that this database does not
/// have, or has with other content, moves this laptop to a new device id
/// inside `tx` and returns what changed; the rows whose ops were renumbered
/// are added to `rows` for recomputing.
pub(crate) fn take_new_identity_if_restored(
    tx: &Transaction<'_>,
    me: &str,
    ops: &[Op],
    rows: &mut BTreeSet<(String, String)>,
) -> Result<Option<Restored>> {
    let mut unknown = false;
    let mut first_divergent: Option<i64> = None;
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {OP_COLUMNS} FROM ops WHERE device = ?1 AND seq = ?2"
    ))?;
    for op in ops.iter().filter(|o| o.device == me) {
        let held = stmt
            .query_row(params![me, op.seq], read_op)
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        match held {
            None => unknown = true,
            Some(h) if h != *op => {
                first_divergent = Some(first_divergent.map_or(op.seq, |s| s.min(op.seq)));
            }
            Some(_) => {}
        }
    }
    drop(stmt);
    if !unknown && first_divergent.is_none() {
        return Ok(None);
    }
    let new_device = Uuid::new_v4().to_string();
    // This laptop's changes from the first divergent one on are its own
    // since the copy: renumber them from 1 under the new id.
    let mine: Vec<Op> = match first_divergent {
        Some(from) => {
            let mut stmt = tx.prepare(&format!(
                "SELECT {OP_COLUMNS} FROM ops WHERE device = ?1 AND seq >= ?2 ORDER BY seq"
            ))?;
            stmt.query_map(params![me, from], read_op)?
                .collect::<rusqlite::Result<Vec<Op>>>()?
        }
        None => vec![],
    };
    let renamed: HashMap<String, String> = mine
        .iter()
        .enumerate()
        .map(|(i, op)| (op.op_id.clone(), op_id(i as i64 + 1, &new_device)))
        .collect();
    if let Some(from) = first_divergent {
        tx.execute(
            "DELETE FROM ops WHERE device = ?1 AND seq >= ?2",
            params![me, from],
        )?;
    }
    for (i, op) in mine.iter().enumerate() {
        let parents: Vec<&str> = op
            .parents
            .iter()
            .map(|p| renamed.get(p).map_or(p.as_str(), String::as_str))
            .collect();
        let parents = serde_json::to_string(&parents)
            .map_err(|e| StoreError::Corrupt(format!("parents of {}: {e}", op.op_id)))?;
        tx.execute(
            "INSERT INTO ops (device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                new_device,
                i as i64 + 1,
                op.entity,
                op.row_id,
                op.field,
                op.value.to_string(),
                op.stamp.wall_ms,
                op.stamp.counter,
                parents
            ],
        )?;
        // Its heads are recomputed with the row.
        tx.execute(
            "DELETE FROM heads WHERE entity = ?1 AND row_id = ?2",
            params![op.entity, op.row_id],
        )?;
        rows.insert((op.entity.clone(), op.row_id.clone()));
    }
    let name: Option<String> = tx
        .query_row("SELECT name FROM devices WHERE device = ?1", [me], |r| {
            r.get(0)
        })
        .ok();
    tx.execute(
        "INSERT INTO devices (device, name) VALUES (?1, ?2)",
        params![new_device, name.unwrap_or_default()],
    )?;
    identity::set(tx, DEVICE_ID, &new_device)?;
    identity::set(tx, NEXT_SEQ, &(mine.len() as i64 + 1).to_string())?;
    Ok(Some(Restored {
        old_device: me.to_owned(),
        new_device,
        renumbered: mine.len(),
    }))
}
