//! Copies of the database made with SQLite's online backup API: a
//! consistent copy of a live database (WAL included), never a file copy,
//! which could miss committed pages still in the write-ahead log. Each copy
//! is checked (`quick_check`) before it counts.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::Backup;

use crate::{Result, Store, StoreError};

/// Pages copied per step; between steps a writer may go on.
const PAGES_PER_STEP: std::ffi::c_int = 256;

impl Store {
    /// Writes a consistent copy of the database to `to` (replacing what is
    /// there) and checks it. The copy is an ordinary Steward database: it
    /// opens like the original.
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        let mut target = Connection::open(to).map_err(|e| StoreError::open(to, e))?;
        {
            let backup = Backup::new(self.conn(), &mut target)?;
            backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(0), None)?;
        }
        let verdict: String = target.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt(format!(
                "the copy written to {} does not pass SQLite's check ({verdict})",
                to.display()
            )));
        }
        Ok(())
    }
}
