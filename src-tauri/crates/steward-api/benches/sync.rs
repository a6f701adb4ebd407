//! Change-file benchmark with a fixed synthetic file of 100,000 ops (10,000
//! activities, each created with seven fields and edited three times): the
//! size per op, and the median time to read and check the file, to import
//! it (check, merge, validate, commit) into a new register on disk, and of
//! the checkpoint that follows in the background.
//!
//! Run: `cargo bench -p steward-api --bench sync`. Target (issue 6): the
//! import of 100,000 ops in under 1 s.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use steward_api::sync::file::{self, Header};
use steward_api::{FixedClock, Steward};
use steward_core::HlcStamp;
use steward_store::Op;

// The allocator the app and the CLI use (see their `main.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const DEVICE: &str = "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e";
const ROWS: usize = 10_000;

fn ops() -> Vec<Op> {
    let mut ops = Vec::with_capacity(ROWS * 10);
    let mut seq = 0i64;
    let mut push = |row: &str, field: &str, value: Value, parents: Vec<String>| -> String {
        seq += 1;
        let id = format!("{seq}@{DEVICE}");
        ops.push(Op {
            op_id: id.clone(),
            device: DEVICE.into(),
            seq,
            entity: "activity".into(),
            row_id: row.into(),
            field: field.into(),
            value,
            stamp: HlcStamp {
                wall_ms: 1_763_888_400_000 + seq,
                counter: 0,
            },
            parents,
        });
        id
    };
    for r in 0..ROWS {
        let row = format!("00000000-0000-4000-8000-{r:012}");
        push(&row, "name", json!(format!("Activity {r}")), vec![]);
        push(&row, "status", json!("active"), vec![]);
        push(&row, "owner", json!("Communications lead"), vec![]);
        push(&row, "business_function", json!("Fundraising"), vec![]);
        push(&row, "data_location", json!("EU (Frankfurt)"), vec![]);
        push(&row, "systems", json!(["CRM", "Mailing list"]), vec![]);
        let mut last = push(&row, "description", json!("First draft"), vec![]);
        for k in 0..3 {
            last = push(
                &row,
                "description",
                json!(format!("Revision {k} of activity {r}")),
                vec![last],
            );
        }
    }
    ops
}

/// The median of the samples, and their range, in milliseconds.
fn summary(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let ms = |d: Duration| d.as_millis();
    format!(
        "{} ms (rounds: {}–{} ms)",
        ms(samples[samples.len() / 2]),
        ms(samples[0]),
        ms(samples[samples.len() - 1])
    )
}

fn main() {
    let ops = ops();
    let rounds = 5;
    let mut decode_times = vec![];
    let mut import_times = vec![];
    let mut checkpoint_times = vec![];
    let mut size = 0;
    for _ in 0..rounds {
        let dir = tempfile::tempdir().unwrap();
        let clock = FixedClock::new("2026-11-23T09:00:00Z".parse().unwrap());
        let mut api = Steward::open(&dir.path().join("bench.sqlite3"), Box::new(clock)).unwrap();
        let header = Header {
            format: file::CHANGES_FORMAT_VERSION,
            schema: 10,
            organisation: api.sync_status().unwrap().organisation_id,
            author: DEVICE.into(),
            created: "2026-11-23T09:00:00Z".into(),
            devices: [(DEVICE.to_owned(), "Bench".to_owned())].into(),
            ranges: Default::default(),
            ops: 0,
        };
        let bytes = file::encode(header, &ops);
        size = bytes.len();
        let start = Instant::now();
        let parsed = file::decode(&bytes).unwrap();
        decode_times.push(start.elapsed());
        assert_eq!(parsed.ops.len(), ops.len());
        let start = Instant::now();
        let imported = api.import_changes("bench.chg", &bytes).unwrap();
        import_times.push(start.elapsed());
        let start = Instant::now();
        api.settle();
        checkpoint_times.push(start.elapsed());
        assert_eq!(imported.new_ops, ops.len());
        assert_eq!(api.list_activities().unwrap().len(), ROWS);
    }
    println!(
        "change file: {} ops, {} kB, {} bytes per op",
        ops.len(),
        size / 1024,
        size / ops.len()
    );
    println!(
        "read and check (median of {rounds}): {}",
        summary(decode_times)
    );
    println!(
        "import into a new register on disk (median of {rounds}): {}",
        summary(import_times)
    );
    println!(
        "then the checkpoint, in the background (median of {rounds}): {}",
        summary(checkpoint_times)
    );
}
