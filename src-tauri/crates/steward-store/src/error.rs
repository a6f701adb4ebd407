//! The store's errors. Each message says what happened and what to do.

use std::path::{Path, PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "The database {path} was written by a newer version of Steward (schema {found}; this version knows up to {supported}). Update Steward to open it; the file was not changed."
    )]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "{path} is not a Steward database: it belongs to another program. Choose another file (--db PATH or STEWARD_DB)."
    )]
    NotSteward { path: PathBuf },

    #[error(
        "Steward cannot open the database {path}: {reason}. Check that the folder exists and that you may write to it, or choose another file with --db PATH."
    )]
    Open { path: PathBuf, reason: String },

    #[error(
        "The database {path} is damaged ({reason}). Steward did not change it. Restore the newest good backup (the app offers it, or `steward-cli backup recover`); the damaged file is then kept beside it, untouched."
    )]
    Damaged { path: PathBuf, reason: String },

    #[error(
        "The disk is full: nothing of this change was saved, and everything saved before is intact. Free some space, then try again."
    )]
    DiskFull,

    #[error(
        "Steward may not write to its database here (the file or its folder is read-only): nothing of this change was saved, and everything saved before is intact. Make the folder writable, or choose another file with --db PATH."
    )]
    ReadOnly,

    #[error(
        "Steward cannot create the folder {path}: {source}. Check its permissions, or choose another database location with --db PATH."
    )]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "Upgrading the database schema failed: {0}. The database was left at its previous version."
    )]
    Migration(#[from] rusqlite_migration::Error),

    #[error(
        "No {entity} with id {id} exists: it may have been deleted. Refresh the list and try again."
    )]
    NotFound { entity: &'static str, id: String },

    #[error(
        "The database contains a value Steward cannot read ({0}). Restore a backup or report this problem."
    )]
    Corrupt(String),

    #[error(
        "The change {op_id} is already in this register with different content. This happens when a laptop was cloned or a backup was restored on a second laptop, so that two installations write under one device id. Nothing from this file was imported: give one of the two installations a new database and exchange changes again."
    )]
    OpMismatch { op_id: String },

    #[error(
        "The version of the {entity} record {id} that this form was filled from is not one this register knows (it may come from another register). Open the record again and redo the change."
    )]
    UnknownBase { entity: &'static str, id: String },

    #[error(
        "This register already has changes of its own, so it cannot join another organisation. Open the starter file in a new, empty database (--db PATH)."
    )]
    NotEmpty,

    #[error("Database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    /// A full disk and a read-only location are the person's to fix, so
    /// they get messages of their own; everything else says what SQLite said.
    fn from(error: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as Code;
        match error.sqlite_error_code() {
            Some(Code::DiskFull) => StoreError::DiskFull,
            Some(Code::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    pub(crate) fn open(path: &Path, error: rusqlite::Error) -> StoreError {
        match StoreError::from(error) {
            StoreError::Sqlite(error) => StoreError::Open {
                path: path.to_path_buf(),
                reason: error.to_string(),
            },
            known => known,
        }
    }

    /// A file SQLite cannot read at all: not a database (another program's
    /// file), or one whose first page is damaged.
    pub(crate) fn unreadable(path: &Path, error: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as Code;
        match error.sqlite_error_code() {
            Some(Code::NotADatabase) => StoreError::NotSteward {
                path: path.to_path_buf(),
            },
            Some(Code::DatabaseCorrupt) => StoreError::Damaged {
                path: path.to_path_buf(),
                reason: error.to_string(),
            },
            _ => StoreError::open(path, error),
        }
    }
}
