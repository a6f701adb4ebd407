//! The register of recipients and processors.

use steward_api::{ApiError, Recipient, RecipientInput, RecipientUse};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_recipients(state: State<'_, AppState>) -> Result<Vec<Recipient>, ApiError> {
    state.run(move |s| s.list_recipients()).await
}

#[tauri::command]
pub async fn get_recipient(state: State<'_, AppState>, id: String) -> Result<Recipient, ApiError> {
    state.run(move |s| s.get_recipient(&id)).await
}

#[tauri::command]
pub async fn create_recipient(
    state: State<'_, AppState>,
    input: RecipientInput,
) -> Result<Recipient, ApiError> {
    state.run(move |s| s.create_recipient(input)).await
}

#[tauri::command]
pub async fn update_recipient(
    state: State<'_, AppState>,
    id: String,
    input: RecipientInput,
    base: Option<String>,
) -> Result<Recipient, ApiError> {
    state
        .run(move |s| s.update_recipient(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_recipient(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Recipient, ApiError> {
    state
        .run(move |s| s.delete_recipient(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_recipient(
    state: State<'_, AppState>,
    id: String,
) -> Result<Recipient, ApiError> {
    state.run(move |s| s.restore_recipient(&id)).await
}

#[tauri::command]
pub async fn list_recipient_uses(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<RecipientUse>, ApiError> {
    state.run(move |s| s.list_recipient_uses(&id)).await
}
