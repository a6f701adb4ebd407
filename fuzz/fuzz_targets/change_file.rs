//! The change-file parser and importer on arbitrary bytes. They may refuse
//! a file, never panic. Random bytes rarely carry a matching checksum, so
//! each input is tried twice: as it is, and sealed with its correct
//! `sha256:` line, which lets the fuzzer reach the header and op parsers.
//! A file the parser takes must survive encoding again unchanged, and
//! joining a new register with it must apply it or refuse it with a reason.

#![no_main]

use libfuzzer_sys::fuzz_target;
use steward_api::sync::file::{decode, encode, sha256_hex};
use steward_fuzz::empty;

fn check(bytes: &[u8]) {
    let Ok(file) = decode(bytes) else {
        return;
    };
    let again = encode(file.header.clone(), &file.ops);
    let reread = decode(&again).expect("the encoder's own output is readable");
    assert_eq!(reread.header, file.header);
    assert_eq!(reread.ops, file.ops);
    let mut register = empty();
    if let Err(error) = register.join_organisation("fuzz.chg", bytes) {
        assert!(!error.message.is_empty());
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    if data.ends_with(b"\n") {
        let mut sealed = data.to_vec();
        sealed.extend_from_slice(format!("sha256:{}\n", sha256_hex(data)).as_bytes());
        check(&sealed);
    }
});
