//! The compliance checks: the dashboard, and acknowledging a finding.

use steward_api::{Acknowledgement, ApiError, Dashboard, Finding};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_dashboard(state: State<'_, AppState>) -> Result<Dashboard, ApiError> {
    state.run(move |s| s.get_dashboard()).await
}

#[tauri::command]
pub async fn acknowledge_finding(
    state: State<'_, AppState>,
    finding: Finding,
    reason: String,
) -> Result<Acknowledgement, ApiError> {
    state
        .run(move |s| s.acknowledge_finding(&finding, &reason))
        .await
}

#[tauri::command]
pub async fn withdraw_acknowledgement(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<Acknowledgement, ApiError> {
    state
        .run(move |s| s.withdraw_acknowledgement(&id, base.as_deref()))
        .await
}
