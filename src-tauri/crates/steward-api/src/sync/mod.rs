//! Offline collaboration: change files, their import, folder sync, the sync
//! status and the conflicts a merge leaves for a person (sync-design.md).
//!
//! **Invariant:** a change file is checked whole ([`file::decode`]: format,
//! checksum, ranges, value kinds; then the organisation) and its ops are
//! merged in one transaction in which every touched record must pass the
//! same validators as the forms ([`validate`]). A refused file changes
//! nothing and its refusal names the file and the reason.

mod conflicts;
pub mod file;
mod folder;
pub(crate) use folder::write_atomically;
mod passphrase;
mod validate;

use serde::{Deserialize, Serialize};
use steward_store::{FileRecord, Setting};
use ts_rs::TS;

pub use conflicts::{Conflict, ConflictValue, NewerValue, Resolution, ResolveConflictInput};
pub use file::{CHANGES_FORMAT_VERSION, ChangeFile, Header};
pub use passphrase::{ENCRYPTED_SUFFIX, MIN_PASSPHRASE_CHARS, is_encrypted, passphrase_needed};
pub use validate::RecordProblem;

use crate::{ApiError, ErrorCode, Result, Steward};

/// A clock more than this far ahead of ours is reported as looking wrong
/// (and does not move ours).
use steward_store::CLOCK_AHEAD_MS;

/// What importing one change file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangeImport {
    /// The file's name, as the user or the folder gave it.
    pub file: String,
    /// The device (name) that wrote it.
    pub author: String,
    pub ops_in_file: usize,
    /// Ops this register did not hold: 0 for a file imported before.
    pub new_ops: usize,
    /// Records the merge left in a state their form would refuse (two
    /// laptops' changes that do not fit together): kept as merged, for a
    /// person to settle; the checks list them too.
    pub problems: Vec<RecordProblem>,
    /// Set when the file showed that this laptop had been restored from an
    /// older copy: what Steward did about it, for the person.
    pub restored: Option<String>,
    /// The laptops (names) whose clock is more than a day ahead: their
    /// changes merged, but this laptop's clock and dates did not follow.
    pub clocks_ahead: Vec<String>,
}

/// A change file that was refused and not dismissed yet: a problem the
/// app shows until a person dismisses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RefusedFile {
    /// What to pass to dismiss it.
    pub id: String,
    pub file: String,
    /// Why it was refused, and what to do.
    pub reason: String,
    pub at: String,
}

/// A file that was refused, and why; nothing of it was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RejectedFile {
    pub file: String,
    pub reason: String,
}

/// A change file written for others to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeExport {
    /// A suggested file name.
    pub name: String,
    pub bytes: Vec<u8>,
    pub ops: usize,
}

/// Which ops an exported file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    /// The changes made on this device ("Export my changes").
    Mine,
    /// Every change this register holds, from every device: a starter file
    /// for a new laptop, or a relay for someone who missed others' files.
    Everything,
}

/// A device whose changes this register holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviceStatus {
    pub device: String,
    pub name: String,
    pub this_device: bool,
    pub changes: i64,
    pub last_seq: i64,
    /// The time of its latest change, by its own clock.
    pub last_change_at: Option<String>,
    /// Changes of its sequence that never arrived: "3–7" style ranges.
    pub missing: Vec<String>,
    /// Its clock is more than a day ahead of this one.
    pub clock_ahead: bool,
}

/// The result of one "Sync now".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncReport {
    pub at: String,
    pub folder: String,
    /// The file written with this device's new changes, if there were any.
    pub written: Option<String>,
    pub ops_written: usize,
    pub imported: Vec<ChangeImport>,
    /// Files whose changes were all here already.
    pub already_had: usize,
    /// Names that are no change files (temporary files, sync-tool debris).
    pub ignored: Vec<String>,
    pub rejected: Vec<RejectedFile>,
    /// Conflicts waiting for a person after the sync.
    pub conflicts: usize,
}

/// Where this register stands with the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncStatus {
    pub organisation_id: String,
    pub device_id: String,
    pub device_name: String,
    pub folder: Option<String>,
    pub last_sync: Option<SyncReport>,
    pub devices: Vec<DeviceStatus>,
    pub conflicts: usize,
    /// Sync with the folder when the app starts and quits.
    pub automatic: bool,
    /// Files refused and not dismissed, newest first.
    pub refused: Vec<RefusedFile>,
}

/// Each device's ops up to its first gap. A change file declares one
/// complete range of sequence numbers per device (format 1), so a register
/// that holds a device's changes 1–5 and 11–15 but not 6–10 (a file still
/// on its way) relays 1–5 now and the rest once the gap is filled; the
/// device that wrote them still has them all. `ops` come by device, then
/// sequence number.
fn first_runs(ops: Vec<steward_store::Op>) -> Vec<steward_store::Op> {
    let mut out = Vec::with_capacity(ops.len());
    let mut previous: Option<(String, i64)> = None;
    let mut cut = false;
    for op in ops {
        let same_device = previous.as_ref().is_some_and(|(d, _)| *d == op.device);
        if !same_device {
            cut = false;
        } else if previous.as_ref().is_some_and(|(_, seq)| op.seq != seq + 1) {
            cut = true;
        }
        previous = Some((op.device.clone(), op.seq));
        if !cut {
            out.push(op);
        }
    }
    out
}

/// A change file that cannot be read before it is opened with its passphrase.
fn read_plain(name: &str, bytes: &[u8]) -> Result<ChangeFile> {
    if is_encrypted(bytes) {
        return Err(passphrase_needed(name));
    }
    file::decode(bytes).map_err(|reason| refused(name, reason))
}

fn refused(file: &str, reason: impl std::fmt::Display) -> ApiError {
    ApiError::new(
        ErrorCode::Validation,
        format!("The change file {file} was not imported: {reason}. Nothing was changed."),
    )
}

impl Steward {
    /// Writes a change file with this device's changes, or every change.
    pub fn export_changes(&self, scope: ExportScope) -> Result<ChangeExport> {
        let identity = self.store.identity();
        let ops = match scope {
            ExportScope::Mine => self.store.ops_of_device(&identity.device_id, 0)?,
            ExportScope::Everything => first_runs(self.store.all_ops()?),
        };
        let bytes = self.encode_changes(&ops)?;
        let kind = match scope {
            ExportScope::Mine => "changes",
            ExportScope::Everything => "starter",
        };
        let day = self.clock.now().strftime("%Y-%m-%d");
        let who: String = identity
            .device_name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        Ok(ChangeExport {
            name: format!("steward-{kind}-{who}-{day}.chg"),
            ops: ops.len(),
            bytes,
        })
    }

    pub(crate) fn encode_changes(&self, ops: &[steward_store::Op]) -> Result<Vec<u8>> {
        let identity = self.store.identity();
        let names = self.store.device_names()?;
        let devices = ops
            .iter()
            .map(|op| {
                let name = names.get(&op.device).cloned().unwrap_or_default();
                (op.device.clone(), name)
            })
            .collect();
        let header = Header {
            format: CHANGES_FORMAT_VERSION,
            schema: steward_store::schema::latest_version(),
            organisation: identity.organisation_id.clone(),
            author: identity.device_id.clone(),
            created: self.clock.now().to_string(),
            devices,
            ranges: Default::default(),
            ops: 0,
        };
        Ok(file::encode(header, ops))
    }

    /// Imports a change file (from e-mail or a USB stick): checked whole,
    /// applied in one transaction, or refused with the reason. An encrypted
    /// file is refused with an error on `passphrase`: open it first with
    /// [`Steward::decrypt_changes`].
    pub fn import_changes(&mut self, name: &str, bytes: &[u8]) -> Result<ChangeImport> {
        let parsed = self.remember_refusal(name, bytes, read_plain(name, bytes))?;
        let merged = self.merge_file(name, &parsed);
        self.remember_refusal(name, bytes, merged)
    }

    /// Keeps a refusal (not a request for the passphrase) so that the app
    /// shows it until a person dismisses it.
    pub(crate) fn remember_refusal<T>(
        &mut self,
        name: &str,
        bytes: &[u8],
        result: Result<T>,
    ) -> Result<T> {
        if let Err(e) = &result
            && !e.fields.iter().any(|f| f.field == "passphrase")
        {
            let at = self.clock.now().to_string();
            self.store
                .record_refused_file(&file::sha256_hex(bytes), name, &e.message, &at)?;
        }
        result
    }

    /// Hides a refused file from the sync status.
    pub fn dismiss_refused_file(&mut self, id: &str) -> Result<SyncStatus> {
        if !self.store.dismiss_refused_file(id)? {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                "This refused file is no longer listed: refresh the page.",
            ));
        }
        self.sync_status()
    }

    /// Makes this new, empty register part of the organisation a starter
    /// file comes from, and imports the register it holds.
    pub fn join_organisation(&mut self, name: &str, bytes: &[u8]) -> Result<ChangeImport> {
        let parsed = read_plain(name, bytes)?;
        if parsed.header.organisation != self.store.identity().organisation_id {
            self.store.join_organisation(&parsed.header.organisation)?;
            // The demo offer is for a register that starts from nothing.
            self.store.answer_demo_offer()?;
        }
        self.merge_file(name, &parsed)
    }

    pub(crate) fn merge_file(&mut self, name: &str, parsed: &ChangeFile) -> Result<ChangeImport> {
        let organisation = &self.store.identity().organisation_id;
        if parsed.header.organisation != *organisation {
            return Err(refused(
                name,
                format!(
                    "it belongs to another organisation ({}; this register is {organisation}). If this laptop is new, open the file as a starter file instead",
                    parsed.header.organisation
                ),
            ));
        }
        let author = parsed
            .header
            .devices
            .get(&parsed.header.author)
            .cloned()
            .unwrap_or_else(|| parsed.header.author.clone());
        let record = FileRecord {
            sha256: &parsed.sha256,
            name,
            author: &parsed.header.author,
        };
        self.backup_before_import(parsed.ops.len())?;
        let now = self.clock.now();
        let mut problems = vec![];
        let outcome = self
            .store
            .merge(
                &parsed.ops,
                &parsed.header.devices,
                &record,
                now,
                |touched| {
                    problems.extend(validate::problems(touched));
                    Ok::<(), ApiError>(())
                },
            )
            .map_err(|e| match e.code {
                ErrorCode::Validation => e,
                _ => refused(name, e.message),
            })?;
        let names = self.store.device_names()?;
        let restored = outcome.restored.as_ref().map(|r| {
            let renumbered = match r.renumbered {
                0 => String::new(),
                1 => " Its one change made since then was moved to the new id.".to_owned(),
                n => format!(" Its {n} changes made since then were moved to the new id."),
            };
            format!(
                "This file holds changes that this laptop made and no longer has: the laptop was restored from an older copy (or copied from another one). So that nothing collides, it now writes its changes under a new device id ({}).{renumbered} Nothing was lost.",
                r.new_device
            )
        });
        Ok(ChangeImport {
            file: name.to_owned(),
            author,
            ops_in_file: parsed.ops.len(),
            new_ops: outcome.new_ops,
            problems,
            restored,
            clocks_ahead: outcome
                .clocks_ahead
                .iter()
                .map(|d| names.get(d).cloned().unwrap_or_else(|| d.clone()))
                .collect(),
        })
    }

    /// Waits for the background work a merge leaves (folding the database's
    /// write-ahead log back into its file). Nothing needs it to be done to
    /// read or write; it is for measuring, and for a clean exit.
    pub fn settle(&self) {
        self.store.settle();
    }

    /// A token that changes whenever the register may have changed, by this
    /// app or another process (a sync, the command line): the app polls it
    /// and refreshes what it shows when it changes.
    pub fn register_version(&self) -> Result<String> {
        Ok(self.store.version()?)
    }

    /// A digest of what the register says (not when): two registers that
    /// hold the same changes have the same digest.
    pub fn register_digest(&self) -> Result<String> {
        Ok(self.store.state_digest()?)
    }

    /// The devices this register has heard from, the last sync and the
    /// conflicts waiting.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let identity = self.store.identity();
        let now_ms = self.clock.now().as_millisecond();
        let devices = self
            .store
            .device_ops()?
            .into_iter()
            .map(|d| DeviceStatus {
                this_device: d.device == identity.device_id,
                name: d.name.unwrap_or_else(|| d.device.clone()),
                changes: d.ops,
                last_seq: d.last_seq,
                last_change_at: jiff::Timestamp::from_millisecond(d.last_wall_ms)
                    .ok()
                    .map(|t| t.to_string()),
                missing: d
                    .missing
                    .iter()
                    .map(|(a, b)| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a}–{b}")
                        }
                    })
                    .collect(),
                clock_ahead: d.last_wall_ms > now_ms.saturating_add(CLOCK_AHEAD_MS),
                device: d.device,
            })
            .collect();
        let last_sync = self
            .store
            .setting(Setting::LastSync)?
            .and_then(|json| serde_json::from_str(&json).ok());
        Ok(SyncStatus {
            organisation_id: identity.organisation_id.clone(),
            device_id: identity.device_id.clone(),
            device_name: identity.device_name.clone(),
            folder: self.store.setting(Setting::SyncFolder)?,
            last_sync,
            devices,
            conflicts: self.store.conflicts()?.len(),
            automatic: self.store.setting(Setting::SyncAutomatically)?.as_deref() == Some("true"),
            refused: self
                .store
                .refused_files()?
                .into_iter()
                .map(|f| RefusedFile {
                    id: f.sha256,
                    file: f.name,
                    reason: f.reason,
                    at: f.refused_at,
                })
                .collect(),
        })
    }

    /// Turns syncing when the app starts and quits on or off. It needs a
    /// folder: there is nothing to sync with before one is chosen.
    pub fn set_sync_automatically(&mut self, enabled: bool) -> Result<SyncStatus> {
        if enabled && self.store.setting(Setting::SyncFolder)?.is_none() {
            return Err(ApiError::new(
                ErrorCode::Validation,
                "Choose a shared folder first: Steward syncs with it when it starts and quits.",
            ));
        }
        self.store.set_setting(
            Setting::SyncAutomatically,
            if enabled { "true" } else { "false" },
        )?;
        self.sync_status()
    }

    /// Syncs with the chosen folder if automatic sync is on; `None` when it
    /// is off or no folder was chosen. The app calls it when it starts and
    /// when it quits.
    pub fn sync_automatically(&mut self) -> Result<Option<SyncReport>> {
        let status = self.sync_status()?;
        match status.folder {
            Some(folder) if status.automatic => {
                Ok(Some(self.sync_folder(std::path::Path::new(&folder))?))
            }
            _ => Ok(None),
        }
    }
}
