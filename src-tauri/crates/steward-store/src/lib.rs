//! Steward's SQLite store.
//!
//! One [`Store`] owns one database file (or an in-memory database for tests).
//! Opening it applies the embedded, numbered migrations ([`schema`]), creates
//! this installation's identity on first start ([`identity`]), and sets the
//! pragmas that make a commit durable (WAL, `synchronous=FULL`).
//!
//! **Architecture invariant:** every change to the register goes through
//! [`Store::write`], which appends operations to the op log, updates their
//! heads and the materialised tables, and advances the hybrid logical clock,
//! all in one transaction. Nothing else writes to the register's tables.
//!
//! Callers: `steward-api` only. Not here: validation (that is
//! `steward-core`'s, and the API runs it before writing), DTOs.

pub mod backup;
mod checkpoint;
pub mod error;
pub mod files;
pub mod identity;
pub mod location;
pub mod merge;
mod recompute;
pub mod register;
pub mod replay;
mod restored;
pub mod schema;
pub mod seen;
pub mod write;

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::Connection;

pub use error::StoreError;
pub use files::RefusedFile;
pub use identity::Identity;
pub use merge::{DeviceOps, FileRecord, MergeOutcome, Setting, StoredConflict, Touched};
pub use recompute::CLOCK_AHEAD_MS;
pub use register::StoredRow;
pub use restored::Restored;
pub use seen::{Seen, SeenOutcome};
pub use write::{Op, Writer, value_fits};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open Steward database.
pub struct Store {
    conn: Connection,
    identity: Identity,
    path: Option<PathBuf>,
    /// Checkpoints after merges, for a database in a file.
    checkpointer: Option<checkpoint::Checkpointer>,
    /// Changes this connection committed (see [`Store::version`]).
    commits: u64,
    /// Which opening of a store in this process this is, so that a version
    /// never repeats after a restore reopens the register.
    opening: u64,
}

/// Stores opened in this process so far.
static OPENINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Store {
    /// Opens (or creates) the database at `path`, creating missing parent
    /// folders, and brings its schema up to date. Before anything writes to
    /// the file it is checked: a file of another program or of a newer
    /// Steward is refused and left untouched, a damaged one is refused with
    /// [`StoreError::Damaged`]. Before a migration changes an existing file,
    /// a backup of it is written to [`backup::folder_of`] (stamped `now`).
    pub fn open(path: &Path, now: Timestamp) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Folder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let mut conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        let found = schema::inspect(&conn).map_err(|e| StoreError::unreadable(path, e))?;
        schema::check_ours(found, path)?;
        if !found.is_new() {
            schema::check_intact(&conn, path)?;
        }
        schema::configure(&conn).map_err(|e| StoreError::open(path, e))?;
        if found.has_tables && found.version < schema::latest_version() {
            backup::take(
                &conn,
                &backup::folder_of(path),
                backup::Reason::BeforeUpgrade,
                now,
            )?;
        }
        schema::migrate(&mut conn, found)?;
        let mut store = Store::init(conn, Some(path.to_path_buf()), now)?;
        store.checkpointer = Some(checkpoint::Checkpointer::start(path)?);
        Ok(store)
    }

    /// A fresh database in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        schema::configure(&conn)?;
        let found = schema::inspect(&conn)?;
        schema::migrate(&mut conn, found)?;
        Store::init(conn, None, Timestamp::UNIX_EPOCH)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>, now: Timestamp) -> Result<Store> {
        let identity = identity::load_or_create(&mut conn, &location::default_device_name())?;
        // The time only stands in for an op's unreadable wall clock.
        replay::replay_newly_known(&mut conn, now)?;
        Ok(Store {
            conn,
            identity,
            path,
            checkpointer: None,
            commits: 0,
            opening: OPENINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// The database file, or `None` for an in-memory database.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Waits until the background checkpoint after a merge, if any, is
    /// done. Nothing needs this to read or write; it is for measuring.
    pub fn settle(&self) {
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.settle();
        }
    }

    /// Caps the database at `pages` pages (`max_page_count`) on this
    /// connection, so that writes fail as on a full disk. For tests of
    /// what a full disk does; nothing else calls it.
    #[doc(hidden)]
    pub fn cap_size_in_pages(&self, pages: i64) {
        let _ = self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()));
    }

    /// A token that changes whenever the register may have changed: a
    /// commit of this connection, or of another process on the same file
    /// (SQLite's `data_version`). A screen that shows the register compares
    /// it to notice changes it did not make (a sync, the command line).
    pub fn version(&self) -> Result<String> {
        let external: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(format!("{}.{external}.{}", self.opening, self.commits))
    }

    pub(crate) fn committed(&mut self) {
        self.commits = self.commits.wrapping_add(1);
    }

    /// Read-only access for queries. Writes go through [`Store::write`].
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durability_pragmas_are_set() {
        let dir = tempfile::tempdir().unwrap();
        let store =
            Store::open(&dir.path().join("db.sqlite3"), jiff::Timestamp::UNIX_EPOCH).unwrap();
        let conn = store.conn();
        let get = |name: &str| -> String {
            conn.pragma_query_value(None, name, |r| r.get::<_, rusqlite::types::Value>(0))
                .map(|v| format!("{v:?}"))
                .unwrap()
        };
        assert_eq!(get("journal_mode"), "Text(\"wal\")");
        assert_eq!(get("synchronous"), "Integer(2)", "FULL");
        assert_eq!(get("foreign_keys"), "Integer(1)");
    }

    /// A merge leaves its checkpoint to the background thread, and the
    /// connection checkpoints after ordinary commits again afterwards.
    #[test]
    fn a_merge_restores_the_automatic_checkpoint() {
        let dir = tempfile::tempdir().unwrap();
        let mut store =
            Store::open(&dir.path().join("db.sqlite3"), jiff::Timestamp::UNIX_EPOCH).unwrap();
        let op = Op {
            op_id: "1@b1c2d3e4".into(),
            device: "b1c2d3e4".into(),
            seq: 1,
            entity: "activity".into(),
            row_id: "00000000-0000-4000-8000-000000000001".into(),
            field: "name".into(),
            value: serde_json::json!("Newsletter"),
            stamp: steward_core::HlcStamp {
                wall_ms: 1_763_888_400_000,
                counter: 0,
            },
            parents: vec![],
        };
        let file = FileRecord {
            sha256: "00",
            name: "one.chg",
            author: "b1c2d3e4",
        };
        let now = jiff::Timestamp::from_millisecond(1_763_888_500_000).unwrap();
        let outcome = store
            .merge(&[op], &Default::default(), &file, now, |_| {
                Ok::<(), StoreError>(())
            })
            .unwrap();
        assert_eq!(outcome.new_ops, 1);
        store.settle();
        let pages: i64 = store
            .conn()
            .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))
            .unwrap();
        assert_eq!(pages, schema::WAL_AUTOCHECKPOINT);
        assert_eq!(
            store
                .rows(steward_core::EntityKind::Activity)
                .unwrap()
                .len(),
            1
        );
    }
}
