//! The history of a record, as the op log tells it.

use std::sync::Arc;

use jiff::SignedDuration;
use steward_api::{ChangeKind, FixedClock, RecipientInput, RecordKind, Steward};

#[test]
fn history_shows_who_changed_which_field_from_what_to_what() {
    let clock = Arc::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap()));
    let mut api = Steward::open_in_memory(Box::new(Arc::clone(&clock))).unwrap();
    let created = api
        .create_recipient(RecipientInput {
            legal_name: "Eventbrite, Inc.".into(),
            country: "US".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    clock.advance(SignedDuration::from_hours(1));
    let mut edit = created.fields.clone();
    edit.country = "IE".into();
    edit.legal_name = "Eventbrite Operations (Ireland) Limited".into();
    api.update_recipient(&created.id, edit, None).unwrap();
    clock.advance(SignedDuration::from_hours(1));
    api.delete_recipient(&created.id, None).unwrap();
    api.restore_recipient(&created.id).unwrap();

    let history = api.get_history(RecordKind::Recipient, &created.id).unwrap();
    let newest = &history[0];
    assert_eq!(newest.at, "2026-11-22T12:00:00Z");
    assert_eq!(newest.author, steward_api::default_device_name());

    let country_change = history
        .iter()
        .find(|e| e.field.as_deref() == Some("country") && e.old.is_some())
        .expect("the country edit");
    assert_eq!(country_change.old.as_deref(), Some("US"));
    assert_eq!(country_change.new.as_deref(), Some("IE"));
    assert_eq!(country_change.at, "2026-11-22T11:00:00Z");

    assert!(history.iter().any(|e| e.change == ChangeKind::Deleted));
    assert!(history.iter().any(|e| e.change == ChangeKind::Restored));
    let creation = history
        .iter()
        .rev()
        .find(|e| e.field.as_deref() == Some("legalName"))
        .unwrap();
    assert_eq!(
        (creation.old.as_deref(), creation.new.as_deref()),
        (None, Some("Eventbrite, Inc."))
    );
    // Unchanged fields leave no trace: only the two edited fields changed at 11:00.
    assert_eq!(
        history
            .iter()
            .filter(|e| e.at == "2026-11-22T11:00:00Z")
            .count(),
        2
    );
}

#[test]
fn the_organisation_has_a_history_once_saved() {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    assert!(api.get_organisation_history().unwrap().is_empty());
    api.load_demo().unwrap();
    let history = api.get_organisation_history().unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.field.as_deref() == Some("legalName"))
    );
}

#[test]
fn the_history_names_the_device_as_its_user_calls_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let clock = || Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap()));
    let mut api = Steward::open(&db, clock()).unwrap();
    // A new laptop is named after its user and host, never a name that
    // every laptop shares.
    let named = api.get_device_name().unwrap();
    assert_eq!(named, steward_api::default_device_name());
    assert_ne!(named, "This device");
    let error = api.set_device_name(" \u{202E} ").unwrap_err();
    assert_eq!(error.fields[0].field, "deviceName");
    assert_eq!(
        api.set_device_name("  Alex's laptop ").unwrap(),
        "Alex's laptop"
    );
    let created = api
        .create_recipient(RecipientInput {
            legal_name: "Hetzner Online GmbH".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    drop(api);
    let api = Steward::open(&db, clock()).unwrap();
    assert_eq!(api.get_device_name().unwrap(), "Alex's laptop");
    let history = api.get_history(RecordKind::Recipient, &created.id).unwrap();
    assert!(history.iter().all(|e| e.author == "Alex's laptop"));
}
