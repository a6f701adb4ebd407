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
        "Steward cannot open the database {path}: {reason}. If the file is damaged, restore a backup; otherwise check that the folder is writable."
    )]
    Open { path: PathBuf, reason: String },

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
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    pub(crate) fn open(path: &Path, error: rusqlite::Error) -> StoreError {
        StoreError::Open {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}
