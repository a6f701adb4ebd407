//! The ICO spreadsheet import on arbitrary CSV bytes: read with the app's
//! limits, then previewed against an empty register (what "Import…" does
//! before the person confirms). It may refuse the file, never panic, and
//! a preview writes nothing.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_api::{FixedClock, Steward};
use steward_sheets::ico_import::{Limits, import_ico, read_csv};


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
    let _ = read_csv(data, &Limits::default());
    REGISTER.with_borrow_mut(|register| {
        let _ = import_ico(register, data, false, false);
        assert!(register.list_activities().unwrap().is_empty(), "a preview wrote");
    });
});
