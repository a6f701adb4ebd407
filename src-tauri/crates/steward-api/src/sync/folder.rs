//! "Sync now" with a shared folder (Nextcloud, Syncthing, Dropbox, a network
//! share, a USB stick).
//!
//! Layout: `<folder>/<organisation id>/<device id>/<first>-<last>.chg`. Each
//! device writes only into its own folder, only files named after the
//! sequence numbers they hold, each written to a temporary name, flushed to
//! disk and renamed, and never rewritten. Readers take only names of that
//! shape, so temporary files and sync-tool debris ("conflicted copy",
//! `.sync-conflict-…`) are ignored; a duplicated file is harmless because a
//! merge is a set union.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use steward_store::Setting;

use super::{RejectedFile, SyncReport};
use crate::{ApiError, ErrorCode, Result, Steward};

/// `"<first>-<last>.chg"` → (first, last).
fn parse_name(name: &str) -> Option<(i64, i64)> {
    let (first, last) = name.strip_suffix(".chg")?.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(last) {
        return None;
    }
    let (first, last) = (first.parse().ok()?, last.parse().ok()?);
    (first >= 1 && last >= first).then_some((first, last))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!(
            "Steward could not {what} {}: {e}. Check that the folder exists and is writable, then sync again.",
            path.display()
        ),
    )
}

/// Writes `bytes` to `path` via a temporary name in the same folder, flushed
/// to disk before the rename, so that readers never see half a file.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("changes");
    let temp = dir.join(format!(".{name}.tmp"));
    let mut file = fs::File::create(&temp).map_err(|e| io_error("write", &temp, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error("write", &temp, e))?;
    drop(file);
    fs::rename(&temp, path).map_err(|e| io_error("write", path, e))?;
    if let Ok(d) = fs::File::open(dir) {
        // Makes the rename itself durable; not every platform allows it.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads a change file, refusing one larger than a change file can be
/// before reading it.
fn read_bounded(path: &Path) -> Result<Vec<u8>> {
    crate::files::read_bounded(path, crate::files::CHANGE_FILE_LIMIT, "a change file")
}

/// A change file in a device's folder: its first and last sequence number.
type Listed = (i64, i64, PathBuf);

/// The change files in one device's folder, by first sequence number, and
/// the names that are not change files.
fn change_files(dir: &Path) -> Result<(Vec<Listed>, Vec<String>)> {
    let mut files = vec![];
    let mut ignored = vec![];
    let entries = fs::read_dir(dir).map_err(|e| io_error("read", dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        match parse_name(&name) {
            Some((first, last)) if entry.path().is_file() => {
                files.push((first, last, entry.path()))
            }
            _ => ignored.push(name),
        }
    }
    files.sort();
    Ok((files, ignored))
}

impl Steward {
    /// Writes this device's new changes into the shared folder and imports
    /// every other device's files there. A refused file is reported with its
    /// reason and the others are still imported.
    pub fn sync_folder(&mut self, folder: &Path) -> Result<SyncReport> {
        if !folder.is_dir() {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!(
                    "The sync folder {} does not exist (or is no folder). Choose the shared folder again.",
                    folder.display()
                ),
            ));
        }
        let organisation = self.store.identity().organisation_id.clone();
        let org_dir = folder.join(&organisation);
        let before = self.store.identity().device_id.clone();
        let own_dir = org_dir.join(&before);
        fs::create_dir_all(&own_dir).map_err(|e| io_error("create", &own_dir, e))?;

        // This laptop's own folder first, read for what it really holds: a
        // file there that this laptop does not know (it was restored from
        // an older copy, or another installation writes under its id) is
        // imported, which moves this laptop to a new device id before it
        // writes anything.
        let mut imported = vec![];
        let mut rejected = vec![];
        let (own_files, _) = change_files(&own_dir)?;
        for (first, last, path) in &own_files {
            let shown = format!("{before}/{first}-{last}.chg");
            match self.import_own_file(&shown, path) {
                Ok(Some(done)) => imported.push(done),
                Ok(None) => {}
                Err(e) => rejected.push(RejectedFile {
                    file: shown,
                    reason: e.message,
                }),
            }
        }

        // Then this laptop's changes that its folder does not hold yet, by
        // what the folder's file names cover (not just the highest one).
        let me = self.store.identity().device_id.clone();
        let mine = org_dir.join(&me);
        fs::create_dir_all(&mine).map_err(|e| io_error("create", &mine, e))?;
        let (my_files, _) = change_files(&mine)?;
        let my_ops = self.store.ops_of_device(&me, 0)?;
        let covered = |seq: i64| my_files.iter().any(|(f, l, _)| (*f..=*l).contains(&seq));
        let mut written = vec![];
        let mut ops_written = 0;
        for run in my_ops
            .chunk_by(|a, b| b.seq == a.seq + 1 && covered(a.seq) == covered(b.seq))
            .filter(|run| run.first().is_some_and(|op| !covered(op.seq)))
        {
            let (Some(first), Some(last)) = (run.first(), run.last()) else {
                continue;
            };
            let name = format!("{}-{}.chg", first.seq, last.seq);
            let path = mine.join(&name);
            if path.exists() {
                continue;
            }
            let bytes = self.encode_changes(run)?;
            write_atomically(&path, &bytes)?;
            self.store
                .record_written_file(&super::file::sha256_hex(&bytes), &name, run.len())?;
            ops_written += run.len();
            written.push(format!("{me}/{name}"));
        }

        let mut report = SyncReport {
            at: self.clock.now().to_string(),
            folder: folder.display().to_string(),
            written: (!written.is_empty()).then(|| written.join(", ")),
            ops_written,
            imported,
            already_had: 0,
            ignored: vec![],
            rejected,
            conflicts: 0,
        };
        let mut devices: Vec<PathBuf> = fs::read_dir(&org_dir)
            .map_err(|e| io_error("read", &org_dir, e))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() && *p != mine && *p != own_dir)
            .collect();
        devices.sort();
        for dir in devices {
            let device = dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let (files, ignored) = change_files(&dir)?;
            report
                .ignored
                .extend(ignored.into_iter().map(|n| format!("{device}/{n}")));
            for (first, last, path) in files {
                let shown = format!("{device}/{first}-{last}.chg");
                if self.store.holds_range(&device, first, last)? {
                    report.already_had += 1;
                    continue;
                }
                match self.import_folder_file(&device, &shown, &path) {
                    Ok(imported) => report.imported.push(imported),
                    Err(e) => report.rejected.push(RejectedFile {
                        file: shown,
                        reason: e.message,
                    }),
                }
            }
        }
        report.conflicts = self.store.conflicts()?.len();
        self.store
            .set_setting(Setting::SyncFolder, &folder.display().to_string())?;
        let json = serde_json::to_string(&report).unwrap_or_default();
        self.store.set_setting(Setting::LastSync, &json)?;
        Ok(report)
    }

    fn import_folder_file(
        &mut self,
        device: &str,
        shown: &str,
        path: &Path,
    ) -> Result<super::ChangeImport> {
        let bytes = read_bounded(path)?;
        let result = self.import_checked(device, shown, &bytes);
        self.remember_refusal(shown, &bytes, result)
    }

    fn import_checked(
        &mut self,
        device: &str,
        shown: &str,
        bytes: &[u8],
    ) -> Result<super::ChangeImport> {
        let parsed = super::file::decode(bytes).map_err(|reason| super::refused(shown, reason))?;
        if parsed.header.author != device {
            return Err(super::refused(
                shown,
                format!(
                    "it lies in the folder of device {device} but was written by {}",
                    parsed.header.author
                ),
            ));
        }
        self.merge_file(shown, &parsed)
    }

    /// A file in this laptop's own folder: imported unless this laptop
    /// wrote or imported exactly these bytes before.
    fn import_own_file(&mut self, shown: &str, path: &Path) -> Result<Option<super::ChangeImport>> {
        let bytes = read_bounded(path)?;
        if self.store.file_imported(&super::file::sha256_hex(&bytes))? {
            return Ok(None);
        }
        let device = self.store.identity().device_id.clone();
        let result = self.import_checked(&device, shown, &bytes);
        self.remember_refusal(shown, &bytes, result)
            .map(|done| (done.new_ops > 0 || done.restored.is_some()).then_some(done))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_name;

    #[test]
    fn only_change_file_names_are_read() {
        assert_eq!(parse_name("1-5.chg"), Some((1, 5)));
        assert_eq!(parse_name("12-12.chg"), Some((12, 12)));
        for debris in [
            ".1-5.chg.tmp",
            "1-5 (conflicted copy 2026-11-23).chg",
            "1-5.sync-conflict-20261123-101010-ABCDEFG.chg",
            "1-5.chg~",
            "5-1.chg",
            "0-3.chg",
            "-5.chg",
            "1-5.CHG",
            "notes.txt",
        ] {
            assert_eq!(parse_name(debris), None, "{debris}");
        }
    }
}
