//! Invariants 1, 2, 3 and 7 of sync-design.md as a property: 2–5 laptops
//! whose clocks are up to a year wrong make random edits, deletes, restores,
//! creations and conflict resolutions, exchange random (partial, duplicated,
//! reordered) change files, and after one full exchange every laptop has the
//! same register (state digest) and the same conflicts.
//!
//! CI runs 64 cases; the long run is
//! `PROPTEST_CASES=10000 cargo test --release -p steward-api --test sync_convergence`.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use steward_api::sync::file;
use steward_api::{
    ActivityInput, ExportScope, FixedClock, RecordKind, Resolution, ResolveConflictInput, Steward,
};

#[derive(Debug, Clone)]
enum Action {
    Rename {
        dev: usize,
        row: usize,
        word: usize,
    },
    Describe {
        dev: usize,
        row: usize,
        word: usize,
    },
    Delete {
        dev: usize,
        row: usize,
    },
    Restore {
        dev: usize,
        row: usize,
    },
    Create {
        dev: usize,
        word: usize,
    },
    Resolve {
        dev: usize,
        pick: usize,
    },
    /// `from` sends its changes to `to`; `keep` of them when partial.
    Send {
        from: usize,
        to: usize,
        everything: bool,
        keep: Option<usize>,
        twice: bool,
    },
}

const WORDS: [&str; 6] = [
    "Newsletter",
    "Rota",
    "Donations",
    "Events",
    "Members",
    "Grants",
];

fn action() -> impl Strategy<Value = Action> {
    let d = 0..5usize;
    prop_oneof![
        3 => (d.clone(), 0..6usize, 0..6usize).prop_map(|(dev, row, word)| Action::Rename { dev, row, word }),
        2 => (d.clone(), 0..6usize, 0..6usize).prop_map(|(dev, row, word)| Action::Describe { dev, row, word }),
        1 => (d.clone(), 0..6usize).prop_map(|(dev, row)| Action::Delete { dev, row }),
        1 => (d.clone(), 0..6usize).prop_map(|(dev, row)| Action::Restore { dev, row }),
        1 => (d.clone(), 0..6usize).prop_map(|(dev, word)| Action::Create { dev, word }),
        1 => (d.clone(), 0..4usize).prop_map(|(dev, pick)| Action::Resolve { dev, pick }),
        3 => (d.clone(), d, any::<bool>(), proptest::option::of(0..8usize), any::<bool>())
            .prop_map(|(from, to, everything, keep, twice)| Action::Send { from, to, everything, keep, twice }),
    ]
}

struct Laptop {
    api: Steward,
    clock: Arc<FixedClock>,
}

fn act(laptops: &mut [Laptop], rows: &mut Vec<String>, action: &Action) {
    let n = laptops.len();
    match *action {
        Action::Rename { dev, row, word } | Action::Describe { dev, row, word } => {
            let l = &mut laptops[dev % n];
            let id = &rows[row % rows.len()];
            // Editing a record deleted here is not possible in the app either.
            let Ok(activity) = l.api.get_activity(id) else {
                return;
            };
            let mut input = activity.fields;
            if matches!(action, Action::Rename { .. }) {
                input.name = WORDS[word].into();
            } else {
                input.description = format!("About {}", WORDS[word]);
            }
            // A record that arrived in part (its creation is in a file not
            // delivered yet) has no name: the form refuses it, as in the app.
            let _ = l.api.update_activity(id, input, None);
        }
        Action::Delete { dev, row } => {
            let _ = laptops[dev % n]
                .api
                .delete_activity(&rows[row % rows.len()], None);
        }
        Action::Restore { dev, row } => {
            let _ = laptops[dev % n]
                .api
                .restore_activity(&rows[row % rows.len()]);
        }
        Action::Create { dev, word } => {
            let id = laptops[dev % n]
                .api
                .create_activity(ActivityInput {
                    name: WORDS[word].into(),
                    ..ActivityInput::default()
                })
                .unwrap()
                .id;
            rows.push(id);
        }
        Action::Resolve { dev, pick } => {
            let l = &mut laptops[dev % n];
            let Some(c) = l.api.list_conflicts().unwrap().into_iter().next() else {
                return;
            };
            let resolution = if c.field == "$deleted" {
                if pick % 2 == 0 {
                    Resolution::KeepRecord
                } else {
                    Resolution::DeleteRecord
                }
            } else {
                Resolution::Value {
                    value: c.values[pick % c.values.len()].value.clone(),
                }
            };
            l.api
                .resolve_conflict(ResolveConflictInput {
                    record: c.record,
                    record_id: c.record_id,
                    field: c.field,
                    resolution,
                })
                .unwrap();
        }
        Action::Send {
            from,
            to,
            everything,
            keep,
            twice,
        } => {
            let (from, to) = (from % n, to % n);
            if from == to {
                return;
            }
            let scope = if everything {
                ExportScope::Everything
            } else {
                ExportScope::Mine
            };
            let mut bytes = laptops[from].api.export_changes(scope).unwrap().bytes;
            if let Some(keep) = keep {
                // A partial delivery: the first ops of each device only.
                let parsed = file::decode(&bytes).unwrap();
                let mut per_device = std::collections::BTreeMap::<String, usize>::new();
                let ops: Vec<_> = parsed
                    .ops
                    .into_iter()
                    .filter(|o| {
                        let seen = per_device.entry(o.device.clone()).or_default();
                        *seen += 1;
                        *seen <= keep
                    })
                    .collect();
                bytes = file::encode(parsed.header, &ops);
            }
            for _ in 0..if twice { 2 } else { 1 } {
                laptops[to]
                    .api
                    .import_changes("exchange.chg", &bytes)
                    .unwrap();
            }
        }
    }
    for l in laptops.iter() {
        l.clock.advance(SignedDuration::from_millis(1_500));
    }
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_laptop_converges_after_a_full_exchange(
        skews in proptest::collection::vec(-365i64..=365, 2..=5),
        actions in proptest::collection::vec(action(), 1..40),
    ) {
        let base: Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
        let mut laptops: Vec<Laptop> = skews
            .iter()
            .enumerate()
            .map(|(i, days)| {
                let clock = Arc::new(FixedClock::new(base));
                clock.advance(SignedDuration::from_hours(24 * days));
                let mut api = Steward::open_in_memory(Box::new(clock.clone())).unwrap();
                api.set_device_name(&format!("Laptop {i}")).unwrap();
                Laptop { api, clock }
            })
            .collect();
        let mut rows = vec![laptops[0]
            .api
            .create_activity(ActivityInput { name: "Newsletter".into(), ..ActivityInput::default() })
            .unwrap()
            .id];
        let starter = laptops[0].api.export_changes(ExportScope::Everything).unwrap();
        for l in laptops.iter_mut().skip(1) {
            l.api.join_organisation("starter.chg", &starter.bytes).unwrap();
        }
        for a in &actions {
            act(&mut laptops, &mut rows, a);
        }
        let files: Vec<Vec<u8>> = laptops
            .iter()
            .map(|l| l.api.export_changes(ExportScope::Everything).unwrap().bytes)
            .collect();
        for l in laptops.iter_mut() {
            for f in files.iter().rev() {
                l.api.import_changes("full.chg", f).unwrap();
            }
        }
        let digest = laptops[0].api.register_digest().unwrap();
        let conflicts = laptops[0].api.list_conflicts().unwrap();
        for (i, l) in laptops.iter().enumerate().skip(1) {
            prop_assert_eq!(&l.api.register_digest().unwrap(), &digest, "laptop {} differs", i);
            prop_assert_eq!(&l.api.list_conflicts().unwrap(), &conflicts, "laptop {} conflicts", i);
        }
        // Invariant 4: no silent loss — every activity any laptop created is
        // still known (shown, or deleted by someone who saw it).
        for id in &rows {
            let history = laptops[0].api.get_history(RecordKind::Activity, id).unwrap();
            prop_assert!(!history.is_empty());
        }
    }
}
