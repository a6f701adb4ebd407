//! Durability: an acknowledged edit survives `kill -9` of the process that
//! made it, and the database stays intact (`security-and-reliability.md`,
//! test 1; `sync-design.md`, invariant 6). The writer is the real CLI; it is
//! killed at varied moments, many times, while it writes.

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use steward_api::{FixedClock, Steward};

use crate::shared_database::cli_binary;

/// Delays for the kills, spread from "before the write" to "well after it":
/// a fixed pseudo-random sequence of fractions of `typical` (how long one
/// write takes on this machine), so a failure can be replayed and the test
/// interrupts writes on slow and fast machines alike.
fn delays(count: usize, typical: Duration) -> Vec<Duration> {
    let mut state: u64 = 0x5EED_5EED;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let per_mille = u32::try_from((state >> 33) % 2_000).unwrap_or(0);
            typical * per_mille / 1_000
        })
        .collect()
}

#[test]
fn acknowledged_edits_survive_kill_9() {
    let cli = cli_binary();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let mut acknowledged: Vec<String> = vec![];
    let mut killed = 0;

    let started = std::time::Instant::now();
    let warm_up = Command::new(&cli)
        .args(["--json", "activity", "add", "--name", "Warm-up"])
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(warm_up.status.success());
    let typical = started.elapsed();

    for (i, delay) in delays(60, typical).into_iter().enumerate() {
        let mut child = Command::new(&cli)
            .args([
                "--json",
                "activity",
                "add",
                "--name",
                &format!("Activity {i}"),
            ])
            .arg("--db")
            .arg(&db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL: no destructor, no flush, no chance to finish the write.
        let was_running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        if output.status.success() {
            // The CLI printed the activity only after the commit returned.
            let created: Value = serde_json::from_slice(&output.stdout).unwrap();
            acknowledged.push(created["id"].as_str().unwrap().to_owned());
        } else if was_running {
            killed += 1;
        }
    }
    assert!(
        killed > 0,
        "no write was interrupted: the delays are too long for this machine"
    );
    assert!(
        !acknowledged.is_empty(),
        "no write finished: the delays are too short for this machine"
    );

    assert_eq!(integrity_check(&db), "ok");
    let api = Steward::open(
        &db,
        Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap())),
    )
    .unwrap();
    let present: Vec<String> = api
        .list_activities()
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    for id in &acknowledged {
        assert!(present.contains(id), "acknowledged activity {id} was lost");
    }
    println!(
        "{} acknowledged, {killed} killed mid-run, {} present",
        acknowledged.len(),
        present.len()
    );
}

/// SQLite's own verdict on the file's structure.
fn integrity_check(db: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}
