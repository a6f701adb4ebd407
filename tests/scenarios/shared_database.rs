//! What a script writes with `steward-cli`, the app reads through the API,
//! and the other way round: one register, one file.

use std::process::Command;

use steward_api::{ActivityInput, FixedClock, Steward};
use steward_core::ActivityStatus;

pub fn cli_binary() -> std::path::PathBuf {
    // Cargo builds the CLI for the workspace's tests into the same folder as
    // this test binary's parent.
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target/debug");
    dir.join(format!("steward-cli{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn cli_and_api_share_one_register() {
    let cli = cli_binary();
    assert!(
        cli.exists(),
        "build the CLI first: cargo build -p steward-cli ({})",
        cli.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let clock = || Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap()));

    let mut app = Steward::open(&db, clock()).unwrap();
    let created = app
        .create_activity(ActivityInput {
            name: "Event attendees".into(),
            description: "Registrations for the annual summit.".into(),
            status: ActivityStatus::Active,
            ..ActivityInput::default()
        })
        .unwrap();
    drop(app);

    let out = Command::new(&cli)
        .args([
            "--json",
            "activity",
            "edit",
            &created.id,
            "--status",
            "retired",
        ])
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let app = Steward::open(&db, clock()).unwrap();
    let seen = app.get_activity(&created.id).unwrap();
    assert_eq!(seen.fields.status, ActivityStatus::Retired);
    assert_eq!(seen.fields.description, created.fields.description);
}
