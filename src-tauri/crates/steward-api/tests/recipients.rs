//! The register of recipients and processors through the API, including
//! every refusal: each names the field, says what to do and writes nothing.

use std::path::Path;

use steward_api::{DpaStatus, DpfStatus, ErrorCode, FixedClock, RecipientInput, Steward};
use steward_store::Store;

fn open(path: &Path) -> Steward {
    Steward::open(
        path,
        Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap())),
    )
    .unwrap()
}

fn eventbrite() -> RecipientInput {
    RecipientInput {
        legal_name: "Eventbrite, Inc.".into(),
        trading_name: "Eventbrite".into(),
        country: "us".into(),
        privacy_policy_url:
            "https://www.eventbrite.com/help/en-us/articles/460838/eventbrite-privacy-policy/"
                .into(),
        dpa_status: DpaStatus::Signed,
        dpa_signed: Some("2025-01-15".into()),
        dpf: DpfStatus::Yes,
        sub_processors: vec!["Amazon Web Services, Inc.".into()],
        ..RecipientInput::default()
    }
}

#[test]
fn recipients_can_be_recorded_edited_deleted_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("s.sqlite3"));
    let created = api.create_recipient(eventbrite()).unwrap();
    assert_eq!(created.fields.country, "US", "country codes are normalised");
    assert_eq!(created.fields.dpa_signed.as_deref(), Some("2025-01-15"));
    assert_eq!(api.list_recipients().unwrap(), vec![created.clone()]);

    let mut edit = created.fields.clone();
    edit.dpa_expires = Some("2027-01-15".into());
    let edited = api.update_recipient(&created.id, edit, None).unwrap();
    assert_eq!(edited.fields.dpa_expires.as_deref(), Some("2027-01-15"));
    assert_eq!(edited.fields.sub_processors, created.fields.sub_processors);

    api.delete_recipient(&created.id, None).unwrap();
    assert!(api.list_recipients().unwrap().is_empty());
    assert_eq!(
        api.get_recipient(&created.id).unwrap_err().code,
        ErrorCode::NotFound
    );
    // The restore is a change of its own: same record, a newer base.
    let restored = api.restore_recipient(&created.id).unwrap();
    assert_eq!(restored.fields, edited.fields);
    assert_ne!(restored.base, edited.base);
}

#[test]
fn recipients_serialise_flat_in_camel_case() {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    let created = api.create_recipient(eventbrite()).unwrap();
    let json = serde_json::to_value(&created).unwrap();
    assert_eq!(json["legalName"], "Eventbrite, Inc.");
    assert_eq!(json["dpaStatus"], "signed");
    assert_eq!(json["dpf"], "yes");
    assert_eq!(json["dpaExpires"], serde_json::Value::Null);
    assert!(json["id"].is_string() && json["createdAt"].is_string());
}

#[test]
fn invalid_recipients_are_refused_with_the_field_named_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let existing = open(&db).create_recipient(eventbrite()).unwrap();
    let ops_before = Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap())
        .unwrap()
        .op_count()
        .unwrap();

    type Case = (
        &'static str,
        fn(&mut RecipientInput),
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        (
            "bad country code",
            |r| r.country = "USA".into(),
            &["country"],
        ),
        (
            "day-first date",
            |r| r.dpa_signed = Some("15/01/2025".into()),
            &["dpaSigned"],
        ),
        (
            "expires before signed",
            |r| r.dpa_expires = Some("2024-01-01".into()),
            &["dpaExpires"],
        ),
        (
            "signed without a date",
            |r| r.dpa_signed = None,
            &["dpaSigned"],
        ),
        (
            "a link that is no web page",
            |r| r.privacy_policy_url = "javascript:alert(document.cookie)".into(),
            &["privacyPolicyUrl"],
        ),
        (
            "control characters",
            |r| r.legal_name = "Eventbrite\u{7}".into(),
            &["legalName"],
        ),
        ("very long text", |r| r.notes = "n".repeat(5001), &["notes"]),
        (
            "empty sub-processor",
            |r| r.sub_processors.push(" ".into()),
            &["subProcessors[1]"],
        ),
    ];
    let mut api = open(&db);
    for (label, change, expected) in cases {
        let mut input = eventbrite();
        change(&mut input);
        for error in [
            api.create_recipient(input.clone()).unwrap_err(),
            api.update_recipient(&existing.id, input, None).unwrap_err(),
        ] {
            assert_eq!(error.code, ErrorCode::Validation, "{label}");
            let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(fields, *expected, "{label}");
        }
    }
    drop(api);
    assert_eq!(
        Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap())
            .unwrap()
            .op_count()
            .unwrap(),
        ops_before
    );
    assert_eq!(open(&db).get_recipient(&existing.id).unwrap(), existing);
}
