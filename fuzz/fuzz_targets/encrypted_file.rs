//! Opening a change file encrypted with a passphrase (age, scrypt) on
//! arbitrary bytes. Two ways in: the bytes as an encrypted file, opened
//! with the passphrase the seeds were made with; or, structure-aware, the
//! bytes' tail encrypted here with a small work factor and then damaged at
//! a position the bytes choose, so that mutations reach the parts after
//! the header. It may refuse (wrong passphrase, damaged, too much work),
//! never panic; what it opens is imported or refused by name.

#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use steward_fuzz::{empty, with_register};

const PASSPHRASE: &str = "correct horse battery staple";

fn open(bytes: &[u8]) {
    let opened = with_register(|r| r.decrypt_changes("fuzz.chg.age", bytes, PASSPHRASE));
    if let Ok(plain) = opened {
        let _ = empty().join_organisation("fuzz.chg", &plain);
    }
}

fn encrypt(plain: &[u8], work_factor: u8) -> Vec<u8> {
    let mut recipient =
        age::scrypt::Recipient::new(age::secrecy::SecretString::from(PASSPHRASE.to_owned()));
    recipient.set_work_factor(work_factor);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut out = vec![];
    let mut writer = encryptor.wrap_output(&mut out).unwrap();
    writer.write_all(plain).unwrap();
    writer.finish().unwrap();
    out
}

fuzz_target!(|data: &[u8]| {
    open(data);
    if let [work, at, flip, plain @ ..] = data {
        let mut sealed = encrypt(plain, 1 + work % 4);
        if *flip != 0 && !sealed.is_empty() {
            let i = usize::from(*at) * sealed.len() / 256;
            sealed[i] ^= flip;
        }
        open(&sealed);
    }
});
