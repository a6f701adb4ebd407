//! Exchanging changes with the other laptops: the shared folder (chosen in a
//! native folder dialog opened here), change files saved and opened through
//! native dialogs, and the conflicts a person resolves. As for exports, the
//! web view never names a path. The folder sync and the imports run off the
//! main thread: a network share can take seconds.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use steward_api::{
    ApiError, ChangeImport, Conflict, ErrorCode, ExportScope, NewerValue, ResolveConflictInput,
    SyncReport, SyncStatus, is_encrypted, passphrase_needed,
};
use steward_docs::ExportedFile;
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::documents::{Documents, internal, write_atomically};
use crate::state::AppState;

/// Runs one API action on a worker thread, so that the window stays
/// responsive while the folder or a large file is read.
async fn in_background<T: Send + 'static>(
    app: &AppHandle,
    action: impl FnOnce(&mut steward_api::Steward) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    app.state::<AppState>().run(action).await
}

/// The folder to sync with: the native folder dialog, or for end-to-end
/// tests (`--dialog-dir`) its `shared` sub-folder.
fn pick_folder(app: &AppHandle) -> Option<PathBuf> {
    if let Some(dir) = &app.state::<Documents>().dialog_dir {
        return Some(dir.join("shared"));
    }
    app.dialog()
        .file()
        .set_title("Choose the folder your sync tool shares")
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

/// A change file to open: the native dialog, or for end-to-end tests the
/// first `.chg` (or encrypted `.chg.age`) file of the `--dialog-dir` folder.
fn pick_change_file(app: &AppHandle, title: &str) -> Option<PathBuf> {
    if let Some(dir) = &app.state::<Documents>().dialog_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "chg" || e == "age"))
            .collect();
        files.sort();
        return files.into_iter().next();
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter("Steward change file", &["chg", "age"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// An encrypted change file that was chosen and waits for its passphrase,
/// so that the person types it without choosing the file again.
#[derive(Default)]
pub struct PendingFile(Mutex<Option<Pending>>);

struct Pending {
    name: String,
    bytes: Vec<u8>,
    join: bool,
}

impl PendingFile {
    fn set(&self, pending: Option<Pending>) -> Result<(), ApiError> {
        *self.0.lock().map_err(internal)? = pending;
        Ok(())
    }

    /// The waiting file's name, contents and whether it is a starter file.
    fn get(&self) -> Result<Option<(String, Vec<u8>, bool)>, ApiError> {
        let guard = self.0.lock().map_err(internal)?;
        Ok(guard
            .as_ref()
            .map(|p| (p.name.clone(), p.bytes.clone(), p.join)))
    }
}

/// Imports (or joins with) a chosen file. An encrypted one is kept for
/// [`open_encrypted_changes`] and the API's "enter the passphrase" error,
/// on the field `passphrase`, goes back to the window.
async fn import_chosen(app: &AppHandle, path: &Path, join: bool) -> Result<ChangeImport, ApiError> {
    let (name, bytes) = read_change_file(path)?;
    if is_encrypted(&bytes) {
        let error = passphrase_needed(&name);
        *app.state::<PendingFile>().0.lock().map_err(internal)? =
            Some(Pending { name, bytes, join });
        return Err(error);
    }
    in_background(app, move |s| {
        if join {
            s.join_organisation(&name, &bytes)
        } else {
            s.import_changes(&name, &bytes)
        }
    })
    .await
}

fn read_change_file(path: &Path) -> Result<(String, Vec<u8>), ApiError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let bytes = steward_api::read_bounded(path, steward_api::CHANGE_FILE_LIMIT, "a change file")?;
    Ok((name, bytes))
}

#[tauri::command]
pub async fn get_sync_status(state: State<'_, AppState>) -> Result<SyncStatus, ApiError> {
    state.run(move |s| s.sync_status()).await
}

/// Asks for the shared folder, remembers it and syncs with it at once.
/// `None` when the person cancels the dialog.
#[tauri::command]
pub async fn choose_sync_folder(app: AppHandle) -> Result<Option<SyncReport>, ApiError> {
    let Some(folder) = pick_folder(&app) else {
        return Ok(None);
    };
    in_background(&app, move |s| s.sync_folder(&folder))
        .await
        .map(Some)
}

/// Writes this laptop's new changes to the chosen folder and imports the
/// others'.
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Result<SyncReport, ApiError> {
    in_background(&app, |s| {
        let folder = s.sync_status()?.folder.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Validation,
                "No shared folder was chosen yet: choose the folder your sync tool shares.",
            )
        })?;
        s.sync_folder(Path::new(&folder))
    })
    .await
}

#[tauri::command]
pub async fn set_sync_automatically(
    state: State<'_, AppState>,
    enabled: bool,
) -> Result<SyncStatus, ApiError> {
    state.run(move |s| s.set_sync_automatically(enabled)).await
}

/// Asks where to save a change file, then writes it: this laptop's changes
/// (for email), or every change (a starter file for a new volunteer);
/// encrypted when a passphrase is given. `None` when the person cancels
/// the dialog.
#[tauri::command]
pub async fn export_changes(
    app: AppHandle,
    everything: bool,
    passphrase: Option<String>,
) -> Result<Option<ExportedFile>, ApiError> {
    let scope = if everything {
        ExportScope::Everything
    } else {
        ExportScope::Mine
    };
    let encrypted = passphrase.is_some();
    let export = in_background(&app, move |s| {
        let export = s.export_changes(scope)?;
        match passphrase {
            Some(passphrase) => export.encrypted(&passphrase),
            None => Ok(export),
        }
    })
    .await?;
    let docs = app.state::<Documents>();
    let kind = match (everything, encrypted) {
        (true, false) => "starter file",
        (false, false) => "change file",
        (true, true) => "encrypted starter file",
        (false, true) => "encrypted change file",
    };
    let ext = if encrypted { "age" } else { "chg" };
    let Some(path) = docs.save_path(&app, &export.name, kind, ext) else {
        return Ok(None);
    };
    write_atomically(&path, &export.bytes)?;
    Ok(Some(docs.finish(path)))
}

/// Asks for a change file and imports it, all or nothing.
#[tauri::command]
pub async fn import_changes(app: AppHandle) -> Result<Option<ChangeImport>, ApiError> {
    let Some(path) = pick_change_file(&app, "Import changes from a change file") else {
        return Ok(None);
    };
    import_chosen(&app, &path, false).await.map(Some)
}

/// On a new laptop with an empty register: asks for the starter file and
/// takes on its organisation and register.
#[tauri::command]
pub async fn join_organisation(app: AppHandle) -> Result<Option<ChangeImport>, ApiError> {
    let Some(path) = pick_change_file(&app, "Open the starter file of your organisation") else {
        return Ok(None);
    };
    import_chosen(&app, &path, true).await.map(Some)
}

/// Opens the encrypted file chosen last with its passphrase and imports it
/// (or joins with it). A wrong passphrase keeps the file waiting, so the
/// person can try again.
#[tauri::command]
pub async fn open_encrypted_changes(
    app: AppHandle,
    passphrase: String,
) -> Result<ChangeImport, ApiError> {
    let pending = app.state::<PendingFile>().get()?;
    let Some((name, bytes, join)) = pending else {
        return Err(ApiError::new(
            ErrorCode::Validation,
            "No encrypted change file waits for its passphrase: choose the file again.",
        ));
    };
    let imported = in_background(&app, move |s| {
        let plain = s.decrypt_changes(&name, &bytes, &passphrase)?;
        if join {
            s.join_organisation(&name, &plain)
        } else {
            s.import_changes(&name, &plain)
        }
    })
    .await?;
    app.state::<PendingFile>().set(None)?;
    Ok(imported)
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, AppState>) -> Result<Vec<Conflict>, ApiError> {
    state.run(move |s| s.list_conflicts()).await
}

#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, AppState>,
    input: ResolveConflictInput,
) -> Result<(), ApiError> {
    state.run(move |s| s.resolve_conflict(input)).await
}

/// Syncs with the folder if the person turned on "sync when Steward starts
/// and quits". At start it runs in the background and tells the window with
/// a `sync-finished` event; at quit the caller waits for it. Problems are
/// kept in the sync report or printed: there is no window to show them.
pub fn sync_automatically(app: &AppHandle) {
    match app.state::<AppState>().with(|s| s.sync_automatically()) {
        Ok(Some(report)) => {
            let _ = app.emit("sync-finished", report);
        }
        Ok(None) => {}
        Err(error) => eprintln!("Steward: automatic sync failed: {}", error.message),
    }
}

#[tauri::command]
pub async fn list_newer_values(state: State<'_, AppState>) -> Result<Vec<NewerValue>, ApiError> {
    state.run(move |s| s.list_newer_values()).await
}

#[tauri::command]
pub async fn dismiss_refused_file(
    state: State<'_, AppState>,
    id: String,
) -> Result<SyncStatus, ApiError> {
    state.run(move |s| s.dismiss_refused_file(&id)).await
}

/// Changes whenever the register may have changed (see `register_version`).
#[tauri::command]
pub async fn get_register_version(state: State<'_, AppState>) -> Result<String, ApiError> {
    state.run(|s| s.register_version()).await
}
