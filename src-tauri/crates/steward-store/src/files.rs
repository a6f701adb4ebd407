//! The change files this register has seen besides the ones it imported
//! (`imported_files`, recorded by the merge): the ones it wrote into the
//! shared folder, so that reading its own folder skips them, and the ones
//! it refused, kept so that the app can show each as a problem, with its
//! reason, until a person dismisses it. A refused file that later imports
//! (after an upgrade, say) is no longer a problem.

use rusqlite::params;

use crate::{Result, Store};

/// A refused change file, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedFile {
    /// The SHA-256 of its bytes (of its name, when it could not be read).
    pub sha256: String,
    pub name: String,
    pub reason: String,
    /// When it was last refused (RFC 3339).
    pub refused_at: String,
}

impl Store {
    /// Records a change file this laptop wrote (by the SHA-256 of its
    /// bytes), as if imported: its ops are this laptop's own.
    pub fn record_written_file(&self, sha256: &str, name: &str, ops: usize) -> Result<()> {
        let me = &self.identity().device_id;
        self.conn().execute(
            "INSERT INTO imported_files (sha256, name, author, ops, new_ops, imported_at)
             VALUES (?1, ?2, ?3, ?4, 0, '') ON CONFLICT (sha256) DO NOTHING",
            params![sha256, name, me, ops as i64],
        )?;
        Ok(())
    }

    /// Records that a file was refused; a file refused again keeps its
    /// dismissal, so that a person is not asked twice about the same bytes.
    pub fn record_refused_file(
        &self,
        sha256: &str,
        name: &str,
        reason: &str,
        at: &str,
    ) -> Result<()> {
        self.conn().execute(
            "INSERT INTO refused_files (sha256, name, reason, refused_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (sha256) DO UPDATE SET name = excluded.name, reason = excluded.reason,
                 refused_at = excluded.refused_at",
            params![sha256, name, reason, at],
        )?;
        Ok(())
    }

    /// The refused files no one has dismissed, newest first.
    pub fn refused_files(&self) -> Result<Vec<RefusedFile>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT sha256, name, reason, refused_at FROM refused_files
             WHERE dismissed = 0 ORDER BY refused_at DESC, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(RefusedFile {
                sha256: r.get(0)?,
                name: r.get(1)?,
                reason: r.get(2)?,
                refused_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Hides a refused file from the list; `false` if there is none with
    /// that checksum.
    pub fn dismiss_refused_file(&self, sha256: &str) -> Result<bool> {
        Ok(self.conn().execute(
            "UPDATE refused_files SET dismissed = 1 WHERE sha256 = ?1",
            [sha256],
        )? == 1)
    }

    /// Forgets a refusal: the file has now been imported.
    pub(crate) fn forget_refused_file(tx: &rusqlite::Transaction<'_>, sha256: &str) -> Result<()> {
        tx.execute("DELETE FROM refused_files WHERE sha256 = ?1", [sha256])?;
        Ok(())
    }
}
