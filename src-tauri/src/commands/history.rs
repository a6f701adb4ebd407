//! The change history of records, read from the op log.

use steward_api::{ApiError, HistoryEntry, RecordKind};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_history(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: String,
) -> Result<Vec<HistoryEntry>, ApiError> {
    state.run(move |s| s.get_history(kind, &id)).await
}

#[tauri::command]
pub async fn get_organisation_history(
    state: State<'_, AppState>,
) -> Result<Vec<HistoryEntry>, ApiError> {
    state.run(move |s| s.get_organisation_history()).await
}

#[tauri::command]
pub async fn get_device_name(state: State<'_, AppState>) -> Result<String, ApiError> {
    state.run(move |s| s.get_device_name()).await
}

#[tauri::command]
pub async fn set_device_name(state: State<'_, AppState>, name: String) -> Result<String, ApiError> {
    state.run(move |s| s.set_device_name(&name)).await
}
