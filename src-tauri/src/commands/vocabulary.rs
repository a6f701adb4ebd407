//! The vocabularies of data subjects and personal data.

use steward_api::{ApiError, Vocabulary};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn get_vocabulary(state: State<'_, AppState>) -> Result<Vocabulary, ApiError> {
    state.with(|s| s.get_vocabulary())
}
