//! Command-line options of the desktop app.

use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "steward",
    version,
    about = "Steward: your organisation's record of processing activities."
)]
pub struct Args {
    /// The database file (default: the OS app-data folder).
    #[arg(long, env = "STEWARD_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    /// For end-to-end tests, which cannot drive native dialogs: save every
    /// export into this folder under its suggested name, and import the
    /// folder's `import.xlsx` or `import.csv` instead of asking.
    #[arg(long, value_name = "DIR", hide = true)]
    pub dialog_dir: Option<PathBuf>,
    /// For end-to-end tests: measure how long the window's thread waits,
    /// and write the longest wait to this file (see `stalls.rs`).
    #[arg(long, value_name = "FILE", hide = true)]
    pub stall_report: Option<PathBuf>,
}

impl Args {
    pub fn parse_from_env() -> Args {
        Args::parse()
    }

    /// `--db`, else `STEWARD_DB`, else the OS app-data folder.
    pub fn database_path(&self) -> Option<PathBuf> {
        self.db.clone().or_else(steward_api::default_database_path)
    }
}
