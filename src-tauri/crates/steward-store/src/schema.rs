//! The database schema: pragmas and the embedded, numbered migrations.
//!
//! Migrations live in `migrations/NNNN_name.sql`, are applied in order inside
//! a transaction, and are append-only: a shipped migration is never edited.
//! `PRAGMA user_version` holds the number of migrations applied, and
//! `PRAGMA application_id` marks the file as Steward's.

use std::path::Path;
use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::{Result, StoreError};

/// "STWD" in ASCII: identifies a Steward database to `file(1)` and to us.
pub const APPLICATION_ID: i32 = 0x5354_5744;

/// Every migration, in order, with its file name (checked against the
/// folder by a test so that no file is forgotten).
const MIGRATION_FILES: &[(&str, &str)] = &[
    (
        "0001_initial.sql",
        include_str!("../migrations/0001_initial.sql"),
    ),
    (
        "0002_recipients.sql",
        include_str!("../migrations/0002_recipients.sql"),
    ),
    (
        "0003_sources_and_website_third_parties.sql",
        include_str!("../migrations/0003_sources_and_website_third_parties.sql"),
    ),
    (
        "0004_activity_links_transfers_retention.sql",
        include_str!("../migrations/0004_activity_links_transfers_retention.sql"),
    ),
    (
        "0005_subject_groups_and_sources.sql",
        include_str!("../migrations/0005_subject_groups_and_sources.sql"),
    ),
    (
        "0006_activity_details_and_purposes.sql",
        include_str!("../migrations/0006_activity_details_and_purposes.sql"),
    ),
    (
        "0007_policy_settings.sql",
        include_str!("../migrations/0007_policy_settings.sql"),
    ),
    (
        "0008_source_notice_and_acknowledgements.sql",
        include_str!("../migrations/0008_source_notice_and_acknowledgements.sql"),
    ),
    (
        "0009_policy_edits_and_versions.sql",
        include_str!("../migrations/0009_policy_edits_and_versions.sql"),
    ),
    ("0010_sync.sql", include_str!("../migrations/0010_sync.sql")),
    (
        "0011_ops_by_device_and_seq.sql",
        include_str!("../migrations/0011_ops_by_device_and_seq.sql"),
    ),
    (
        "0012_newer_values_and_refused_files.sql",
        include_str!("../migrations/0012_newer_values_and_refused_files.sql"),
    ),
    (
        "0013_confirmed_none.sql",
        include_str!("../migrations/0013_confirmed_none.sql"),
    ),
    (
        "0014_controller_country.sql",
        include_str!("../migrations/0014_controller_country.sql"),
    ),
];

static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(MIGRATION_FILES.iter().map(|(_, sql)| M::up(sql)).collect()));

/// The schema version this build writes: the number of migrations.
pub fn latest_version() -> i64 {
    MIGRATION_FILES.len() as i64
}

/// SQLite's default: after a commit that leaves more than this many pages
/// in the WAL, the committing connection checkpoints.
pub(crate) const WAL_AUTOCHECKPOINT: i64 = 1000;

/// Durability and safety settings, applied on every open.
pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    // WAL is persistent, but in-memory databases answer "memory": both fine.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT)?;
    // A page cache of up to 32 MiB (SQLite's default is 2 MiB): a large
    // import then builds its transaction in memory instead of spilling
    // pages to the WAL before it commits. Pages are only held once used.
    conn.pragma_update(None, "cache_size", -32_768)?;
    // Recomputing a row writes it with one statement per set of fields it
    // has, and its heads with one statement per number of heads: keep those
    // prepared (rusqlite keeps 16 by default).
    conn.set_prepared_statement_cache_capacity(256);
    Ok(())
}

/// What a database file says about itself, read without writing to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inspection {
    pub application_id: i32,
    /// The number of migrations applied.
    pub version: i64,
    pub has_tables: bool,
}

impl Inspection {
    /// A new, empty file (SQLite creates one on open).
    pub fn is_new(&self) -> bool {
        !self.has_tables && self.version == 0
    }
}

/// Reads the file's marker and schema version. Only reads: a file that is
/// not Steward's is left byte for byte as it was.
pub fn inspect(conn: &Connection) -> rusqlite::Result<Inspection> {
    Ok(Inspection {
        application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
        version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        has_tables: conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
            [],
            |r| r.get(0),
        )?,
    })
}

/// Refuses a file that belongs to another program, or that a newer Steward
/// wrote, before anything writes to it.
pub(crate) fn check_ours(found: Inspection, path: &Path) -> Result<()> {
    if found.application_id != APPLICATION_ID && (found.application_id != 0 || found.has_tables) {
        return Err(StoreError::NotSteward {
            path: path.to_path_buf(),
        });
    }
    if found.version > latest_version() {
        return Err(StoreError::DatabaseTooNew {
            path: path.to_path_buf(),
            found: found.version,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// SQLite's own check of the file's structure (`quick_check`), and that no
/// row names a missing row (`foreign_key_check`). A damaged file is refused
/// before it is written to, so that nothing makes it worse.
pub(crate) fn check_intact(conn: &Connection, path: &Path) -> Result<()> {
    let damaged = |reason: String| StoreError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    conn.pragma_update(None, "cell_size_check", "ON")
        .map_err(|e| damaged(e.to_string()))?;
    let verdict: Vec<String> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| damaged(e.to_string()))?;
    if verdict != ["ok"] {
        return Err(damaged(verdict.join("; ")));
    }
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(|e| damaged(e.to_string()))?;
    if dangling > 0 {
        return Err(damaged(format!(
            "{dangling} rows name rows that are missing"
        )));
    }
    Ok(())
}

/// Brings the schema to [`latest_version`] (after [`check_ours`]).
pub(crate) fn migrate(conn: &mut Connection, found: Inspection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    if found.application_id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS
            .validate()
            .expect("every migration applies to an empty database");
    }

    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let embedded: Vec<&str> = MIGRATION_FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            files, embedded,
            "embed every file of migrations/ in MIGRATION_FILES"
        );
        for (i, name) in files.iter().enumerate() {
            let prefix = format!("{:04}_", i + 1);
            assert!(
                name.starts_with(&prefix),
                "{name} should start with {prefix}"
            );
        }
    }
}
