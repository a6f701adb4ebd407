//! The change files themselves and the shared folder: the format frozen by a
//! golden file, hostile files refused whole (and listed until dismissed),
//! values and fields a newer version knows kept, a copied laptop moving to a
//! new device id, folder sync ignoring sync-tool debris and showing gaps.

use std::path::Path;
use std::sync::Arc;

use jiff::SignedDuration;
use serde_json::json;
use steward_api::sync::file::{self, Header};
use steward_api::{ActivityInput, ErrorCode, ExportScope, FixedClock, Steward};
use steward_core::HlcStamp;
use steward_store::Op;

const AT: &str = "2026-11-23T09:00:00Z";

fn open(path: Option<&Path>, name: &str) -> (Steward, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(AT.parse().unwrap()));
    let mut api = match path {
        Some(p) => Steward::open(p, Box::new(clock.clone())).unwrap(),
        None => Steward::open_in_memory(Box::new(clock.clone())).unwrap(),
    };
    api.set_device_name(name).unwrap();
    (api, clock)
}

fn create(api: &mut Steward, name: &str) -> String {
    api.create_activity(ActivityInput {
        name: name.into(),
        ..ActivityInput::default()
    })
    .unwrap()
    .id
}

fn rename(api: &mut Steward, id: &str, name: &str) {
    let mut input = api.get_activity(id).unwrap().fields;
    input.name = name.into();
    api.update_activity(id, input, None).unwrap();
}

fn names(api: &Steward) -> Vec<String> {
    let mut names: Vec<String> = api
        .list_activities()
        .unwrap()
        .into_iter()
        .map(|a| a.fields.name)
        .collect();
    names.sort();
    names
}

const GOLDEN_DEVICE: &str = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";
const GOLDEN_ORG: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const GOLDEN_ROW: &str = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";

/// The golden file's header; `encode` fills in its ranges and op count.
fn golden_header() -> Header {
    Header {
        format: file::CHANGES_FORMAT_VERSION,
        schema: 10,
        organisation: GOLDEN_ORG.into(),
        author: GOLDEN_DEVICE.into(),
        created: AT.into(),
        devices: [(GOLDEN_DEVICE.to_owned(), "Ada's laptop".to_owned())].into(),
        ranges: Default::default(),
        ops: 0,
    }
}

fn golden_ops() -> Vec<Op> {
    let op = |seq: i64, field: &str, value: serde_json::Value, parents: &[&str]| Op {
        op_id: format!("{seq}@{GOLDEN_DEVICE}"),
        device: GOLDEN_DEVICE.into(),
        seq,
        entity: "activity".into(),
        row_id: GOLDEN_ROW.into(),
        field: field.into(),
        value,
        stamp: HlcStamp {
            wall_ms: 1_763_888_400_000 + seq,
            counter: 0,
        },
        parents: parents
            .iter()
            .map(|p| format!("{p}@{GOLDEN_DEVICE}"))
            .collect(),
    };
    vec![
        op(1, "name", json!("Newsletter"), &[]),
        op(2, "status", json!("active"), &[]),
        op(
            3,
            "systems",
            json!(["Mailing list", "Ledger «Ω» 名簿"]),
            &[],
        ),
        op(4, "name", json!("Members' newsletter"), &["1"]),
    ]
}

/// The format is frozen: version 1 writes exactly these bytes, and a new
/// laptop can start from them.
#[test]
fn the_change_file_format_is_frozen_by_a_golden_file() {
    let golden_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/golden/changes-v1.chg"
    );
    let header = golden_header();
    let bytes = file::encode(header, &golden_ops());
    if std::env::var_os("STEWARD_BLESS").is_some() {
        std::fs::write(golden_path, &bytes).unwrap();
    }
    let golden = std::fs::read(golden_path)
        .expect("the golden file exists (STEWARD_BLESS=1 cargo test writes it)");
    assert_eq!(
        String::from_utf8_lossy(&bytes),
        String::from_utf8_lossy(&golden),
        "the change-file format changed: if on purpose, raise CHANGES_FORMAT_VERSION, keep reading version 1, and bless a new golden file"
    );
    let parsed = file::decode(&golden).unwrap();
    assert_eq!(parsed.ops, golden_ops());
    assert_eq!(parsed.header.ranges[GOLDEN_DEVICE], (1, 4));

    let (mut api, _) = open(None, "New laptop");
    api.join_organisation("changes-v1.chg", &golden).unwrap();
    assert_eq!(names(&api), ["Members' newsletter"]);
    let status = api.sync_status().unwrap();
    assert_eq!(status.organisation_id, GOLDEN_ORG);
    assert!(status.devices.iter().any(|d| d.name == "Ada's laptop"));
}

/// The fuzzer's first find: the reader takes ops in any order, and the
/// writer then derived a device's range from the first and last op it met
/// ("declares 4 ops but ranges of 3"). A file read must write again.
#[test]
fn a_file_with_its_ops_out_of_order_is_read_and_written_again() {
    let mut ops = golden_ops();
    ops.swap(2, 3);
    let header = golden_header();
    let read = file::decode(&file::encode(header, &ops)).unwrap();
    assert_eq!(read.header.ranges[GOLDEN_DEVICE], (1, 4));
    let again = file::decode(&file::encode(read.header.clone(), &read.ops)).unwrap();
    assert_eq!(again.ops, ops);
    let (mut api, _) = open(None, "New laptop");
    api.join_organisation("shuffled.chg", &file::encode(again.header, &again.ops))
        .unwrap();
    assert_eq!(names(&api), ["Members' newsletter"]);
}

/// Re-encodes a laptop's own changes with one op altered.
fn tampered(api: &Steward, alter: impl FnOnce(&mut Vec<Op>)) -> Vec<u8> {
    let file = api.export_changes(ExportScope::Mine).unwrap();
    let parsed = file::decode(&file.bytes).unwrap();
    let mut ops = parsed.ops;
    alter(&mut ops);
    file::encode(parsed.header, &ops)
}

fn pair() -> (Steward, Steward, String) {
    let (mut admin, _) = open(None, "Ada");
    let id = create(&mut admin, "Newsletter");
    let starter = admin.export_changes(ExportScope::Everything).unwrap();
    let (mut volunteer, _) = open(None, "Vic");
    volunteer
        .join_organisation("starter.chg", &starter.bytes)
        .unwrap();
    (admin, volunteer, id)
}

#[test]
fn a_value_no_form_accepts_is_refused_with_the_whole_file() {
    let (mut admin, mut volunteer, id) = pair();
    rename(&mut volunteer, &id, "Newsletter for members");
    create(&mut volunteer, "Rota");
    let hostile = tampered(&volunteer, |ops| {
        let op = ops.iter_mut().find(|o| o.field == "name").unwrap();
        op.value = json!("Newsletter \u{202e}srebmem");
    });
    let before = admin.register_digest().unwrap();
    let err = admin.import_changes("hostile.chg", &hostile).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message.contains("hostile.chg")
            && err.message.contains("name")
            && err.message.contains("U+202E"),
        "{}",
        err.message
    );
    assert_eq!(admin.register_digest().unwrap(), before, "nothing applied");
    assert_eq!(names(&admin), ["Newsletter"]);
    // The refusal stays listed until a person dismisses it.
    let refused = admin.sync_status().unwrap().refused;
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].file, "hostile.chg");
    assert!(refused[0].reason.contains("U+202E"));
    let status = admin.dismiss_refused_file(&refused[0].id).unwrap();
    assert!(status.refused.is_empty());
    // Importing the same bytes again refuses them again, but quietly.
    admin.import_changes("hostile.chg", &hostile).unwrap_err();
    assert!(admin.sync_status().unwrap().refused.is_empty());
}

/// A value of a kind this version cannot read (a newer Steward's) is kept
/// in the op log, not shown: the file applies, nothing stalls.
#[test]
fn a_value_of_a_kind_this_version_cannot_read_is_kept_and_not_shown() {
    let (mut admin, mut volunteer, id) = pair();
    rename(&mut volunteer, &id, "Newsletter for members");
    create(&mut volunteer, "Rota");
    let odd = tampered(&volunteer, |ops| {
        let op = ops.iter_mut().find(|o| o.field == "name").unwrap();
        op.value = json!(42);
    });
    let imported = admin.import_changes("kind.chg", &odd).unwrap();
    assert_eq!(imported.new_ops, imported.ops_in_file);
    assert_eq!(names(&admin), ["Newsletter", "Rota"]);
    let newer = admin.list_newer_values().unwrap();
    assert_eq!(newer.len(), 1, "{newer:?}");
    assert_eq!(
        (newer[0].record_id.as_str(), newer[0].field.as_str()),
        (id.as_str(), "name")
    );
    assert_eq!(newer[0].value, json!(42));
}

#[test]
fn a_laptop_copied_from_another_takes_a_new_device_id_and_both_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let original_path = dir.path().join("original.sqlite3");
    let (mut original, _) = open(Some(&original_path), "Ada");
    create(&mut original, "Newsletter");
    drop(original);
    let clone_path = dir.path().join("clone.sqlite3");
    std::fs::copy(&original_path, &clone_path).unwrap();
    let (mut original, _) = open(Some(&original_path), "Ada");
    let (mut clone, _) = open(Some(&clone_path), "Ada");
    create(&mut original, "Rota");
    create(&mut clone, "Donations");
    let file = clone.export_changes(ExportScope::Mine).unwrap();
    let before = original.sync_status().unwrap().device_id;
    let imported = original.import_changes("clone.chg", &file.bytes).unwrap();
    let note = imported.restored.expect("the original says what it did");
    assert!(note.contains("new device id"), "{note}");
    let after = original.sync_status().unwrap().device_id;
    assert_ne!(after, before);
    assert_eq!(names(&original), ["Donations", "Newsletter", "Rota"]);
    // It keeps saving, under its new id.
    create(&mut original, "Grants");
    // And the clone, which kept the old id, gets everything.
    let back = original.export_changes(ExportScope::Everything).unwrap();
    let to_clone = clone.import_changes("original.chg", &back.bytes).unwrap();
    assert!(to_clone.restored.is_none());
    assert_eq!(names(&clone), ["Donations", "Grants", "Newsletter", "Rota"]);
    assert_eq!(
        clone.register_digest().unwrap(),
        original.register_digest().unwrap()
    );
}

#[test]
fn ops_for_fields_this_version_does_not_know_are_kept_and_passed_on() {
    let (mut admin, mut volunteer, id) = pair();
    rename(&mut volunteer, &id, "Newsletter for members");
    let from_the_future = tampered(&volunteer, |ops| {
        let mut op = ops.last().unwrap().clone();
        op.seq += 1;
        op.op_id = format!("{}@{}", op.seq, op.device);
        op.field = "carbon_footprint".into();
        op.value = json!({"kg": 3});
        op.parents = vec![];
        ops.push(op);
        let mut other = ops.last().unwrap().clone();
        other.seq += 1;
        other.op_id = format!("{}@{}", other.seq, other.device);
        other.entity = "board_minutes".into();
        ops.push(other);
    });
    let imported = admin
        .import_changes("future.chg", &from_the_future)
        .unwrap();
    assert_eq!(names(&admin), ["Newsletter for members"]);
    // Kept, and relayed to a third laptop in a starter file.
    let starter = admin.export_changes(ExportScope::Everything).unwrap();
    let relayed = file::decode(&starter.bytes).unwrap();
    assert!(relayed.ops.iter().any(|o| o.field == "carbon_footprint"));
    assert!(relayed.ops.iter().any(|o| o.entity == "board_minutes"));
    assert_eq!(imported.new_ops, imported.ops_in_file);
}

#[test]
fn sync_through_a_shared_folder_ignores_debris_reports_bad_files_and_shows_gaps() {
    let folder = tempfile::tempdir().unwrap();
    let (mut admin, mut volunteer, id) = pair();
    let first = admin.sync_folder(folder.path()).unwrap();
    assert!(first.written.is_some() && first.ops_written > 0);
    let org = admin.sync_status().unwrap().organisation_id;
    let volunteer_device = volunteer.sync_status().unwrap().device_id;

    // The volunteer works offline, syncing twice; the admin had synced once.
    rename(&mut volunteer, &id, "Newsletter for members");
    let v1 = volunteer.sync_folder(folder.path()).unwrap();
    assert_eq!(v1.already_had, 1, "the admin's file holds nothing new");
    assert!(v1.imported.is_empty());
    create(&mut volunteer, "Rota");
    volunteer.sync_folder(folder.path()).unwrap();

    // Sync-tool debris and a damaged file sit next to the volunteer's files.
    let vic_dir = folder.path().join(&org).join(&volunteer_device);
    std::fs::copy(
        vic_dir.join("1-1.chg"),
        vic_dir.join("1-1 (conflicted copy 2026-11-23).chg"),
    )
    .unwrap();
    std::fs::write(vic_dir.join(".7-9.chg.tmp"), b"half").unwrap();
    std::fs::write(vic_dir.join("900-901.chg"), b"steward-changes 1\n{").unwrap();

    let report = admin.sync_folder(folder.path()).unwrap();
    assert_eq!(report.imported.len(), 2, "{report:#?}");
    assert!(report.imported.iter().all(|i| i.author == "Vic"));
    assert_eq!(report.rejected.len(), 1, "{report:#?}");
    assert!(report.rejected[0].file.ends_with("900-901.chg"));
    assert!(
        report.rejected[0].reason.contains("cut short"),
        "{}",
        report.rejected[0].reason
    );
    assert!(
        report.ignored.iter().any(|n| n.contains("conflicted copy")),
        "{report:#?}"
    );
    assert!(
        report.ignored.iter().any(|n| n.ends_with(".tmp")),
        "{report:#?}"
    );
    assert_eq!(names(&admin), ["Newsletter for members", "Rota"]);
    // The last sync is kept for the status.
    let status = admin.sync_status().unwrap();
    assert_eq!(status.last_sync.as_ref(), Some(&report));
    assert_eq!(
        status.folder.as_deref(),
        Some(&*folder.path().display().to_string())
    );

    // A third laptop whose folder lost the volunteer's first file sees the gap.
    std::fs::remove_file(vic_dir.join("1-1.chg")).unwrap();
    let starter = admin.export_changes(ExportScope::Mine).unwrap();
    let (mut third, clock) = open(None, "Tess");
    third
        .join_organisation("starter.chg", &starter.bytes)
        .unwrap();
    clock.advance(SignedDuration::from_mins(5));
    let report = third.sync_folder(folder.path()).unwrap();
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.file.ends_with("900-901.chg")),
        "{report:#?}"
    );
    let vic = third
        .sync_status()
        .unwrap()
        .devices
        .into_iter()
        .find(|d| d.device == volunteer_device)
        .unwrap();
    assert_eq!(vic.missing, ["1"], "{vic:#?}");
    assert!(names(&third).contains(&"Rota".to_owned()));
}

#[test]
fn automatic_sync_needs_a_folder_and_then_syncs_only_when_turned_on() {
    let folder = tempfile::tempdir().unwrap();
    let (mut admin, mut volunteer, id) = pair();

    let refused = admin.set_sync_automatically(true).unwrap_err();
    assert!(refused.message.contains("Choose a shared folder first"));
    assert!(!admin.sync_status().unwrap().automatic);
    assert_eq!(admin.sync_automatically().unwrap(), None);

    admin.sync_folder(folder.path()).unwrap();
    volunteer.sync_folder(folder.path()).unwrap();
    rename(&mut admin, &id, "Renamed while automatic sync was off");
    assert_eq!(admin.sync_automatically().unwrap(), None, "off by default");

    assert!(admin.set_sync_automatically(true).unwrap().automatic);
    let report = admin.sync_automatically().unwrap().expect("on: it syncs");
    assert_eq!(report.ops_written, 1);
    volunteer.set_sync_automatically(true).unwrap();
    volunteer
        .sync_automatically()
        .unwrap()
        .expect("on: it syncs");
    assert!(names(&volunteer).contains(&"Renamed while automatic sync was off".to_owned()));

    assert!(!admin.set_sync_automatically(false).unwrap().automatic);
    rename(&mut admin, &id, "Not sent");
    assert_eq!(admin.sync_automatically().unwrap(), None);
}

/// A merge is durable when its commit returns, in the write-ahead log; a
/// second connection folds that log back into the database file in the
/// background. Afterwards the file holds the import, the register reads
/// the same, and ordinary edits go on as before.
#[test]
fn a_large_import_is_folded_into_the_database_file_in_the_background() {
    let (mut admin, _) = open(None, "Ada");
    for i in 0..300 {
        create(&mut admin, &format!("Activity {i:03}"));
    }
    let starter = admin.export_changes(ExportScope::Everything).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vic.sqlite3");
    let (mut vic, _) = open(Some(&path), "Vic");
    let size = || std::fs::metadata(&path).unwrap().len();
    let before = size();

    vic.join_organisation("starter.chg", &starter.bytes)
        .unwrap();
    vic.settle();
    assert!(
        size() > before + 200_000,
        "the checkpoint wrote the import into the database file ({before} → {} bytes)",
        size()
    );
    assert_eq!(names(&vic), names(&admin));
    let digest = vic.register_digest().unwrap();

    let id = create(&mut vic, "Rota");
    rename(&mut vic, &id, "Volunteer rota");
    drop(vic);
    let (vic, _) = open(Some(&path), "Vic");
    assert_ne!(vic.register_digest().unwrap(), digest);
    assert!(names(&vic).contains(&"Volunteer rota".to_owned()));
    assert_eq!(names(&vic).len(), 301);
}

/// A file is read in two halves at once; a problem is still reported at
/// its line, and the first problem in the file is the one reported.
#[test]
fn a_problem_is_reported_at_its_line_wherever_it_is_in_the_file() {
    let ops: Vec<Op> = (1..=40)
        .map(|seq| Op {
            op_id: format!("{seq}@{GOLDEN_DEVICE}"),
            device: GOLDEN_DEVICE.into(),
            seq,
            entity: "activity".into(),
            row_id: GOLDEN_ROW.into(),
            field: "name".into(),
            value: json!(format!("Name {seq}")),
            stamp: HlcStamp {
                wall_ms: 1_763_888_400_000 + seq,
                counter: 0,
            },
            parents: vec![],
        })
        .collect();
    let text = String::from_utf8(file::encode(golden_header(), &ops)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 43, "magic, header, 40 ops, checksum");
    // Replaces lines (1-based) and seals the file again with a right checksum.
    let altered = |changes: &[(usize, &str)]| -> String {
        let mut lines: Vec<String> = lines[..42].iter().map(|l| (*l).to_owned()).collect();
        for (number, line) in changes {
            lines[number - 1] = (*line).to_owned();
        }
        let covered = lines.join("\n") + "\n";
        let sealed = format!("{covered}sha256:{}\n", file::sha256_hex(covered.as_bytes()));
        file::decode(sealed.as_bytes()).unwrap_err()
    };
    let first_op = lines[2];
    assert!(altered(&[(42, "{}")]).starts_with("line 42: an op cannot be read"));
    assert!(altered(&[(5, "{}")]).starts_with("line 5: an op cannot be read"));
    let twice = format!("line 42: the op 1@{GOLDEN_DEVICE} appears twice");
    assert_eq!(altered(&[(42, first_op)]), twice);
    let earlier = format!("line 30: the op 1@{GOLDEN_DEVICE} appears twice");
    assert_eq!(altered(&[(30, first_op), (40, "{}")]), earlier);
    assert!(altered(&[(40, first_op), (30, "{}")]).starts_with("line 30: an op cannot be read"));
    assert!(altered(&[(10, "{}"), (41, "{}")]).starts_with("line 10: "));
}
