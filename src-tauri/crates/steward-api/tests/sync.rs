//! Offline collaboration through the API, as volunteers would do it: a
//! starter file, change files both ways, concurrent edits, deletes that meet
//! edits, conflicts resolved on one laptop and seen on the other — and every
//! refused file leaving the register as it was.

use std::sync::Arc;

use jiff::SignedDuration;
use serde_json::json;
use steward_api::{
    ActivityInput, ErrorCode, ExportScope, FixedClock, RecordKind, Resolution,
    ResolveConflictInput, Steward,
};

struct Laptop {
    api: Steward,
    clock: Arc<FixedClock>,
}

fn laptop(name: &str, at: &str) -> Laptop {
    let clock = Arc::new(FixedClock::new(at.parse().unwrap()));
    let mut api = Steward::open_in_memory(Box::new(clock.clone())).unwrap();
    api.set_device_name(name).unwrap();
    Laptop { api, clock }
}

impl Laptop {
    fn later(&self) {
        self.clock.advance(SignedDuration::from_mins(1));
    }

    fn send_to(&self, other: &mut Laptop) -> steward_api::ChangeImport {
        let file = self.api.export_changes(ExportScope::Mine).unwrap();
        other.api.import_changes(&file.name, &file.bytes).unwrap()
    }

    fn activity(&mut self, name: &str) -> String {
        self.api
            .create_activity(ActivityInput {
                name: name.into(),
                ..ActivityInput::default()
            })
            .unwrap()
            .id
    }

    fn rename(&mut self, id: &str, name: &str) {
        let mut input = self.api.get_activity(id).unwrap().fields;
        input.name = name.into();
        self.api.update_activity(id, input, None).unwrap();
    }

    fn describe(&mut self, id: &str, description: &str) {
        let mut input = self.api.get_activity(id).unwrap().fields;
        input.description = description.into();
        self.api.update_activity(id, input, None).unwrap();
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .api
            .list_activities()
            .unwrap()
            .into_iter()
            .map(|a| a.fields.name)
            .collect();
        names.sort();
        names
    }
}

/// The administrator's laptop and a volunteer's, joined by a starter file.
fn admin_and_volunteer() -> (Laptop, Laptop, String) {
    let mut admin = laptop("Ada (admin)", "2026-11-23T09:00:00Z");
    let id = admin.activity("Newsletter");
    let starter = admin.api.export_changes(ExportScope::Everything).unwrap();
    let mut volunteer = laptop("Vic (volunteer)", "2026-11-23T09:00:30Z");
    let joined = volunteer
        .api
        .join_organisation(&starter.name, &starter.bytes)
        .unwrap();
    assert_eq!(joined.new_ops, starter.ops);
    (admin, volunteer, id)
}

#[test]
fn a_starter_file_gives_a_new_laptop_the_organisation_and_its_register() {
    let (admin, volunteer, _) = admin_and_volunteer();
    assert_eq!(volunteer.names(), ["Newsletter"]);
    let (a, v) = (
        admin.api.sync_status().unwrap(),
        volunteer.api.sync_status().unwrap(),
    );
    assert_eq!(a.organisation_id, v.organisation_id);
    assert_ne!(a.device_id, v.device_id);
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
    // The volunteer's laptop knows who wrote what it holds.
    let ada = v.devices.iter().find(|d| d.device == a.device_id).unwrap();
    assert_eq!(ada.name, "Ada (admin)");
    assert!(!ada.this_device && ada.missing.is_empty());
}

#[test]
fn edits_travel_both_ways_and_importing_twice_changes_nothing() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    volunteer.later();
    volunteer.rename(&id, "Monthly newsletter");
    let first = volunteer.send_to(&mut admin);
    assert_eq!(first.author, "Vic (volunteer)");
    assert!(first.new_ops >= 1);
    assert_eq!(admin.names(), ["Monthly newsletter"]);
    let before = admin.api.register_digest().unwrap();
    let again = volunteer.send_to(&mut admin);
    assert_eq!(again.new_ops, 0, "a file imported twice is a no-op");
    assert_eq!(admin.api.register_digest().unwrap(), before);

    admin.later();
    admin.activity("Volunteer rota");
    admin.send_to(&mut volunteer);
    assert_eq!(volunteer.names(), ["Monthly newsletter", "Volunteer rota"]);
    assert_eq!(before.len(), 64);
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
    // The history names the volunteer as the author of the rename.
    let history = admin.api.get_history(RecordKind::Activity, &id).unwrap();
    assert!(
        history.iter().any(|h| h.author == "Vic (volunteer)"),
        "{history:#?}"
    );
}

#[test]
fn concurrent_edits_of_different_fields_merge_without_a_conflict() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    admin.rename(&id, "Members' newsletter");
    volunteer.describe(&id, "Sent monthly to members who asked for it.");
    admin.send_to(&mut volunteer);
    volunteer.send_to(&mut admin);
    for laptop in [&admin, &volunteer] {
        let a = laptop.api.get_activity(&id).unwrap().fields;
        assert_eq!(a.name, "Members' newsletter");
        assert_eq!(a.description, "Sent monthly to members who asked for it.");
        assert!(laptop.api.list_conflicts().unwrap().is_empty());
    }
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
}

#[test]
fn a_field_edited_on_both_laptops_is_a_conflict_until_a_person_resolves_it() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    admin.rename(&id, "Newsletter (members)");
    volunteer.later();
    volunteer.rename(&id, "Newsletter (public)");
    admin.send_to(&mut volunteer);
    volunteer.send_to(&mut admin);

    for laptop in [&admin, &volunteer] {
        let conflicts = laptop.api.list_conflicts().unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
        let c = &conflicts[0];
        assert_eq!((c.record, c.field.as_str()), (RecordKind::Activity, "name"));
        let values: Vec<(&str, &str, bool)> = c
            .values
            .iter()
            .map(|v| (v.value.as_str().unwrap(), v.device_name.as_str(), v.shown))
            .collect();
        // The later edit is shown until someone decides; both are kept.
        assert_eq!(
            values,
            [
                ("Newsletter (public)", "Vic (volunteer)", true),
                ("Newsletter (members)", "Ada (admin)", false)
            ]
        );
        assert_eq!(laptop.names(), ["Newsletter (public)"]);
    }
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );

    // A value the form refuses is refused here too, naming the value.
    let resolve = |value: serde_json::Value| ResolveConflictInput {
        record: RecordKind::Activity,
        record_id: id.clone(),
        field: "name".into(),
        resolution: Resolution::Value { value },
    };
    let err = admin
        .api
        .resolve_conflict(resolve(json!("  ")))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "value");
    admin.later();
    admin
        .api
        .resolve_conflict(resolve(json!("Newsletter (members)")))
        .unwrap();
    assert!(admin.api.list_conflicts().unwrap().is_empty());
    admin.send_to(&mut volunteer);
    assert!(volunteer.api.list_conflicts().unwrap().is_empty());
    assert_eq!(volunteer.names(), ["Newsletter (members)"]);
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
    // Resolving again finds nothing to resolve.
    let gone = volunteer
        .api
        .resolve_conflict(resolve(json!("x")))
        .unwrap_err();
    assert_eq!(gone.code, ErrorCode::NotFound);
}

#[test]
fn a_delete_that_meets_an_edit_keeps_the_record_until_a_person_decides() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    admin.api.delete_activity(&id, None).unwrap();
    volunteer.describe(&id, "Now also sent to donors.");
    admin.send_to(&mut volunteer);
    volunteer.send_to(&mut admin);
    for laptop in [&admin, &volunteer] {
        assert_eq!(laptop.names(), ["Newsletter"], "the edit keeps it visible");
        let conflicts = laptop.api.list_conflicts().unwrap();
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].field, "$deleted");
        let fields: Vec<&str> = conflicts[0]
            .values
            .iter()
            .map(|v| v.field.as_str())
            .collect();
        assert_eq!(fields, ["$deleted", "description"]);
    }
    // The volunteer agrees it should go: deleted everywhere, conflict gone.
    volunteer.later();
    volunteer
        .api
        .resolve_conflict(ResolveConflictInput {
            record: RecordKind::Activity,
            record_id: id.clone(),
            field: "$deleted".into(),
            resolution: Resolution::DeleteRecord,
        })
        .unwrap();
    volunteer.send_to(&mut admin);
    for laptop in [&admin, &volunteer] {
        assert!(laptop.names().is_empty());
        assert!(laptop.api.list_conflicts().unwrap().is_empty());
    }
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
}

#[test]
fn keeping_a_deleted_record_keeps_the_edit_made_meanwhile() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    admin.api.delete_activity(&id, None).unwrap();
    volunteer.describe(&id, "Now also sent to donors.");
    volunteer.send_to(&mut admin);
    admin.later();
    admin
        .api
        .resolve_conflict(ResolveConflictInput {
            record: RecordKind::Activity,
            record_id: id.clone(),
            field: "$deleted".into(),
            resolution: Resolution::KeepRecord,
        })
        .unwrap();
    admin.send_to(&mut volunteer);
    for laptop in [&admin, &volunteer] {
        let a = laptop.api.get_activity(&id).unwrap().fields;
        assert_eq!(a.description, "Now also sent to donors.");
        assert!(laptop.api.list_conflicts().unwrap().is_empty());
    }
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
}

#[test]
fn deleted_on_both_laptops_is_no_conflict() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    admin.api.delete_activity(&id, None).unwrap();
    volunteer.api.delete_activity(&id, None).unwrap();
    admin.send_to(&mut volunteer);
    volunteer.send_to(&mut admin);
    for laptop in [&admin, &volunteer] {
        assert!(laptop.names().is_empty());
        assert!(laptop.api.list_conflicts().unwrap().is_empty());
    }
    assert_eq!(
        admin.api.register_digest().unwrap(),
        volunteer.api.register_digest().unwrap()
    );
}

#[test]
fn a_file_of_another_organisation_is_refused_and_changes_nothing() {
    let (_, mut volunteer, _) = admin_and_volunteer();
    let mut stranger = laptop("Stranger", "2026-11-23T09:00:00Z");
    stranger.activity("Someone else's register");
    let file = stranger.api.export_changes(ExportScope::Mine).unwrap();
    let before = volunteer.api.register_digest().unwrap();
    let err = volunteer
        .api
        .import_changes("theirs.chg", &file.bytes)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("theirs.chg"), "{}", err.message);
    assert!(
        err.message.contains("another organisation"),
        "{}",
        err.message
    );
    assert_eq!(volunteer.api.register_digest().unwrap(), before);
    // Joining is for a new, empty register only.
    let err = volunteer
        .api
        .join_organisation("theirs.chg", &file.bytes)
        .unwrap_err();
    assert!(err.message.contains("empty database"), "{}", err.message);
}

#[test]
fn a_file_cut_at_any_byte_or_with_any_byte_changed_is_refused_whole() {
    let (mut admin, mut volunteer, id) = admin_and_volunteer();
    volunteer.rename(&id, "Monthly newsletter");
    let file = volunteer.api.export_changes(ExportScope::Mine).unwrap();
    let before = admin.api.register_digest().unwrap();
    let ops_before = admin.api.sync_status().unwrap().devices.len();
    for cut in 0..file.bytes.len() {
        let err = admin
            .api
            .import_changes("cut.chg", &file.bytes[..cut])
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation, "cut at {cut}");
        assert!(err.message.contains("cut.chg"));
    }
    for at in (0..file.bytes.len()).step_by(7) {
        let mut damaged = file.bytes.clone();
        damaged[at] ^= 0x20;
        assert!(
            admin.api.import_changes("damaged.chg", &damaged).is_err(),
            "byte {at}"
        );
    }
    assert_eq!(admin.api.register_digest().unwrap(), before);
    assert_eq!(admin.api.sync_status().unwrap().devices.len(), ops_before);
    admin.api.import_changes("whole.chg", &file.bytes).unwrap();
    assert_eq!(admin.names(), ["Monthly newsletter"]);
}
