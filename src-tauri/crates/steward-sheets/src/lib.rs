//! The spreadsheet layouts organisations keep their register in, read and
//! written: the UK ICO's controller template as XLSX and CSV
//! ([`ico`] writes it, [`ico_import`] reads it back with a preview and
//! errors by cell).
//!
//! **Invariants.** Every reader bounds what it reads before it allocates
//! (file size, unpacked size of each zip part, rows, columns, cell length,
//! declared counts): no file can make it ask for more memory than its
//! limits allow. A reader never writes: it turns rows into a register
//! document that `steward-api` validates and writes whole, or refuses with
//! the cells to fix. Exports write text cells only, never formulas. This
//! crate does not depend on Typst, so that its fuzz targets build quickly.

pub mod ico;
pub mod ico_import;
mod ico_rows;
pub mod names;
pub mod phrases;
pub use ico_rows::{KeptCell, LinkedName};

/// A spreadsheet could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "The spreadsheet could not be written: {}", self.0)
    }
}

impl std::error::Error for WriteError {}

impl From<WriteError> for steward_api::ApiError {
    fn from(e: WriteError) -> Self {
        steward_api::ApiError::new(steward_api::ErrorCode::Internal, e.to_string())
    }
}
