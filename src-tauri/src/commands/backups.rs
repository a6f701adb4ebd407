//! Backups and getting the register back: what happened at start-up (and,
//! for a damaged file, the backups to restore), the recovery, the list of
//! backups, "Back up now", "Back up now to…" (a native save dialog: a copy
//! of the database and the register as JSON beside it), and restoring a
//! listed backup or a chosen file after the person saw what would change.
//! A chosen file waits here, in Rust, between its preview and the restore:
//! the web view never names a path.

use std::path::PathBuf;
use std::sync::Mutex;

use steward_api::{
    ApiError, Backup, BackupCopy, Backups, ErrorCode, Recovery, RestorePreview, Startup,
};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::documents::{Documents, today};
use crate::state::AppState;

/// A backup file the person chose, waiting for the restore they confirm.
#[derive(Default)]
pub struct ChosenBackup(Mutex<Option<PathBuf>>);

/// Whether the register opened, and what to offer when it did not.
#[tauri::command]
pub async fn get_startup(state: State<'_, AppState>) -> Result<Startup, ApiError> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.startup())
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

/// Sets the damaged register aside and restores its newest good backup.
#[tauri::command]
pub async fn recover_database(state: State<'_, AppState>) -> Result<Recovery, ApiError> {
    let state = state.inner().clone();
    tauri::async_runtime::spawn_blocking(move || state.recover())
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Backups, ApiError> {
    state.run(|s| s.list_backups()).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<Backup, ApiError> {
    state.run(|s| s.backup_now()).await
}

/// Asks where to put a copy (the native save dialog), then writes the
/// database there and the register as JSON beside it. `None` when the
/// person cancels.
#[tauri::command]
pub async fn backup_to(app: AppHandle) -> Result<Option<BackupCopy>, ApiError> {
    let docs = app.state::<Documents>();
    let name = format!("steward-backup-{}.sqlite3", today());
    let Some(path) = docs.save_path(&app, &name, "Steward database", "sqlite3") else {
        return Ok(None);
    };
    let target = path.clone();
    let copy = app
        .state::<AppState>()
        .run(move |s| s.backup_to(&target))
        .await?;
    docs.finish(path);
    Ok(Some(copy))
}

/// What restoring a listed backup would change.
#[tauri::command]
pub async fn preview_restore(
    state: State<'_, AppState>,
    id: String,
) -> Result<RestorePreview, ApiError> {
    state.run(move |s| s.preview_restore(&id)).await
}

/// Restores a listed backup (the register as it is is backed up first).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    id: String,
) -> Result<RestorePreview, ApiError> {
    state.run(move |s| s.restore_backup(&id)).await
}

/// Asks for a backup file (the native open dialog) and says what restoring
/// it would change; the file waits for [`restore_chosen_backup`]. `None`
/// when the person cancels.
#[tauri::command]
pub async fn choose_backup_file(app: AppHandle) -> Result<Option<RestorePreview>, ApiError> {
    // A choice that was not restored is forgotten with the next choice.
    app.state::<ChosenBackup>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    let chosen = match &app.state::<Documents>().dialog_dir {
        Some(dir) => Some(dir.join("restore.sqlite3")),
        None => app
            .dialog()
            .file()
            .set_title("Choose a Steward backup to restore")
            .add_filter("Steward database", &["sqlite3", "db"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    };
    let Some(path) = chosen else {
        return Ok(None);
    };
    let file = path.display().to_string();
    let preview = app
        .state::<AppState>()
        .run(move |s| s.preview_restore(&file))
        .await?;
    *app.state::<ChosenBackup>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some(path);
    Ok(Some(preview))
}

/// Restores the file chosen with [`choose_backup_file`].
#[tauri::command]
pub async fn restore_chosen_backup(app: AppHandle) -> Result<RestorePreview, ApiError> {
    let path = app
        .state::<ChosenBackup>()
        .0
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .ok_or_else(|| ApiError::new(ErrorCode::Validation, "Choose a backup file first."))?;
    let file = path.display().to_string();
    app.state::<AppState>()
        .run(move |s| s.restore_backup(&file))
        .await
}
