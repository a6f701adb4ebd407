//! The app's state: the open register, or why it could not be opened.
//!
//! A database that cannot be opened (a newer schema, a damaged file, another
//! Steward window on it) does not stop the window from appearing: the UI
//! asks [`AppState::startup`] first and shows what to do (for a damaged
//! file: restore the newest good backup, [`AppState::recover`]); every
//! other command answers with the open error meanwhile.
//!
//! Every command runs its API call on a worker thread ([`AppState::run`]):
//! the window's thread never waits for the database, even while a large
//! import holds the register.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use steward_api::{ApiError, ErrorCode, InstanceLock, Steward, SystemClock};

struct Inner {
    register: Mutex<Result<Steward, ApiError>>,
    path: Option<PathBuf>,
    /// Held for as long as the app runs: one window per register.
    _lock: Option<InstanceLock>,
}

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

fn no_path() -> ApiError {
    ApiError::new(
        ErrorCode::Storage,
        "No application-data folder is known for this user: start Steward with --db PATH.",
    )
}

impl AppState {
    pub fn open(path: Option<PathBuf>) -> AppState {
        let (lock, opened) = match &path {
            None => (None, Err(no_path())),
            Some(path) => match InstanceLock::acquire(path) {
                Err(e) => (None, Err(e)),
                Ok(lock) => (Some(lock), Steward::open(path, Box::new(SystemClock))),
            },
        };
        if let Err(error) = &opened {
            eprintln!("Steward: {}", error.message);
        }
        AppState(Arc::new(Inner {
            register: Mutex::new(opened),
            path,
            _lock: lock,
        }))
    }

    /// Runs one API action with exclusive access to the register, on the
    /// calling thread (for start-up and quitting).
    pub fn with<T>(
        &self,
        action: impl FnOnce(&mut Steward) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut guard = self
            .0
            .register
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match guard.as_mut() {
            Ok(steward) => action(steward),
            Err(e) => Err(e.clone()),
        }
    }

    /// Runs one API action on a worker thread, so that the window stays
    /// responsive while the register is busy.
    pub async fn run<T: Send + 'static>(
        &self,
        action: impl FnOnce(&mut Steward) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        tauri::async_runtime::spawn_blocking(move || state.with(action))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
    }

    /// How the register opened, and for a damaged file the backups that
    /// could replace it.
    pub fn startup(&self) -> Result<steward_api::Startup, ApiError> {
        let problem = self
            .0
            .register
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .err()
            .cloned();
        steward_api::startup(problem, self.0.path.as_deref())
    }

    /// Replaces a damaged register by its newest good backup (the damaged
    /// file is kept beside it, untouched) and opens it.
    pub fn recover(&self) -> Result<steward_api::Recovery, ApiError> {
        let path = self.0.path.clone().ok_or_else(no_path)?;
        let mut guard = self
            .0
            .register
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match guard.as_ref() {
            Err(e) if e.code == ErrorCode::Damaged => {}
            Ok(_) => {
                return Err(ApiError::new(
                    ErrorCode::Validation,
                    "The register is not damaged: there is nothing to recover. To go back to a backup, restore it from Backups.",
                ));
            }
            Err(e) => return Err(e.clone()),
        }
        let recovered = steward_api::recover(&path, Box::new(SystemClock))?;
        let report = recovered.report();
        *guard = Ok(recovered.steward);
        Ok(report)
    }
}
