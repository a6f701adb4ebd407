//! Backups of the database: consistent copies made with SQLite's online
//! backup API while the register is open (WAL included), never file
//! copies, which could miss committed pages still in the write-ahead log.
//!
//! Automatic backups live in the folder `backups/` beside the database, one
//! file each, named `steward-<UTC time>-<reason>.sqlite3` so that the name
//! alone dates it. Each is written under a temporary name, checked
//! (`quick_check`), flushed and renamed, so a backup that is listed is
//! complete. They are kept on a rolling schedule ([`prune`]): every backup
//! of the last two days, and the newest of each of the last 7 days, 4 weeks
//! and 6 months that have one; the newest backup is never deleted.
//!
//! A file offered for a restore is checked before anything happens to the
//! register ([`check_file`]): SQLite's checks, Steward's marker and a schema
//! this version can read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::schema::{self, Inspection};
use crate::{Result, Store, StoreError};

/// Pages copied per step.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

/// Every backup younger than this is kept (a manual backup made this
/// morning survives the automatic one made before an import this
/// afternoon).
pub const KEEP_ALL_MS: i64 = 2 * 24 * 60 * 60 * 1000;
/// Daily, weekly and monthly backups kept by [`prune`].
pub const KEEP_DAYS: usize = 7;
pub const KEEP_WEEKS: usize = 4;
pub const KEEP_MONTHS: usize = 6;

/// Why a backup was made; part of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The first start of a day.
    Daily,
    /// Before a migration changed the file.
    BeforeUpgrade,
    /// Before an import or a merge that brings many changes.
    BeforeImport,
    /// Before a restore replaced the register.
    BeforeRestore,
    /// A person asked for one.
    Manual,
}

impl Reason {
    pub fn id(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::BeforeUpgrade => "before-upgrade",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
            Reason::Manual => "manual",
        }
    }

    fn from_id(id: &str) -> Option<Reason> {
        [
            Reason::Daily,
            Reason::BeforeUpgrade,
            Reason::BeforeImport,
            Reason::BeforeRestore,
            Reason::Manual,
        ]
        .into_iter()
        .find(|r| r.id() == id)
    }
}

/// The folder of the automatic backups of the database at `db`.
pub fn folder_of(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

/// A backup as the folder holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    pub taken_at: Timestamp,
    pub reason: Reason,
    pub bytes: u64,
}

/// What a database file holds, as far as a restore needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// Activities that are not deleted.
    pub activities: i64,
    pub recipients: i64,
    /// Every change it holds, from every device.
    pub changes: i64,
    /// The time of its latest change, if any.
    pub last_change: Option<Timestamp>,
    pub schema: i64,
}

fn name_of(taken_at: Timestamp, reason: Reason) -> String {
    format!(
        "steward-{}-{}.sqlite3",
        taken_at.strftime("%Y%m%dT%H%M%S%.3fZ"),
        reason.id()
    )
}

/// The time and reason a backup's name gives, if it is one of ours.
fn parse_name(name: &str) -> Option<(Timestamp, Reason)> {
    let rest = name.strip_prefix("steward-")?.strip_suffix(".sqlite3")?;
    let (stamp, reason) = rest.split_once('-')?;
    let taken_at = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S%.fZ", stamp)
        .ok()?
        .to_datetime()
        .ok()?
        .to_zoned(jiff::tz::TimeZone::UTC)
        .ok()?
        .timestamp();
    Some((taken_at, Reason::from_id(reason)?))
}

/// Copies the open database `from` into a new file at `to` with the online
/// backup API, and checks the copy.
fn copy_into(from: &Connection, to: &Path) -> Result<()> {
    let mut target = Connection::open(to).map_err(|e| StoreError::open(to, e))?;
    {
        let backup = Backup::new(from, &mut target)?;
        backup.run_to_completion(PAGES_PER_STEP, Duration::from_millis(0), None)?;
    }
    schema::check_intact(&target, to)?;
    // The copy is written with a rollback journal, whose commit SQLite has
    // flushed; nothing else to sync but the folder (below).
    Ok(())
}

/// Writes a backup of `conn`'s database into `folder`: under a temporary
/// name, checked, then renamed, so that a listed backup is complete.
pub(crate) fn take(
    conn: &Connection,
    folder: &Path,
    reason: Reason,
    now: Timestamp,
) -> Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
        path: folder.to_path_buf(),
        source,
    })?;
    let name = name_of(now, reason);
    let path = folder.join(&name);
    let temp = folder.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&temp);
    if let Err(e) = copy_into(conn, &temp) {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    std::fs::rename(&temp, &path).map_err(|source| StoreError::Folder {
        path: path.clone(),
        source,
    })?;
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(path)
}

/// The backups in `folder`, newest first. Files that are not backups of
/// ours (by name) are left out.
pub fn list(folder: &Path) -> Result<Vec<BackupFile>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
        Err(source) => {
            return Err(StoreError::Folder {
                path: folder.to_path_buf(),
                source,
            });
        }
    };
    let mut out = vec![];
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, reason)) = parse_name(&name) else {
            continue;
        };
        let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(BackupFile {
            path: entry.path(),
            taken_at,
            reason,
            bytes,
        });
    }
    out.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Which backups the rolling schedule keeps: the newest one, every one
/// made within [`KEEP_ALL_MS`] of it, and the newest of each of the last
/// [`KEEP_DAYS`] days, [`KEEP_WEEKS`] ISO weeks and [`KEEP_MONTHS`] months
/// that have a backup (in UTC).
pub fn keep(backups: &[BackupFile]) -> BTreeSet<PathBuf> {
    let mut newest_first: Vec<&BackupFile> = backups.iter().collect();
    newest_first.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
    let mut kept = BTreeSet::new();
    if let Some(newest) = newest_first.first() {
        let since = newest.taken_at.as_millisecond() - KEEP_ALL_MS;
        for b in &newest_first {
            if b.taken_at.as_millisecond() > since {
                kept.insert(b.path.clone());
            }
        }
    }
    /// A day, an ISO week or a month, as (year, number within the year).
    type PeriodOf = fn(&jiff::civil::Date) -> (i16, i16);
    let periods: [(usize, PeriodOf); 3] = [
        (KEEP_DAYS, |d| (d.year(), d.day_of_year())),
        (KEEP_WEEKS, |d| {
            let week = d.iso_week_date();
            (week.year(), i16::from(week.week()))
        }),
        (KEEP_MONTHS, |d| (d.year(), i16::from(d.month()))),
    ];
    for (count, period_of) in periods {
        let mut seen = BTreeSet::new();
        for b in &newest_first {
            let date = b.taken_at.to_zoned(jiff::tz::TimeZone::UTC).date();
            let period = period_of(&date);
            if seen.len() == count && !seen.contains(&period) {
                break;
            }
            if seen.insert(period) {
                kept.insert(b.path.clone());
            }
        }
    }
    kept
}

/// Deletes the backups in `folder` that the schedule no longer keeps;
/// returns them. Leftover temporary files of an interrupted backup go too.
pub fn prune(folder: &Path) -> Result<Vec<PathBuf>> {
    let backups = list(folder)?;
    let kept = keep(&backups);
    let mut deleted = vec![];
    for b in backups {
        if !kept.contains(&b.path) && std::fs::remove_file(&b.path).is_ok() {
            deleted.push(b.path);
        }
    }
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".steward-") && name.ends_with(".partial") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(deleted)
}

/// Opens a database file read-only and checks it as a restore needs: a
/// SQLite file that passes its checks, Steward's, of a schema this version
/// can read. Says what it holds.
pub fn check_file(path: &Path) -> Result<Contents> {
    if !path.is_file() {
        return Err(StoreError::Open {
            path: path.to_path_buf(),
            reason: "there is no such file".into(),
        });
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| StoreError::open(path, e))?;
    let found: Inspection = schema::inspect(&conn).map_err(|e| StoreError::unreadable(path, e))?;
    if found.is_new() || found.application_id != schema::APPLICATION_ID {
        return Err(StoreError::NotSteward {
            path: path.to_path_buf(),
        });
    }
    schema::check_ours(found, path)?;
    schema::check_intact(&conn, path)?;
    contents(&conn, found.version).map_err(|e| StoreError::Damaged {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// What a backup holds, read cheaply (Steward's marker and the counts, no
/// integrity check): for listing backups. `None` when it cannot be read.
pub fn peek(path: &Path) -> Option<Contents> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ok()?;
    let found = schema::inspect(&conn).ok()?;
    if found.application_id != schema::APPLICATION_ID || found.version > schema::latest_version() {
        return None;
    }
    contents(&conn, found.version).ok()
}

fn contents(conn: &Connection, schema: i64) -> rusqlite::Result<Contents> {
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
    let has = |table: &str| {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get::<_, bool>(0),
        )
    };
    let activities = count("SELECT count(*) FROM activities WHERE deleted = 0")?;
    let recipients = if has("recipients")? {
        count("SELECT count(*) FROM recipients WHERE deleted = 0")?
    } else {
        0
    };
    let changes = count("SELECT count(*) FROM ops")?;
    let last: Option<i64> = conn.query_row("SELECT max(hlc_wall) FROM ops", [], |r| r.get(0))?;
    Ok(Contents {
        activities,
        recipients,
        changes,
        last_change: last.and_then(|ms| Timestamp::from_millisecond(ms).ok()),
        schema,
    })
}

impl Store {
    /// Writes a backup of the register into its backups folder (beside the
    /// database) and prunes the folder by the schedule; `None` for a
    /// database in memory.
    pub fn backup(&self, reason: Reason, now: Timestamp) -> Result<Option<PathBuf>> {
        let Some(path) = self.path() else {
            return Ok(None);
        };
        let folder = folder_of(path);
        let written = take(self.conn(), &folder, reason, now)?;
        prune(&folder)?;
        Ok(Some(written))
    }

    /// Writes a consistent, checked copy of the database to `to` (replacing
    /// what is there): "Back up now to…".
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        let dir = to.parent().unwrap_or(Path::new("."));
        let name = to
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("backup.sqlite3");
        let temp = dir.join(format!(".{name}.partial"));
        let _ = std::fs::remove_file(&temp);
        if let Err(e) = copy_into(self.conn(), &temp) {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        std::fs::rename(&temp, to).map_err(|source| StoreError::Folder {
            path: to.to_path_buf(),
            source,
        })?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// What this register holds, as [`check_file`] says of a backup.
    pub fn contents(&self) -> Result<Contents> {
        Ok(contents(self.conn(), schema::latest_version())?)
    }

    /// Replaces the register with the database in `source` (checked with
    /// [`check_file`] by the caller): a copy of it is written beside the
    /// database, then renamed over it, and the store opens it. The register
    /// as it was must have been backed up first.
    pub fn replace_with(self, source: &Path, now: Timestamp) -> Result<Store> {
        let Some(path) = self.path.clone() else {
            return Err(StoreError::Corrupt(
                "a register in memory cannot be restored".into(),
            ));
        };
        let incoming = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| StoreError::open(source, e))?;
        let temp = path.with_extension("restoring");
        let _ = std::fs::remove_file(&temp);
        copy_into(&incoming, &temp)?;
        drop(incoming);
        drop(self);
        for extra in ["-wal", "-shm"] {
            let mut name = path.clone().into_os_string();
            name.push(extra);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
        std::fs::rename(&temp, &path).map_err(|source| StoreError::Folder {
            path: path.clone(),
            source,
        })?;
        if let Some(dir) = path.parent()
            && let Ok(d) = std::fs::File::open(dir)
        {
            let _ = d.sync_all();
        }
        Store::open(&path, now)
    }
}

/// Moves a damaged database (and its WAL) aside, untouched, as
/// `<name>.damaged-<time>`, so that a backup can take its place; returns
/// where it went.
pub fn set_aside(db: &Path, now: Timestamp) -> Result<PathBuf> {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let mut aside = db.as_os_str().to_owned();
    aside.push(format!(".damaged-{stamp}"));
    let aside = PathBuf::from(aside);
    std::fs::rename(db, &aside).map_err(|source| StoreError::Folder {
        path: db.to_path_buf(),
        source,
    })?;
    for extra in ["-wal", "-shm"] {
        let mut from = db.as_os_str().to_owned();
        from.push(extra);
        let mut to = aside.as_os_str().to_owned();
        to.push(extra);
        let _ = std::fs::rename(PathBuf::from(from), PathBuf::from(to));
    }
    Ok(aside)
}

/// Copies `backup` into place as the database at `db` (after [`set_aside`]
/// moved the damaged one), and opens it.
pub fn restore_into(db: &Path, backup: &Path, now: Timestamp) -> Result<Store> {
    check_file(backup)?;
    let incoming = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::open(backup, e))?;
    let temp = db.with_extension("restoring");
    let _ = std::fs::remove_file(&temp);
    copy_into(&incoming, &temp)?;
    drop(incoming);
    std::fs::rename(&temp, db).map_err(|source| StoreError::Folder {
        path: db.to_path_buf(),
        source,
    })?;
    Store::open(db, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    fn backup(when: &str) -> BackupFile {
        let taken_at = at(when);
        BackupFile {
            path: PathBuf::from(name_of(taken_at, Reason::Daily)),
            taken_at,
            reason: Reason::Daily,
            bytes: 0,
        }
    }

    #[test]
    fn names_carry_the_time_and_reason() {
        let t = at("2026-12-07T03:15:00.250Z");
        let name = name_of(t, Reason::BeforeImport);
        assert_eq!(name, "steward-20261207T031500.250Z-before-import.sqlite3");
        assert_eq!(parse_name(&name), Some((t, Reason::BeforeImport)));
        for other in ["steward.sqlite3", "notes.txt", "steward-x-daily.sqlite3"] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    /// A year of daily backups keeps 7 days, then weeks, then months.
    #[test]
    fn the_schedule_keeps_days_weeks_and_months_and_always_the_newest() {
        let start = at("2026-01-01T08:00:00Z");
        let all: Vec<BackupFile> = (0..365)
            .map(|day| {
                let t = start
                    .checked_add(jiff::SignedDuration::from_hours(24 * day))
                    .unwrap();
                backup(&t.to_string())
            })
            .collect();
        let kept = keep(&all);
        let newest = &all[364];
        assert!(kept.contains(&newest.path));
        // At most 7 + 4 + 6 (they overlap), at least the 7 days.
        assert!((KEEP_DAYS..=KEEP_DAYS + KEEP_WEEKS + KEEP_MONTHS).contains(&kept.len()));
        for b in &all[358..] {
            assert!(kept.contains(&b.path), "the last 7 days");
        }
        let oldest_kept = all.iter().find(|b| kept.contains(&b.path)).unwrap();
        assert!(
            oldest_kept.taken_at >= at("2026-07-01T00:00:00Z"),
            "six months"
        );
        // Several on one day: all of the last two days stay.
        let today: Vec<BackupFile> = [
            "2026-03-02T08:00:00Z",
            "2026-03-02T12:00:00Z",
            "2026-03-02T18:00:00Z",
            "2026-02-01T08:00:00Z",
            "2026-02-01T09:00:00Z",
        ]
        .iter()
        .map(|t| backup(t))
        .collect();
        let kept_today = keep(&today);
        assert!(
            kept_today.contains(&today[0].path)
                && kept_today.contains(&today[1].path)
                && kept_today.contains(&today[2].path)
        );
        assert!(
            kept_today.contains(&today[4].path) && !kept_today.contains(&today[3].path),
            "the newest of an older day"
        );
        // One backup alone is always kept.
        assert_eq!(keep(&all[..1]).len(), 1);
        assert!(keep(&[]).is_empty());
    }
}
