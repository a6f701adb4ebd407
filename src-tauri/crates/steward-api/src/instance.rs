//! One Steward window per register. The app holds an exclusive lock on a
//! file beside the database (`<database>.lock`) while it runs; a second app
//! on the same database is refused with [`ErrorCode::AlreadyOpen`], and a
//! restore from the command line is refused while the app has the register
//! open (replacing the file under a running app would lose what it writes
//! next). The lock is the operating system's: it goes when the process
//! ends, however it ends, so a crash never leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{ApiError, ErrorCode, Result};

/// Held while this process has the register open as the app.
#[derive(Debug)]
pub struct InstanceLock {
    _file: Option<File>,
}

fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

fn already_open(db: &Path) -> ApiError {
    ApiError::new(
        ErrorCode::AlreadyOpen,
        format!(
            "Steward is already open on the register {} in another window. Switch to that window (or close it, then start Steward again).",
            db.display()
        ),
    )
}

impl InstanceLock {
    /// Takes the lock of the database at `db`; refused when another
    /// process holds it. Where no lock file can be made (a read-only
    /// folder), the register opens without one.
    pub fn acquire(db: &Path) -> Result<InstanceLock> {
        if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(parent);
        }
        let Ok(file) = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path(db))
        else {
            return Ok(InstanceLock { _file: None });
        };
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: Some(file) }),
            Err(TryLockError::WouldBlock) => Err(already_open(db)),
            Err(TryLockError::Error(_)) => Ok(InstanceLock { _file: None }),
        }
    }

    /// Refuses when an app holds the register at `db` open.
    pub fn check_not_open(db: &Path) -> Result<()> {
        let Ok(file) = File::open(lock_path(db)) else {
            return Ok(());
        };
        match file.try_lock_shared() {
            Err(TryLockError::WouldBlock) => Err(already_open(db)),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_one_register_is_refused_until_the_first_goes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("steward.sqlite3");
        let first = InstanceLock::acquire(&db).unwrap();
        let second = InstanceLock::acquire(&db).unwrap_err();
        assert_eq!(second.code, ErrorCode::AlreadyOpen);
        assert!(second.message.contains("another window"));
        assert!(InstanceLock::check_not_open(&db).is_err());
        drop(first);
        assert!(InstanceLock::check_not_open(&db).is_ok());
        InstanceLock::acquire(&db).unwrap();
    }
}
