//! Backups of the register, and getting it back: automatic backups (the
//! first start of each day, before a migration, before an import or merge
//! that brings many changes, before a restore), "Back up now", restoring a
//! listed backup or a chosen file, and recovering from a damaged database.
//!
//! The copies are made with SQLite's online backup API and checked
//! (`steward_store::backup`); they live in the folder `backups/` beside the
//! database and are pruned on a rolling schedule (7 daily, 4 weekly, 6
//! monthly; never the newest).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use steward_store::Store;
use steward_store::backup::{self, BackupFile, Contents, Reason};
use ts_rs::TS;

use crate::{ApiError, Clock, ErrorCode, Result, Steward};

/// A newer backup than this is recent enough not to make another at start.
const DAILY_MS: i64 = 24 * 60 * 60 * 1000;
/// An import or merge of at least this many changes into a register that
/// holds some is preceded by a backup.
pub(crate) const MANY_CHANGES: usize = 1_000;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupReason {
    Daily,
    BeforeUpgrade,
    BeforeImport,
    BeforeRestore,
    Manual,
}

impl From<Reason> for BackupReason {
    fn from(r: Reason) -> BackupReason {
        match r {
            Reason::Daily => BackupReason::Daily,
            Reason::BeforeUpgrade => BackupReason::BeforeUpgrade,
            Reason::BeforeImport => BackupReason::BeforeImport,
            Reason::BeforeRestore => BackupReason::BeforeRestore,
            Reason::Manual => BackupReason::Manual,
        }
    }
}

/// One automatic backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backup {
    /// Its file name: what `backup restore` takes.
    pub id: String,
    pub taken_at: String,
    pub reason: BackupReason,
    pub bytes: u64,
    /// Activities it holds; `null` when it cannot be read.
    pub activities: Option<i64>,
    /// Where it is, for people who want to copy it elsewhere.
    pub path: String,
}

/// The backups and where they are kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Backups {
    pub folder: String,
    /// Newest first.
    pub backups: Vec<Backup>,
    /// Why the last automatic backup failed, if it did.
    pub problem: Option<String>,
}

/// Where "Back up now to…" wrote its two files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupCopy {
    /// The copy of the database.
    pub database: String,
    /// The register as JSON, beside it.
    pub json: String,
}

/// What a restore would do, for the person to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestorePreview {
    pub file: String,
    /// When the backup was made, when its name says so.
    pub taken_at: Option<String>,
    pub activities: i64,
    pub recipients: i64,
    pub changes: i64,
    pub last_change: Option<String>,
    pub current_activities: i64,
    pub current_recipients: i64,
    pub current_changes: i64,
    pub current_last_change: Option<String>,
    /// The above in a sentence.
    pub summary: String,
}

/// What a recovery did, for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Recovery {
    /// Where the damaged file was moved, untouched.
    pub damaged_file: String,
    /// The backup the register was restored from.
    pub backup: Backup,
}

/// What the app shows when the register did not open: why, and for a
/// damaged file the backups it can be restored from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Startup {
    /// `null` when the register opened.
    pub problem: Option<crate::ApiError>,
    pub database: String,
    /// The backups beside a damaged database (newest first); empty otherwise.
    pub backups: Vec<Backup>,
}

/// What the app shows first: whether the register at `db` opened
/// (`problem`), and for a damaged file the backups that could replace it.
pub fn startup(problem: Option<ApiError>, db: Option<&Path>) -> Result<Startup> {
    let damaged = problem
        .as_ref()
        .is_some_and(|p| p.code == ErrorCode::Damaged);
    let backups = match db {
        Some(db) if damaged => backups_beside(db)?,
        _ => vec![],
    };
    Ok(Startup {
        problem,
        database: db.map(|p| p.display().to_string()).unwrap_or_default(),
        backups,
    })
}

/// The backups kept beside the database at `db`, newest first, whether or
/// not the database opens.
pub fn backups_beside(db: &Path) -> Result<Vec<Backup>> {
    Ok(backup::list(&backup::folder_of(db))?
        .iter()
        .map(dto)
        .collect())
}

impl Recovered {
    pub fn report(&self) -> Recovery {
        Recovery {
            damaged_file: self.damaged_file.display().to_string(),
            backup: self.backup.clone(),
        }
    }
}

/// A register recovered from a damaged database.
pub struct Recovered {
    pub steward: Steward,
    /// Where the damaged file was moved, untouched.
    pub damaged_file: PathBuf,
    /// The backup it was restored from.
    pub backup: Backup,
}

fn text(t: Option<jiff::Timestamp>) -> Option<String> {
    t.map(|t| t.to_string())
}

fn dto(file: &BackupFile) -> Backup {
    Backup {
        id: file
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        taken_at: file.taken_at.to_string(),
        reason: file.reason.into(),
        bytes: file.bytes,
        activities: backup::peek(&file.path).map(|c| c.activities),
        path: file.path.display().to_string(),
    }
}

fn no_backup(what: &str) -> ApiError {
    ApiError::new(
        ErrorCode::NotFound,
        format!(
            "There is no backup {what}: the list of backups (Backups in the app, `steward-cli backup list`) shows the ones there are."
        ),
    )
}

impl Steward {
    fn backups_folder(&self) -> Option<PathBuf> {
        self.store.path().map(backup::folder_of)
    }

    /// Backs the register up if it holds anything and its newest backup is
    /// more than a day old. A failure is kept for the Backups screen; it
    /// never stops the register from opening.
    pub(crate) fn backup_if_due(&mut self) {
        let Some(folder) = self.backups_folder() else {
            return;
        };
        let now = self.clock.now();
        let due = match backup::list(&folder) {
            Ok(list) => list.first().is_none_or(|newest| {
                now.as_millisecond() - newest.taken_at.as_millisecond() >= DAILY_MS
            }),
            Err(_) => true,
        };
        if !due || self.store.op_count().unwrap_or(0) == 0 {
            return;
        }
        self.backup_problem = self
            .store
            .backup(Reason::Daily, now)
            .err()
            .map(|e| e.to_string());
    }

    /// A backup before an import or a merge of `changes` changes, when that
    /// is many and the register holds some already.
    pub(crate) fn backup_before_import(&mut self, changes: usize) -> Result<()> {
        if changes < MANY_CHANGES || self.store.op_count()? == 0 {
            return Ok(());
        }
        self.store.backup(Reason::BeforeImport, self.clock.now())?;
        Ok(())
    }

    /// The automatic backups, newest first, with where they are.
    pub fn list_backups(&self) -> Result<Backups> {
        let Some(folder) = self.backups_folder() else {
            return Ok(Backups {
                folder: String::new(),
                backups: vec![],
                problem: None,
            });
        };
        Ok(Backups {
            folder: folder.display().to_string(),
            backups: backup::list(&folder)?.iter().map(dto).collect(),
            problem: self.backup_problem.clone(),
        })
    }

    /// Makes a backup now, into the backups folder.
    pub fn backup_now(&mut self) -> Result<Backup> {
        let written = self
            .store
            .backup(Reason::Manual, self.clock.now())?
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Validation,
                    "This register is in memory only: there is no file to back up.",
                )
            })?;
        self.backup_problem = None;
        self.list_backups()?
            .backups
            .into_iter()
            .find(|b| Path::new(&b.path) == written)
            .ok_or_else(|| no_backup("just written"))
    }

    /// "Back up now to…": a copy of the database at `to`, and beside it
    /// the register as JSON (`to` with the extension `.json`), which any
    /// Steward version reads.
    pub fn backup_to(&self, to: &Path) -> Result<BackupCopy> {
        self.store.backup_to(to)?;
        let json = to.with_extension("json");
        let text = self.export_register_json()?;
        crate::sync::write_atomically(&json, text.as_bytes())?;
        Ok(BackupCopy {
            database: to.display().to_string(),
            json: json.display().to_string(),
        })
    }

    /// A listed backup by its id (file name), or a file.
    fn source(&self, id_or_file: &str) -> Result<PathBuf> {
        if let Some(folder) = self.backups_folder() {
            let listed = backup::list(&folder)?;
            if let Some(b) = listed.iter().find(|b| {
                b.path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy() == id_or_file)
            }) {
                return Ok(b.path.clone());
            }
        }
        let path = PathBuf::from(id_or_file);
        if path.is_file() {
            Ok(path)
        } else {
            Err(no_backup(&format!("\"{id_or_file}\"")))
        }
    }

    /// Checks a backup (a listed one by id, or any file) and says what
    /// restoring it would change. Refuses a file that is damaged, not
    /// Steward's, or of a newer Steward.
    pub fn preview_restore(&self, id_or_file: &str) -> Result<RestorePreview> {
        let source = self.source(id_or_file)?;
        let incoming = backup::check_file(&source)?;
        let current = self.store.contents()?;
        Ok(preview(&source, &incoming, &current))
    }

    /// Restores a backup (a listed one by id, or any file): the register as
    /// it is now is backed up first, the file is checked, and then it
    /// replaces the register. Returns what the register now holds.
    pub fn restore_backup(&mut self, id_or_file: &str) -> Result<RestorePreview> {
        let source = self.source(id_or_file)?;
        let incoming = backup::check_file(&source)?;
        let current = self.store.contents()?;
        let summary = preview(&source, &incoming, &current);
        let now = self.clock.now();
        let path = self.store.path().map(Path::to_path_buf).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Validation,
                "A register in memory has nothing to restore into.",
            )
        })?;
        // The chosen file is copied aside first: the backup made next, of
        // the register as it is now, may prune the folder it comes from.
        let staged = path.with_extension("incoming");
        std::fs::copy(&source, &staged).map_err(|e| {
            ApiError::new(
                ErrorCode::Storage,
                format!(
                    "Steward could not read {}: {e}. Nothing was changed.",
                    source.display()
                ),
            )
        })?;
        if let Err(e) = self.store.backup(Reason::BeforeRestore, now) {
            let _ = std::fs::remove_file(&staged);
            return Err(e.into());
        }
        let store = std::mem::replace(&mut self.store, Store::open_in_memory()?);
        let replaced = store.replace_with(&staged, now);
        let _ = std::fs::remove_file(&staged);
        match replaced {
            Ok(store) => self.store = store,
            Err(e) => {
                self.store = Store::open(&path, now)?;
                return Err(e.into());
            }
        }
        // Changes made under this laptop's id since the backup may be on
        // other laptops: new ones get a new id, so that none collide.
        self.store.take_new_device_id()?;
        self.upgrade_data()?;
        Ok(summary)
    }
}

fn preview(source: &Path, incoming: &Contents, current: &Contents) -> RestorePreview {
    let taken_at = source
        .file_name()
        .and_then(|n| {
            backup::list(source.parent()?)
                .ok()?
                .into_iter()
                .find(|b| b.path.file_name() == Some(n))
        })
        .map(|b| b.taken_at.to_string());
    let summary = format!(
        "Restoring this backup replaces the register: it holds {} activities and {} recipients ({} changes), where the register now holds {} activities and {} recipients ({} changes). The register as it is now is backed up first, so the restore can be undone the same way.",
        incoming.activities,
        incoming.recipients,
        incoming.changes,
        current.activities,
        current.recipients,
        current.changes,
    );
    RestorePreview {
        file: source.display().to_string(),
        taken_at,
        activities: incoming.activities,
        recipients: incoming.recipients,
        changes: incoming.changes,
        last_change: text(incoming.last_change),
        current_activities: current.activities,
        current_recipients: current.recipients,
        current_changes: current.changes,
        current_last_change: text(current.last_change),
        summary,
    }
}

/// Recovers a damaged database: moves it aside untouched
/// (`<name>.damaged-<time>`), puts the newest backup that passes its checks
/// in its place, and opens it. Refused, with nothing changed, when no
/// backup is good.
pub fn recover(db: &Path, clock: Box<dyn Clock>) -> Result<Recovered> {
    let now = clock.now();
    let folder = backup::folder_of(db);
    let good = backup::list(&folder)?
        .into_iter()
        .find(|b| backup::check_file(&b.path).is_ok())
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "There is no good backup in {}: the damaged file was not changed. If you saved a copy elsewhere (\"Back up now to…\", or a JSON export), start Steward with a new database and restore or import it there.",
                    folder.display()
                ),
            )
        })?;
    let damaged_file = backup::set_aside(db, now)?;
    let mut store = match backup::restore_into(db, &good.path, now) {
        Ok(store) => store,
        Err(e) => {
            // Put the damaged file back where it was: nothing lost.
            let _ = std::fs::rename(&damaged_file, db);
            return Err(e.into());
        }
    };
    // As after any restore: new changes under a new device id.
    store.take_new_device_id()?;
    let mut steward = Steward {
        store,
        clock,
        backup_problem: None,
    };
    steward.upgrade_data()?;
    Ok(Recovered {
        steward,
        damaged_file,
        backup: dto(&good),
    })
}
