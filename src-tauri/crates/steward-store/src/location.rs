//! What Steward assumes about this computer when the user does not say:
//! where the database lives, and what this laptop is called.

use std::path::PathBuf;

/// The OS application-data folder's `org.steward.desktop/steward.sqlite3`
/// (on Linux `~/.local/share/org.steward.desktop/steward.sqlite3`), the same
/// folder Tauri uses for the app's data. `None` when the OS reports no home.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("org.steward.desktop").join("steward.sqlite3"))
}

/// The name a new laptop gets: its user's name and its host name, e.g.
/// "Alex Martin on alex-thinkpad". Each laptop so has a name of its own in
/// the history and the conflict review from the start; the person can
/// change it. Falls back to whatever part the OS reports.
pub fn default_device_name() -> String {
    let user = whoami::realname();
    let host = whoami::fallible::hostname().unwrap_or_default();
    let name = match (user.trim(), host.trim()) {
        ("", "") => "A laptop".to_owned(),
        (user, "") => format!("{user}'s computer"),
        ("", host) => host.to_owned(),
        (user, host) => format!("{user} on {host}"),
    };
    // Device names are at most 60 characters (see the API's rule).
    name.chars().filter(|c| !c.is_control()).take(60).collect()
}
