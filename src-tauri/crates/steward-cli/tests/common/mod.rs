//! Runs the real `steward-cli` binary on a database, as a script would.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub fn cli(db: &Path, args: &[&str]) -> Output {
    cli_with_env(db, args, &[])
}

/// Runs `steward-cli` with these environment variables set, and none of
/// Steward's own inherited from the test's environment.
#[allow(dead_code)] // not every test binary passes variables
pub fn cli_with_env(db: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steward-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STEWARD_DB")
        .env_remove("STEWARD_PASSPHRASE")
        .envs(vars.iter().copied())
        .output()
        .expect("run steward-cli")
}

pub fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}
