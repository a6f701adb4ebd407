//! A register kept by hand, imported from the command line twice: the
//! second import updates what the first made and says so.

mod common;
use common::{cli, json};

#[test]
fn importing_the_same_sheet_again_updates_instead_of_adding() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/registers/openbits-foundation.csv"
    );
    let first = cli(&db, &["import", "ico", sheet]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let text = String::from_utf8_lossy(&first.stdout).into_owned();
    assert!(text.contains("Added 7 activities,"), "{text}");
    assert!(
        text.contains("Linked: \"Stripe\" is Stripe Payments Europe, Limited"),
        "{text}"
    );

    let again = cli(&db, &["import", "ico", sheet, "--dry-run"]);
    let text = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(
        text.contains("Would add 0 activities and would update 7 already in the register"),
        "{text}"
    );
    assert!(
        text.contains("updates the one in the register: nothing new"),
        "{text}"
    );
    let second = cli(&db, &["import", "ico", sheet]);
    assert!(second.status.success());
    let activities = json(&cli(&db, &["--json", "activity", "list"]));
    assert_eq!(activities.as_array().unwrap().len(), 7);
}
