//! `steward-cli sync` and `steward-cli changes`: exchanging changes with other
//! laptops through a shared folder or by file, the sync status, and the
//! conflicts a person resolves.

use std::path::{Path, PathBuf};

use steward_api::{
    ApiError, Conflict, ErrorCode, ExportScope, Resolution, ResolveConflictInput, Steward,
    SyncReport, is_encrypted,
};

use crate::args::ChangesCommand;
use crate::output::Output;

fn read(path: &Path) -> Result<(String, Vec<u8>), ApiError> {
    let bytes = steward_api::read_bounded(path, steward_api::CHANGE_FILE_LIMIT, "a change file")?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    Ok((name, bytes))
}

/// Reads a change file and, if it is encrypted, opens it with the passphrase.
fn read_change_file(
    api: &Steward,
    path: &Path,
    passphrase: Option<&str>,
) -> Result<(String, Vec<u8>), ApiError> {
    let (name, bytes) = read(path)?;
    if !is_encrypted(&bytes) {
        return Ok((name, bytes));
    }
    let Some(passphrase) = passphrase else {
        return Err(ApiError::new(
            ErrorCode::Validation,
            format!(
                "{name} is encrypted: give the passphrase its sender gave you in the environment variable STEWARD_PASSPHRASE (or with --passphrase). Nothing was imported."
            ),
        ));
    };
    let plain = api.decrypt_changes(&name, &bytes, passphrase)?;
    Ok((name, plain))
}

fn report_text(r: &SyncReport) -> String {
    let mut text = match &r.written {
        Some(file) => format!(
            "Wrote {} change(s) of this device to {file}.",
            r.ops_written
        ),
        None => "This device had no new changes to write.".to_owned(),
    };
    let new: usize = r.imported.iter().map(|i| i.new_ops).sum();
    text.push_str(&format!(
        "\nImported {} file(s) with {new} new change(s); {} file(s) were already here.",
        r.imported.len(),
        r.already_had
    ));
    for i in &r.imported {
        text.push_str(&format!(
            "\n  + {} from {} ({} new)",
            i.file, i.author, i.new_ops
        ));
    }
    for rejected in &r.rejected {
        text.push_str(&format!(
            "\n  ! {} refused: {}",
            rejected.file, rejected.reason
        ));
    }
    if !r.ignored.is_empty() {
        text.push_str(&format!(
            "\nIgnored {} name(s) that are no change files (temporary files, sync-tool copies).",
            r.ignored.len()
        ));
    }
    if r.conflicts > 0 {
        text.push_str(&format!(
            "\n{} conflict(s) wait for you: steward-cli changes conflicts",
            r.conflicts
        ));
    }
    text
}

pub fn folder(api: &mut Steward, out: &Output, folder: Option<PathBuf>) -> Result<(), ApiError> {
    let folder = match folder {
        Some(f) => f,
        None => api.sync_status()?.folder.map(PathBuf::from).ok_or_else(|| {
            ApiError::new(
                ErrorCode::Validation,
                "No sync folder was chosen yet: pass --folder PATH (a folder your sync tool shares).",
            )
        })?,
    };
    let report = api.sync_folder(&folder)?;
    out.message(&report, &report_text(&report));
    Ok(())
}

fn conflict_text(n: usize, c: &Conflict) -> String {
    let what = if c.field == "$deleted" {
        "deleted on one laptop, changed on another".to_owned()
    } else {
        format!("field {}", c.field)
    };
    let mut text = format!("{n}. {:?} \"{}\": {what}", c.record, c.record_name);
    for (k, v) in c.values.iter().enumerate() {
        let value = if v.field == "$deleted" {
            if v.value == serde_json::Value::Bool(true) {
                "deleted".to_owned()
            } else {
                "restored".to_owned()
            }
        } else if c.field == "$deleted" {
            format!("{} = {}", v.field, v.value)
        } else {
            v.value.to_string()
        };
        let shown = if v.shown { " (shown now)" } else { "" };
        text.push_str(&format!(
            "\n   [{}] {value} — {}, {}{shown}",
            k + 1,
            v.device_name,
            v.at
        ));
    }
    text
}

pub fn changes(api: &mut Steward, out: &Output, command: ChangesCommand) -> Result<(), ApiError> {
    match command {
        ChangesCommand::Export {
            file,
            everything,
            passphrase,
        } => {
            let scope = if everything {
                ExportScope::Everything
            } else {
                ExportScope::Mine
            };
            let mut export = api.export_changes(scope)?;
            if let Some(passphrase) = passphrase {
                export = export.encrypted(&passphrase)?;
            }
            std::fs::write(&file, &export.bytes).map_err(|e| {
                ApiError::new(
                    ErrorCode::Storage,
                    format!("Cannot write {}: {e}. Choose another path.", file.display()),
                )
            })?;
            let text = format!("Wrote {} change(s) to {}.", export.ops, file.display());
            out.message(
                &serde_json::json!({ "file": file, "ops": export.ops }),
                &text,
            );
        }
        ChangesCommand::Import { file, passphrase } => {
            let (name, bytes) = read_change_file(api, &file, passphrase.as_deref())?;
            let imported = api.import_changes(&name, &bytes)?;
            let text = format!(
                "Imported {name} from {}: {} new change(s) of {}.",
                imported.author, imported.new_ops, imported.ops_in_file
            );
            out.message(&imported, &text);
        }
        ChangesCommand::Join { file, passphrase } => {
            let (name, bytes) = read_change_file(api, &file, passphrase.as_deref())?;
            let imported = api.join_organisation(&name, &bytes)?;
            let text = format!(
                "Joined the organisation of {name} and imported {} change(s).",
                imported.new_ops
            );
            out.message(&imported, &text);
        }
        ChangesCommand::Status => {
            let status = api.sync_status()?;
            let mut text = format!(
                "This device: {} ({}), organisation {}.",
                status.device_name, status.device_id, status.organisation_id
            );
            match &status.last_sync {
                Some(last) => {
                    text.push_str(&format!("\nLast sync: {} with {}.", last.at, last.folder))
                }
                None => text.push_str("\nNot synced with a folder yet."),
            }
            for d in &status.devices {
                let me = if d.this_device { " (this device)" } else { "" };
                text.push_str(&format!("\n  {}{me}: {} change(s)", d.name, d.changes));
                if !d.missing.is_empty() {
                    text.push_str(&format!("; missing {}", d.missing.join(", ")));
                }
                if d.clock_ahead {
                    text.push_str("; its clock looks more than a day ahead");
                }
            }
            text.push_str(&format!("\nConflicts waiting: {}.", status.conflicts));
            out.message(&status, &text);
        }
        ChangesCommand::Conflicts => {
            let conflicts = api.list_conflicts()?;
            let text = if conflicts.is_empty() {
                "No conflicts.".to_owned()
            } else {
                let items: Vec<String> = conflicts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| conflict_text(i + 1, c))
                    .collect();
                format!(
                    "{}\nResolve with: steward-cli changes resolve N --pick K (or --value JSON, --keep, --delete)",
                    items.join("\n")
                )
            };
            out.message(&conflicts, &text);
        }
        ChangesCommand::Resolve {
            number,
            pick,
            value,
            keep,
            delete,
        } => {
            let conflicts = api.list_conflicts()?;
            let conflict = number
                .checked_sub(1)
                .and_then(|i| conflicts.get(i))
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::NotFound,
                        format!("There is no conflict {number}: `changes conflicts` lists them."),
                    )
                })?;
            let invalid = |message: &str| ApiError::new(ErrorCode::Validation, message);
            let resolution = match (pick, value, keep, delete) {
                (_, _, true, _) => Resolution::KeepRecord,
                (_, _, _, true) => Resolution::DeleteRecord,
                (Some(k), _, _, _) => {
                    let v = k
                        .checked_sub(1)
                        .and_then(|i| conflict.values.get(i))
                        .ok_or_else(|| invalid("--pick names no value of this conflict."))?;
                    Resolution::Value {
                        value: v.value.clone(),
                    }
                }
                (None, Some(json), _, _) => Resolution::Value {
                    value: serde_json::from_str(&json).map_err(|e| {
                        invalid(&format!(
                            "--value is not JSON ({e}); quote text like '\"text\"'."
                        ))
                    })?,
                },
                _ => {
                    return Err(invalid(
                        "Say how to resolve it: --pick K, --value JSON, --keep or --delete.",
                    ));
                }
            };
            api.resolve_conflict(ResolveConflictInput {
                record: conflict.record,
                record_id: conflict.record_id.clone(),
                field: conflict.field.clone(),
                resolution,
            })?;
            let text = format!(
                "Resolved conflict {number}. Sync or export your changes so the others see it."
            );
            out.message(&serde_json::json!({ "resolved": number }), &text);
        }
    }
    Ok(())
}
