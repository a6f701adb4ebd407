//! Writes the seed inputs of the `encrypted_file` target that cannot be
//! typed by hand: change files encrypted with the target's passphrase at a
//! small work factor. Run once from `fuzz/`:
//! `cargo run --example make_seeds`; the seeds are committed.

use std::io::Write;

fn main() {
    let golden = std::fs::read("../tests/fixtures/golden/changes-v1.chg").expect("the golden file");
    let dir = std::path::Path::new("seeds/encrypted_file");
    std::fs::create_dir_all(dir).unwrap();
    for work_factor in [1u8, 2, 4] {
        let mut recipient = age::scrypt::Recipient::new(age::secrecy::SecretString::from(
            "correct horse battery staple".to_owned(),
        ));
        recipient.set_work_factor(work_factor);
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .unwrap();
        let mut out = vec![];
        let mut writer = encryptor.wrap_output(&mut out).unwrap();
        writer.write_all(&golden).unwrap();
        writer.finish().unwrap();
        std::fs::write(dir.join(format!("golden-work{work_factor}.chg.age")), out).unwrap();
    }
}
