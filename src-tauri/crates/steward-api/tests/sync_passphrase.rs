//! Change files encrypted with a passphrase for e-mail: the administrator
//! encrypts a starter file, the volunteer's laptop refuses it until the
//! right passphrase opens it, and nothing changes on a wrong passphrase, a
//! damaged file or a file that asks for too much work.

use std::sync::Arc;

use steward_api::{
    ActivityInput, ENCRYPTED_SUFFIX, ErrorCode, ExportScope, FixedClock, Steward, is_encrypted,
};

const PASSPHRASE: &str = "correct horse battery staple";

fn laptop(name: &str) -> Steward {
    let clock = FixedClock::new("2026-11-23T09:00:00Z".parse().unwrap());
    let mut api = Steward::open_in_memory(Box::new(Arc::new(clock))).unwrap();
    api.set_device_name(name).unwrap();
    api
}

fn administrator() -> Steward {
    let mut ada = laptop("Ada");
    ada.create_activity(ActivityInput {
        name: "Membership — 会员".into(),
        ..ActivityInput::default()
    })
    .unwrap();
    ada
}

fn field_error(error: &steward_api::ApiError) -> (&str, &str) {
    let field = error.fields.first().expect("the error names a field");
    (field.field.as_str(), field.message.as_str())
}

#[test]
fn an_encrypted_starter_file_opens_only_with_its_passphrase() {
    let ada = administrator();
    let starter = ada.export_changes(ExportScope::Everything).unwrap();
    let plain_len = starter.bytes.len();
    let sealed = starter.encrypted(PASSPHRASE).unwrap();
    assert!(sealed.name.ends_with(&format!(".chg{ENCRYPTED_SUFFIX}")));
    assert!(is_encrypted(&sealed.bytes));
    assert!(
        !String::from_utf8_lossy(&sealed.bytes).contains("Membership"),
        "the register's words do not travel in clear"
    );
    assert!(sealed.bytes.len() > plain_len);

    let mut vic = laptop("Vic");
    let before = vic.register_digest().unwrap();

    // Opened as a plain file, it asks for the passphrase.
    let error = vic
        .join_organisation(&sealed.name, &sealed.bytes)
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    assert!(error.message.contains("is encrypted"), "{}", error.message);
    assert_eq!(field_error(&error).0, "passphrase");

    // A wrong passphrase is a clear error on that field; nothing changed.
    let error = vic
        .decrypt_changes(&sealed.name, &sealed.bytes, "correct horse battery stable")
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    assert!(
        error.message.contains("does not open") && error.message.contains(&sealed.name),
        "{}",
        error.message
    );
    assert_eq!(field_error(&error).0, "passphrase");
    assert_eq!(vic.register_digest().unwrap(), before);

    // The right one gives back the very file that was encrypted.
    let plain = vic
        .decrypt_changes(&sealed.name, &sealed.bytes, PASSPHRASE)
        .unwrap();
    assert_eq!(plain.len(), plain_len);
    assert!(!is_encrypted(&plain));
    let joined = vic.join_organisation(&sealed.name, &plain).unwrap();
    assert_eq!(joined.author, "Ada");
    assert_eq!(
        vic.register_digest().unwrap(),
        ada.register_digest().unwrap()
    );
}

#[test]
fn a_short_passphrase_is_refused_and_names_the_field() {
    let ada = administrator();
    let error = ada
        .export_changes(ExportScope::Mine)
        .unwrap()
        .encrypted("  secret  ")
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    let (field, message) = field_error(&error);
    assert_eq!(field, "passphrase");
    assert!(message.contains("at least 10 characters"), "{message}");
}

#[test]
fn a_damaged_or_foreign_encrypted_file_is_refused_and_nothing_changes() {
    let ada = administrator();
    let sealed = ada
        .export_changes(ExportScope::Mine)
        .unwrap()
        .encrypted(PASSPHRASE)
        .unwrap();
    let mut vic = laptop("Vic");
    vic.join_organisation(
        "starter.chg",
        &ada.export_changes(ExportScope::Everything).unwrap().bytes,
    )
    .unwrap();
    let before = vic.register_digest().unwrap();

    // Cut short, or one byte of its contents flipped.
    let cut = &sealed.bytes[..sealed.bytes.len() - 20];
    let mut flipped = sealed.bytes.clone();
    let last = flipped.len() - 5;
    flipped[last] ^= 0x40;
    for damaged in [cut.to_vec(), flipped] {
        let error = vic
            .decrypt_changes(&sealed.name, &damaged, PASSPHRASE)
            .unwrap_err();
        assert!(
            error.message.contains(&sealed.name) && error.message.contains("Nothing was changed"),
            "{}",
            error.message
        );
    }

    // A plain file needs no passphrase; an age header with nonsense after
    // it is not a readable encrypted file.
    let plain = ada.export_changes(ExportScope::Mine).unwrap();
    let error = vic
        .decrypt_changes(&plain.name, &plain.bytes, PASSPHRASE)
        .unwrap_err();
    assert!(error.message.contains("not encrypted"), "{}", error.message);
    let error = vic
        .decrypt_changes(
            "odd.chg.age",
            b"age-encryption.org/v1\n-> nonsense\n",
            PASSPHRASE,
        )
        .unwrap_err();
    assert!(
        error.message.contains("not a readable encrypted file"),
        "{}",
        error.message
    );

    // A file whose header asks for 2^30 scrypt steps is refused before
    // any of that work is done.
    let at = sealed
        .bytes
        .windows(4)
        .position(|w| w == b" 18\n")
        .expect("the header names its work factor");
    let mut greedy = sealed.bytes.clone();
    greedy[at + 1..at + 3].copy_from_slice(b"30");
    let error = vic
        .decrypt_changes(&sealed.name, &greedy, PASSPHRASE)
        .unwrap_err();
    assert!(
        error.message.contains("more than Steward spends"),
        "{}",
        error.message
    );

    assert_eq!(vic.register_digest().unwrap(), before);
}
