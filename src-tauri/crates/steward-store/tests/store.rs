//! The store's promises, tested through its public interface against real
//! database files: migrations, atomic writes with their ops, reopening, and
//! refusing files it must not touch.

use jiff::Timestamp;
use rusqlite::Connection;
use serde_json::{Value, json};
use steward_core::EntityKind;
use steward_store::{Store, StoreError, schema};

fn at(text: &str) -> Timestamp {
    text.parse().expect("timestamp")
}

fn activity_fields(name: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("name", json!(name)),
        ("purposes", json!(["Manage members"])),
        ("legal_basis", json!("contract")),
        ("status", json!("active")),
    ]
}

/// The activities that are not deleted, by name.
fn activities(store: &Store) -> Vec<steward_store::StoredRow> {
    store.rows(EntityKind::Activity).unwrap()
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn text(row: &steward_store::StoredRow, field: &str) -> Value {
    row.fields[field].clone()
}

#[test]
fn a_new_file_gets_the_latest_schema_and_steward_marker() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/steward.sqlite3");
    let store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    assert!(!store.identity().device_id.is_empty());
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    assert_eq!(app_id, schema::APPLICATION_ID);
    assert_eq!(journal, "wal");
}

#[test]
fn ops_are_written_in_the_same_transaction_as_the_change() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .write::<_, StoreError>(at("2026-01-01T10:00:00Z"), |w| {
            w.insert(EntityKind::Activity, &activity_fields("Members"))
        })
        .unwrap();
    assert_eq!(store.op_count().unwrap(), 4);
    let ops = store.ops_for_row(EntityKind::Activity, &id).unwrap();
    assert!(ops.iter().all(|op| op.parents.is_empty()));
    let seqs: Vec<i64> = ops.iter().map(|op| op.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4]);

    // A change that fails half-way leaves no row, no op and no clock tick.
    let failed = store.write(at("2026-01-01T11:00:00Z"), |w| {
        w.insert(EntityKind::Activity, &activity_fields("Donors"))?;
        Err::<(), _>(StoreError::Corrupt("simulated failure".into()))
    });
    assert!(failed.is_err());
    assert_eq!(activities(&store).len(), 1);
    assert_eq!(store.op_count().unwrap(), 4);

    // The next op continues the sequence: the failed one used no number.
    store
        .write::<_, StoreError>(at("2026-01-01T12:00:00Z"), |w| {
            w.set(
                EntityKind::Activity,
                &id,
                &[("name", json!("Members and fees"))],
            )
        })
        .unwrap();
    let last = store
        .ops_for_row(EntityKind::Activity, &id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.seq, 5);
}

#[test]
fn an_edit_names_the_value_it_replaced_and_unchanged_fields_write_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let t = at("2026-02-01T09:00:00Z");
    let id = store
        .write::<_, StoreError>(t, |w| {
            w.insert(EntityKind::Activity, &activity_fields("Members"))
        })
        .unwrap();
    let first = store.heads_of(EntityKind::Activity, &id, "name").unwrap();

    let written = store
        .write::<_, StoreError>(t, |w| {
            w.set(EntityKind::Activity, &id, &activity_fields("Members"))
        })
        .unwrap();
    assert_eq!(written, 0, "saving unchanged values records no op");

    store
        .write::<_, StoreError>(t, |w| {
            w.set(EntityKind::Activity, &id, &[("name", json!("Membership"))])
        })
        .unwrap();
    let ops = store.ops_for_row(EntityKind::Activity, &id).unwrap();
    let rename = ops.last().unwrap();
    assert_eq!(rename.parents, first);
    assert_eq!(
        store.heads_of(EntityKind::Activity, &id, "name").unwrap(),
        vec![rename.op_id.clone()]
    );
    // The clock moved forward although the wall clock stood still.
    assert!(rename.stamp > ops[0].stamp);
}

#[test]
fn delete_supersedes_every_field_and_restore_brings_the_values_back() {
    let mut store = Store::open_in_memory().unwrap();
    let t = at("2026-03-01T09:00:00Z");
    let id = store
        .write::<_, StoreError>(t, |w| {
            w.insert(EntityKind::Activity, &activity_fields("Members"))
        })
        .unwrap();
    let heads_before: usize = ["name", "purposes", "legal_basis", "status"]
        .iter()
        .map(|f| store.heads_of(EntityKind::Activity, &id, f).unwrap().len())
        .sum();
    assert_eq!(heads_before, 4);

    store
        .write::<_, StoreError>(t, |w| w.delete(EntityKind::Activity, &id))
        .unwrap();
    let delete = store
        .ops_for_row(EntityKind::Activity, &id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(delete.field, "$deleted");
    assert_eq!(delete.value, json!(true));
    assert_eq!(delete.parents.len(), 4, "a delete names every head it saw");
    assert!(activities(&store).is_empty());
    assert!(
        store
            .heads_of(EntityKind::Activity, &id, "name")
            .unwrap()
            .is_empty()
    );

    store
        .write::<_, StoreError>(t, |w| w.restore(EntityKind::Activity, &id))
        .unwrap();
    let restored = activities(&store);
    assert_eq!(restored.len(), 1);
    assert_eq!(text(&restored[0], "name"), json!("Members"));
    assert_eq!(text(&restored[0], "purposes"), json!(["Manage members"]));
    assert_eq!(
        store
            .heads_of(EntityKind::Activity, &id, "name")
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn reopening_keeps_everything_and_the_identity() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    let (identity, id) = {
        let mut store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
        let id = store
            .write::<_, StoreError>(at("2026-04-01T09:00:00Z"), |w| {
                w.insert(EntityKind::Activity, &activity_fields("Members"))
            })
            .unwrap();
        (store.identity().clone(), id)
    };
    let mut store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    assert_eq!(store.identity(), &identity);
    assert_eq!(activities(&store)[0].id, id);
    assert_eq!(store.op_count().unwrap(), 4);

    // The clock continues from where it was, even if the wall clock went back.
    store
        .write::<_, StoreError>(at("2020-01-01T00:00:00Z"), |w| {
            w.set(EntityKind::Activity, &id, &[("name", json!("Older clock"))])
        })
        .unwrap();
    let ops = store.ops_for_row(EntityKind::Activity, &id).unwrap();
    let newest = ops.iter().max_by_key(|op| op.seq).unwrap();
    assert!(ops.iter().all(|op| op.stamp <= newest.stamp));
    assert_eq!(newest.seq, 5);
}

#[test]
fn a_database_from_a_newer_steward_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    drop(Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path, at("2026-12-01T09:00:00Z"))
        .err()
        .expect("refused");
    assert!(
        matches!(error, StoreError::DatabaseTooNew { found: 99, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("newer version of Steward"), "{message}");
    assert!(message.contains("Update Steward"), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (body TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path, at("2026-12-01T09:00:00Z"))
        .err()
        .expect("refused");
    assert!(matches!(error, StoreError::NotSteward { .. }), "{error:?}");
    // Left byte for byte as it was: not even switched to WAL.
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("other.sqlite3-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "this is not SQLite, just some text that is long enough".repeat(20),
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path, at("2026-12-01T09:00:00Z"))
        .err()
        .expect("refused");
    assert!(matches!(error, StoreError::NotSteward { .. }), "{error:?}");
    assert!(error.to_string().contains("--db PATH"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// A Steward database with a damaged page is refused before anything is
/// written to it, with a message that says how to get the register back.
#[test]
fn a_damaged_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    {
        let mut store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
        for i in 0..200 {
            store
                .write::<_, StoreError>(at("2026-12-01T09:00:00Z"), |w| {
                    w.insert(
                        EntityKind::Activity,
                        &activity_fields(&format!("Activity {i}")),
                    )
                })
                .unwrap();
        }
    }
    // Scribble over the middle of the file, as a failing disk would.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 2048] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let error = Store::open(&path, at("2026-12-01T09:00:00Z"))
        .err()
        .expect("refused");
    assert!(matches!(error, StoreError::Damaged { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("damaged") && message.contains("backup recover"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left as it was");
}

/// A full disk: the change is refused with a message of its own, and
/// everything saved before stays.
#[test]
fn a_full_disk_refuses_the_change_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    let mut store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    store
        .write::<_, StoreError>(at("2026-12-01T09:00:00Z"), |w| {
            w.insert(EntityKind::Activity, &activity_fields("Members"))
        })
        .unwrap();
    // SQLite's own limit on the file's size stands in for the disk's.
    {
        let conn = Connection::open(&path).unwrap();
        let pages: i64 = conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        drop(conn);
        store.cap_size_in_pages(pages);
    }
    let big = "x".repeat(4000);
    let mut refused = None;
    for i in 0..500 {
        let result = store.write::<_, StoreError>(at("2026-12-01T09:00:00Z"), |w| {
            w.insert(
                EntityKind::Activity,
                &activity_fields(&format!("{big} {i}")),
            )
        });
        if let Err(e) = result {
            refused = Some(e);
            break;
        }
    }
    let error = refused.expect("the limit is reached");
    assert!(matches!(error, StoreError::DiskFull), "{error:?}");
    assert!(error.to_string().contains("Free some space"), "{error}");
    drop(store);
    let store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    assert!(
        activities(&store)
            .iter()
            .any(|r| text(r, "name") == json!("Members"))
    );
}

/// Backups are consistent copies that open as Steward databases; a
/// migration backs the file up first.
#[test]
fn a_backup_is_a_database_that_opens_and_a_migration_takes_one() {
    use steward_store::backup;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    let mut store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    store
        .write::<_, StoreError>(at("2026-12-01T09:00:00Z"), |w| {
            w.insert(EntityKind::Activity, &activity_fields("Members"))
        })
        .unwrap();
    let written = store
        .backup(backup::Reason::Manual, at("2026-12-01T10:00:00Z"))
        .unwrap()
        .unwrap();
    let listed = backup::list(&backup::folder_of(&path)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].path, written);
    let contents = backup::check_file(&written).unwrap();
    assert_eq!(contents.activities, 1);
    // Written while the register was open, with its last change in the WAL.
    drop(store);
    let copy = Store::open(&written, at("2026-12-01T11:00:00Z")).unwrap();
    assert_eq!(activities(&copy).len(), 1);
    drop(copy);

    // An old schema: opening it upgrades it, after a backup of it as it was.
    let old = dir.path().join("old/steward.sqlite3");
    std::fs::create_dir_all(old.parent().unwrap()).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../tests/fixtures/skeleton-v1.sqlite3"
        ),
        &old,
    )
    .unwrap();
    drop(Store::open(&old, at("2026-12-02T09:00:00Z")).unwrap());
    let taken = backup::list(&backup::folder_of(&old)).unwrap();
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].reason, backup::Reason::BeforeUpgrade);
    let kept = backup::check_file(&taken[0].path).unwrap();
    assert_eq!(
        kept.schema, 1,
        "the copy is the file as it was before the upgrade"
    );
}

/// A database written by the walking skeleton (schema 1) opens in this
/// version: it is upgraded in place and nothing is lost — rows, deletes,
/// the op log and the installation's identity.
#[test]
fn a_walking_skeleton_database_upgrades_without_loss() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/skeleton-v1.sqlite3"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steward.sqlite3");
    std::fs::copy(fixture, &path).unwrap();
    let (device_before, ops_before, version_before): (String, i64, i64) = {
        let conn = Connection::open(&path).unwrap();
        (
            conn.query_row("SELECT value FROM meta WHERE key = 'device_id'", [], |r| {
                r.get(0)
            })
            .unwrap(),
            conn.query_row("SELECT count(*) FROM ops", [], |r| r.get(0))
                .unwrap(),
            conn.pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap(),
        )
    };
    assert_eq!(version_before, 1, "the fixture is the skeleton's schema");
    let (op_ids_before, heads_before) = {
        let conn = Connection::open(&path).unwrap();
        (
            strings(&conn, "SELECT op_id FROM ops ORDER BY op_id"),
            strings(
                &conn,
                "SELECT entity || '/' || row_id || '/' || field || '/' || op_id FROM heads ORDER BY 1",
            ),
        )
    };
    assert!(!heads_before.is_empty());

    let store = Store::open(&path, at("2026-12-01T09:00:00Z")).unwrap();
    assert_eq!(store.identity().device_id, device_before);
    assert_eq!(store.op_count().unwrap(), ops_before);
    let names: Vec<Value> = activities(&store).iter().map(|a| text(a, "name")).collect();
    assert_eq!(
        names,
        [
            "Donations and Gift Aid",
            "Harvest festival registration",
            "Member administration",
            "Volunteer coordination"
        ]
    );
    let org_id = store.identity().organisation_id.clone();
    let (org, _) = store
        .row(EntityKind::Organisation, &org_id)
        .unwrap()
        .unwrap();
    assert_eq!(text(&org, "dpo_name"), "Ada Lovelace");
    assert!(store.rows(EntityKind::Recipient).unwrap().is_empty());
    // Migration 0011 stores ops by (device, seq): their ids read the same.
    let mut op_ids: Vec<String> = store
        .all_ops()
        .unwrap()
        .into_iter()
        .map(|o| o.op_id)
        .collect();
    op_ids.sort();
    assert_eq!(op_ids, op_ids_before);
    drop(store);

    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::latest_version());
    assert_eq!(
        strings(
            &conn,
            "SELECT entity || '/' || row_id || '/' || field || '/' || op_id FROM heads ORDER BY 1",
        ),
        heads_before
    );
    let deleted: i64 = conn
        .query_row(
            "SELECT count(*) FROM activities WHERE deleted = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        deleted, 1,
        "the skeleton's deleted activity stays deleted and restorable"
    );
}
