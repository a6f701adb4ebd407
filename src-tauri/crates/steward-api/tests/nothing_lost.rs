//! "Nothing lost, ever": saves made against what the person saw, and merges
//! that never stall. Each test is one of the ways a real register lost an
//! edit or stopped syncing before (issue "Nothing lost, ever"), driven
//! through the API as the app and the command line drive it.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use steward_api::sync::file;
use steward_api::{
    Activity, ActivityInput, ActivityRole, ExportScope, FixedClock, RecordKind, Steward,
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

    fn get(&self, id: &str) -> Activity {
        self.api.get_activity(id).unwrap()
    }

    /// Saves a change the way a form does: from `seen` (what the form was
    /// filled with) with `change` applied, against `seen`'s base.
    fn save_form(
        &mut self,
        seen: &Activity,
        change: impl FnOnce(&mut ActivityInput),
    ) -> Result<Activity, steward_api::ApiError> {
        let mut input = seen.fields.clone();
        change(&mut input);
        self.api.update_activity(&seen.id, input, Some(&seen.base))
    }

    /// The ops of one field of a row, as the history tells them.
    fn writes_of(&self, id: &str, field: &str) -> usize {
        self.api
            .get_history(RecordKind::Activity, id)
            .unwrap()
            .iter()
            .filter(|h| h.field.as_deref() == Some(field))
            .count()
    }
}

/// The administrator's laptop and a volunteer's, joined by a starter file,
/// sharing one activity.
fn two_laptops() -> (Laptop, Laptop, String) {
    let mut a = laptop("Ada", "2026-12-01T09:00:00Z");
    let id = a
        .api
        .create_activity(ActivityInput {
            name: "Newsletter".into(),
            description: "Monthly news for members".into(),
            ..ActivityInput::default()
        })
        .unwrap()
        .id;
    let starter = a.api.export_changes(ExportScope::Everything).unwrap();
    let mut b = laptop("Bea", "2026-12-01T09:00:30Z");
    b.api
        .join_organisation(&starter.name, &starter.bytes)
        .unwrap();
    (a, b, id)
}

/// The case that reverted a colleague's edit everywhere: A's form is open;
/// B's change to the description arrives; A changes the name and saves.
#[test]
fn a_stale_form_keeps_the_colleagues_edit_and_writes_only_what_changed() {
    let (mut a, mut b, id) = two_laptops();
    let form = a.get(&id);
    b.later();
    let mut input = b.get(&id).fields;
    input.description = "News for members, every month".into();
    b.api.update_activity(&id, input, None).unwrap();
    b.send_to(&mut a);

    a.later();
    let before = a.writes_of(&id, "description");
    let saved = a
        .save_form(&form, |f| f.name = "Members' newsletter".into())
        .unwrap();
    assert_eq!(saved.fields.name, "Members' newsletter");
    assert_eq!(saved.fields.description, "News for members, every month");
    assert!(a.api.list_conflicts().unwrap().is_empty());
    assert_eq!(
        a.writes_of(&id, "description"),
        before,
        "a field the person did not touch is never written"
    );

    // And B ends with the same, its edit intact.
    a.send_to(&mut b);
    assert_eq!(b.get(&id).fields, a.get(&id).fields);
    assert_eq!(
        a.api.register_digest().unwrap(),
        b.api.register_digest().unwrap()
    );
}

/// When the person did change the field someone else changed meanwhile,
/// both values are kept as a conflict, and the rest of the save stands.
#[test]
fn a_stale_form_that_changed_the_same_field_makes_a_conflict() {
    let (mut a, mut b, id) = two_laptops();
    let form = a.get(&id);
    b.later();
    let mut input = b.get(&id).fields;
    input.description = "Bea's words".into();
    b.api.update_activity(&id, input, None).unwrap();
    b.send_to(&mut a);

    a.later();
    let saved = a
        .save_form(&form, |f| {
            f.name = "Members' newsletter".into();
            f.description = "Ada's words".into();
        })
        .unwrap();
    assert_eq!(saved.fields.name, "Members' newsletter");
    let conflicts = a.api.list_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].field, "description");
    let mut values: Vec<&str> = conflicts[0]
        .values
        .iter()
        .map(|v| v.value.as_str().unwrap())
        .collect();
    values.sort_unstable();
    assert_eq!(values, ["Ada's words", "Bea's words"]);
    let who: Vec<&str> = conflicts[0]
        .values
        .iter()
        .map(|v| v.device_name.as_str())
        .collect();
    assert!(who.contains(&"Ada") && who.contains(&"Bea"));

    // The same conflict reaches B.
    a.send_to(&mut b);
    assert_eq!(b.api.list_conflicts().unwrap(), conflicts);
}

/// A save against the register as it is (no base, as the command line
/// saves by default) behaves as before; a base that names nothing of the
/// record is refused under `base`.
#[test]
fn a_base_that_is_not_the_records_is_refused_by_name() {
    let (mut a, _, id) = two_laptops();
    let form = a.get(&id);
    let err = a
        .api
        .update_activity(&id, form.fields.clone(), Some("1@not-a-device"))
        .unwrap_err();
    assert_eq!(err.fields[0].field, "base", "{err:?}");
    let err = a
        .api
        .update_activity(&id, form.fields.clone(), Some("twelve"))
        .unwrap_err();
    assert_eq!(err.fields[0].field, "base", "{err:?}");
    // Saving the form unchanged writes nothing, not even the fields that
    // were never set (they hold their defaults).
    let history = |a: &Laptop| a.api.get_history(RecordKind::Activity, &id).unwrap().len();
    let before = history(&a);
    a.save_form(&form, |_| {}).unwrap();
    assert_eq!(history(&a), before);
}

/// A delete made from a stale view, after a colleague's edit: the record
/// stays, as an edit-vs-delete conflict for a person to settle.
#[test]
fn a_stale_delete_after_a_concurrent_edit_keeps_the_record_as_a_conflict() {
    let (mut a, mut b, id) = two_laptops();
    let seen = a.get(&id);
    b.later();
    let mut input = b.get(&id).fields;
    input.owner = "Communications lead".into();
    b.api.update_activity(&id, input, None).unwrap();
    b.send_to(&mut a);

    a.later();
    a.api.delete_activity(&id, Some(&seen.base)).unwrap();
    let still = a.get(&id);
    assert_eq!(still.fields.owner, "Communications lead");
    let conflicts = a.api.list_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].field, "$deleted");

    // A delete from an up-to-date view deletes.
    let (mut c, _, other) = two_laptops();
    let fresh = c.get(&other);
    c.api.delete_activity(&other, Some(&fresh.base)).unwrap();
    assert!(c.api.get_activity(&other).is_err());
    assert!(c.api.list_conflicts().unwrap().is_empty());
}

/// A edits a record that B deleted meanwhile (A had not seen the delete):
/// the edit brings the record back, with the delete as a conflict.
#[test]
fn an_edit_of_a_record_deleted_meanwhile_brings_it_back_as_a_conflict() {
    let (mut a, mut b, id) = two_laptops();
    let form = a.get(&id);
    b.later();
    b.api.delete_activity(&id, None).unwrap();
    b.send_to(&mut a);
    assert!(a.api.get_activity(&id).is_err());
    a.later();
    let saved = a
        .save_form(&form, |f| f.owner = "Events team".into())
        .unwrap();
    assert_eq!(saved.fields.owner, "Events team");
    let conflicts = a.api.list_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, "$deleted");
}

/// A rule that spans two fields, broken only by the merge of two valid
/// saves: both files apply on both laptops, and the problem is listed.
#[test]
fn a_rule_broken_only_by_the_merge_applies_both_files_and_lists_the_problem() {
    let (mut a, mut b, id) = two_laptops();
    // First the activity is run as a processor, for a named controller.
    let mut input = a.get(&id).fields;
    input.role = ActivityRole::Processor;
    input.controller_name = "Open Source Collective".into();
    a.api.update_activity(&id, input, None).unwrap();
    a.send_to(&mut b);

    // A: back to controller, clearing the controller's name (valid).
    a.later();
    let mut input = a.get(&id).fields;
    input.role = ActivityRole::Controller;
    input.controller_name = String::new();
    a.api.update_activity(&id, input, None).unwrap();
    // B, meanwhile: corrects the controller's name (valid).
    b.later();
    b.later();
    let mut input = b.get(&id).fields;
    input.controller_name = "Open Source Collective, Inc.".into();
    b.api.update_activity(&id, input, None).unwrap();

    let on_a = b.send_to(&mut a);
    let on_b = a.send_to(&mut b);
    assert_eq!(
        a.api.register_digest().unwrap(),
        b.api.register_digest().unwrap()
    );
    // The controller's name is in conflict; whichever shows, the checks say
    // what to settle, and the import said so.
    assert_eq!(a.api.list_conflicts().unwrap().len(), 1);
    let problems: Vec<_> = on_a.problems.iter().chain(&on_b.problems).collect();
    assert!(
        problems.iter().any(|p| p.field == "controllerName"),
        "{problems:#?}"
    );
    let findings = a.api.list_findings().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f.check == "formRules" && f.record_id == id),
        "{findings:#?}"
    );
    // A person settles it in the form: name cleared, conflict gone.
    let form = a.get(&id);
    let conflict = &a.api.list_conflicts().unwrap()[0];
    a.api
        .resolve_conflict(steward_api::ResolveConflictInput {
            record: conflict.record,
            record_id: id.clone(),
            field: conflict.field.clone(),
            resolution: steward_api::Resolution::Value { value: json!("") },
        })
        .unwrap();
    assert!(a.api.list_conflicts().unwrap().is_empty());
    let _ = form;
    let findings = a.api.list_findings().unwrap();
    assert!(!findings.iter().any(|f| f.check == "formRules"));
}

/// A newer Steward's value for a known field (a status this version does
/// not know) is kept: the file applies, lists and exports work, the
/// database reopens, and the record shows the value before it.
#[test]
fn a_value_from_a_newer_version_is_kept_and_breaks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite3");
    let clock = Arc::new(FixedClock::new("2026-12-01T09:00:00Z".parse().unwrap()));
    let mut a = Steward::open(&db, Box::new(clock.clone())).unwrap();
    let id = a
        .create_activity(ActivityInput {
            name: "Newsletter".into(),
            ..ActivityInput::default()
        })
        .unwrap()
        .id;
    let starter = a.export_changes(ExportScope::Everything).unwrap();
    let mut b = laptop("Bea", "2026-12-01T09:01:00Z");
    b.api
        .join_organisation(&starter.name, &starter.bytes)
        .unwrap();
    let mut input = b.get(&id).fields;
    input.status = steward_api::ActivityStatus::Active;
    b.api.update_activity(&id, input, None).unwrap();
    // As a newer Steward would write it: a status this one does not know.
    let mine = b.api.export_changes(ExportScope::Mine).unwrap();
    let mut parsed = file::decode(&mine.bytes).unwrap();
    for op in &mut parsed.ops {
        if op.field == "status" {
            op.value = json!("archived");
        }
    }
    let newer = file::encode(parsed.header, &parsed.ops);
    a.import_changes("newer.chg", &newer).unwrap();

    assert_eq!(a.list_activities().unwrap().len(), 1);
    assert_eq!(
        a.get_activity(&id).unwrap().fields.status,
        steward_api::ActivityStatus::Draft,
        "the value before the one this version cannot read"
    );
    let marked = a.list_newer_values().unwrap();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].field, "status");
    assert_eq!(marked[0].value, json!("archived"));
    assert_eq!(marked[0].device_name, "Bea");
    a.export_register_json().unwrap();
    a.list_findings().unwrap();
    a.export_changes(ExportScope::Everything).unwrap();
    drop(a);
    let a = Steward::open(&db, Box::new(clock)).unwrap();
    assert_eq!(a.list_activities().unwrap().len(), 1);
    assert_eq!(a.list_newer_values().unwrap().len(), 1);

    // Everyone else keeps it too, and relays it.
    let relay = a.export_changes(ExportScope::Everything).unwrap();
    let relayed = file::decode(&relay.bytes).unwrap();
    assert!(relayed.ops.iter().any(|o| o.value == json!("archived")));
}

/// A laptop restored from an older copy of itself: the shared folder holds
/// its own later changes. It takes a new device id, says so, imports them,
/// and keeps saving; nothing collides and nothing is lost.
#[test]
fn a_laptop_restored_from_an_old_copy_keeps_saving() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let db = dir.path().join("laptop.sqlite3");
    let clock = Arc::new(FixedClock::new("2026-12-01T09:00:00Z".parse().unwrap()));
    let open = || Steward::open(&db, Box::new(clock.clone())).unwrap();
    let mut laptop = open();
    laptop.set_device_name("Ada").unwrap();
    let id = laptop
        .create_activity(ActivityInput {
            name: "Newsletter".into(),
            ..ActivityInput::default()
        })
        .unwrap()
        .id;
    laptop.sync_folder(&folder).unwrap();
    drop(laptop);
    let backup = dir.path().join("backup.sqlite3");
    std::fs::copy(&db, &backup).unwrap();

    // Work goes on, and reaches the folder.
    let mut laptop = open();
    clock.advance(SignedDuration::from_hours(1));
    laptop
        .create_activity(ActivityInput {
            name: "Rota".into(),
            ..ActivityInput::default()
        })
        .unwrap();
    laptop.sync_folder(&folder).unwrap();
    let old_device = laptop.sync_status().unwrap().device_id;
    drop(laptop);

    // The disk dies; the old copy comes back, and its person keeps working.
    std::fs::copy(&backup, &db).unwrap();
    for extra in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("laptop.sqlite3{extra}")));
    }
    let mut laptop = open();
    clock.advance(SignedDuration::from_hours(1));
    let mut input = laptop.get_activity(&id).unwrap().fields;
    input.owner = "Ada".into();
    laptop.update_activity(&id, input, None).unwrap();

    let report = laptop.sync_folder(&folder).unwrap();
    let restored: Vec<&String> = report
        .imported
        .iter()
        .filter_map(|i| i.restored.as_ref())
        .collect();
    assert_eq!(restored.len(), 1, "{report:#?}");
    let status = laptop.sync_status().unwrap();
    assert_ne!(status.device_id, old_device);
    let mut names: Vec<String> = laptop
        .list_activities()
        .unwrap()
        .into_iter()
        .map(|a| a.fields.name)
        .collect();
    names.sort();
    assert_eq!(names, ["Newsletter", "Rota"]);
    assert_eq!(laptop.get_activity(&id).unwrap().fields.owner, "Ada");
    // It keeps saving (the next sequence number is its new id's), and its
    // changes reach the folder under the new id.
    laptop
        .create_activity(ActivityInput {
            name: "Grants".into(),
            ..ActivityInput::default()
        })
        .unwrap();
    let report = laptop.sync_folder(&folder).unwrap();
    assert!(report.ops_written > 0, "{report:#?}");
    assert!(
        report
            .written
            .as_deref()
            .is_some_and(|w| w.starts_with(&status.device_id)),
        "{report:#?}"
    );

    // A second laptop that joins from the folder sees all of it.
    let mut other = laptop_joined_from(&folder, &laptop);
    let mut names: Vec<String> = other
        .api
        .list_activities()
        .unwrap()
        .into_iter()
        .map(|a| a.fields.name)
        .collect();
    names.sort();
    assert_eq!(names, ["Grants", "Newsletter", "Rota"]);
    other.api.sync_folder(&folder).unwrap();
    assert_eq!(
        other.api.get_activity(&id).unwrap().fields.owner,
        "Ada",
        "the change made after the restore is not lost"
    );
}

fn laptop_joined_from(folder: &std::path::Path, from: &Steward) -> Laptop {
    let starter = from.export_changes(ExportScope::Everything).unwrap();
    let mut other = laptop("Bea", "2026-12-01T12:00:00Z");
    other
        .api
        .join_organisation(&starter.name, &starter.bytes)
        .unwrap();
    other.api.sync_folder(folder).unwrap();
    other
}

/// One laptop's clock is 73 years ahead. Its changes merge, but this
/// laptop's clock, its next changes' stamps and the dates it shows stay
/// in the present, and the sync status names the laptop whose clock is
/// wrong.
#[test]
fn a_year_2099_stamp_does_not_move_the_local_clock() {
    let (mut a, mut b, id) = two_laptops();
    b.clock.advance(SignedDuration::from_hours(24 * 365 * 73));
    let mut input = b.get(&id).fields;
    input.owner = "Bea".into();
    b.api.update_activity(&id, input, None).unwrap();
    let imported = b.send_to(&mut a);
    assert_eq!(imported.clocks_ahead, ["Bea"]);
    assert_eq!(a.get(&id).fields.owner, "Bea");

    let now: Timestamp = "2026-12-01T10:00:00Z".parse().unwrap();
    a.clock.set(now);
    let saved = a
        .api
        .create_activity(ActivityInput {
            name: "Rota".into(),
            ..ActivityInput::default()
        })
        .unwrap();
    assert!(
        saved.updated_at.starts_with("2026-12-01"),
        "{}",
        saved.updated_at
    );
    let touched = a.get(&id);
    assert!(
        touched.updated_at.as_str() < "2026-12-03",
        "the row's date is not in 2099: {}",
        touched.updated_at
    );
    let history = a.api.get_history(RecordKind::Activity, &saved.id).unwrap();
    assert!(history.iter().all(|h| h.at.starts_with("2026-12-01")));
    let status = a.api.sync_status().unwrap();
    let bea = status.devices.iter().find(|d| d.name == "Bea").unwrap();
    assert!(bea.clock_ahead);
    // Convergence does not depend on the clock.
    a.send_to(&mut b);
    assert_eq!(
        a.api.register_digest().unwrap(),
        b.api.register_digest().unwrap()
    );
}

/// Every laptop has its own name from the start.
#[test]
fn a_new_laptop_is_named_after_its_user_and_host() {
    let api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-12-01T09:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    let name = api.get_device_name().unwrap();
    assert_ne!(name, "This device");
    assert!(!name.is_empty() && name.chars().count() <= 60);
}

/// The app notices changes it did not make (a sync in the background, the
/// command line on the same file) by the register's version.
#[test]
fn the_register_version_changes_with_every_change_from_here_or_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let clock = || Box::new(FixedClock::new("2026-12-01T09:00:00Z".parse().unwrap()));
    let mut app = Steward::open(&db, clock()).unwrap();
    let first = app.register_version().unwrap();
    assert_eq!(
        app.register_version().unwrap(),
        first,
        "reading changes nothing"
    );
    app.create_activity(ActivityInput {
        name: "Newsletter".into(),
        ..ActivityInput::default()
    })
    .unwrap();
    let after_own = app.register_version().unwrap();
    assert_ne!(after_own, first);
    let mut cli = Steward::open(&db, clock()).unwrap();
    cli.create_activity(ActivityInput {
        name: "Rota".into(),
        ..ActivityInput::default()
    })
    .unwrap();
    assert_ne!(
        app.register_version().unwrap(),
        after_own,
        "a change from elsewhere"
    );
}
