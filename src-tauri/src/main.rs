//! The `steward` desktop binary: see the library crate for everything it does.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    steward_lib::run();
}
