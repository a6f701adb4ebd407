//! Processing activities.

use steward_api::{Activity, ActivityInput, ActivityReview, ActivityReviewRow, ApiError};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_activities(state: State<'_, AppState>) -> Result<Vec<Activity>, ApiError> {
    state.run(move |s| s.list_activities()).await
}

#[tauri::command]
pub async fn get_activity(state: State<'_, AppState>, id: String) -> Result<Activity, ApiError> {
    state.run(move |s| s.get_activity(&id)).await
}

#[tauri::command]
pub async fn create_activity(
    state: State<'_, AppState>,
    input: ActivityInput,
) -> Result<Activity, ApiError> {
    state.run(move |s| s.create_activity(input)).await
}

#[tauri::command]
pub async fn update_activity(
    state: State<'_, AppState>,
    id: String,
    input: ActivityInput,
    base: Option<String>,
) -> Result<Activity, ApiError> {
    state
        .run(move |s| s.update_activity(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_activity(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Activity, ApiError> {
    state
        .run(move |s| s.delete_activity(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_activity(
    state: State<'_, AppState>,
    id: String,
) -> Result<Activity, ApiError> {
    state.run(move |s| s.restore_activity(&id)).await
}

#[tauri::command]
pub async fn duplicate_activity(
    state: State<'_, AppState>,
    id: String,
) -> Result<Activity, ApiError> {
    state.run(move |s| s.duplicate_activity(&id)).await
}

#[tauri::command]
pub async fn get_activity_review(
    state: State<'_, AppState>,
    id: String,
) -> Result<ActivityReview, ApiError> {
    state.run(move |s| s.get_activity_review(&id)).await
}

#[tauri::command]
pub async fn list_activity_reviews(
    state: State<'_, AppState>,
) -> Result<Vec<ActivityReviewRow>, ApiError> {
    state.run(move |s| s.list_activity_reviews()).await
}
