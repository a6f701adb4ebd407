//! Reference data: countries and the processor catalogue.

use steward_api::{ApiError, CountryOption, ProcessorCatalogue, Recipient};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_countries(state: State<'_, AppState>) -> Result<Vec<CountryOption>, ApiError> {
    state.with(|s| s.list_countries())
}

#[tauri::command]
pub fn get_processor_catalogue(state: State<'_, AppState>) -> Result<ProcessorCatalogue, ApiError> {
    state.with(|s| s.get_processor_catalogue())
}

#[tauri::command]
pub fn add_recipient_from_catalogue(
    state: State<'_, AppState>,
    catalogue_id: String,
) -> Result<Recipient, ApiError> {
    state.with(|s| s.add_recipient_from_catalogue(&catalogue_id))
}
