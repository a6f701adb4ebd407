//! Organisations that give us personal data about people.

use steward_api::{ApiError, SourceOrganisation, SourceOrganisationInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_source_organisations(
    state: State<'_, AppState>,
) -> Result<Vec<SourceOrganisation>, ApiError> {
    state.run(move |s| s.list_source_organisations()).await
}

#[tauri::command]
pub async fn get_source_organisation(
    state: State<'_, AppState>,
    id: String,
) -> Result<SourceOrganisation, ApiError> {
    state.run(move |s| s.get_source_organisation(&id)).await
}

#[tauri::command]
pub async fn create_source_organisation(
    state: State<'_, AppState>,
    input: SourceOrganisationInput,
) -> Result<SourceOrganisation, ApiError> {
    state
        .run(move |s| s.create_source_organisation(input))
        .await
}

#[tauri::command]
pub async fn update_source_organisation(
    state: State<'_, AppState>,
    id: String,
    input: SourceOrganisationInput,
    base: Option<String>,
) -> Result<SourceOrganisation, ApiError> {
    state
        .run(move |s| s.update_source_organisation(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_source_organisation(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<SourceOrganisation, ApiError> {
    state
        .run(move |s| s.delete_source_organisation(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_source_organisation(
    state: State<'_, AppState>,
    id: String,
) -> Result<SourceOrganisation, ApiError> {
    state.run(move |s| s.restore_source_organisation(&id)).await
}
