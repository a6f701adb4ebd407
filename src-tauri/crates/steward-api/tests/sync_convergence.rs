//! Invariants 1–4 and 7 of the sync design as a property. 2–5 laptops,
//! whose clocks are up to a year wrong (one of them sometimes 73 years
//! ahead), make random changes to every kind of record — activities and
//! each of their rows, recipients, source organisations, website third
//! parties, the policy's own texts, acknowledged findings — through the API
//! as the app makes them: plain saves, saves from a form left open while
//! changes arrived (against the form's base), deletes from a stale view,
//! restores, conflict resolutions, edits that break a rule spanning two
//! fields once merged. They exchange random (partial, duplicated,
//! reordered) change files; hostile files are sent and must be refused
//! with nothing changed; a phantom laptop running a newer Steward sends
//! values and fields this version cannot read; a laptop is restored from a
//! backup of itself and keeps working. After a full exchange:
//! - every laptop has the same register (state digest) and the same
//!   conflicts (1, 3, 7);
//! - every file applies, except the hostile ones;
//! - invariant 4, precisely: every op a laptop wrote named as parents only
//!   ops its author had seen (the base of the form, or the record as it
//!   stood), and every op ever written is still in every laptop's log —
//!   except those a restored laptop wrote after its backup and never sent,
//!   which died with its disk.
//!
//! CI runs 200 cases; `bash .dev/proptest-sync` runs 10,000 (release).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use serde_json::{Value, json};
use steward_api::sync::file::{self, Header};
use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivitySourceInput, Clock, ExportScope, FixedClock,
    PolicyEditInput, PurposeInput, RecipientInput, Resolution, ResolveConflictInput,
    RetentionRuleInput, SourceOrganisationInput, Steward, SubjectGroupInput, TransferInput,
    WebsiteThirdPartyInput,
};
use steward_core::HlcStamp;
use steward_store::Op;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Activity,
    Purpose,
    SubjectGroup,
    Source,
    Disclosure,
    Transfer,
    Retention,
    Recipient,
    SourceOrganisation,
    Website,
    PolicyEdit,
}

const KINDS: [Kind; 11] = [
    Kind::Activity,
    Kind::Purpose,
    Kind::SubjectGroup,
    Kind::Source,
    Kind::Disclosure,
    Kind::Transfer,
    Kind::Retention,
    Kind::Recipient,
    Kind::SourceOrganisation,
    Kind::Website,
    Kind::PolicyEdit,
];

/// The edits made to each kind: a field (API name) and values for it. Some
/// combinations break a rule of the form on their own (the save is then
/// refused, as in the app); others do only once two laptops' saves merge.
fn edits(kind: Kind) -> &'static [(&'static str, &'static [&'static str])] {
    match kind {
        Kind::Activity => &[
            ("name", &["\"Newsletter\"", "\"Rota\"", "\"Donations\""]),
            (
                "description",
                &["\"\"", "\"About events\"", "\"About members\""],
            ),
            ("status", &["\"draft\"", "\"active\"", "\"retired\""]),
            ("controllerName", &["\"\"", "\"Open Source Collective\""]),
            ("owner", &["\"\"", "\"Events team\""]),
            // Two fields at once, as the form saves them: the rule that a
            // processor names its controller spans both.
            (
                "role+controllerName",
                &[
                    "{\"role\": \"processor\", \"controllerName\": \"Open Source Collective\"}",
                    "{\"role\": \"processor\", \"controllerName\": \"OSC Inc.\"}",
                    "{\"role\": \"controller\", \"controllerName\": \"\"}",
                ],
            ),
        ],
        Kind::Purpose => &[
            (
                "description",
                &["\"Send the newsletter\"", "\"Measure opens\""],
            ),
            (
                "legalBasis",
                &["null", "\"consent\"", "\"legitimateInterests\""],
            ),
            ("consentRecord", &["\"\"", "\"Double opt-in\""]),
        ],
        Kind::SubjectGroup => &[
            ("subjectCategory", &["\"members\"", "\"donors\""]),
            ("dataCategories", &["[]", "[\"email-address\"]"]),
        ],
        Kind::Source => &[
            ("context", &["\"Sign-up form\"", "\"Events\""]),
            ("publiclyAccessible", &["true", "false"]),
        ],
        Kind::Disclosure => &[
            ("role", &["\"internal\"", "\"processor\""]),
            ("internalTeam", &["\"\"", "\"Events team\""]),
            ("purpose", &["\"Hosting\"", "\"Mailing\""]),
        ],
        Kind::Transfer => &[
            ("country", &["\"US\"", "\"CH\""]),
            ("mechanism", &["\"sccs\"", "\"adequacy\""]),
            ("notes", &["\"\"", "\"Checked in 2026\""]),
        ],
        Kind::Retention => &[
            ("periodValue", &["1", "2", "null"]),
            ("criterion", &["\"\"", "\"Until the person unsubscribes\""]),
        ],
        Kind::Recipient => &[
            ("legalName", &["\"Mailer Inc.\"", "\"Hosting GmbH\""]),
            ("country", &["\"US\"", "\"DE\""]),
            ("notes", &["\"\"", "\"Renewed\""]),
        ],
        Kind::SourceOrganisation => &[
            ("name", &["\"Partner Network\"", "\"Event Hub\""]),
            ("contact", &["\"\"", "\"privacy@partner.example\""]),
        ],
        Kind::Website => &[
            ("provider", &["\"Plausible\"", "\"Matomo\""]),
            ("purpose", &["\"Counting visits\"", "\"\""]),
            ("consentRequired", &["true", "false"]),
        ],
        Kind::PolicyEdit => &[
            (
                "text",
                &["\"We never sell your data.\"", "\"Ask us anything.\""],
            ),
            ("mode", &["\"append\"", "\"replace\""]),
        ],
    }
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("a JSON literal")
}

/// Sets one edit's value on a record: one field, or for `a+b` several.
fn apply(input: &mut Value, field: &str, value: &str) {
    let value = parse(value);
    match (field.contains('+'), value) {
        (true, Value::Object(fields)) => {
            for (k, v) in fields {
                input[k] = v;
            }
        }
        (_, value) => input[field] = value,
    }
}

fn to_json<T: serde::Serialize>(t: T) -> Value {
    serde_json::to_value(t).expect("DTOs serialise")
}

fn from_json<T: serde::de::DeserializeOwned>(v: Value) -> Option<T> {
    serde_json::from_value(v).ok()
}

/// A record of `kind` as the API returns it (with `base`), if it is live.
fn get(api: &Steward, kind: Kind, id: &str) -> Option<Value> {
    match kind {
        Kind::Activity => api.get_activity(id).ok().map(to_json),
        Kind::Purpose => api.get_purpose(id).ok().map(to_json),
        Kind::SubjectGroup => api.get_subject_group(id).ok().map(to_json),
        Kind::Source => api.get_activity_source(id).ok().map(to_json),
        Kind::Disclosure => api.get_activity_recipient(id).ok().map(to_json),
        Kind::Transfer => api.get_transfer(id).ok().map(to_json),
        Kind::Retention => api.get_retention_rule(id).ok().map(to_json),
        Kind::Recipient => api.get_recipient(id).ok().map(to_json),
        Kind::SourceOrganisation => api.get_source_organisation(id).ok().map(to_json),
        Kind::Website => api.get_website_third_party(id).ok().map(to_json),
        Kind::PolicyEdit => api
            .list_policy_edits()
            .ok()?
            .into_iter()
            .find(|e| e.id == id)
            .map(to_json),
    }
}

/// Saves `record` (a DTO as JSON, possibly edited) as the app's form would;
/// `false` when the API refuses it (as the form would show).
fn update(api: &mut Steward, kind: Kind, record: Value, base: Option<&str>) -> bool {
    let id = record["id"].as_str().unwrap_or_default().to_owned();
    macro_rules! save {
        ($input:ty, $update:ident) => {
            match from_json::<$input>(record) {
                Some(input) => api.$update(&id, input, base).is_ok(),
                None => false,
            }
        };
    }
    match kind {
        Kind::Activity => save!(ActivityInput, update_activity),
        Kind::Purpose => save!(PurposeInput, update_purpose),
        Kind::SubjectGroup => save!(SubjectGroupInput, update_subject_group),
        Kind::Source => save!(ActivitySourceInput, update_activity_source),
        Kind::Disclosure => save!(ActivityRecipientInput, update_activity_recipient),
        Kind::Transfer => save!(TransferInput, update_transfer),
        Kind::Retention => save!(RetentionRuleInput, update_retention_rule),
        Kind::Recipient => save!(RecipientInput, update_recipient),
        Kind::SourceOrganisation => save!(SourceOrganisationInput, update_source_organisation),
        Kind::Website => save!(WebsiteThirdPartyInput, update_website_third_party),
        Kind::PolicyEdit => match from_json::<PolicyEditInput>(record) {
            Some(input) => api.save_policy_edit(&input, base).is_ok(),
            None => false,
        },
    }
}

fn delete(api: &mut Steward, kind: Kind, id: &str, base: Option<&str>) -> bool {
    match kind {
        Kind::Activity => api.delete_activity(id, base).is_ok(),
        Kind::Purpose => api.delete_purpose(id, base).is_ok(),
        Kind::SubjectGroup => api.delete_subject_group(id, base).is_ok(),
        Kind::Source => api.delete_activity_source(id, base).is_ok(),
        Kind::Disclosure => api.delete_activity_recipient(id, base).is_ok(),
        Kind::Transfer => api.delete_transfer(id, base).is_ok(),
        Kind::Retention => api.delete_retention_rule(id, base).is_ok(),
        Kind::Recipient => api.delete_recipient(id, base).is_ok(),
        Kind::SourceOrganisation => api.delete_source_organisation(id, base).is_ok(),
        Kind::Website => api.delete_website_third_party(id, base).is_ok(),
        Kind::PolicyEdit => api.delete_policy_edit(id, base).is_ok(),
    }
}

fn restore(api: &mut Steward, kind: Kind, id: &str) -> bool {
    match kind {
        Kind::Activity => api.restore_activity(id).is_ok(),
        Kind::Purpose => api.restore_purpose(id).is_ok(),
        Kind::SubjectGroup => api.restore_subject_group(id).is_ok(),
        Kind::Source => api.restore_activity_source(id).is_ok(),
        Kind::Disclosure => api.restore_activity_recipient(id).is_ok(),
        Kind::Transfer => api.restore_transfer(id).is_ok(),
        Kind::Retention => api.restore_retention_rule(id).is_ok(),
        Kind::Recipient => api.restore_recipient(id).is_ok(),
        Kind::SourceOrganisation => api.restore_source_organisation(id).is_ok(),
        Kind::Website => api.restore_website_third_party(id).is_ok(),
        Kind::PolicyEdit => api.restore_policy_edit(id).is_ok(),
    }
}

/// Creates a valid record of `kind` (rows of an activity on `activity`).
fn create(api: &mut Steward, kind: Kind, activity: &str, n: usize) -> Option<String> {
    let a = activity.to_owned();
    let word = ["Newsletter", "Rota", "Donations", "Events"][n % 4];
    let id = match kind {
        Kind::Activity => {
            api.create_activity(ActivityInput {
                name: word.into(),
                ..ActivityInput::default()
            })
            .ok()?
            .id
        }
        Kind::Purpose => {
            api.create_purpose(PurposeInput {
                activity_id: a,
                description: format!("Run the {word}"),
                ..PurposeInput::default()
            })
            .ok()?
            .id
        }
        Kind::SubjectGroup => {
            api.create_subject_group(SubjectGroupInput {
                activity_id: a,
                subject_category: "members".into(),
                ..SubjectGroupInput::default()
            })
            .ok()?
            .id
        }
        Kind::Source => {
            api.create_activity_source(ActivitySourceInput {
                activity_id: a,
                context: word.into(),
                ..ActivitySourceInput::default()
            })
            .ok()?
            .id
        }
        Kind::Disclosure => {
            api.create_activity_recipient(ActivityRecipientInput {
                activity_id: a,
                role: steward_api::RecipientRole::Internal,
                internal_team: format!("{word} team"),
                ..ActivityRecipientInput::default()
            })
            .ok()?
            .id
        }
        Kind::Transfer => {
            api.create_transfer(TransferInput {
                activity_id: a,
                country: "US".into(),
                mechanism: Some(steward_api::TransferMechanism::Sccs),
                ..TransferInput::default()
            })
            .ok()?
            .id
        }
        Kind::Retention => {
            api.create_retention_rule(RetentionRuleInput {
                activity_id: a,
                data_category: "email-address".into(),
                criterion: "Until the person unsubscribes".into(),
                ..RetentionRuleInput::default()
            })
            .ok()?
            .id
        }
        Kind::Recipient => {
            api.create_recipient(RecipientInput {
                legal_name: format!("{word} Ltd"),
                ..RecipientInput::default()
            })
            .ok()?
            .id
        }
        Kind::SourceOrganisation => {
            api.create_source_organisation(SourceOrganisationInput {
                name: format!("{word} partners"),
                ..SourceOrganisationInput::default()
            })
            .ok()?
            .id
        }
        Kind::Website => {
            api.create_website_third_party(WebsiteThirdPartyInput {
                provider: format!("{word} analytics"),
                ..WebsiteThirdPartyInput::default()
            })
            .ok()?
            .id
        }
        Kind::PolicyEdit => {
            let section = ["sharing", "security", "rights", "changes"][n % 4];
            api.save_policy_edit(
                &PolicyEditInput {
                    section_id: section.into(),
                    text: format!("About {word}."),
                    ..PolicyEditInput::default()
                },
                None,
            )
            .ok()?
            .id
        }
    };
    Some(id)
}

#[derive(Debug, Clone)]
enum Action {
    /// A plain save of one field (the form read just before).
    Edit {
        dev: usize,
        row: usize,
        edit: usize,
        value: usize,
    },
    /// Fills the laptop's form with a record; it stays open while other
    /// actions happen.
    Open {
        dev: usize,
        row: usize,
    },
    /// Saves the open form with one field changed, against its base.
    SaveOpen {
        dev: usize,
        edit: usize,
        value: usize,
    },
    /// Deletes the open form's record, as seen when it was opened.
    DeleteOpen {
        dev: usize,
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
        kind: usize,
        parent: usize,
        n: usize,
    },
    Resolve {
        dev: usize,
        pick: usize,
    },
    Acknowledge {
        dev: usize,
        pick: usize,
    },
    Withdraw {
        dev: usize,
    },
    /// `from` sends its changes to `to`; `keep` of them when partial.
    Send {
        from: usize,
        to: usize,
        everything: bool,
        keep: Option<usize>,
        twice: bool,
    },
    /// A file with a hidden text-direction character: refused whole.
    Hostile {
        from: usize,
        to: usize,
    },
    /// A laptop with a newer Steward writes values and fields this one
    /// cannot read, about a record `to` has.
    Newer {
        to: usize,
        row: usize,
    },
    /// A backup of the laptop's database…
    Backup {
        dev: usize,
    },
    /// …from which the laptop is later restored, after a disk failure: by
    /// Steward ("Restore…", which moves the laptop to a new device id), or
    /// by hand (the file copied back), after which the laptop first
    /// receives the others' changes, as "Sync now" reads its own folder
    /// before it writes.
    RestoreBackup {
        dev: usize,
        by_hand: bool,
    },
}

fn action() -> impl Strategy<Value = Action> {
    let d = 0..5usize;
    let r = 0..40usize;
    prop_oneof![
        6 => (d.clone(), r.clone(), 0..7usize, 0..3usize)
            .prop_map(|(dev, row, edit, value)| Action::Edit { dev, row, edit, value }),
        3 => (d.clone(), r.clone()).prop_map(|(dev, row)| Action::Open { dev, row }),
        3 => (d.clone(), 0..7usize, 0..3usize)
            .prop_map(|(dev, edit, value)| Action::SaveOpen { dev, edit, value }),
        1 => d.clone().prop_map(|dev| Action::DeleteOpen { dev }),
        1 => (d.clone(), r.clone()).prop_map(|(dev, row)| Action::Delete { dev, row }),
        1 => (d.clone(), r.clone()).prop_map(|(dev, row)| Action::Restore { dev, row }),
        4 => (d.clone(), 0..KINDS.len(), r.clone(), 0..4usize)
            .prop_map(|(dev, kind, parent, n)| Action::Create { dev, kind, parent, n }),
        1 => (d.clone(), 0..4usize).prop_map(|(dev, pick)| Action::Resolve { dev, pick }),
        1 => (d.clone(), 0..4usize).prop_map(|(dev, pick)| Action::Acknowledge { dev, pick }),
        1 => d.clone().prop_map(|dev| Action::Withdraw { dev }),
        6 => (d.clone(), d.clone(), any::<bool>(), proptest::option::of(0..8usize), any::<bool>())
            .prop_map(|(from, to, everything, keep, twice)| Action::Send { from, to, everything, keep, twice }),
        1 => (d.clone(), d.clone()).prop_map(|(from, to)| Action::Hostile { from, to }),
        1 => (d.clone(), r.clone()).prop_map(|(to, row)| Action::Newer { to, row }),
        2 => d.clone().prop_map(|dev| Action::Backup { dev }),
        2 => (d, any::<bool>()).prop_map(|(dev, by_hand)| Action::RestoreBackup { dev, by_hand }),
    ]
}

/// What makes an op the same op wherever it is, whatever id a restored
/// laptop's renumbering gave it.
type Content = (String, String, String, String, i64, u32);

fn content(op: &Op) -> Content {
    (
        op.entity.clone(),
        op.row_id.clone(),
        op.field.clone(),
        op.value.to_string(),
        op.stamp.wall_ms,
        op.stamp.counter,
    )
}

struct Laptop {
    api: Option<Steward>,
    clock: Arc<FixedClock>,
    db: PathBuf,
    backup: Option<PathBuf>,
    /// A form left open: its kind and the record as it was read.
    form: Option<(Kind, Value)>,
}

impl Laptop {
    fn api(&mut self) -> &mut Steward {
        self.api.as_mut().expect("open")
    }

    fn reopen(&mut self) {
        self.api = Some(Steward::open(&self.db, Box::new(self.clock.clone())).unwrap());
    }

    /// Every op the laptop holds, as a starter file would carry them.
    fn ops(&mut self) -> Vec<Op> {
        let file = self.api().export_changes(ExportScope::Everything).unwrap();
        file::decode(&file.bytes).unwrap().ops
    }
}

struct World {
    laptops: Vec<Laptop>,
    rows: Vec<(Kind, String)>,
    /// Ops of the phantom laptop that runs a newer Steward.
    newer_ops: Vec<Op>,
    organisation: String,
    /// Every op ever written, by content: what must survive.
    written: HashSet<Content>,
    /// Refusals that were not expected.
    surprises: Vec<String>,
    /// Parents an op named that its author had not seen.
    unseen_parents: Vec<String>,
}

const NEWER_DEVICE: &str = "00000000-0000-4000-8000-0000000ne3e7";

/// The header of a file the phantom newer laptop writes.
fn newer_header(organisation: &str) -> Header {
    Header {
        format: file::CHANGES_FORMAT_VERSION,
        schema: 99,
        organisation: organisation.to_owned(),
        author: NEWER_DEVICE.into(),
        created: "2026-11-23T09:00:00Z".into(),
        devices: [(NEWER_DEVICE.to_owned(), "Newer laptop".to_owned())].into(),
        ranges: Default::default(),
        ops: 0,
    }
}

impl World {
    /// Runs a local change on laptop `dev` and checks invariant 4 for the
    /// ops it wrote: their parents are among what the author saw (`seen`:
    /// the base of the form, or the record's heads as it stood).
    fn local(&mut self, dev: usize, seen_base: Option<String>, change: impl FnOnce(&mut Steward)) {
        let before = self.laptops[dev].ops();
        let held: HashSet<String> = before.iter().map(|o| o.op_id.clone()).collect();
        change(self.laptops[dev].api());
        let after = self.laptops[dev].ops();
        let by_id: HashMap<&str, &Op> = before.iter().map(|o| (o.op_id.as_str(), o)).collect();
        let seen: HashSet<String> = match &seen_base {
            Some(base) => ancestors(base.split(',').filter(|s| !s.is_empty()), &by_id),
            None => held.clone(),
        };
        for op in after.iter().filter(|o| !held.contains(&o.op_id)) {
            self.written.insert(content(op));
            for p in &op.parents {
                // A parent is written in the same change (a restore's
                // re-asserted values name the ops of their field) or seen.
                if !seen.contains(p) && held.contains(p) {
                    self.unseen_parents.push(format!("{} names {p}", op.op_id));
                }
            }
        }
    }
}

fn ancestors<'a>(
    start: impl Iterator<Item = &'a str>,
    by_id: &HashMap<&str, &Op>,
) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut stack: Vec<String> = start.map(str::to_owned).collect();
    while let Some(id) = stack.pop() {
        if !out.insert(id.clone()) {
            continue;
        }
        if let Some(op) = by_id.get(id.as_str()) {
            stack.extend(op.parents.iter().cloned());
        }
    }
    out
}

fn act(w: &mut World, action: &Action) {
    let n = w.laptops.len();
    let row_of = |w: &World, row: usize| -> Option<(Kind, String)> {
        (!w.rows.is_empty()).then(|| w.rows[row % w.rows.len()].clone())
    };
    match *action {
        Action::Edit {
            dev,
            row,
            edit,
            value,
        } => {
            let dev = dev % n;
            let Some((kind, id)) = row_of(w, row) else {
                return;
            };
            let Some(record) = get(w.laptops[dev].api(), kind, &id) else {
                return;
            };
            let base = record["base"].as_str().map(str::to_owned);
            let mut input = record;
            let edits = edits(kind);
            let (field, values) = edits[edit % edits.len()];
            apply(&mut input, field, values[value % values.len()]);
            w.local(dev, base, |api| {
                update(api, kind, input, None);
            });
        }
        Action::Open { dev, row } => {
            let dev = dev % n;
            let Some((kind, id)) = row_of(w, row) else {
                return;
            };
            w.laptops[dev].form = get(w.laptops[dev].api(), kind, &id).map(|r| (kind, r));
        }
        Action::SaveOpen { dev, edit, value } => {
            let dev = dev % n;
            let Some((kind, record)) = w.laptops[dev].form.take() else {
                return;
            };
            let base = record["base"].as_str().unwrap_or_default().to_owned();
            let mut input = record;
            let edits = edits(kind);
            let (field, values) = edits[edit % edits.len()];
            apply(&mut input, field, values[value % values.len()]);
            let b = base.clone();
            w.local(dev, Some(base), |api| {
                update(api, kind, input, Some(&b));
            });
        }
        Action::DeleteOpen { dev } => {
            let dev = dev % n;
            let Some((kind, record)) = w.laptops[dev].form.take() else {
                return;
            };
            let base = record["base"].as_str().unwrap_or_default().to_owned();
            let id = record["id"].as_str().unwrap_or_default().to_owned();
            let b = base.clone();
            w.local(dev, Some(base), |api| {
                delete(api, kind, &id, Some(&b));
            });
        }
        Action::Delete { dev, row } => {
            let dev = dev % n;
            let Some((kind, id)) = row_of(w, row) else {
                return;
            };
            w.local(dev, None, |api| {
                delete(api, kind, &id, None);
            });
        }
        Action::Restore { dev, row } => {
            let dev = dev % n;
            let Some((kind, id)) = row_of(w, row) else {
                return;
            };
            w.local(dev, None, |api| {
                restore(api, kind, &id);
            });
        }
        Action::Create {
            dev,
            kind,
            parent,
            n: word,
        } => {
            let dev = dev % n;
            let kind = KINDS[kind];
            let activities: Vec<String> = w
                .rows
                .iter()
                .filter(|(k, _)| *k == Kind::Activity)
                .map(|(_, id)| id.clone())
                .collect();
            let activity = activities[parent % activities.len()].clone();
            let mut created = None;
            w.local(dev, None, |api| {
                created = create(api, kind, &activity, word);
            });
            if let Some(id) = created
                && !w.rows.iter().any(|(_, r)| *r == id)
            {
                w.rows.push((kind, id));
            }
        }
        Action::Resolve { dev, pick } => {
            let dev = dev % n;
            let Some(c) = w.laptops[dev]
                .api()
                .list_conflicts()
                .unwrap()
                .into_iter()
                .next()
            else {
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
            w.local(dev, None, |api| {
                // A value the form refuses alone cannot be picked (as in the app).
                let _ = api.resolve_conflict(ResolveConflictInput {
                    record: c.record,
                    record_id: c.record_id,
                    field: c.field,
                    resolution,
                });
            });
        }
        Action::Acknowledge { dev, pick } => {
            let dev = dev % n;
            let findings = w.laptops[dev].api().list_findings().unwrap();
            let open: Vec<_> = findings
                .into_iter()
                .filter(|f| f.acknowledgement.is_none())
                .collect();
            if open.is_empty() {
                return;
            }
            let finding = open[pick % open.len()].clone();
            w.local(dev, None, |api| {
                let _ = api.acknowledge_finding(&finding, "Kept on purpose.");
            });
        }
        Action::Withdraw { dev } => {
            let dev = dev % n;
            let Some(ack) = w.laptops[dev]
                .api()
                .list_acknowledgements()
                .unwrap()
                .into_iter()
                .next()
            else {
                return;
            };
            let base = ack.base.clone();
            w.local(dev, Some(base.clone()), |api| {
                let _ = api.withdraw_acknowledgement(&ack.id, Some(&base));
            });
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
            let mut bytes = w.laptops[from].api().export_changes(scope).unwrap().bytes;
            if let Some(keep) = keep {
                // A partial delivery: the first ops of each device only.
                let parsed = file::decode(&bytes).unwrap();
                let mut per_device = BTreeMap::<String, usize>::new();
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
                if let Err(e) = w.laptops[to].api().import_changes("exchange.chg", &bytes) {
                    w.surprises.push(format!("send {from}→{to}: {}", e.message));
                }
            }
        }
        Action::Hostile { from, to } => {
            let (from, to) = (from % n, to % n);
            if from == to {
                return;
            }
            let file = w.laptops[from]
                .api()
                .export_changes(ExportScope::Mine)
                .unwrap();
            let mut parsed = file::decode(&file.bytes).unwrap();
            let Some(op) = parsed.ops.iter_mut().find(|o| o.value.is_string()) else {
                return;
            };
            op.value = json!("evil\u{202e}txt");
            let hostile = file::encode(parsed.header, &parsed.ops);
            let before = w.laptops[to].api().register_digest().unwrap();
            if w.laptops[to]
                .api()
                .import_changes("hostile.chg", &hostile)
                .is_ok()
            {
                w.surprises.push("a hostile file was imported".into());
            }
            if w.laptops[to].api().register_digest().unwrap() != before {
                w.surprises
                    .push("a refused file changed the register".into());
            }
        }
        Action::Newer { to, row } => {
            let to = to % n;
            let Some((kind, id)) = row_of(w, row) else {
                return;
            };
            if kind != Kind::Activity {
                return;
            }
            let held = w.laptops[to].ops();
            let status_heads: Vec<String> = {
                let of_field: Vec<&Op> = held
                    .iter()
                    .filter(|o| o.row_id == id && o.field == "status")
                    .collect();
                let superseded: HashSet<&str> = held
                    .iter()
                    .filter(|o| o.row_id == id)
                    .flat_map(|o| o.parents.iter().map(String::as_str))
                    .collect();
                of_field
                    .iter()
                    .filter(|o| !superseded.contains(o.op_id.as_str()))
                    .map(|o| o.op_id.clone())
                    .collect()
            };
            let now = w.laptops[to].clock.now().as_millisecond();
            let mut ops = vec![];
            for (field, value, parents) in [
                ("status", json!("archived"), status_heads),
                ("carbon_footprint", json!({"kg": 3}), vec![]),
            ] {
                let seq = w.newer_ops.len() as i64 + 1;
                let op = Op {
                    op_id: format!("{seq}@{NEWER_DEVICE}"),
                    device: NEWER_DEVICE.into(),
                    seq,
                    entity: "activity".into(),
                    row_id: id.clone(),
                    field: field.into(),
                    value,
                    stamp: HlcStamp {
                        wall_ms: now,
                        counter: seq as u32,
                    },
                    parents,
                };
                w.newer_ops.push(op.clone());
                ops.push(op);
            }
            for op in &ops {
                w.written.insert(content(op));
            }
            // Its sequence is complete only from the first op on: earlier
            // ones went to other laptops.
            let bytes = file::encode(newer_header(&w.organisation), &ops);
            if let Err(e) = w.laptops[to].api().import_changes("newer.chg", &bytes) {
                w.surprises
                    .push(format!("newer file refused: {}", e.message));
            }
        }
        Action::Backup { dev } => {
            let dev = dev % n;
            let path = w.laptops[dev].db.with_extension("backup");
            w.laptops[dev].api().backup_to(&path).unwrap();
            w.laptops[dev].backup = Some(path);
        }
        Action::RestoreBackup { dev, by_hand } => {
            let dev = dev % n;
            let Some(backup) = w.laptops[dev].backup.clone() else {
                return;
            };
            // What dies with the disk: ops only this laptop held.
            let mine = w.laptops[dev].ops();
            let elsewhere: HashSet<Content> = (0..n)
                .filter(|&i| i != dev)
                .flat_map(|i| w.laptops[i].ops())
                .map(|o| content(&o))
                .collect();
            let backed_up: HashSet<Content> = {
                let copy = Steward::open(&backup, Box::new(w.laptops[dev].clock.clone())).unwrap();
                let file = copy.export_changes(ExportScope::Everything).unwrap();
                file::decode(&file.bytes)
                    .unwrap()
                    .ops
                    .iter()
                    .map(content)
                    .collect()
            };
            for op in &mine {
                let c = content(op);
                if !elsewhere.contains(&c) && !backed_up.contains(&c) {
                    w.written.remove(&c);
                }
            }
            w.laptops[dev].form = None;
            if !by_hand {
                let before = w.laptops[dev].api().sync_status().unwrap().device_id;
                w.laptops[dev]
                    .api()
                    .restore_backup(backup.to_str().unwrap())
                    .unwrap();
                let after = w.laptops[dev].api().sync_status().unwrap().device_id;
                if before == after {
                    w.surprises.push("a restore kept the device id".into());
                }
                return;
            }
            let laptop = &mut w.laptops[dev];
            laptop.api = None;
            for extra in ["sqlite3-wal", "sqlite3-shm"] {
                let _ = std::fs::remove_file(laptop.db.with_extension(extra));
            }
            std::fs::copy(&backup, &laptop.db).unwrap();
            laptop.reopen();
            for other in (0..n).filter(|&i| i != dev) {
                let file = w.laptops[other]
                    .api()
                    .export_changes(ExportScope::Everything)
                    .unwrap();
                if let Err(e) = w.laptops[dev]
                    .api()
                    .import_changes("folder.chg", &file.bytes)
                {
                    w.surprises
                        .push(format!("after a restore by hand: {}", e.message));
                }
            }
        }
    }
    for l in w.laptops.iter() {
        l.clock.advance(SignedDuration::from_millis(1_500));
    }
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(200);
    ProptestConfig {
        cases,
        // Every case opens databases in files: shrinking stays bounded.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// Where the laptops' databases live: memory-backed when the OS has one,
/// since every commit is flushed to disk (`synchronous=FULL`).
fn scratch() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    }
}

/// One case: the laptops, their clocks, the actions, then the full
/// exchange and every check.
fn run(skews: &[i64], far_ahead: bool, actions: &[Action]) -> Result<(), TestCaseError> {
    let start: Timestamp = "2026-11-23T09:00:00Z".parse().unwrap();
    let dir = scratch();
    let mut laptops: Vec<Laptop> = skews
        .iter()
        .enumerate()
        .map(|(i, days)| {
            let clock = Arc::new(FixedClock::new(start));
            let days = if far_ahead && i == 1 { 365 * 73 } else { *days };
            clock.advance(SignedDuration::from_hours(24 * days));
            let db = dir.path().join(format!("laptop{i}.sqlite3"));
            let mut laptop = Laptop {
                api: None,
                clock,
                db,
                backup: None,
                form: None,
            };
            laptop.reopen();
            laptop
                .api()
                .set_device_name(&format!("Laptop {i}"))
                .unwrap();
            laptop
        })
        .collect();
    let first = laptops[0]
        .api()
        .create_activity(ActivityInput {
            name: "Newsletter".into(),
            ..ActivityInput::default()
        })
        .unwrap()
        .id;
    let starter = laptops[0]
        .api()
        .export_changes(ExportScope::Everything)
        .unwrap();
    for l in laptops.iter_mut().skip(1) {
        l.api()
            .join_organisation("starter.chg", &starter.bytes)
            .unwrap();
    }
    let organisation = laptops[0].api().sync_status().unwrap().organisation_id;
    let written = laptops[0].ops().iter().map(content).collect();
    let mut w = World {
        laptops,
        rows: vec![(Kind::Activity, first)],
        newer_ops: vec![],
        organisation,
        written,
        surprises: vec![],
        unseen_parents: vec![],
    };
    for a in actions {
        act(&mut w, a);
    }
    // The newer laptop sends all its changes, as every laptop eventually
    // does: a laptop relays another's changes only up to the first gap.
    if !w.newer_ops.is_empty() {
        let bytes = file::encode(newer_header(&w.organisation), &w.newer_ops);
        for l in w.laptops.iter_mut() {
            if let Err(e) = l.api().import_changes("newer-all.chg", &bytes) {
                prop_assert!(false, "the newer laptop's file: {}", e.message);
            }
        }
    }
    // The full exchange: every laptop's files to every other, twice;
    // everything must apply.
    for round in 0..2 {
        let files: Vec<Vec<u8>> = w
            .laptops
            .iter_mut()
            .map(|l| {
                l.api()
                    .export_changes(ExportScope::Everything)
                    .unwrap()
                    .bytes
            })
            .collect();
        for (i, l) in w.laptops.iter_mut().enumerate() {
            for (j, f) in files.iter().enumerate().rev() {
                if i == j {
                    continue;
                }
                if let Err(e) = l.api().import_changes("full.chg", f) {
                    prop_assert!(false, "round {} laptop {} ← {}: {}", round, i, j, e.message);
                }
            }
        }
    }
    prop_assert!(w.surprises.is_empty(), "{:#?}", w.surprises);
    prop_assert!(
        w.unseen_parents.is_empty(),
        "invariant 4: {:#?}",
        w.unseen_parents
    );
    let digest = w.laptops[0].api().register_digest().unwrap();
    let conflicts = w.laptops[0].api().list_conflicts().unwrap();
    for (i, l) in w.laptops.iter_mut().enumerate().skip(1) {
        prop_assert_eq!(
            &l.api().register_digest().unwrap(),
            &digest,
            "laptop {} differs",
            i
        );
        prop_assert_eq!(
            &l.api().list_conflicts().unwrap(),
            &conflicts,
            "laptop {} conflicts",
            i
        );
    }
    // Invariant 4: no silent loss — every op ever written is in every
    // laptop's log (under a new id, if its laptop was renumbered).
    for (i, l) in w.laptops.iter_mut().enumerate() {
        let held: BTreeSet<Content> = l.ops().iter().map(content).collect();
        let lost: Vec<&Content> = w.written.iter().filter(|c| !held.contains(*c)).collect();
        prop_assert!(lost.is_empty(), "laptop {} lost {:#?}", i, lost);
    }
    // Lists and exports work on every laptop, whatever the merge made.
    for l in w.laptops.iter_mut() {
        l.api().export_register_json().unwrap();
        l.api().list_findings().unwrap();
    }
    Ok(())
}

/// Actions that meet where things went wrong before: activities only, saves
/// that set the role and the controller together, forms left open, backups
/// and restores, and exchanges.
fn focused_action() -> impl Strategy<Value = Action> {
    let d = 0..5usize;
    let r = 0..40usize;
    prop_oneof![
        4 => (d.clone(), r.clone(), 5..7usize, 0..3usize)
            .prop_map(|(dev, row, edit, value)| Action::Edit { dev, row, edit, value }),
        3 => (d.clone(), r.clone()).prop_map(|(dev, row)| Action::Open { dev, row }),
        3 => (d.clone(), 4..7usize, 0..3usize)
            .prop_map(|(dev, edit, value)| Action::SaveOpen { dev, edit, value }),
        1 => (d.clone(), r).prop_map(|(dev, parent)| Action::Create { dev, kind: 0, parent, n: dev }),
        3 => d.clone().prop_map(|dev| Action::Backup { dev }),
        3 => (d.clone(), any::<bool>()).prop_map(|(dev, by_hand)| Action::RestoreBackup { dev, by_hand }),
        5 => (d.clone(), d, any::<bool>())
            .prop_map(|(from, to, everything)| Action::Send { from, to, everything, keep: None, twice: false }),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_laptop_converges_and_nothing_is_lost(
        skews in proptest::collection::vec(-365i64..=365, 2..=5),
        far_ahead in any::<bool>(),
        actions in proptest::collection::vec(action(), 1..40),
    ) {
        run(&skews, far_ahead, &actions)?;
    }

    #[test]
    fn restored_laptops_and_rules_across_fields_converge(
        skews in proptest::collection::vec(-30i64..=30, 2..=3),
        actions in proptest::collection::vec(focused_action(), 1..40),
    ) {
        run(&skews, false, &actions)?;
    }
}
