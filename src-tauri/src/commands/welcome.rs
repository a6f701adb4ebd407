//! First start: the offer of a demo register.

use steward_api::{ApiError, Welcome};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_welcome(state: State<'_, AppState>) -> Result<Welcome, ApiError> {
    state.run(move |s| s.welcome()).await
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.run(move |s| s.load_demo()).await
}

#[tauri::command]
pub async fn dismiss_demo(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.run(move |s| s.dismiss_demo()).await
}
