//! Reference data: countries and the processor catalogue.

use steward_api::{ApiError, CountryOption, ProcessorCatalogue, Recipient};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_countries(state: State<'_, AppState>) -> Result<Vec<CountryOption>, ApiError> {
    state.run(move |s| s.list_countries()).await
}

#[tauri::command]
pub async fn get_processor_catalogue(
    state: State<'_, AppState>,
) -> Result<ProcessorCatalogue, ApiError> {
    state.run(move |s| s.get_processor_catalogue()).await
}

#[tauri::command]
pub async fn add_recipient_from_catalogue(
    state: State<'_, AppState>,
    catalogue_id: String,
) -> Result<Recipient, ApiError> {
    state
        .run(move |s| s.add_recipient_from_catalogue(&catalogue_id))
        .await
}
