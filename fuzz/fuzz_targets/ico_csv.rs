//! The ICO spreadsheet import on arbitrary CSV bytes: read with the app's
//! limits, then previewed against an empty register (what "Import…" does
//! before the person confirms). It may refuse the file, never panic, and
//! a preview writes nothing.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_fuzz::preview_ico;
use steward_sheets::ico_import::{Limits, read_csv};

fuzz_target!(|data: &[u8]| {
    let _ = read_csv(data, &Limits::default());
    preview_ico(data, false);
});
