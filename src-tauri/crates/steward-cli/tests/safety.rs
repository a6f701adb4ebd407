//! The command line keeps the register safe as the app does: saves against
//! the base a script read (a stale save keeps a colleague's change),
//! backups listed, made and restored, and a damaged database recovered
//! from the newest good backup — each through the real binary.

mod common;

use common::{cli, json};

fn ok(output: &std::process::Output) -> String {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A script reads a record (its base), someone else changes it, and the
/// script saves a change against what it read: the other change stays.
#[test]
fn an_edit_with_base_saves_as_a_form_left_open_would() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let added = json(&cli(
        &db,
        &[
            "--json",
            "activity",
            "add",
            "--name",
            "Newsletter",
            "--description",
            "Monthly",
        ],
    ));
    let id = added["id"].as_str().unwrap().to_owned();
    let seen = json(&cli(&db, &["--json", "activity", "show", &id]));
    let base = seen["base"].as_str().unwrap().to_owned();
    assert!(!base.is_empty(), "show --json prints the base: {seen}");

    // Meanwhile, another change to the description.
    ok(&cli(
        &db,
        &["activity", "edit", &id, "--description", "Every month"],
    ));

    // The stale save changes the name only.
    let saved = json(&cli(
        &db,
        &[
            "--json",
            "activity",
            "edit",
            &id,
            "--base",
            &base,
            "--name",
            "Members' newsletter",
        ],
    ));
    assert_eq!(saved["name"], "Members' newsletter");
    assert_eq!(
        saved["description"], "Every month",
        "the other change stays"
    );

    // A stale save of the same field keeps both values, and says so.
    let out = cli(
        &db,
        &[
            "activity",
            "edit",
            &id,
            "--base",
            &base,
            "--description",
            "Weekly",
        ],
    );
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("conflict"), "{stderr}");
    let conflicts = json(&cli(&db, &["--json", "changes", "conflicts"]));
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");

    // A base that is not the record's is refused by name.
    let out = cli(
        &db,
        &["activity", "edit", &id, "--base", "nonsense", "--name", "X"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("base"));
}

#[test]
fn backups_are_listed_made_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    ok(&cli(&db, &["demo", "load"]));
    let made = json(&cli(&db, &["--json", "backup", "now"]));
    let id = made["id"].as_str().unwrap().to_owned();
    let demo_activities = made["activities"].as_i64().unwrap();
    assert!(demo_activities > 0, "{made}");
    let list = json(&cli(&db, &["--json", "backup", "list"]));
    assert!(
        list["backups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["id"] == id.as_str()),
        "{list}"
    );
    assert!(list["folder"].as_str().unwrap().ends_with("backups"));

    // A mistake: every activity deleted.
    let activities = json(&cli(&db, &["--json", "activity", "list"]));
    for a in activities.as_array().unwrap() {
        ok(&cli(
            &db,
            &["activity", "delete", a["id"].as_str().unwrap()],
        ));
    }
    assert!(
        json(&cli(&db, &["--json", "activity", "list"]))
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The preview says what would change, and changes nothing.
    let preview = ok(&cli(&db, &["backup", "restore", &id]));
    assert!(
        preview.contains(&format!("{demo_activities} activities")),
        "{preview}"
    );
    assert!(preview.contains("--yes"), "{preview}");
    assert!(
        json(&cli(&db, &["--json", "activity", "list"]))
            .as_array()
            .unwrap()
            .is_empty()
    );

    let done = json(&cli(&db, &["--json", "backup", "restore", &id, "--yes"]));
    assert_eq!(done["activities"].as_i64(), Some(demo_activities));
    let back = json(&cli(&db, &["--json", "activity", "list"]));
    assert_eq!(back.as_array().unwrap().len() as i64, demo_activities);
    // The register as it was before the restore was backed up first.
    let list = json(&cli(&db, &["--json", "backup", "list"]));
    assert!(
        list["backups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["reason"] == "beforeRestore"),
        "{list}"
    );

    // "Back up now to…": a database copy and the JSON beside it.
    let usb = dir.path().join("usb/steward-copy.sqlite3");
    std::fs::create_dir_all(usb.parent().unwrap()).unwrap();
    ok(&cli(&db, &["backup", "now", "--to", usb.to_str().unwrap()]));
    assert!(usb.is_file());
    let exported = std::fs::read_to_string(usb.with_extension("json")).unwrap();
    assert!(exported.contains("\"steward-register\""));
    // And that copy restores too, from its path.
    let fresh = dir.path().join("fresh.sqlite3");
    ok(&cli(&fresh, &["activity", "add", "--name", "Placeholder"]));
    ok(&cli(
        &fresh,
        &["backup", "restore", usb.to_str().unwrap(), "--yes"],
    ));
    let restored = json(&cli(&fresh, &["--json", "activity", "list"]));
    assert_eq!(restored.as_array().unwrap().len() as i64, demo_activities);

    // A file that is not a Steward database is refused by name.
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database at all, just words".repeat(40)).unwrap();
    let out = cli(
        &db,
        &["backup", "restore", notes.to_str().unwrap(), "--yes"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a Steward database"));
}

/// A damaged database: every command says so and points at `backup
/// recover`, which keeps the damaged file aside and restores the newest
/// good backup.
#[test]
fn a_damaged_database_is_recovered_from_the_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    ok(&cli(&db, &["demo", "load"]));
    let made = json(&cli(&db, &["--json", "backup", "now"]));
    let activities = made["activities"].as_i64().unwrap();

    // A failing disk scribbles over the middle of the file.
    let mut bytes = std::fs::read(&db).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 4096] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();

    let out = cli(&db, &["activity", "list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("damaged") && stderr.contains("backup recover"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file is left as it was"
    );

    let recovered = ok(&cli(&db, &["backup", "recover"]));
    assert!(recovered.contains("kept, untouched"), "{recovered}");
    let back = json(&cli(&db, &["--json", "activity", "list"]));
    assert_eq!(back.as_array().unwrap().len() as i64, activities);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(aside[0].path()).unwrap(), bytes);
}
