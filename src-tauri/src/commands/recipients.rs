//! The register of recipients and processors.

use steward_api::{ApiError, Recipient, RecipientInput, RecipientUse};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_recipients(state: State<'_, AppState>) -> Result<Vec<Recipient>, ApiError> {
    state.with(|s| s.list_recipients())
}

#[tauri::command]
pub fn get_recipient(state: State<'_, AppState>, id: String) -> Result<Recipient, ApiError> {
    state.with(|s| s.get_recipient(&id))
}

#[tauri::command]
pub fn create_recipient(
    state: State<'_, AppState>,
    input: RecipientInput,
) -> Result<Recipient, ApiError> {
    state.with(|s| s.create_recipient(input))
}

#[tauri::command]
pub fn update_recipient(
    state: State<'_, AppState>,
    id: String,
    input: RecipientInput,
    base: Option<String>,
) -> Result<Recipient, ApiError> {
    state.with(|s| s.update_recipient(&id, input, base.as_deref()))
}

#[tauri::command]
pub fn delete_recipient(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Recipient, ApiError> {
    state.with(|s| s.delete_recipient(&id, base.as_deref()))
}

#[tauri::command]
pub fn restore_recipient(state: State<'_, AppState>, id: String) -> Result<Recipient, ApiError> {
    state.with(|s| s.restore_recipient(&id))
}

#[tauri::command]
pub fn list_recipient_uses(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<RecipientUse>, ApiError> {
    state.with(|s| s.list_recipient_uses(&id))
}
