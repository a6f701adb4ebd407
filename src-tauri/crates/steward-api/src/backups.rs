//! Backups of the register's database: consistent copies made with
//! SQLite's online backup API while the register is open, each checked
//! after writing.

use std::path::Path;

use crate::{Result, Steward};

impl Steward {
    /// Writes a consistent copy of the register's database to `to`.
    pub fn backup_database_to(&self, to: &Path) -> Result<()> {
        Ok(self.store.backup_to(to)?)
    }
}
