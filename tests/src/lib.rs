//! Shared helpers for Steward's cross-crate scenarios and end-to-end tests.

pub mod hostile;

use std::path::{Path, PathBuf};

/// The repository's root folder.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// A file of `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    workspace_root().join("tests").join("fixtures").join(name)
}

/// Where tests leave artefacts (screenshots) for people and CI to look at.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("STEWARD_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("tests").join("artifacts"));
    std::fs::create_dir_all(&dir).expect("create the artefacts folder");
    dir
}
