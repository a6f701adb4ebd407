//! What one activity covers, shares and keeps: its groups of people and
//! their data, its sources, its recipients (with their role), transfers
//! outside the EEA and retention rules.

use steward_api::{
    ActivityRecipient, ActivityRecipientInput, ActivitySource, ActivitySourceInput, ApiError,
    Purpose, PurposeInput, RetentionRule, RetentionRuleInput, SubjectGroup, SubjectGroupInput,
    Transfer, TransferInput,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_activity_recipients(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<ActivityRecipient>, ApiError> {
    state
        .run(move |s| s.list_activity_recipients(&activity_id))
        .await
}

#[tauri::command]
pub async fn create_activity_recipient(
    state: State<'_, AppState>,
    input: ActivityRecipientInput,
) -> Result<ActivityRecipient, ApiError> {
    state.run(move |s| s.create_activity_recipient(input)).await
}

#[tauri::command]
pub async fn update_activity_recipient(
    state: State<'_, AppState>,
    id: String,
    input: ActivityRecipientInput,
    base: Option<String>,
) -> Result<ActivityRecipient, ApiError> {
    state
        .run(move |s| s.update_activity_recipient(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_activity_recipient(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<ActivityRecipient, ApiError> {
    state
        .run(move |s| s.delete_activity_recipient(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_activity_recipient(
    state: State<'_, AppState>,
    id: String,
) -> Result<ActivityRecipient, ApiError> {
    state.run(move |s| s.restore_activity_recipient(&id)).await
}

#[tauri::command]
pub async fn list_transfers(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<Transfer>, ApiError> {
    state.run(move |s| s.list_transfers(&activity_id)).await
}

#[tauri::command]
pub async fn create_transfer(
    state: State<'_, AppState>,
    input: TransferInput,
) -> Result<Transfer, ApiError> {
    state.run(move |s| s.create_transfer(input)).await
}

#[tauri::command]
pub async fn update_transfer(
    state: State<'_, AppState>,
    id: String,
    input: TransferInput,
    base: Option<String>,
) -> Result<Transfer, ApiError> {
    state
        .run(move |s| s.update_transfer(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_transfer(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Transfer, ApiError> {
    state
        .run(move |s| s.delete_transfer(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_transfer(
    state: State<'_, AppState>,
    id: String,
) -> Result<Transfer, ApiError> {
    state.run(move |s| s.restore_transfer(&id)).await
}

#[tauri::command]
pub async fn list_retention_rules(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<RetentionRule>, ApiError> {
    state
        .run(move |s| s.list_retention_rules(&activity_id))
        .await
}

#[tauri::command]
pub async fn create_retention_rule(
    state: State<'_, AppState>,
    input: RetentionRuleInput,
) -> Result<RetentionRule, ApiError> {
    state.run(move |s| s.create_retention_rule(input)).await
}

#[tauri::command]
pub async fn update_retention_rule(
    state: State<'_, AppState>,
    id: String,
    input: RetentionRuleInput,
    base: Option<String>,
) -> Result<RetentionRule, ApiError> {
    state
        .run(move |s| s.update_retention_rule(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_retention_rule(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<RetentionRule, ApiError> {
    state
        .run(move |s| s.delete_retention_rule(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_retention_rule(
    state: State<'_, AppState>,
    id: String,
) -> Result<RetentionRule, ApiError> {
    state.run(move |s| s.restore_retention_rule(&id)).await
}

#[tauri::command]
pub async fn list_subject_groups(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<SubjectGroup>, ApiError> {
    state
        .run(move |s| s.list_subject_groups(&activity_id))
        .await
}

#[tauri::command]
pub async fn create_subject_group(
    state: State<'_, AppState>,
    input: SubjectGroupInput,
) -> Result<SubjectGroup, ApiError> {
    state.run(move |s| s.create_subject_group(input)).await
}

#[tauri::command]
pub async fn update_subject_group(
    state: State<'_, AppState>,
    id: String,
    input: SubjectGroupInput,
    base: Option<String>,
) -> Result<SubjectGroup, ApiError> {
    state
        .run(move |s| s.update_subject_group(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_subject_group(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<SubjectGroup, ApiError> {
    state
        .run(move |s| s.delete_subject_group(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_subject_group(
    state: State<'_, AppState>,
    id: String,
) -> Result<SubjectGroup, ApiError> {
    state.run(move |s| s.restore_subject_group(&id)).await
}

#[tauri::command]
pub async fn list_activity_sources(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<ActivitySource>, ApiError> {
    state
        .run(move |s| s.list_activity_sources(&activity_id))
        .await
}

#[tauri::command]
pub async fn create_activity_source(
    state: State<'_, AppState>,
    input: ActivitySourceInput,
) -> Result<ActivitySource, ApiError> {
    state.run(move |s| s.create_activity_source(input)).await
}

#[tauri::command]
pub async fn update_activity_source(
    state: State<'_, AppState>,
    id: String,
    input: ActivitySourceInput,
    base: Option<String>,
) -> Result<ActivitySource, ApiError> {
    state
        .run(move |s| s.update_activity_source(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_activity_source(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<ActivitySource, ApiError> {
    state
        .run(move |s| s.delete_activity_source(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_activity_source(
    state: State<'_, AppState>,
    id: String,
) -> Result<ActivitySource, ApiError> {
    state.run(move |s| s.restore_activity_source(&id)).await
}

#[tauri::command]
pub async fn list_purposes(
    state: State<'_, AppState>,
    activity_id: String,
) -> Result<Vec<Purpose>, ApiError> {
    state.run(move |s| s.list_purposes(&activity_id)).await
}

#[tauri::command]
pub async fn create_purpose(
    state: State<'_, AppState>,
    input: PurposeInput,
) -> Result<Purpose, ApiError> {
    state.run(move |s| s.create_purpose(input)).await
}

#[tauri::command]
pub async fn update_purpose(
    state: State<'_, AppState>,
    id: String,
    input: PurposeInput,
    base: Option<String>,
) -> Result<Purpose, ApiError> {
    state
        .run(move |s| s.update_purpose(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_purpose(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Purpose, ApiError> {
    state
        .run(move |s| s.delete_purpose(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_purpose(state: State<'_, AppState>, id: String) -> Result<Purpose, ApiError> {
    state.run(move |s| s.restore_purpose(&id)).await
}

#[tauri::command]
pub async fn list_all_transfers(state: State<'_, AppState>) -> Result<Vec<Transfer>, ApiError> {
    state.run(move |s| s.list_all_transfers()).await
}

#[tauri::command]
pub async fn list_all_retention_rules(
    state: State<'_, AppState>,
) -> Result<Vec<RetentionRule>, ApiError> {
    state.run(move |s| s.list_all_retention_rules()).await
}
