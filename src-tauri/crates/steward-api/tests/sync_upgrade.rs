//! Ops for fields this version does not know are kept and replayed after an
//! upgrade. A newer version cannot be built here, so the test makes the
//! database look as an older version left it: that version had received
//! the ops (they are in the op log) but did not know the activity's
//! `description` nor the kind "recipient", so it showed neither and
//! recorded the fields it knew. Opening it with this version must show them.

use std::path::Path;
use std::sync::Arc;

use steward_api::{ActivityInput, ExportScope, FixedClock, RecipientInput, Steward};
use steward_store::replay::known_fields;

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::new("2026-11-23T09:00:00Z".parse().unwrap()))
}

/// What the older version left: the fields it did not know unset, rows of
/// the kind it did not know absent, and the list of fields it knew.
fn as_an_older_version_left_it(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("UPDATE activities SET description = ''", [])
        .unwrap();
    conn.execute("DELETE FROM recipients", []).unwrap();
    let older: Vec<String> = known_fields()
        .into_iter()
        .filter(|f| f != "activity.description" && !f.starts_with("recipient."))
        .collect();
    conn.execute(
        "UPDATE meta SET value = ?1 WHERE key = 'known_fields'",
        [serde_json::to_string(&older).unwrap()],
    )
    .unwrap();
}

#[test]
fn ops_for_fields_an_older_version_did_not_know_appear_after_the_upgrade() {
    let mut ada = Steward::open_in_memory(Box::new(Arc::new(FixedClock::new(
        "2026-11-23T08:00:00Z".parse().unwrap(),
    ))))
    .unwrap();
    ada.set_device_name("Ada").unwrap();
    ada.create_activity(ActivityInput {
        name: "Newsletter".into(),
        description: "Monthly news for members.".into(),
        ..ActivityInput::default()
    })
    .unwrap();
    ada.create_recipient(RecipientInput {
        legal_name: "Mailchimp".into(),
        country: "US".into(),
        ..RecipientInput::default()
    })
    .unwrap();
    let file = ada.export_changes(ExportScope::Everything).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vic.sqlite3");
    {
        let mut vic = Steward::open(&db, clock()).unwrap();
        vic.join_organisation(&file.name, &file.bytes).unwrap();
    }
    as_an_older_version_left_it(&db);
    {
        // What the older version showed: the fields it knew only.
        let conn = rusqlite::Connection::open(&db).unwrap();
        let shown: (String, String) = conn
            .query_row("SELECT name, description FROM activities", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(shown, ("Newsletter".into(), String::new()));
    }

    // This version opens it: the kept ops are replayed.
    let vic = Steward::open(&db, clock()).unwrap();
    let activities = vic.list_activities().unwrap();
    assert_eq!(
        activities[0].fields.description,
        "Monthly news for members."
    );
    let recipients = vic.list_recipients().unwrap();
    assert_eq!(recipients.len(), 1);
    assert_eq!(recipients[0].fields.legal_name, "Mailchimp");
    assert_eq!(
        vic.register_digest().unwrap(),
        ada.register_digest().unwrap()
    );
    drop(vic);

    // The list now names every field: opening again replays nothing and
    // changes nothing.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let known: String = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'known_fields'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(known, serde_json::to_string(&known_fields()).unwrap());
    drop(conn);
    let vic = Steward::open(&db, clock()).unwrap();
    assert_eq!(
        vic.register_digest().unwrap(),
        ada.register_digest().unwrap()
    );
}

/// A status an older version could not read (a newer Steward's) was kept
/// in the op log, and that version showed the status before it. The
/// version that knows the value recomputes the row when it opens the
/// database, because the values it knows for `status` differ from those
/// the older one recorded, and then shows it. Made up here the other way
/// round: this version's values are the "newer" ones, and the database is
/// made to look as an older version, which knew only "draft", left it.
#[test]
fn a_value_an_older_version_could_not_read_appears_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let id = {
        let mut api = Steward::open(&db, clock()).unwrap();
        let id = api
            .create_activity(ActivityInput {
                name: "Newsletter".into(),
                ..ActivityInput::default()
            })
            .unwrap()
            .id;
        let mut input = api.get_activity(&id).unwrap().fields;
        input.status = steward_api::ActivityStatus::Active;
        api.update_activity(&id, input, None).unwrap();
        id
    };
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("UPDATE activities SET status = 'draft'", [])
            .unwrap();
        let older: Vec<String> = known_fields()
            .into_iter()
            .map(|f| {
                if f.starts_with("activity.status:") {
                    "activity.status:draft".to_owned()
                } else {
                    f
                }
            })
            .collect();
        conn.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'known_fields'",
            [serde_json::to_string(&older).unwrap()],
        )
        .unwrap();
    }
    let api = Steward::open(&db, clock()).unwrap();
    assert_eq!(
        api.get_activity(&id).unwrap().fields.status,
        steward_api::ActivityStatus::Active
    );
}
