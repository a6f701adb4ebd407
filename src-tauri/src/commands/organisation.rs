//! The organisation profile.

use steward_api::{ApiError, Organisation, OrganisationInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn get_organisation(state: State<'_, AppState>) -> Result<Organisation, ApiError> {
    state.with(|s| s.get_organisation())
}

#[tauri::command]
pub fn update_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
    base: Option<String>,
) -> Result<Organisation, ApiError> {
    state.with(|s| s.update_organisation(input, base.as_deref()))
}
