//! The register's JSON import (the backup format) on arbitrary bytes, into
//! an empty register: it imports all of a file or nothing, never panics,
//! and a refused file leaves the register empty.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_fuzz::{empty, with_register};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    with_register(|register| {
        if register.import_register_json(text).is_err() {
            assert!(register.list_activities().unwrap().is_empty());
            assert!(register.list_recipients().unwrap().is_empty());
        } else {
            // It imported: the next input needs an empty register again.
            *register = empty();
        }
    });
});
