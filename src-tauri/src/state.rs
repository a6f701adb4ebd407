//! The app's state: the open register, or why it could not be opened.
//!
//! A database that cannot be opened (a newer schema, a damaged file) does not
//! stop the window from appearing: every command then answers with the open
//! error, and the UI shows its message.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use steward_api::{ApiError, ErrorCode, Steward, SystemClock};

pub struct AppState(Result<Mutex<Steward>, ApiError>);

impl AppState {
    pub fn open(path: Option<PathBuf>) -> AppState {
        let opened = match path {
            Some(path) => Steward::open(&path, Box::new(SystemClock)),
            None => Err(ApiError::new(
                ErrorCode::Storage,
                "No application-data folder is known for this user: start Steward with --db PATH.",
            )),
        };
        if let Err(error) = &opened {
            eprintln!("Steward: {}", error.message);
        }
        AppState(opened.map(Mutex::new))
    }

    /// Runs one API action with exclusive access to the register.
    pub fn with<T>(
        &self,
        action: impl FnOnce(&mut Steward) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let steward = self.0.as_ref().map_err(Clone::clone)?;
        let mut guard = steward.lock().unwrap_or_else(PoisonError::into_inner);
        action(&mut guard)
    }
}
