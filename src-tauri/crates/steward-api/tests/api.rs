//! Every user action of the API against a temporary database, the way a
//! front end calls it, including the refusals: bad input gives an error that
//! names the field and writes nothing.

use std::path::Path;
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use steward_api::{ActivityInput, ApiError, ErrorCode, FixedClock, OrganisationInput, Steward};
use steward_core::{ActivityRole, ActivityStatus, EntityKind};
use steward_store::Store;

const T0: &str = "2026-11-22T10:00:00Z";

fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::new(T0.parse::<Timestamp>().unwrap()))
}

fn open(path: &Path, clock: &Arc<FixedClock>) -> Steward {
    Steward::open(path, Box::new(Arc::clone(clock))).unwrap()
}

fn members() -> ActivityInput {
    ActivityInput {
        name: "Member administration".into(),
        description: "The list of members.".into(),
        status: ActivityStatus::Active,
        systems: vec!["CiviCRM".into(), "Spreadsheet".into()],
        ..ActivityInput::default()
    }
}

fn profile() -> OrganisationInput {
    OrganisationInput {
        legal_name: "Open Source Commons Foundation".into(),
        contact_email: "privacy@commons.example".into(),
        ..OrganisationInput::default()
    }
}

/// The number of ops in the database file: the measure of "nothing written".
fn op_count(path: &Path) -> i64 {
    Store::open(path, "2026-12-01T09:00:00Z".parse().unwrap())
        .unwrap()
        .op_count()
        .unwrap()
}

fn fields(error: &ApiError) -> Vec<&str> {
    error.fields.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn activities_can_be_created_listed_edited_deleted_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = clock();
    let mut api = open(&db, &clock);

    let created = api.create_activity(members()).unwrap();
    assert_eq!(created.fields.name, "Member administration");
    assert_eq!(created.created_at, T0);
    assert_eq!(api.list_activities().unwrap(), vec![created.clone()]);
    assert_eq!(api.get_activity(&created.id).unwrap(), created);

    clock.advance(SignedDuration::from_mins(5));
    let mut edit = members();
    edit.name = "Membership".into();
    edit.systems.pop();
    let edited = api.update_activity(&created.id, edit, None).unwrap();
    assert_eq!(edited.fields.name, "Membership");
    assert_eq!(edited.fields.systems, vec!["CiviCRM".to_string()]);
    assert_eq!(edited.created_at, T0);
    assert_eq!(edited.updated_at, "2026-11-22T10:05:00Z");

    let deleted = api.delete_activity(&created.id, None).unwrap();
    assert_eq!(deleted, edited);
    assert!(api.list_activities().unwrap().is_empty());
    assert_eq!(
        api.get_activity(&created.id).unwrap_err().code,
        ErrorCode::NotFound
    );

    let restored = api.restore_activity(&created.id).unwrap();
    assert_eq!(restored.fields.name, "Membership");
    assert_eq!(api.list_activities().unwrap().len(), 1);
    // Restoring twice is harmless.
    assert_eq!(
        api.restore_activity(&created.id).unwrap().fields.name,
        "Membership"
    );
}

#[test]
fn the_list_is_sorted_by_name_regardless_of_case() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    for name in ["volunteers", "Donors", "members"] {
        api.create_activity(ActivityInput {
            name: name.into(),
            ..ActivityInput::default()
        })
        .unwrap();
    }
    let names: Vec<String> = api
        .list_activities()
        .unwrap()
        .into_iter()
        .map(|a| a.fields.name)
        .collect();
    assert_eq!(names, ["Donors", "members", "volunteers"]);
}

#[test]
fn invalid_activities_are_refused_with_the_fields_named_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = clock();
    let existing = open(&db, &clock).create_activity(members()).unwrap();
    let ops_before = op_count(&db);

    type Case = (
        &'static str,
        fn(&mut ActivityInput),
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        ("no name", |a| a.name = " ".into(), &["name"]),
        (
            "control character",
            |a| a.name = "Members\u{1b}[31m".into(),
            &["name"],
        ),
        (
            "very long text",
            |a| a.description = "x".repeat(5001),
            &["description"],
        ),
        (
            "empty system",
            |a| a.systems.push(String::new()),
            &["systems[2]"],
        ),
        (
            "bad review date",
            |a| a.next_review = Some("2027-02-30".into()),
            &["nextReview"],
        ),
        (
            "processor without its controller",
            |a| a.role = ActivityRole::Processor,
            &["controllerName"],
        ),
    ];
    let mut api = open(&db, &clock);
    for (label, change, expected) in cases {
        let mut input = members();
        change(&mut input);
        let create = api.create_activity(input.clone()).unwrap_err();
        assert_eq!(create.code, ErrorCode::Validation, "{label}");
        assert_eq!(fields(&create), *expected, "{label}");
        assert!(
            create.message.contains("nothing was saved"),
            "{label}: {}",
            create.message
        );
        let update = api.update_activity(&existing.id, input, None).unwrap_err();
        assert_eq!(fields(&update), *expected, "{label}");
    }
    drop(api);
    assert_eq!(
        op_count(&db),
        ops_before,
        "refused input must write nothing"
    );
    assert_eq!(
        open(&db, &clock).get_activity(&existing.id).unwrap(),
        existing
    );
}

#[test]
fn unknown_ids_are_not_found() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    let missing = "00000000-0000-4000-8000-000000000000";
    assert_eq!(
        api.get_activity(missing).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        api.update_activity(missing, members(), None)
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        api.delete_activity(missing, None).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        api.restore_activity(missing).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_deleted_activity_cannot_be_edited_until_restored() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    let a = api.create_activity(members()).unwrap();
    api.delete_activity(&a.id, None).unwrap();
    assert_eq!(
        api.update_activity(&a.id, members(), None)
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    assert_eq!(
        api.delete_activity(&a.id, None).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn the_organisation_profile_is_saved_and_validated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = clock();
    let mut api = open(&db, &clock);
    let empty = api.get_organisation().unwrap();
    assert_eq!(empty.fields.legal_name, "");
    assert_eq!(empty.updated_at, None);

    let saved = api.update_organisation(profile(), None).unwrap();
    assert_eq!(saved.fields.legal_name, "Open Source Commons Foundation");
    assert_eq!(saved.updated_at.as_deref(), Some(T0));
    let ops_before = {
        drop(api);
        op_count(&db)
    };

    let mut api = open(&db, &clock);
    let mut bad = profile();
    bad.legal_name.clear();
    bad.contact_email = "privacy at commons".into();
    bad.dpo_name = "Ada Lovelace".into();
    let error = api.update_organisation(bad, None).unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    assert_eq!(fields(&error), ["legalName", "contactEmail", "dpoContact"]);
    assert_eq!(api.get_organisation().unwrap(), saved);
    drop(api);
    assert_eq!(op_count(&db), ops_before);
}

#[test]
fn the_demo_register_is_offered_once_on_an_empty_database() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    assert!(api.welcome().unwrap().offer_demo);
    api.load_demo().unwrap();
    assert!(!api.welcome().unwrap().offer_demo);
    let activities = api.list_activities().unwrap();
    assert_eq!(activities.len(), 5);
    assert!(
        activities
            .iter()
            .any(|a| a.fields.status == ActivityStatus::Draft)
    );
    assert!(!api.get_organisation().unwrap().fields.legal_name.is_empty());
    let newsletter = activities
        .iter()
        .find(|a| a.fields.name == "Newsletter")
        .unwrap();
    assert_eq!(api.list_purposes(&newsletter.id).unwrap().len(), 1);
    assert_eq!(api.list_transfers(&newsletter.id).unwrap().len(), 1);
    assert!(
        api.get_activity_review(&newsletter.id)
            .unwrap()
            .missing
            .is_empty(),
        "the demo's newsletter is a complete entry"
    );

    let again = api.load_demo().unwrap_err();
    assert!(
        again.message.contains("empty register"),
        "{}",
        again.message
    );
    assert_eq!(api.list_activities().unwrap().len(), 5);
}

#[test]
fn declining_the_demo_is_remembered_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = clock();
    let mut api = open(&db, &clock);
    assert!(api.welcome().unwrap().offer_demo);
    api.dismiss_demo().unwrap();
    drop(api);
    assert!(!open(&db, &clock).welcome().unwrap().offer_demo);
}

#[test]
fn a_register_with_data_is_never_offered_the_demo() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    api.create_activity(members()).unwrap();
    assert!(!api.welcome().unwrap().offer_demo);
}

#[test]
fn errors_cross_ipc_as_code_message_and_fields() {
    let mut api = Steward::open_in_memory(Box::new(clock())).unwrap();
    let error = api
        .create_activity(ActivityInput {
            name: String::new(),
            ..ActivityInput::default()
        })
        .unwrap_err();
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "validation");
    assert_eq!(json["fields"][0]["field"], "name");
    assert!(
        json["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Name is required")
    );
    assert!(json["message"].is_string());
}

#[test]
fn a_database_from_a_newer_steward_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    drop(Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap()).unwrap());
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 42)
        .unwrap();
    let error = Steward::open(&db, Box::new(clock())).err().unwrap();
    assert_eq!(error.code, ErrorCode::DatabaseTooNew);
    assert!(
        error.message.contains("Update Steward"),
        "{}",
        error.message
    );
}

#[test]
fn every_edit_is_in_the_op_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = clock();
    let mut api = open(&db, &clock);
    let a = api.create_activity(members()).unwrap();
    api.delete_activity(&a.id, None).unwrap();
    drop(api);
    let store = Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap()).unwrap();
    let ops = store.ops_for_row(EntityKind::Activity, &a.id).unwrap();
    let fields: Vec<&str> = ops.iter().map(|op| op.field.as_str()).collect();
    assert_eq!(
        fields,
        ["name", "description", "status", "systems", "$deleted"],
        "only the fields that differ from their defaults are written"
    );
}
