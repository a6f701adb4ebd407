//! Reading a file a person chose, bounded before anything is allocated: its
//! size is checked first, and the read stops one byte past the limit even
//! if the file grows meanwhile. The shell and the command line read every
//! file they hand to the API through here.

use std::io::Read;
use std::path::Path;

use crate::{ApiError, ErrorCode, Result};

/// The largest change file (see `sync::file::MAX_FILE_BYTES`).
pub const CHANGE_FILE_LIMIT: u64 = crate::sync::file::MAX_FILE_BYTES as u64;
/// The largest register export (JSON) that is read.
pub const REGISTER_JSON_LIMIT: u64 = 200 << 20;

/// Reads `path`, refusing a file larger than `limit` bytes by name and
/// without reading it; `what` names the kind of file in messages.
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let refuse = |message: String| ApiError::new(ErrorCode::Validation, message);
    let file = std::fs::File::open(path).map_err(|e| {
        refuse(format!(
            "Cannot read {}: {e}. Check the path. Nothing was imported.",
            path.display()
        ))
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let too_large = || {
        refuse(format!(
            "{} is larger than {} MB, more than {what} can be. Nothing was imported.",
            path.display(),
            limit >> 20
        ))
    };
    if size > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| {
        refuse(format!(
            "Cannot read {}: {e}. Nothing was imported.",
            path.display()
        ))
    })?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}
