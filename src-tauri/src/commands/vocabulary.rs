//! The vocabularies of data subjects and personal data.

use steward_api::{ApiError, Vocabulary};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_vocabulary(state: State<'_, AppState>) -> Result<Vocabulary, ApiError> {
    state.run(move |s| s.get_vocabulary()).await
}
