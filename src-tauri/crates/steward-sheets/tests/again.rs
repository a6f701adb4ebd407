//! The same spreadsheet imported a second time, as a person does after
//! correcting it: the activities of the first import are updated, not
//! duplicated; what was set in the app since is kept; the preview says what
//! changes.

use steward_api::{FixedClock, PurposeInput, Steward};
use steward_sheets::ico_import::import_ico;

const AT: &str = "2026-11-22T10:00:00Z";

fn empty() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap()
}

fn corpus(file: &str) -> Vec<u8> {
    let path = format!(
        "{}/../../../tests/fixtures/registers/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_second_import_of_a_hand_written_sheet_updates_instead_of_duplicating() {
    let mut api = empty();
    let sheet = corpus("openbits-foundation.csv");
    let first = import_ico(&mut api, &sheet, false, true).unwrap();
    let activities = api.list_activities().unwrap();
    let recipients = api.list_recipients().unwrap().len();
    assert_eq!(activities.len(), first.activities.len());
    assert!(first.activities.iter().all(|a| !a.updates));

    // In the app meanwhile: an owner for one activity, a purpose for it.
    let one = &activities[0];
    let mut fields = one.fields.clone();
    fields.owner = "Alex, the treasurer".into();
    api.update_activity(&one.id, fields, None).unwrap();
    let added = api
        .create_purpose(PurposeInput {
            activity_id: one.id.clone(),
            description: "Answer the auditors' questions".into(),
            legal_basis: Some(steward_api::LegalBasis::LegalObligation),
            ..PurposeInput::default()
        })
        .unwrap();
    let purposes_before = api.list_purposes(&one.id).unwrap().len();

    let again = import_ico(&mut api, &sheet, false, false).unwrap();
    assert!(again.activities.iter().all(|a| a.updates), "{again:#?}");
    assert!(
        again.activities.iter().all(|a| a.changes.is_empty()),
        "the same sheet changes nothing: {:#?}",
        again.activities
    );
    import_ico(&mut api, &sheet, false, true).unwrap();
    assert_eq!(api.list_activities().unwrap().len(), activities.len());
    assert_eq!(api.list_recipients().unwrap().len(), recipients);
    let kept = api.get_activity(&one.id).unwrap();
    assert_eq!(kept.fields.owner, "Alex, the treasurer");
    let purposes = api.list_purposes(&one.id).unwrap();
    assert_eq!(purposes.len(), purposes_before);
    assert!(purposes.iter().any(|p| p.id == added.id));
    // The description holds what was kept as written once, not twice.
    let description = &kept.fields.description;
    assert!(
        description
            .matches("From the spreadsheet, kept as written")
            .count()
            <= 1,
        "{description}"
    );

    // The sheet corrected: the newsletter gains a second processor.
    let corrected = String::from_utf8(sheet).unwrap().replace(
        "Buttondown (processor);",
        "Buttondown (processor), Hetzner (processor);",
    );
    let preview = import_ico(&mut api, corrected.as_bytes(), false, true).unwrap();
    let newsletter = preview
        .activities
        .iter()
        .find(|a| a.name == "Monthly newsletter")
        .expect("the newsletter row");
    assert!(newsletter.updates);
    assert_eq!(
        newsletter.changes,
        vec!["recipients: 1 added"],
        "{newsletter:#?}"
    );
    assert!(
        preview
            .activities
            .iter()
            .filter(|a| a.name != "Monthly newsletter")
            .all(|a| a.changes.is_empty())
    );
    assert_eq!(api.list_activities().unwrap().len(), activities.len());
    assert_eq!(api.list_recipients().unwrap().len(), recipients + 1);
}
