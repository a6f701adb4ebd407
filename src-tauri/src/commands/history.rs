//! The change history of records, read from the op log.

use steward_api::{ApiError, HistoryEntry, RecordKind};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn get_history(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
) -> Result<Vec<HistoryEntry>, ApiError> {
    state.with(|s| s.get_history(kind, &id))
}

#[tauri::command]
pub fn get_organisation_history(state: State<'_, AppState>) -> Result<Vec<HistoryEntry>, ApiError> {
    state.with(|s| s.get_organisation_history())
}

#[tauri::command]
pub fn get_device_name(state: State<'_, AppState>) -> Result<String, ApiError> {
    state.with(|s| s.get_device_name())
}

#[tauri::command]
pub fn set_device_name(state: State<'_, AppState>, name: String) -> Result<String, ApiError> {
    state.with(|s| s.set_device_name(&name))
}
