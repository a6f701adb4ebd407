//! Replaying kept ops after an upgrade. A change file from a newer Steward
//! may carry ops for fields, or kinds of record, that this version does not
//! know: the merge keeps them in the op log (and passes them on) but shows
//! nothing of them. When a version that knows them opens the database, the
//! rows they touch are computed again from their ops, so that their values
//! appear as if they had been known all along.
//!
//! The same goes for values a newer Steward wrote that this version cannot
//! read (a status it does not know): they stay in the op log, and the
//! register shows the latest value it can read. A version that knows more
//! values for a field recomputes the rows with ops on it.
//!
//! **Invariant:** `meta.known_fields` names the fields (`entity.field`,
//! `$deleted` included, with `:value|value…` for a field with a fixed set
//! of values) that the last version to open the database materialised. On open, every row with an op on a field known now but not
//! then is recomputed, in one transaction with the new list, so a crash in
//! between replays again on the next open. A database without the list (new,
//! or last opened by a version before this one, none of which kept ops of a
//! newer version) records it and replays nothing.

use std::collections::BTreeSet;

use jiff::Timestamp;
use rusqlite::Connection;
use steward_core::EntityKind;
use steward_core::entity::DELETED_FIELD;

use crate::identity;
use crate::recompute::rematerialise;
use crate::{Result, StoreError};

const KNOWN_FIELDS: &str = "known_fields";

/// The fields this version materialises, as `entity.field`, and for a
/// field with a fixed set of values, `entity.field:value|value…`.
pub fn known_fields() -> BTreeSet<String> {
    EntityKind::ALL
        .iter()
        .flat_map(|entity| {
            let fields = entity.fields().iter().map(|spec| match spec.choice {
                Some(choice) => format!("{}:{}", spec.name, choice.values().join("|")),
                None => spec.name.to_owned(),
            });
            std::iter::once(DELETED_FIELD.to_owned())
                .chain(fields)
                .map(move |field| format!("{}.{field}", entity.id()))
        })
        .collect()
}

/// Recomputes the rows that have ops on fields known now but not by the
/// last version that opened the database; returns how many rows.
pub(crate) fn replay_newly_known(conn: &mut Connection, now: Timestamp) -> Result<usize> {
    let current = known_fields();
    let current_text = serde_json::to_string(&current)
        .map_err(|e| StoreError::Corrupt(format!("the known fields: {e}")))?;
    let Some(stored) = identity::get(conn, KNOWN_FIELDS)? else {
        identity::set(conn, KNOWN_FIELDS, &current_text)?;
        return Ok(0);
    };
    if stored == current_text {
        return Ok(0);
    }
    let stored: BTreeSet<String> = serde_json::from_str(&stored)
        .map_err(|e| StoreError::Corrupt(format!("meta.{KNOWN_FIELDS}: {e}")))?;
    let tx = conn.transaction()?;
    let mut rows: BTreeSet<(String, String)> = BTreeSet::new();
    {
        let mut stmt =
            tx.prepare("SELECT DISTINCT row_id FROM ops WHERE entity = ?1 AND field = ?2")?;
        for name in current.difference(&stored) {
            let Some((entity, field)) = name.split_once('.') else {
                continue;
            };
            let field = field.split_once(':').map_or(field, |(field, _)| field);
            for row in stmt.query_map([entity, field], |r| r.get::<_, String>(0))? {
                rows.insert((entity.to_owned(), row?));
            }
        }
    }
    for (entity, row_id) in &rows {
        if let Some(kind) = EntityKind::from_id(entity) {
            rematerialise(&tx, kind, row_id, now)?;
        }
    }
    identity::set(&tx, KNOWN_FIELDS, &current_text)?;
    tx.commit()?;
    Ok(rows.len())
}
