//! The draft privacy policy: its preview (sections, the records behind each
//! clause, the checklist), a person's own text for its sections, the saved
//! versions and what changed since the last, and its export as Markdown,
//! HTML or PDF.

use steward_api::{ApiError, PolicyEdit, PolicyEditInput, PolicyVersion};
use steward_docs::policy::PolicyDraft;
use steward_docs::policy::changes::PolicyChanges;
use steward_docs::{ExportedFile, PolicyFormat};
use tauri::{AppHandle, Manager, State};

use super::documents::{Documents, internal, today, write_atomically};
use crate::state::AppState;

/// The draft as the register stands now.
#[tauri::command]
pub async fn get_policy_draft(state: State<'_, AppState>) -> Result<PolicyDraft, ApiError> {
    state
        .run(move |s| {
            Ok(steward_docs::policy::draft(
                &s.export_register_with_bases()?,
            ))
        })
        .await
}

/// Asks where to save the draft in `format`, then writes it. `None` when
/// the person cancels the dialog.
#[tauri::command]
pub async fn export_policy(
    app: AppHandle,
    format: PolicyFormat,
) -> Result<Option<ExportedFile>, ApiError> {
    let docs = app.state::<Documents>();
    let ext = format.extension();
    let name = format!("privacy-policy-{}.{ext}", today());
    let kind = match format {
        PolicyFormat::Markdown => "Markdown document",
        PolicyFormat::Html => "Web page",
        PolicyFormat::Pdf => "PDF document",
    };
    let Some(path) = docs.save_path(&app, &name, kind, ext) else {
        return Ok(None);
    };
    let register = app.state::<AppState>().run(|s| s.export_register()).await?;
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        let draft = steward_docs::policy::draft(&register);
        steward_docs::policy_document(&draft, format, jiff::Timestamp::now())
    })
    .await
    .map_err(internal)?
    .map_err(internal)?;
    write_atomically(&path, &bytes)?;
    Ok(Some(docs.finish(path)))
}

/// The draft compared with the version last saved.
#[tauri::command]
pub async fn get_policy_changes(state: State<'_, AppState>) -> Result<PolicyChanges, ApiError> {
    state
        .run(move |s| Ok(steward_docs::policy::current_changes(&s.export_register()?)))
        .await
}

/// Saves the draft as it reads now as a version, with the person's `note`.
#[tauri::command]
pub async fn save_policy_version(
    state: State<'_, AppState>,
    note: String,
) -> Result<PolicyVersion, ApiError> {
    state
        .run(move |s| {
            let markdown = steward_docs::policy::draft_markdown(&s.export_register()?);
            s.save_policy_version(&markdown, &note)
        })
        .await
}

#[tauri::command]
pub async fn save_policy_edit(
    state: State<'_, AppState>,
    input: PolicyEditInput,
    base: Option<String>,
) -> Result<PolicyEdit, ApiError> {
    state
        .run(move |s| s.save_policy_edit(&input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_policy_edit(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<PolicyEdit, ApiError> {
    state
        .run(move |s| s.delete_policy_edit(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_policy_edit(
    state: State<'_, AppState>,
    id: String,
) -> Result<PolicyEdit, ApiError> {
    state.run(move |s| s.restore_policy_edit(&id)).await
}
