//! The one error type of the API. It crosses IPC as `{ code, message, fields }`:
//! `code` is what a front end branches on, `message` is for the user and says
//! what to do next, `fields` names the invalid inputs.

use serde::Serialize;
use steward_core::Invalid;
use steward_store::StoreError;
use ts_rs::TS;

/// What kind of failure this is. A code exists only if a front end acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorCode {
    /// The input was refused; `fields` says which inputs and why.
    Validation,
    /// The record does not exist (any more).
    NotFound,
    /// The database was written by a newer Steward.
    DatabaseTooNew,
    /// The database file is damaged: offer to restore a backup.
    Damaged,
    /// Another Steward window has this register open.
    AlreadyOpen,
    /// The database could not be opened, read or written.
    Storage,
    /// A bug: report it.
    Internal,
}

/// One invalid input and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldError {
    /// The input's name in the request, e.g. `name` or `purposes[1]`.
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            fields: vec![],
        }
    }

    pub fn not_found(what: &str, id: &str) -> ApiError {
        ApiError::new(
            ErrorCode::NotFound,
            format!(
                "No {what} with id {id} exists: it may have been deleted. Go back to the list and try again."
            ),
        )
    }
}

impl From<Invalid> for ApiError {
    fn from(invalid: Invalid) -> ApiError {
        let count = invalid.errors.len();
        ApiError {
            code: ErrorCode::Validation,
            message: if count == 1 {
                "One input needs attention; nothing was saved.".into()
            } else {
                format!("{count} inputs need attention; nothing was saved.")
            },
            fields: invalid
                .errors
                .into_iter()
                .map(|e| FieldError {
                    field: e.field,
                    message: e.message,
                })
                .collect(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        if let StoreError::UnknownBase { .. } = error {
            let message = error.to_string();
            return ApiError {
                code: ErrorCode::Validation,
                fields: vec![FieldError {
                    field: "base".into(),
                    message: message.clone(),
                }],
                message,
            };
        }
        let code = match &error {
            StoreError::DatabaseTooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::Damaged { .. } => ErrorCode::Damaged,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Corrupt(_) => ErrorCode::Internal,
            _ => ErrorCode::Storage,
        };
        ApiError::new(code, error.to_string())
    }
}
