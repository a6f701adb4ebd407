//! Merging operations that other devices wrote (see `sync-design.md`).
//!
//! The materialised state is a pure function of the set of ops, computed per
//! row:
//! - the **heads** of a field are its ops that no op of the row names as a
//!   parent;
//! - its **value** is the head with the highest (HLC stamp, device); when a
//!   delete superseded every op of the field, the highest of the field's
//!   last values (its ops that no op of the same field superseded);
//! - the row is **deleted** when its `$deleted` value is `true` and no field
//!   has a head: a field edit that the deleter did not see keeps the row
//!   visible, as an edit-vs-delete conflict.
//!
//! Local writes ([`crate::Writer`]) keep the same state incrementally (a
//! delete recomputes its row with [`rematerialise`]);
//! [`Store::merge`] inserts the new ops of a file and recomputes exactly the
//! rows they touch, in one transaction with the clock and the file's record.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::Value;
use steward_core::entity::DELETED_FIELD;
use steward_core::{EntityKind, HlcStamp};

use crate::identity::{self, HLC_COUNTER, HLC_WALL};
use crate::recompute::CLOCK_AHEAD_MS;
use crate::recompute::{rematerialise, rematerialise_ops, stamp_order};
use crate::register::{OP_COLUMNS, RawRow, StoredRow, parse_op_id, read_op, read_row, select_row};
use crate::restored::{Restored, take_new_identity_if_restored};
use crate::write::Op;
use crate::{Result, Store, StoreError, schema};

/// The change file a merge comes from, recorded with it.
#[derive(Debug, Clone)]
pub struct FileRecord<'a> {
    pub sha256: &'a str,
    pub name: &'a str,
    /// The device that wrote the file.
    pub author: &'a str,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Ops this database did not hold before.
    pub new_ops: usize,
    /// Ops it already held (identical): a duplicated file changes nothing.
    pub known_ops: usize,
    /// Set when the file showed that this laptop was restored from an old
    /// copy (or cloned), so that it now writes under a new device id.
    pub restored: Option<Restored>,
    /// The devices whose new ops are stamped more than a day ahead of this
    /// laptop's clock: merged, but not allowed to move its clock.
    pub clocks_ahead: BTreeSet<String>,
}

/// A row touched by a merge, as the validators see it: the fields the new
/// ops set on it, and the row as it now reads.
pub struct Touched<'a> {
    pub entity: EntityKind,
    pub row: &'a StoredRow,
    pub fields: &'a BTreeSet<&'a str>,
}

/// One (row, field) with several heads whose values differ, or a row whose
/// delete met an edit the deleter did not see (`field` is `$deleted`).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredConflict {
    pub entity: EntityKind,
    pub row_id: String,
    pub field: String,
    /// The competing ops, highest (stamp, device) first: the first is the
    /// value shown until a person resolves the conflict.
    pub heads: Vec<Op>,
}

/// One device's ops as this database holds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceOps {
    pub device: String,
    pub name: Option<String>,
    pub ops: i64,
    pub last_seq: i64,
    /// The highest wall-clock time among its ops' stamps (ms since epoch).
    pub last_wall_ms: i64,
    /// Sequence numbers below `last_seq` that are missing: inclusive ranges.
    pub missing: Vec<(i64, i64)>,
}

fn ordered(ops: &mut [Op]) {
    ops.sort_by(|a, b| (b.stamp, &b.device).cmp(&(a.stamp, &a.device)));
}

/// The ops a merge adds to one row, and the fields they set.
#[derive(Default)]
struct NewOps<'a> {
    ops: Vec<&'a Op>,
    fields: BTreeSet<&'a str>,
}

/// Recomputes each touched row and has `check` validate it. A row whose
/// ops all came in this merge (all of them, when the database `held_none`
/// before it) is recomputed from them, without reading them back. The checks run
/// on a second thread while this one recomputes the next rows, so that a
/// large file's validation overlaps its writes; the first refusal (in row
/// order) stops both.
fn recompute_and_check<E: From<StoreError> + Send>(
    tx: &Transaction<'_>,
    touched: &[((&str, &str), NewOps<'_>)],
    held_none: bool,
    now: Timestamp,
    mut check: impl FnMut(Touched<'_>) -> Result<(), E> + Send,
) -> Result<(), E> {
    // Rows go to the checker in batches: a hand-over per row would cost
    // more than most rows' checks. The checker also turns them into
    // `StoredRow`s, which is a fair share of the work.
    type Batch<'b> = Vec<(RawRow, &'b BTreeSet<&'b str>)>;
    const BATCH: usize = 64;
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Batch<'_>>(8);
        let checker = scope.spawn(move || -> Result<(), E> {
            for (raw, fields) in receive.into_iter().flatten() {
                let entity = raw.entity();
                let (row, _) = raw.read()?;
                check(Touched {
                    entity,
                    row: &row,
                    fields,
                })?;
            }
            Ok(())
        });
        let recomputed = (|| -> Result<()> {
            let mut batch: Batch<'_> = Vec::with_capacity(BATCH);
            for ((entity_id, row_id), new) in touched {
                // Ops of kinds this version does not know are kept, not shown.
                let Some(entity) = EntityKind::from_id(entity_id) else {
                    continue;
                };
                let row = if held_none || held_ops(tx, entity_id, row_id)? == new.ops.len() {
                    rematerialise_ops(tx, entity, row_id, &new.ops, true, now)?
                } else {
                    rematerialise(tx, entity, row_id, now)?
                };
                if let Some(raw) = row.filter(|raw| !raw.deleted()) {
                    batch.push((raw, &new.fields));
                }
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // An error means the checker has stopped: it refused a row.
                    if send.send(full).is_err() {
                        return Ok(());
                    }
                }
            }
            // As above, a refusal is the checker's to report.
            let _ = send.send(batch);
            Ok(())
        })();
        drop(send);
        let checked = checker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        recomputed?;
        checked
    })
}

impl Store {
    /// Adds ops that other devices wrote, recomputes the rows they touch, and
    /// advances the clock past them, in one transaction. `check` sees every
    /// touched row that is not deleted and may refuse the whole merge; so
    /// does an op id that this database holds with different content.
    pub fn merge<E: From<StoreError> + Send>(
        &mut self,
        ops: &[Op],
        device_names: &BTreeMap<String, String>,
        file: &FileRecord<'_>,
        now: Timestamp,
        check: impl FnMut(Touched<'_>) -> Result<(), E> + Send,
    ) -> Result<MergeOutcome, E> {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let mut outcome = MergeOutcome::default();
        // Ops under this laptop's own id that it lacks: it was restored
        // from an old copy. It moves to a new id before anything else.
        let mut renumbered_rows = BTreeSet::new();
        outcome.restored = take_new_identity_if_restored(
            &tx,
            &self.identity.device_id,
            ops,
            &mut renumbered_rows,
        )?;
        let me = outcome
            .restored
            .as_ref()
            .map_or_else(|| self.identity.device_id.clone(), |r| r.new_device.clone());
        let mut latest: Option<HlcStamp> = None;
        let clock_limit = now.as_millisecond().saturating_add(CLOCK_AHEAD_MS);
        // Joining with a starter file: every row is new here.
        let held_none = !tx
            .query_row("SELECT EXISTS (SELECT 1 FROM ops)", [], |r| {
                r.get::<_, bool>(0)
            })
            .map_err(StoreError::from)?;
        // The new ops of each row, and the fields they set. A row that has
        // no others (a new record, the usual case of a starter file) is
        // recomputed from them without reading them back.
        let mut touched: HashMap<(&str, &str), NewOps<'_>> = HashMap::new();
        let mut insert = tx.prepare_cached(INSERT_OP).map_err(StoreError::from)?;
        for op in ops {
            // Insert first: for a new op (the usual case) that is the only
            // statement; a held one is then read back and compared.
            if !insert_op(&mut insert, op)? {
                if op_by_id(&tx, &op.op_id)?.as_ref() != Some(op) {
                    return Err(StoreError::OpMismatch {
                        op_id: op.op_id.clone(),
                    }
                    .into());
                }
                outcome.known_ops += 1;
                continue;
            }
            outcome.new_ops += 1;
            // A stamp far ahead of this laptop's clock comes from a laptop
            // whose clock is wrong: it merges like any other, but this
            // laptop's clock (and with it the stamps of its own changes and
            // the dates it shows) does not jump to it.
            if op.stamp.wall_ms > clock_limit {
                outcome.clocks_ahead.insert(op.device.clone());
            } else {
                latest = latest.max(Some(op.stamp));
            }
            let row = touched.entry((&op.entity, &op.row_id)).or_default();
            row.ops.push(op);
            if op.field != DELETED_FIELD {
                row.fields.insert(&op.field);
            }
        }
        drop(insert);
        if let Some(remote) = latest {
            receive_clock(&tx, remote, now)?;
        }
        for (device, name) in device_names {
            if *device != me {
                name_device(&tx, device, name, device == file.author)?;
            }
        }
        for (entity_id, row_id) in &renumbered_rows {
            if touched.contains_key(&(entity_id.as_str(), row_id.as_str())) {
                continue;
            }
            if let Some(entity) = EntityKind::from_id(entity_id) {
                rematerialise(&tx, entity, row_id, now)?;
            }
        }
        // Rows in a fixed order, so that the first refusal is always the
        // same one.
        let mut touched: Vec<((&str, &str), NewOps<'_>)> = touched.into_iter().collect();
        touched.sort_unstable_by_key(|(key, _)| *key);
        for (_, new) in &mut touched {
            new.ops.sort_by(|a, b| stamp_order(a, b));
        }
        recompute_and_check(&tx, &touched, held_none, now, check)?;
        tx.execute(
            "INSERT INTO imported_files (sha256, name, author, ops, new_ops, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (sha256) DO NOTHING",
            params![
                file.sha256,
                file.name,
                file.author,
                ops.len() as i64,
                outcome.new_ops as i64,
                now.to_string()
            ],
        )
        .map_err(StoreError::from)?;
        Store::forget_refused_file(&tx, file.sha256)?;
        // The commit makes the merge durable in the WAL; folding the WAL
        // back into the database file is the checkpointer's, in the
        // background (see checkpoint.rs).
        let deferred = self.checkpointer.is_some();
        if deferred {
            tx.pragma_update(None, "wal_autocheckpoint", 0)
                .map_err(StoreError::from)?;
        }
        let committed = tx.commit();
        if deferred {
            self.conn
                .pragma_update(None, "wal_autocheckpoint", schema::WAL_AUTOCHECKPOINT)
                .map_err(StoreError::from)?;
        }
        committed.map_err(StoreError::from)?;
        self.committed();
        if let Some(restored) = &outcome.restored {
            self.identity.device_id = restored.new_device.clone();
        }
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.request();
        }
        Ok(outcome)
    }

    /// Whether a file with this SHA-256 was imported before.
    pub fn file_imported(&self, sha256: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM imported_files WHERE sha256 = ?1",
                [sha256],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Whether this database holds every op `first..=last` of `device`.
    pub fn holds_range(&self, device: &str, first: i64, last: i64) -> Result<bool> {
        let held: i64 = self.conn.query_row(
            "SELECT count(*) FROM ops WHERE device = ?1 AND seq BETWEEN ?2 AND ?3",
            params![device, first, last],
            |r| r.get(0),
        )?;
        Ok(held == last - first + 1)
    }

    /// The ops of one device with a sequence number above `after`, in order.
    pub fn ops_of_device(&self, device: &str, after: i64) -> Result<Vec<Op>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OP_COLUMNS} FROM ops WHERE device = ?1 AND seq > ?2 ORDER BY seq"
        ))?;
        let rows = stmt.query_map(params![device, after], read_op)?;
        Ok(rows.collect::<rusqlite::Result<Vec<Op>>>()?)
    }

    /// Every op of every device, by device and sequence.
    pub fn all_ops(&self) -> Result<Vec<Op>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {OP_COLUMNS} FROM ops ORDER BY device, seq"
        ))?;
        let rows = stmt.query_map([], read_op)?;
        Ok(rows.collect::<rusqlite::Result<Vec<Op>>>()?)
    }

    /// One op by its id.
    pub fn op(&self, op_id: &str) -> Result<Option<Op>> {
        op_by_id(&self.conn, op_id)
    }

    /// Every device whose ops this database holds, with what it holds.
    pub fn device_ops(&self) -> Result<Vec<DeviceOps>> {
        let names = self.device_names()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT device, count(*), max(seq), max(hlc_wall) FROM ops GROUP BY device ORDER BY device",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        let mut out = vec![];
        for row in rows {
            let (device, ops, last_seq, last_wall_ms): (String, i64, i64, i64) = row?;
            let missing = if ops < last_seq {
                self.missing_seqs(&device)?
            } else {
                vec![]
            };
            out.push(DeviceOps {
                name: names.get(&device).cloned(),
                device,
                ops,
                last_seq,
                last_wall_ms,
                missing,
            });
        }
        Ok(out)
    }

    fn missing_seqs(&self, device: &str) -> Result<Vec<(i64, i64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM ops WHERE device = ?1 ORDER BY seq")?;
        let seqs = stmt.query_map([device], |r| r.get::<_, i64>(0))?;
        let mut missing = vec![];
        let mut expected = 1;
        for seq in seqs {
            let seq = seq?;
            if seq > expected {
                missing.push((expected, seq - 1));
            }
            expected = seq + 1;
        }
        Ok(missing)
    }

    /// Every conflict in the register, by kind of record, row and field.
    pub fn conflicts(&self) -> Result<Vec<StoredConflict>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT entity, row_id, field FROM heads GROUP BY entity, row_id, field
             HAVING count(*) > 1 OR field = ?1 ORDER BY entity, row_id, field",
        )?;
        let keys = stmt
            .query_map([DELETED_FIELD], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = vec![];
        for (entity_id, row_id, field) in keys {
            let Some(entity) = EntityKind::from_id(&entity_id) else {
                continue;
            };
            if field != DELETED_FIELD && entity.field(&field).is_none() {
                continue;
            }
            let mut heads = self.head_ops(&entity_id, &row_id, Some(&field))?;
            ordered(&mut heads);
            let distinct: HashSet<String> = heads.iter().map(|h| h.value.to_string()).collect();
            if field == DELETED_FIELD {
                let edits = self.head_ops(&entity_id, &row_id, None)?;
                let edits: Vec<Op> = edits
                    .into_iter()
                    .filter(|o| o.field != DELETED_FIELD)
                    .collect();
                let shown_deleted = heads.first().is_some_and(|h| h.value == Value::Bool(true));
                if distinct.len() > 1 || (shown_deleted && !edits.is_empty()) {
                    heads.extend(edits);
                    out.push(StoredConflict {
                        entity,
                        row_id,
                        field,
                        heads,
                    });
                }
            } else if distinct.len() > 1 {
                out.push(StoredConflict {
                    entity,
                    row_id,
                    field,
                    heads,
                });
            }
        }
        Ok(out)
    }

    fn head_ops(&self, entity: &str, row_id: &str, field: Option<&str>) -> Result<Vec<Op>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT op_id FROM heads
             WHERE entity = ?1 AND row_id = ?2 AND (?3 IS NULL OR field = ?3)",
        )?;
        let ids = stmt
            .query_map(params![entity, row_id, field], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let mut ops = vec![];
        for id in ids {
            ops.push(
                op_by_id(&self.conn, &id)?
                    .ok_or_else(|| StoreError::Corrupt(format!("head {id} names no op")))?,
            );
        }
        ops.sort_by(stamp_order);
        Ok(ops)
    }

    /// A SHA-256 (hex) of what the register says: every row's fields and
    /// deleted flag, and the heads of every field. Databases that hold the
    /// same ops have the same digest, whatever order the ops arrived in;
    /// creation and change times, which are local, are left out.
    pub fn state_digest(&self) -> Result<String> {
        use sha2::{Digest, Sha256};
        let mut hash = Sha256::new();
        for entity in EntityKind::ALL {
            let mut stmt = self
                .conn
                .prepare(&format!("{} ORDER BY id", select_row(entity)))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (row, deleted) = read_row(entity, r)?;
                let line = format!(
                    "{}|{}|{deleted}|{}\n",
                    entity.id(),
                    row.id,
                    Value::Object(row.fields)
                );
                hash.update(line.as_bytes());
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT entity, row_id, field, op_id FROM heads ORDER BY 1, 2, 3, 4")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let line = format!(
                "head|{}|{}|{}|{}\n",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            );
            hash.update(line.as_bytes());
        }
        Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Makes this (still empty) database part of an existing organisation,
    /// as a starter file from its administrator says.
    pub fn join_organisation(&mut self, organisation_id: &str) -> Result<()> {
        if self.op_count()? > 0 {
            return Err(StoreError::NotEmpty);
        }
        identity::set(&self.conn, identity::ORGANISATION_ID, organisation_id)?;
        self.identity.organisation_id = organisation_id.to_owned();
        Ok(())
    }

    /// A local setting of this installation (never synced).
    pub fn setting(&self, key: Setting) -> Result<Option<String>> {
        identity::get(&self.conn, key.key())
    }

    pub fn set_setting(&self, key: Setting, value: &str) -> Result<()> {
        identity::set(&self.conn, key.key(), value)
    }
}

/// Local settings of the sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The shared folder chosen for "Sync now".
    SyncFolder,
    /// The report of the last sync, as JSON.
    LastSync,
    /// "true" when the app syncs with the folder when it starts and quits.
    SyncAutomatically,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::SyncFolder => "sync_folder",
            Setting::LastSync => "last_sync",
            Setting::SyncAutomatically => "sync_automatically",
        }
    }
}

fn op_by_id(conn: &Connection, op_id: &str) -> Result<Option<Op>> {
    let Some((device, seq)) = parse_op_id(op_id) else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OP_COLUMNS} FROM ops WHERE device = ?1 AND seq = ?2"
    ))?;
    Ok(stmt.query_row(params![device, seq], read_op).optional()?)
}

/// How many ops this database holds for a row.
fn held_ops(tx: &Transaction<'_>, entity: &str, row_id: &str) -> Result<usize> {
    let count: i64 = tx
        .prepare_cached("SELECT count(*) FROM ops WHERE entity = ?1 AND row_id = ?2")?
        .query_row(params![entity, row_id], |r| r.get(0))?;
    Ok(count as usize)
}

const INSERT_OP: &str =
    "INSERT INTO ops (device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING";

/// Inserts an op with [`INSERT_OP`]; `false` when its device and sequence
/// number are held.
fn insert_op(insert: &mut rusqlite::CachedStatement<'_>, op: &Op) -> Result<bool> {
    let parents = serde_json::to_string(&op.parents)
        .map_err(|e| StoreError::Corrupt(format!("parents of {}: {e}", op.op_id)))?;
    let inserted = insert.execute(params![
        op.device,
        op.seq,
        op.entity,
        op.row_id,
        op.field,
        op.value.to_string(),
        op.stamp.wall_ms,
        op.stamp.counter,
        parents
    ])?;
    Ok(inserted == 1)
}

fn receive_clock(tx: &Transaction<'_>, remote: HlcStamp, now: Timestamp) -> Result<()> {
    let number = |key: &str| -> Result<i64> {
        identity::get(tx, key)?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| StoreError::Corrupt(format!("meta.{key} is missing or not a number")))
    };
    let local = HlcStamp {
        wall_ms: number(HLC_WALL)?,
        counter: u32::try_from(number(HLC_COUNTER)?).unwrap_or(u32::MAX),
    };
    let next = local.receive(remote, now.as_millisecond());
    identity::set(tx, HLC_WALL, &next.wall_ms.to_string())?;
    identity::set(tx, HLC_COUNTER, &next.counter.to_string())?;
    Ok(())
}

/// Records a device's name: the author's own word replaces what we had;
/// names relayed by others only fill a gap.
fn name_device(tx: &Transaction<'_>, device: &str, name: &str, authoritative: bool) -> Result<()> {
    let sql = if authoritative {
        "INSERT INTO devices (device, name) VALUES (?1, ?2)
         ON CONFLICT (device) DO UPDATE SET name = excluded.name"
    } else {
        "INSERT INTO devices (device, name) VALUES (?1, ?2) ON CONFLICT (device) DO NOTHING"
    };
    tx.execute(sql, params![device, name])?;
    Ok(())
}
