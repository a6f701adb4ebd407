//! What the app records, the command line records too: source
//! organisations, website third parties, the processor catalogue, the
//! controller's country and reach, and `fields KIND` to learn what each
//! record takes.

use serde_json::Value;

mod common;
use common::{cli, json};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn fields_lists_every_field_with_what_it_takes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let rows = json(&cli(&db, &["--json", "fields", "organisation"]));
    let row = |field: &str| -> Value {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["field"] == field)
            .unwrap_or_else(|| panic!("{field} in {rows}"))
            .clone()
    };
    assert_eq!(row("legalName")["takes"], "text");
    assert_eq!(row("gdprReach")["values"][1], "offersToPeopleInEu");
    assert_eq!(row("confirmedNone")["values"].as_array().unwrap().len(), 3);
    assert!(
        row("confirmedNone")["takes"]
            .as_str()
            .unwrap()
            .starts_with("a list, each one of:")
    );
    let text = String::from_utf8_lossy(&cli(&db, &["fields", "website"]).stdout).into_owned();
    assert!(text.contains("kind"), "{text}");
    assert!(
        text.contains("one of: cookie, pixel, embed, script, other"),
        "{text}"
    );

    let unknown = cli(&db, &["fields", "activities-please"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("is not a kind of record: use one of organisation"));
}

#[test]
fn source_organisations_and_website_third_parties_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let source = json(&cli(
        &db,
        &[
            "--json",
            "source-org",
            "add",
            "--set",
            "name=FNTECH",
            "--set",
            "country=us",
        ],
    ));
    assert_eq!(source["name"], "FNTECH");
    assert_eq!(source["country"], "US", "normalised like the app's form");
    let id = source["id"].as_str().unwrap();
    let edited = json(&cli(
        &db,
        &[
            "--json",
            "source-org",
            "edit",
            id,
            "--set",
            "notes=Registrations for the summit",
        ],
    ));
    assert_eq!(edited["name"], "FNTECH");
    assert_eq!(edited["notes"], "Registrations for the summit");
    let listed = json(&cli(&db, &["--json", "source-org", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let bad = cli(
        &db,
        &[
            "source-org",
            "add",
            "--set",
            "name=X",
            "--set",
            "country=Narnia",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("country"), "{}", stderr(&bad));

    let tracker = json(&cli(
        &db,
        &[
            "--json",
            "website",
            "add",
            "--set",
            "provider=Google Analytics",
            "--set",
            "kind=cookie",
            "--set",
            "purpose=Counting visits",
            "--set",
            "consentRequired=true",
        ],
    ));
    assert_eq!(tracker["provider"], "Google Analytics");
    assert_eq!(tracker["consentRequired"], true);
    let tid = tracker["id"].as_str().unwrap();
    let deleted = cli(&db, &["website", "delete", tid]);
    assert!(deleted.status.success(), "{}", stderr(&deleted));
    assert!(String::from_utf8_lossy(&deleted.stdout).contains("steward-cli website restore"));
    assert_eq!(
        json(&cli(&db, &["--json", "website", "list"])),
        Value::Array(vec![])
    );
    json(&cli(&db, &["--json", "website", "restore", tid]));
    assert_eq!(
        json(&cli(&db, &["--json", "website", "list"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let typo = cli(
        &db,
        &[
            "website",
            "add",
            "--set",
            "provider=X",
            "--set",
            "kind=coookie",
        ],
    );
    assert_eq!(typo.status.code(), Some(2), "{}", stderr(&typo));
}

#[test]
fn the_catalogue_and_the_controller_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let listed = String::from_utf8_lossy(&cli(&db, &["catalogue", "list"]).stdout).into_owned();
    assert!(listed.contains("mailchimp"), "{listed}");
    let added = json(&cli(&db, &["--json", "catalogue", "add", "mailchimp"]));
    assert_eq!(added["catalogueId"], "mailchimp");
    let again = cli(&db, &["catalogue", "add", "mailchimp"]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already in your register"),
        "{}",
        stderr(&again)
    );
    let catalogue = json(&cli(&db, &["--json", "catalogue", "list"]));
    let entry = catalogue["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "mailchimp")
        .unwrap()
        .clone();
    assert_eq!(entry["inRegister"], true);

    // The controller as it is: a US foundation that the GDPR reaches.
    let org = json(&cli(
        &db,
        &[
            "--json",
            "org",
            "set",
            "--legal-name",
            "Example Foundation",
            "--set",
            "country=US",
            "--set",
            "gdprReach=offersToPeopleInEu",
        ],
    ));
    assert_eq!(org["gdprReach"], "offersToPeopleInEu");
    let check = String::from_utf8_lossy(&cli(&db, &["check"]).stdout).into_owned();
    assert!(check.contains("representative in the EU"), "{check}");
    let eea = cli(&db, &["org", "set", "--set", "country=DE"]);
    assert_eq!(eea.status.code(), Some(2));
    assert!(stderr(&eea).contains("gdprReach"), "{}", stderr(&eea));
}
