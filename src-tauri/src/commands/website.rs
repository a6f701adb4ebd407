//! Third parties that collect data on the websites.

use steward_api::{ApiError, WebsiteThirdParty, WebsiteThirdPartyInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub fn list_website_third_parties(
    state: State<'_, AppState>,
) -> Result<Vec<WebsiteThirdParty>, ApiError> {
    state.with(|s| s.list_website_third_parties())
}

#[tauri::command]
pub fn get_website_third_party(
    state: State<'_, AppState>,
    id: String,
) -> Result<WebsiteThirdParty, ApiError> {
    state.with(|s| s.get_website_third_party(&id))
}

#[tauri::command]
pub fn create_website_third_party(
    state: State<'_, AppState>,
    input: WebsiteThirdPartyInput,
) -> Result<WebsiteThirdParty, ApiError> {
    state.with(|s| s.create_website_third_party(input))
}

#[tauri::command]
pub fn update_website_third_party(
    state: State<'_, AppState>,
    id: String,
    input: WebsiteThirdPartyInput,
    base: Option<String>,
) -> Result<WebsiteThirdParty, ApiError> {
    state.with(|s| s.update_website_third_party(&id, input, base.as_deref()))
}

#[tauri::command]
pub fn delete_website_third_party(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<WebsiteThirdParty, ApiError> {
    state.with(|s| s.delete_website_third_party(&id, base.as_deref()))
}

#[tauri::command]
pub fn restore_website_third_party(
    state: State<'_, AppState>,
    id: String,
) -> Result<WebsiteThirdParty, ApiError> {
    state.with(|s| s.restore_website_third_party(&id))
}
