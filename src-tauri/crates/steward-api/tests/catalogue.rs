//! The processor catalogue and the country list through the API.

use steward_api::{DpaStatus, ErrorCode, FixedClock, Steward};

fn api() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap()
}

#[test]
fn adding_a_catalogue_entry_prefills_a_recipient_once() {
    let mut api = api();
    let catalogue = api.get_processor_catalogue().unwrap();
    assert!(catalogue.entries.len() >= 40);
    assert!(catalogue.entries.iter().all(|e| !e.in_register));
    let entry = catalogue.entries[0].facts.clone();

    let recipient = api.add_recipient_from_catalogue(&entry.id).unwrap();
    assert_eq!(recipient.fields.trading_name, entry.name);
    assert_eq!(
        recipient.fields.legal_name,
        entry.legal_entity.clone().unwrap_or(entry.name.clone())
    );
    assert_eq!(
        recipient.fields.catalogue_id.as_deref(),
        Some(entry.id.as_str())
    );
    assert_eq!(recipient.fields.dpa_status, DpaStatus::Missing);
    assert_eq!(recipient.fields.dpf, entry.dpf);
    assert!(
        recipient.fields.notes.contains("verify them"),
        "{}",
        recipient.fields.notes
    );

    let after = api.get_processor_catalogue().unwrap();
    assert!(
        after
            .entries
            .iter()
            .find(|e| e.facts.id == entry.id)
            .unwrap()
            .in_register
    );

    let twice = api.add_recipient_from_catalogue(&entry.id).unwrap_err();
    assert_eq!(twice.code, ErrorCode::Validation);
    assert!(
        twice.message.contains("already in your register"),
        "{}",
        twice.message
    );
    assert_eq!(api.list_recipients().unwrap().len(), 1);

    // Once deleted, it may be added again.
    api.delete_recipient(&recipient.id, None).unwrap();
    api.add_recipient_from_catalogue(&entry.id).unwrap();
}

#[test]
fn an_unknown_catalogue_entry_is_not_found() {
    let error = api()
        .add_recipient_from_catalogue("no-such-service")
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::NotFound);
}

#[test]
fn countries_are_listed_by_the_name_people_use() {
    let countries = api().list_countries().unwrap();
    assert_eq!(countries.len(), 249);
    let names: Vec<&str> = countries.iter().map(|c| c.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    assert!(
        countries
            .iter()
            .any(|c| c.code == "KR" && c.name == "South Korea")
    );
}

#[test]
fn the_vocabulary_names_nonprofit_subjects_and_special_categories() {
    let vocabulary = api().get_vocabulary().unwrap();
    assert!(
        vocabulary
            .subject_categories
            .iter()
            .any(|s| s.id == "volunteers")
    );
    let health = vocabulary
        .data_categories
        .iter()
        .find(|d| d.id == "health-data")
        .expect("health data");
    let json = serde_json::to_value(health).unwrap();
    assert_eq!(json["special"], "art9");
}
