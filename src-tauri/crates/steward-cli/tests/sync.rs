//! Two volunteers' laptops from the command line: a starter file, edits on
//! both sides, a shared folder, a conflict listed and resolved, and a
//! refused file that names itself and exits 2.

mod common;
use common::{cli, cli_with_env, json};

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn two_laptops_sync_through_a_folder_and_resolve_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (ada, vic) = (
        dir.path().join("ada.sqlite3"),
        dir.path().join("vic.sqlite3"),
    );
    let folder = dir.path().join("Nextcloud");
    std::fs::create_dir(&folder).unwrap();
    let folder_arg = folder.to_str().unwrap();

    ok(&cli(&ada, &["device", "name", "Ada"]));
    let created = json(&cli(
        &ada,
        &["--json", "activity", "add", "--name", "Newsletter"],
    ));
    let id = created["id"].as_str().unwrap().to_owned();
    let starter = dir.path().join("starter.chg");
    ok(&cli(
        &ada,
        &[
            "changes",
            "export",
            "--everything",
            starter.to_str().unwrap(),
        ],
    ));

    ok(&cli(&vic, &["device", "name", "Vic"]));
    let joined = ok(&cli(&vic, &["changes", "join", starter.to_str().unwrap()]));
    assert!(joined.contains("Joined the organisation"), "{joined}");

    // Both rename the same activity before syncing.
    ok(&cli(
        &ada,
        &["activity", "edit", &id, "--name", "Members' newsletter"],
    ));
    ok(&cli(
        &vic,
        &["activity", "edit", &id, "--name", "Public newsletter"],
    ));
    let first = ok(&cli(&ada, &["sync", "--folder", folder_arg]));
    assert!(first.contains("Wrote"), "{first}");
    let second = ok(&cli(&vic, &["sync", "--folder", folder_arg]));
    assert!(second.contains("from Ada"), "{second}");
    assert!(second.contains("1 conflict(s) wait for you"), "{second}");
    // The folder is remembered.
    let third = ok(&cli(&ada, &["sync"]));
    assert!(third.contains("from Vic"), "{third}");

    let listed = ok(&cli(&ada, &["changes", "conflicts"]));
    assert!(listed.contains("field name"), "{listed}");
    assert!(listed.contains("\"Members' newsletter\" — Ada"), "{listed}");
    assert!(listed.contains("\"Public newsletter\" — Vic"), "{listed}");

    let resolved = ok(&cli(
        &ada,
        &["changes", "resolve", "1", "--value", "\"Newsletter\""],
    ));
    assert!(resolved.contains("Resolved conflict 1"), "{resolved}");
    ok(&cli(&ada, &["sync"]));
    ok(&cli(&vic, &["sync"]));
    for db in [&ada, &vic] {
        assert_eq!(
            ok(&cli(db, &["changes", "conflicts"])).trim(),
            "No conflicts."
        );
        let activity = json(&cli(db, &["--json", "activity", "show", &id]));
        assert_eq!(activity["name"], "Newsletter");
    }
    let status = json(&cli(&vic, &["--json", "changes", "status"]));
    assert_eq!(status["devices"].as_array().unwrap().len(), 2);
    assert_eq!(status["lastSync"]["rejected"].as_array().unwrap().len(), 0);

    // A damaged file is refused by name and exits 2.
    let mine = dir.path().join("mine.chg");
    ok(&cli(&vic, &["changes", "export", mine.to_str().unwrap()]));
    let mut bytes = std::fs::read(&mine).unwrap();
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&mine, bytes).unwrap();
    let refused = cli(&ada, &["changes", "import", mine.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("mine.chg") && stderr.contains("Nothing was changed"),
        "{stderr}"
    );
}

#[test]
fn an_encrypted_starter_file_travels_by_email_and_needs_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (ada, vic) = (
        dir.path().join("ada.sqlite3"),
        dir.path().join("vic.sqlite3"),
    );
    ok(&cli(&ada, &["device", "name", "Ada"]));
    ok(&cli(&ada, &["activity", "add", "--name", "Newsletter"]));
    let starter = dir.path().join("starter.chg.age");
    let starter_arg = starter.to_str().unwrap();
    let secret = [("STEWARD_PASSPHRASE", "plum umbrella quietly sings")];

    // Too short a passphrase writes nothing.
    let short = cli_with_env(
        &ada,
        &["changes", "export", "--everything", starter_arg],
        &[("STEWARD_PASSPHRASE", "plum")],
    );
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    assert!(!starter.exists());

    ok(&cli_with_env(
        &ada,
        &["changes", "export", "--everything", starter_arg],
        &secret,
    ));
    let bytes = std::fs::read(&starter).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));

    // Without the passphrase, or with a wrong one, the laptop stays empty.
    for (vars, expect) in [
        (&[][..], "STEWARD_PASSPHRASE"),
        (
            &[("STEWARD_PASSPHRASE", "plum umbrella loudly sings")][..],
            "does not open starter.chg.age",
        ),
    ] {
        let refused = cli_with_env(&vic, &["changes", "join", starter_arg], vars);
        assert_eq!(refused.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains(expect), "{stderr}");
        let list = json(&cli(&vic, &["--json", "activity", "list"]));
        assert_eq!(list.as_array().unwrap().len(), 0);
    }

    let joined = ok(&cli_with_env(
        &vic,
        &["changes", "join", starter_arg],
        &secret,
    ));
    assert!(joined.contains("Joined the organisation"), "{joined}");
    let list = json(&cli(&vic, &["--json", "activity", "list"]));
    assert_eq!(list[0]["name"], "Newsletter");
}
