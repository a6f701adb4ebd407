//! First start: the offer of a demo register.

use steward_api::{ApiError, Welcome};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn get_welcome(state: State<'_, AppState>) -> Result<Welcome, ApiError> {
    state.with(|s| s.welcome())
}

#[tauri::command]
pub fn load_demo(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|s| s.load_demo())
}

#[tauri::command]
pub fn dismiss_demo(state: State<'_, AppState>) -> Result<(), ApiError> {
    state.with(|s| s.dismiss_demo())
}
