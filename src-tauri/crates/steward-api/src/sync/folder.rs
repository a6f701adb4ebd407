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
        let identity = self.store.identity().clone();
        let org_dir = folder.join(&identity.organisation_id);
        let mine = org_dir.join(&identity.device_id);
        fs::create_dir_all(&mine).map_err(|e| io_error("create", &mine, e))?;

        let (my_files, _) = change_files(&mine)?;
        let written_up_to = my_files.iter().map(|(_, last, _)| *last).max().unwrap_or(0);
        let new_ops = self
            .store
            .ops_of_device(&identity.device_id, written_up_to)?;
        let mut written = None;
        if let (Some(first), Some(last)) = (new_ops.first(), new_ops.last()) {
            let name = format!("{}-{}.chg", first.seq, last.seq);
            let bytes = self.encode_changes(&new_ops)?;
            write_atomically(&mine.join(&name), &bytes)?;
            written = Some(format!("{}/{name}", identity.device_id));
        }

        let mut report = SyncReport {
            at: self.clock.now().to_string(),
            folder: folder.display().to_string(),
            written,
            ops_written: new_ops.len(),
            imported: vec![],
            already_had: 0,
            ignored: vec![],
            rejected: vec![],
            conflicts: 0,
        };
        let mut devices: Vec<PathBuf> = fs::read_dir(&org_dir)
            .map_err(|e| io_error("read", &org_dir, e))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() && *p != mine)
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
        let bytes = fs::read(path).map_err(|e| io_error("read", path, e))?;
        let parsed = super::file::decode(&bytes).map_err(|reason| super::refused(shown, reason))?;
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
