//! The Tauri commands: each one line over `steward-api`, grouped by area;
//! `documents` also owns the native file dialogs and the writing of files.
//! A new command is also listed in `build.rs`, `capabilities/main.json` and
//! the handler list in `lib.rs` (see the README's "How to add a command").

pub mod activities;
pub mod activity_parts;
pub mod backups;
pub mod checks;
pub mod documents;
pub mod history;
pub mod organisation;
pub mod policy;
pub mod recipients;
pub mod reference;
pub mod sources;
pub mod sync;
pub mod vocabulary;
pub mod website;
pub mod welcome;
