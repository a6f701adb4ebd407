//! Where the database lives when the user does not say.

use std::path::PathBuf;

/// The OS application-data folder's `org.steward.desktop/steward.sqlite3`
/// (on Linux `~/.local/share/org.steward.desktop/steward.sqlite3`), the same
/// folder Tauri uses for the app's data. `None` when the OS reports no home.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("org.steward.desktop").join("steward.sqlite3"))
}
