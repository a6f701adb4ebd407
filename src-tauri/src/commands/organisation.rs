//! The organisation profile.

use steward_api::{ApiError, Organisation, OrganisationInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_organisation(state: State<'_, AppState>) -> Result<Organisation, ApiError> {
    state.run(move |s| s.get_organisation()).await
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
    base: Option<String>,
) -> Result<Organisation, ApiError> {
    state
        .run(move |s| s.update_organisation(input, base.as_deref()))
        .await
}
