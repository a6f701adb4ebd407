//! The `steward` desktop binary: see the library crate for everything it does.

// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// mimalloc: large imports allocate and free many small values (docs/sync.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    steward_lib::run();
}
