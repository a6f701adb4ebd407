//! Cross-crate scenarios: one test binary, a module per scenario.
//!
//! - `config_lint`: the Tauri configuration keeps its security promises.
//! - `shared_database`: the CLI and the API (as the desktop app uses it) see
//!   one register in one database file.
//! - `openinfra`: a real foundation's privacy policy, recorded in full.
//! - `durability`: acknowledged edits survive `kill -9`.
//! - `import_kill`: an import killed half-way applies nothing or everything.
//! - `hostile_text`: user text stays text in every export.
//! - `docs`: the README's code map and invariants name what exists.

mod config_lint;
mod docs;
mod durability;
mod hostile_text;
mod import_kill;
mod openinfra;
mod shared_database;
