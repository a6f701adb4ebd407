//! What the fuzz targets share: one empty register per fuzzing process
//! (opening one and running its migrations for every input would cost
//! more than the input itself), and the ICO import's preview, which may
//! refuse a file but never panics and never writes.

use std::cell::RefCell;

use steward_api::{FixedClock, Steward};
use steward_sheets::ico_import::import_ico;

/// A new empty register in memory, on a fixed clock.
pub fn empty() -> Steward {
    let clock = FixedClock::new("2026-12-01T10:00:00Z".parse().unwrap());
    Steward::open_in_memory(Box::new(clock)).unwrap()
}

thread_local! {
    static REGISTER: RefCell<Steward> = RefCell::new(empty());
}

/// Runs `f` on this process's empty register; `f` must leave it empty (or
/// replace it with [`empty`]).
pub fn with_register<R>(f: impl FnOnce(&mut Steward) -> R) -> R {
    REGISTER.with_borrow_mut(f)
}

/// What "Import…" does before the person confirms: the preview of `bytes`
/// (an XLSX or ODS archive when `archive`, else CSV). It may refuse the
/// file; it must not write.
pub fn preview_ico(bytes: &[u8], archive: bool) {
    with_register(|register| {
        let _ = import_ico(register, bytes, archive, false);
        assert!(
            register.list_activities().unwrap().is_empty(),
            "a preview wrote"
        );
    });
}
