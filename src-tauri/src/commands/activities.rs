//! Processing activities.

use steward_api::{Activity, ActivityInput, ActivityReview, ActivityReviewRow, ApiError};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_activities(state: State<'_, AppState>) -> Result<Vec<Activity>, ApiError> {
    state.with(|s| s.list_activities())
}

#[tauri::command]
pub fn get_activity(state: State<'_, AppState>, id: String) -> Result<Activity, ApiError> {
    state.with(|s| s.get_activity(&id))
}

#[tauri::command]
pub fn create_activity(
    state: State<'_, AppState>,
    input: ActivityInput,
) -> Result<Activity, ApiError> {
    state.with(|s| s.create_activity(input))
}

#[tauri::command]
pub fn update_activity(
    state: State<'_, AppState>,
    id: String,
    input: ActivityInput,
    base: Option<String>,
) -> Result<Activity, ApiError> {
    state.with(|s| s.update_activity(&id, input, base.as_deref()))
}

#[tauri::command]
pub fn delete_activity(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Activity, ApiError> {
    state.with(|s| s.delete_activity(&id, base.as_deref()))
}

#[tauri::command]
pub fn restore_activity(state: State<'_, AppState>, id: String) -> Result<Activity, ApiError> {
    state.with(|s| s.restore_activity(&id))
}

#[tauri::command]
pub fn duplicate_activity(state: State<'_, AppState>, id: String) -> Result<Activity, ApiError> {
    state.with(|s| s.duplicate_activity(&id))
}

#[tauri::command]
pub fn get_activity_review(
    state: State<'_, AppState>,
    id: String,
) -> Result<ActivityReview, ApiError> {
    state.with(|s| s.get_activity_review(&id))
}

#[tauri::command]
pub fn list_activity_reviews(
    state: State<'_, AppState>,
) -> Result<Vec<ActivityReviewRow>, ApiError> {
    state.with(|s| s.list_activity_reviews())
}
