//! Third parties that collect data on the websites.

use steward_api::{ApiError, WebsiteThirdParty, WebsiteThirdPartyInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_website_third_parties(
    state: State<'_, AppState>,
) -> Result<Vec<WebsiteThirdParty>, ApiError> {
    state.run(move |s| s.list_website_third_parties()).await
}

#[tauri::command]
pub async fn get_website_third_party(
    state: State<'_, AppState>,
    id: String,
) -> Result<WebsiteThirdParty, ApiError> {
    state.run(move |s| s.get_website_third_party(&id)).await
}

#[tauri::command]
pub async fn create_website_third_party(
    state: State<'_, AppState>,
    input: WebsiteThirdPartyInput,
) -> Result<WebsiteThirdParty, ApiError> {
    state
        .run(move |s| s.create_website_third_party(input))
        .await
}

#[tauri::command]
pub async fn update_website_third_party(
    state: State<'_, AppState>,
    id: String,
    input: WebsiteThirdPartyInput,
    base: Option<String>,
) -> Result<WebsiteThirdParty, ApiError> {
    state
        .run(move |s| s.update_website_third_party(&id, input, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn delete_website_third_party(
    state: State<'_, AppState>,
    id: String,
    base: Option<String>,
) -> Result<WebsiteThirdParty, ApiError> {
    state
        .run(move |s| s.delete_website_third_party(&id, base.as_deref()))
        .await
}

#[tauri::command]
pub async fn restore_website_third_party(
    state: State<'_, AppState>,
    id: String,
) -> Result<WebsiteThirdParty, ApiError> {
    state.run(move |s| s.restore_website_third_party(&id)).await
}
