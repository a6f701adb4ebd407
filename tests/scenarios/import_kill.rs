//! An import killed half-way leaves nothing or everything (`sync-design.md`:
//! a change file is applied in one transaction). The importer is the real
//! CLI (`steward-cli changes import`), killed with SIGKILL at spread-out
//! moments of a large import; after each kill the database is intact and
//! says exactly what it said before the import, or what a finished import
//! says.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use steward_api::{ActivityInput, ExportScope, FixedClock, Steward};

use crate::shared_database::cli_binary;

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap()))
}

fn digest(db: &Path) -> String {
    Steward::open(db, clock())
        .unwrap()
        .register_digest()
        .unwrap()
}

fn import(db: &Path, file: &Path) -> std::process::Child {
    Command::new(cli_binary())
        .arg("--db")
        .arg(db)
        .args(["changes", "import"])
        .arg(file)
        .env_remove("STEWARD_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn an_import_killed_half_way_applies_nothing_or_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut admin = Steward::open_in_memory(clock()).unwrap();
    admin.set_device_name("Ada").unwrap();
    let starter = admin.export_changes(ExportScope::Everything).unwrap();
    let before = dir.path().join("before.sqlite3");
    {
        let mut volunteer = Steward::open(&before, clock()).unwrap();
        volunteer
            .join_organisation("starter.chg", &starter.bytes)
            .unwrap();
    }
    for i in 0..1_500 {
        admin
            .create_activity(ActivityInput {
                name: format!("Activity {i}"),
                description: format!("What activity {i} is for."),
                ..ActivityInput::default()
            })
            .unwrap();
    }
    let changes = admin.export_changes(ExportScope::Mine).unwrap();
    let file = dir.path().join(&changes.name);
    std::fs::write(&file, &changes.bytes).unwrap();

    // A finished import, and how long it takes here.
    let full = dir.path().join("full.sqlite3");
    std::fs::copy(&before, &full).unwrap();
    let started = Instant::now();
    assert!(import(&full, &file).wait().unwrap().success());
    let typical = started.elapsed();
    let (digest_before, digest_full) = (digest(&before), digest(&full));
    assert_ne!(digest_before, digest_full);

    let (mut nothing, mut everything) = (0, 0);
    for k in 0..12u32 {
        let db = dir.path().join(format!("killed-{k}.sqlite3"));
        std::fs::copy(&before, &db).unwrap();
        let mut child = import(&db, &file);
        // From the start of the process to a little past a whole import.
        std::thread::sleep(typical * (k * 10) / 100);
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        drop(conn);
        assert_eq!(check, "ok", "kill {k}");
        let after = digest(&db);
        if after == digest_before {
            nothing += 1;
        } else if after == digest_full {
            everything += 1;
        } else {
            panic!(
                "kill {k} after {:?} left part of the import",
                typical * k / 10
            );
        }
    }
    assert!(
        nothing > 0,
        "no import was interrupted: the file is too small for this machine"
    );
    println!("{nothing} kills left nothing, {everything} came after the commit");
}
