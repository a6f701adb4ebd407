//! Exports and the spreadsheet import. The web view never names a file: the
//! native save and open dialogs are opened here, in Rust, and the chosen
//! path stays here ("open the folder" reveals the last export). Long work
//! runs off the main thread and reports its stage as `export-progress`
//! events. Files are written beside their destination and renamed into
//! place, so a crash never leaves half a document under the chosen name.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use steward_api::{ApiError, ErrorCode};
use steward_docs::{ExportedFile, RopaRequest};
use steward_sheets::ico_import::{IcoPreview, import_ico, import_ico_rows};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// Where the last export went, and the spreadsheet waiting to be imported.
#[derive(Default)]
pub struct Documents {
    last_export: Mutex<Option<PathBuf>>,
    pending_import: Mutex<Option<(Vec<u8>, bool)>>,
    /// For end-to-end tests (`--dialog-dir`): saves go to this folder under
    /// their suggested name, and the open dialog picks its `import.*` file.
    pub dialog_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Progress {
    step: u8,
    steps: u8,
    stage: &'static str,
}

fn io_error(path: &Path, e: &std::io::Error) -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        format!(
            "Could not write {}: {e}. Choose another folder, or free some space.",
            path.display()
        ),
    )
}

pub(crate) fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, e.to_string())
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// synced before it is renamed into place.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ApiError> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(folder).map_err(|e| io_error(path, &e))?;
    temp.write_all(bytes).map_err(|e| io_error(path, &e))?;
    temp.as_file().sync_all().map_err(|e| io_error(path, &e))?;
    temp.persist(path).map_err(|e| io_error(path, &e.error))?;
    Ok(())
}

impl Documents {
    pub(crate) fn save_path(
        &self,
        app: &AppHandle,
        name: &str,
        kind: &str,
        ext: &str,
    ) -> Option<PathBuf> {
        if let Some(dir) = &self.dialog_dir {
            return Some(dir.join(name));
        }
        app.dialog()
            .file()
            .set_title(format!("Save the {kind}"))
            .set_file_name(name)
            .add_filter(kind, &[ext])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    }

    fn open_path(&self, app: &AppHandle) -> Option<PathBuf> {
        if let Some(dir) = &self.dialog_dir {
            return std::fs::read_dir(dir)
                .ok()?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .find(|p| p.file_stem().is_some_and(|s| s == "import"));
        }
        app.dialog()
            .file()
            .set_title("Import a spreadsheet in the ICO layout")
            .add_filter("Spreadsheet (ICO layout)", &["xlsx", "ods", "csv"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    }

    pub(crate) fn finish(&self, path: PathBuf) -> ExportedFile {
        let done = ExportedFile {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            folder: path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        };
        *self.last_export.lock().unwrap_or_else(|e| e.into_inner()) = Some(path);
        done
    }
}

impl Documents {
    pub fn new(dialog_dir: Option<PathBuf>) -> Documents {
        Documents {
            dialog_dir,
            ..Documents::default()
        }
    }
}

fn progress(app: &AppHandle, step: u8, stage: &'static str) {
    let _ = app.emit(
        "export-progress",
        Progress {
            step,
            steps: 3,
            stage,
        },
    );
}

pub(crate) fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// Asks where to save the record, then typesets and writes it. `None` when
/// the person cancels the dialog.
#[tauri::command]
pub async fn export_ropa(
    app: AppHandle,
    request: RopaRequest,
) -> Result<Option<ExportedFile>, ApiError> {
    let options = request.options(jiff::Timestamp::now())?;
    let docs = app.state::<Documents>();
    let name = format!("record-of-processing-activities-{}.pdf", today());
    let Some(path) = docs.save_path(&app, &name, "PDF document", "pdf") else {
        return Ok(None);
    };
    progress(&app, 1, "Reading the register");
    let since = options.history_since;
    let (register, reviews, changes) = app
        .state::<AppState>()
        .run(move |s| {
            let changes = match since {
                Some(since) => s.list_changes_since(since)?,
                None => vec![],
            };
            Ok((s.export_register()?, s.list_activity_reviews()?, changes))
        })
        .await?;
    progress(&app, 2, "Typesetting the record");
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        steward_docs::ropa_pdf(&register, &reviews, &changes, &options)
    })
    .await
    .map_err(internal)?
    .map_err(internal)?;
    progress(&app, 3, "Writing the file");
    write_atomically(&path, &bytes)?;
    Ok(Some(docs.finish(path)))
}

/// Asks where to save the register in the ICO layout (`xlsx` or `csv`),
/// then writes it. `None` when the person cancels the dialog.
#[tauri::command]
pub async fn export_spreadsheet(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
) -> Result<Option<ExportedFile>, ApiError> {
    let xlsx = match format.as_str() {
        "xlsx" => true,
        "csv" => false,
        other => {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!("\"{other}\" is not a spreadsheet format: use xlsx or csv."),
            ));
        }
    };
    let docs = app.state::<Documents>();
    let name = format!("register-ico-layout-{}.{format}", today());
    let kind = if xlsx { "Excel workbook" } else { "CSV file" };
    let Some(path) = docs.save_path(&app, &name, kind, &format) else {
        return Ok(None);
    };
    let register = state.run(|s| s.export_register()).await?;
    let bytes = if xlsx {
        steward_sheets::ico::xlsx(&register)
    } else {
        steward_sheets::ico::csv(&register)
    }
    .map_err(internal)?;
    write_atomically(&path, &bytes)?;
    Ok(Some(docs.finish(path)))
}

/// Opens the folder of the last export in the system's file manager.
#[tauri::command]
pub fn reveal_export(app: AppHandle) -> Result<(), ApiError> {
    let docs = app.state::<Documents>();
    let last = docs
        .last_export
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "Nothing has been exported yet."))?;
    let folder = last.parent().unwrap_or(Path::new("."));
    open::that_detached(folder).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("Could not open the folder {}: {e}", folder.display()),
        )
    })
}

/// Asks for a spreadsheet, reads it and checks every row; nothing changes.
/// The file waits for [`apply_ico_import`]. `None` when the person cancels.
#[tauri::command]
pub async fn preview_ico_import(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<IcoPreview>, ApiError> {
    let docs = app.state::<Documents>();
    let Some(path) = docs.open_path(&app) else {
        return Ok(None);
    };
    let limits = steward_sheets::ico_import::Limits::default();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > limits.max_file as u64 {
        return Err(ApiError::new(
            ErrorCode::Validation,
            format!(
                "{} is larger than {} MB. Nothing was imported.",
                path.display(),
                limits.max_file >> 20
            ),
        ));
    }
    let bytes = steward_api::read_bounded(&path, limits.max_file as u64, "a spreadsheet")?;
    let xlsx = bytes.starts_with(b"PK");
    let (preview, bytes) = state
        .run(move |s| Ok((import_ico(s, &bytes, xlsx, false)?, bytes)))
        .await?;
    *docs
        .pending_import
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some((bytes, xlsx));
    Ok(Some(preview))
}

/// Adds the previewed spreadsheet to the register, all or nothing, but the
/// rows the person unticked (`leave_out`, as the sheet numbers them).
#[tauri::command]
pub async fn apply_ico_import(
    app: AppHandle,
    state: State<'_, AppState>,
    leave_out: Vec<usize>,
) -> Result<IcoPreview, ApiError> {
    let docs = app.state::<Documents>();
    let (bytes, xlsx) = docs
        .pending_import
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::Validation,
                "Choose a spreadsheet to import first.",
            )
        })?;
    state
        .run(move |s| Ok(import_ico_rows(s, &bytes, xlsx, true, &leave_out)?))
        .await
}
