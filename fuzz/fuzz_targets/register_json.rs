//! The register's JSON import (the backup format) on arbitrary bytes, into
//! an empty register: it imports all of a file or nothing, never panics,
//! and a refused file leaves the register empty.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_api::{FixedClock, Steward};


thread_local! {
    /// One empty register per fuzzing process: opening one (and running its
    /// migrations) for every input would cost more than the input itself.
    static REGISTER: std::cell::RefCell<Steward> = std::cell::RefCell::new(empty());
}

fn empty() -> Steward {
    let clock = FixedClock::new("2026-12-01T10:00:00Z".parse().unwrap());
    Steward::open_in_memory(Box::new(clock)).unwrap()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    REGISTER.with_borrow_mut(|register| {
        if register.import_register_json(text).is_err() {
            assert!(register.list_activities().unwrap().is_empty());
            assert!(register.list_recipients().unwrap().is_empty());
        } else {
            // It imported: the next input needs an empty register again.
            *register = empty();
        }
    });
});
