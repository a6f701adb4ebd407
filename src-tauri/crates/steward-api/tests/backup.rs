//! The whole register as JSON: export, import into an empty register with
//! nothing lost, refusals that name the record and field, and a golden file
//! that freezes the format.

use std::collections::HashMap;

use serde_json::Value;
use steward_api::{ErrorCode, FixedClock, Steward};

fn api() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap()
}

fn demo_export() -> String {
    let mut api = api();
    api.load_demo().unwrap();
    api.export_register_json().unwrap()
}

/// Replaces every id (random UUIDs) by its order of first appearance, so
/// that two exports of the same register compare equal.
fn normalise_ids(text: &str) -> Value {
    let mut json: Value = serde_json::from_str(text).unwrap();
    let mut ids: HashMap<String, String> = HashMap::new();
    fn walk(v: &mut Value, ids: &mut HashMap<String, String>, collect: bool) {
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    let is_id = k == "id" || k.ends_with("Id");
                    if let (true, Value::String(s)) = (is_id, &mut *child) {
                        if collect && k == "id" {
                            let n = ids.len() + 1;
                            ids.entry(s.clone()).or_insert_with(|| format!("id-{n}"));
                        } else if !collect && let Some(new) = ids.get(s.as_str()) {
                            *s = new.clone();
                        }
                    } else {
                        walk(child, ids, collect);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, ids, collect)),
            _ => {}
        }
    }
    walk(&mut json, &mut ids, true);
    walk(&mut json, &mut ids, false);
    json
}

#[test]
fn an_export_imports_into_an_empty_register_without_loss() {
    let exported = demo_export();
    let mut copy = api();
    let summary = copy.import_register_json(&exported).unwrap();
    assert_eq!(summary.activities, 5);
    assert_eq!(summary.recipients, 1);
    assert!(summary.activity_rows > 20, "{summary:?}");
    // Ids, links and values come back as they were: the second export is
    // the same document, byte for byte.
    assert_eq!(copy.export_register_json().unwrap(), exported);

    let again = copy.import_register_json(&exported).unwrap_err();
    assert!(
        again.message.contains("empty register"),
        "{}",
        again.message
    );
}

#[test]
fn the_format_is_frozen_by_a_golden_file() {
    let golden_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v6.json"
    );
    let actual = normalise_ids(&demo_export());
    if std::env::var_os("STEWARD_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(golden_path, text).unwrap();
    }
    let golden: Value = serde_json::from_str(
        &std::fs::read_to_string(golden_path)
            .expect("the golden file exists (STEWARD_BLESS=1 cargo test writes it)"),
    )
    .unwrap();
    assert_eq!(
        actual, golden,
        "the export format changed: if on purpose, raise FORMAT_VERSION, then rerun with STEWARD_BLESS=1 and commit the file"
    );
    assert_eq!(golden["formatVersion"], steward_api::FORMAT_VERSION);
}

/// Files written by older versions stay readable: the version 1 golden file
/// (frozen when version 2 added the policy settings) imports, with the
/// settings empty.
#[test]
fn a_version_1_file_still_imports() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v1.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copy = api();
    let summary = copy.import_register_json(&text).unwrap();
    assert_eq!(summary.activities, 5, "{summary:?}");
    let organisation = copy.get_organisation().unwrap().fields;
    assert_eq!(
        organisation.legal_name,
        "Riverside Community Garden Association"
    );
    assert_eq!(organisation.policy, steward_api::PolicySettings::default());
}

/// The version 2 golden file (frozen when version 3 added sources' notices
/// and acknowledgements) imports, with neither.
#[test]
fn a_version_2_file_still_imports() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v2.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copy = api();
    let summary = copy.import_register_json(&text).unwrap();
    assert_eq!(summary.activities, 5, "{summary:?}");
    let export = copy.export_register().unwrap();
    assert!(export.acknowledgements.is_empty());
    assert!(
        export
            .activities
            .iter()
            .flat_map(|a| &a.sources)
            .all(|s| s.fields.notice.is_empty())
    );
    assert_ne!(
        export.organisation.policy,
        steward_api::PolicySettings::default()
    );
}

/// The version 3 golden file (frozen when version 4 added the policy's own
/// texts and saved versions) imports, with neither.
#[test]
fn a_version_3_file_still_imports() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v3.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copy = api();
    let summary = copy.import_register_json(&text).unwrap();
    assert_eq!(summary.activities, 5, "{summary:?}");
    let export = copy.export_register().unwrap();
    assert!(export.policy_edits.is_empty());
    assert!(export.policy_versions.is_empty());
}

/// The version 4 golden file (frozen when version 5 added `confirmedNone`)
/// imports, with nothing confirmed: an older file denies nothing.
#[test]
fn a_version_4_file_still_imports_with_nothing_confirmed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v4.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copy = api();
    let summary = copy.import_register_json(&text).unwrap();
    assert_eq!(summary.activities, 5, "{summary:?}");
    let export = copy.export_register().unwrap();
    assert!(export.organisation.policy.confirmed_none.is_empty());
    assert_eq!(export.policy_edits.len(), 1);
}

/// The version 5 golden file (frozen when version 6 added the
/// organisation's country and GDPR reach) imports with neither recorded.
#[test]
fn a_version_5_file_still_imports_with_no_country() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/demo-register-export-v5.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut copy = api();
    let summary = copy.import_register_json(&text).unwrap();
    assert_eq!(summary.activities, 5, "{summary:?}");
    let organisation = copy.export_register().unwrap().organisation;
    assert_eq!(organisation.country, "");
    assert_eq!(organisation.gdpr_reach, None);
    assert_eq!(
        organisation.policy.confirmed_none,
        vec![steward_api::ConfirmedNone::AutomatedDecisions]
    );
}

#[test]
fn a_bad_file_is_refused_with_the_record_and_field_named_and_nothing_written() {
    let mut json: Value = serde_json::from_str(&demo_export()).unwrap();
    json["activities"][2]["purposes"][0]["description"] = Value::String(String::new());
    json["recipients"][0]["country"] = Value::String("XX".into());
    let newsletter = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .position(|a| a["name"] == "Newsletter")
        .unwrap();
    json["activities"][newsletter]["transfers"][0]["recipientId"] =
        Value::String("00000000-0000-4000-8000-000000000000".into());

    let mut target = api();
    let error = target.import_register_json(&json.to_string()).unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(fields.contains(&"recipients[0].country"), "{fields:?}");
    assert!(
        fields.contains(&"activities[2].purposes[0].description"),
        "{fields:?}"
    );
    let link = format!("activities[{newsletter}].transfers[0].recipientId");
    assert!(fields.contains(&link.as_str()), "{fields:?}");
    assert!(target.list_activities().unwrap().is_empty());
    assert!(target.get_organisation().unwrap().updated_at.is_none());

    let not_json = target.import_register_json("{ nope").unwrap_err();
    assert!(not_json.message.contains("line 1"), "{}", not_json.message);
    let newer = target
        .import_register_json(r#"{"format":"steward-register","formatVersion":99}"#)
        .unwrap_err();
    assert!(newer.message.contains("newer Steward"), "{}", newer.message);
    let other = target
        .import_register_json(r#"{"format":"something-else","formatVersion":1}"#)
        .unwrap_err();
    assert!(other.message.contains("not a Steward register export"));
}
