//! Organisations that give us personal data about people.

use steward_api::{ApiError, SourceOrganisation, SourceOrganisationInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_source_organisations(
    state: State<'_, AppState>,
) -> Result<Vec<SourceOrganisation>, ApiError> {
    state.with(|s| s.list_source_organisations())
}

#[tauri::command]
pub fn get_source_organisation(
    state: State<'_, AppState>,
    id: String,
) -> Result<SourceOrganisation, ApiError> {
    state.with(|s| s.get_source_organisation(&id))
}

#[tauri::command]
pub fn create_source_organisation(
    state: State<'_, AppState>,
    input: SourceOrganisationInput,
) -> Result<SourceOrganisation, ApiError> {
    state.with(|s| s.create_source_organisation(input))
}

#[tauri::command]
pub fn update_source_organisation(
    state: State<'_, AppState>,
    id: String,
    input: SourceOrganisationInput,
    base: Option<String>,
) -> Result<SourceOrganisation, ApiError> {
    state.with(|s| s.update_source_organisation(&id, input, base.as_deref()))
}

#[tauri::command]
pub fn delete_source_organisation(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<SourceOrganisation, ApiError> {
    state.with(|s| s.delete_source_organisation(&id, base.as_deref()))
}

#[tauri::command]
pub fn restore_source_organisation(
    state: State<'_, AppState>,
    id: String,
) -> Result<SourceOrganisation, ApiError> {
    state.with(|s| s.restore_source_organisation(&id))
}
