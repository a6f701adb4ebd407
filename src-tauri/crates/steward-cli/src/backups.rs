//! `steward-cli backup …`: list, make, restore and recover, each one call
//! of the API.

use std::path::Path;

use steward_api::{ApiError, Backup, Steward, SystemClock};

use crate::args::BackupCommand;
use crate::output::Output;
use crate::sayln;

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn line(b: &Backup) -> String {
    let activities = b.activities.map_or_else(
        || "cannot be read".to_owned(),
        |n| format!("{n} activities"),
    );
    format!(
        "{}  {}  {:?}  {}  {activities}",
        b.id,
        b.taken_at,
        b.reason,
        size(b.bytes)
    )
}

/// Runs a backup command on an open register.
pub fn backup(api: &mut Steward, out: &Output, command: BackupCommand) -> Result<(), ApiError> {
    match command {
        BackupCommand::List => {
            let list = api.list_backups()?;
            if out.json {
                out.value(&list);
                return Ok(());
            }
            sayln!("Backups in {}:", list.folder);
            if list.backups.is_empty() {
                sayln!("None yet. `steward-cli backup now` makes one.");
            }
            for b in &list.backups {
                sayln!("{}", line(b));
            }
            if let Some(problem) = &list.problem {
                sayln!("The last automatic backup failed: {problem}");
            }
        }
        BackupCommand::Now { to: None } => {
            let made = api.backup_now()?;
            out.message(&made, &format!("Backed up: {}", line(&made)));
        }
        BackupCommand::Now { to: Some(to) } => {
            let copy = api.backup_to(&to)?;
            out.message(
                &copy,
                &format!(
                    "Wrote a copy of the database to {} and the register as JSON to {}.",
                    copy.database, copy.json
                ),
            );
        }
        BackupCommand::Restore { backup, yes: false } => {
            let preview = api.preview_restore(&backup)?;
            out.message(
                &preview,
                &format!(
                    "{}\nNothing was changed. Run again with --yes to restore.",
                    preview.summary
                ),
            );
        }
        BackupCommand::Restore { backup, yes: true } => {
            let done = api.restore_backup(&backup)?;
            out.message(
                &done,
                &format!(
                    "Restored {}. The register now holds {} activities and {} recipients; the register as it was is in `backup list` (before-restore).",
                    done.file, done.activities, done.recipients
                ),
            );
        }
        BackupCommand::Recover => {
            sayln!(
                "The register opened normally: there is nothing to recover. To go back to a backup, use `backup restore`."
            );
        }
    }
    Ok(())
}

/// `backup recover` on a database that does not open because it is damaged.
pub fn recover(path: &Path, out: &Output) -> Result<(), ApiError> {
    let recovered = steward_api::recover(path, Box::new(SystemClock))?;
    out.message(
        &recovered.backup,
        &format!(
            "Restored the backup {} ({}). The damaged file was kept, untouched, as {}.",
            recovered.backup.id,
            recovered.backup.taken_at,
            recovered.damaged_file.display()
        ),
    );
    Ok(())
}
