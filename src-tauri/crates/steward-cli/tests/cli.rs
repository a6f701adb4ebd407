//! The command line driven as a script would drive it: the real binary, a
//! temporary database, JSON output parsed back.

use std::process::Command;

use serde_json::Value;

mod common;
use common::{cli, json};

#[test]
fn activity_add_then_list_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let added = json(&cli(
        &db,
        &[
            "--json",
            "activity",
            "add",
            "--name",
            "Newsletter",
            "--status",
            "active",
            "--set",
            "systems=[\"Mailchimp\"]",
            "--set",
            "owner=Communications lead",
        ],
    ));
    assert_eq!(added["name"], "Newsletter");
    assert_eq!(added["systems"][0], "Mailchimp");
    assert_eq!(added["owner"], "Communications lead");

    let listed = json(&cli(&db, &["--json", "activity", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], added["id"]);

    let text = cli(&db, &["activity", "list"]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("active    Newsletter"));
}

#[test]
fn edit_delete_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let added = json(&cli(
        &db,
        &["--json", "activity", "add", "--name", "Donors"],
    ));
    let id = added["id"].as_str().unwrap();

    let edited = json(&cli(
        &db,
        &["--json", "activity", "edit", id, "--set", "occasional=true"],
    ));
    assert_eq!(edited["name"], "Donors");
    assert_eq!(edited["occasional"], true);

    let deleted = cli(&db, &["activity", "delete", id]);
    assert!(String::from_utf8_lossy(&deleted.stdout).contains("steward-cli activity restore"));
    assert_eq!(
        json(&cli(&db, &["--json", "activity", "list"])),
        Value::Array(vec![])
    );
    json(&cli(&db, &["--json", "activity", "restore", id]));
    assert_eq!(
        json(&cli(&db, &["--json", "activity", "list"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn invalid_input_exits_2_and_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let out = cli(
        &db,
        &[
            "activity",
            "add",
            "--name",
            "Members",
            "--set",
            "role=processor",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("controllerName: Name the controller"),
        "{stderr}"
    );

    let out = cli(
        &db,
        &["activity", "add", "--name", "M", "--set", "colour=red"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("colour: There is no field \"colour\"") && stderr.contains("owner"),
        "{stderr}"
    );

    let out = cli(
        &db,
        &["activity", "add", "--name", "M", "--set", "role=boss"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(
        "role: The value of role given with --set has the wrong form: unknown variant `boss`"
    ));

    let out = cli(
        &db,
        &[
            "--json",
            "org",
            "set",
            "--legal-name",
            "X",
            "--contact-email",
            "nope",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "contactEmail");
    assert_eq!(
        json(&cli(&db, &["--json", "activity", "list"])),
        Value::Array(vec![])
    );
}

#[test]
fn org_set_changes_only_the_given_fields_and_the_demo_loads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(
        &db,
        &[
            "--json",
            "org",
            "set",
            "--legal-name",
            "Commons",
            "--contact-email",
            "p@c.example",
        ],
    ));
    let org = json(&cli(
        &db,
        &[
            "--json",
            "org",
            "set",
            "--set",
            "dpoName=Ada",
            "--set",
            "dpoContact=dpo@c.example",
            "--set",
            "employeeCount=12",
        ],
    ));
    assert_eq!(org["employeeCount"], 12);
    assert_eq!(org["legalName"], "Commons");
    assert_eq!(org["dpoName"], "Ada");

    let other = dir.path().join("demo.sqlite3");
    let demo = json(&cli(&other, &["--json", "demo", "load"]));
    assert_eq!(demo.as_array().unwrap().len(), 5);
}

#[test]
fn the_database_path_can_come_from_steward_db() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_steward-cli"))
        .args(["--json", "activity", "add", "--name", "Env"])
        .env("STEWARD_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(db.exists());
}

#[test]
fn recipients_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let added = json(&cli(
        &db,
        &[
            "--json",
            "recipient",
            "add",
            "--legal-name",
            "Eventbrite, Inc.",
            "--country",
            "us",
            "--dpa-status",
            "signed",
            "--dpa-signed",
            "2025-01-15",
            "--dpf",
            "yes",
        ],
    ));
    assert_eq!(added["country"], "US");
    let id = added["id"].as_str().unwrap();
    let edited = json(&cli(
        &db,
        &[
            "--json",
            "recipient",
            "edit",
            id,
            "--dpa-expires",
            "2027-01-15",
        ],
    ));
    assert_eq!(edited["dpaExpires"], "2027-01-15");
    assert_eq!(edited["dpf"], "yes");

    let bad = cli(
        &db,
        &["recipient", "edit", id, "--dpa-expires", "2024-01-01"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("dpaExpires: The DPA cannot expire"));
    let listed = json(&cli(&db, &["--json", "recipient", "list"]));
    assert_eq!(listed[0]["dpaExpires"], "2027-01-15");
}

/// The rows of an activity — purposes, people, sources, recipients,
/// transfers, retention — share one grammar: list, show, add, edit, delete,
/// restore, with fields given by `--set`.
#[test]
fn an_activity_record_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    let activity = json(&cli(
        &db,
        &["--json", "activity", "add", "--name", "Summit"],
    ));
    let activity = activity["id"].as_str().unwrap();
    let recipient = json(&cli(
        &db,
        &[
            "--json",
            "recipient",
            "add",
            "--legal-name",
            "Eventbrite, Inc.",
            "--country",
            "US",
        ],
    ));
    let recipient = recipient["id"].as_str().unwrap();
    let recipient_set = format!("recipientId={recipient}");

    let add = |kind: &str, sets: &[&str]| -> Value {
        let mut args = vec!["--json", kind, "add", "--activity", activity];
        for s in sets {
            args.extend(["--set", s]);
        }
        json(&cli(&db, &args))
    };
    let purpose = add(
        "purpose",
        &["description=Register attendees", "legalBasis=contract"],
    );
    assert_eq!(purpose["legalBasis"], "contract");
    add(
        "subject-group",
        &[
            "subjectCategory=event-attendees",
            "dataCategories=[\"identity\",\"email-address\"]",
        ],
    );
    add("source", &["kind=dataSubject", "context=Registration form"]);
    add("disclosure", &[&recipient_set, "role=processor"]);
    let transfer = add("transfer", &[&recipient_set, "country=us", "mechanism=dpf"]);
    assert_eq!(transfer["country"], "US");
    add(
        "retention",
        &["dataCategory=identity", "periodValue=2", "periodUnit=years"],
    );

    let review = cli(&db, &["activity", "review", activity]);
    let text = String::from_utf8_lossy(&review.stdout);
    assert!(
        text.contains("Art. 30(1)(a)"),
        "the profile is missing: {text}"
    );
    assert!(
        !text.contains("Art. 30(1)(b)"),
        "purposes are there: {text}"
    );

    let listed = json(&cli(&db, &["--json", "transfer", "list", activity]));
    assert_eq!(listed.as_array().unwrap().len(), 1);

    // A transfer without its mechanism is refused, and nothing changes.
    let id = transfer["id"].as_str().unwrap();
    let bad = cli(&db, &["transfer", "edit", id, "--set", "mechanism=null"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("mechanism:"));
    let shown = json(&cli(&db, &["--json", "transfer", "show", id]));
    assert_eq!(shown["mechanism"], "dpf");

    let deleted = cli(&db, &["purpose", "delete", purpose["id"].as_str().unwrap()]);
    assert!(String::from_utf8_lossy(&deleted.stdout).contains("steward-cli purpose restore"));

    let copy = json(&cli(&db, &["--json", "activity", "duplicate", activity]));
    assert_eq!(copy["name"], "Summit (copy)");
    let copied = json(&cli(
        &db,
        &["--json", "retention", "list", copy["id"].as_str().unwrap()],
    ));
    assert_eq!(copied[0]["periodUnit"], "years");
}

#[test]
fn the_register_is_backed_up_and_restored_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let backup = dir.path().join("backup.json");
    let written = cli(&db, &["export", "json", "--out", backup.to_str().unwrap()]);
    assert!(written.status.success());
    let stdout = cli(&db, &["export", "json"]);
    let text = std::fs::read_to_string(&backup).unwrap();
    let without_time = |text: &[u8]| {
        let mut v: Value = serde_json::from_slice(text).unwrap();
        v.as_object_mut().unwrap().remove("exportedAt");
        v
    };
    assert!(
        without_time(&stdout.stdout) == without_time(text.as_bytes()),
        "stdout and the file hold the same register"
    );

    let restored = dir.path().join("restored.sqlite3");
    let summary = json(&cli(
        &restored,
        &["--json", "import", "json", backup.to_str().unwrap()],
    ));
    assert_eq!(summary["activities"], 5);
    let listed = json(&cli(&restored, &["--json", "activity", "list"]));
    assert_eq!(listed.as_array().unwrap().len(), 5);

    let twice = cli(&restored, &["import", "json", backup.to_str().unwrap()]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("empty register"));
}

#[test]
fn the_record_is_exported_as_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let pdf = dir.path().join("ropa.pdf");
    let args = [
        "export",
        "ropa",
        "--pdf",
        pdf.to_str().unwrap(),
        "--paper",
        "letter",
        "--generated-at",
        "2026-11-22T10:00:00Z",
    ];
    let out = cli(&db, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = std::fs::read(&pdf).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    assert!(cli(&db, &args).status.success());
    assert!(
        std::fs::read(&pdf).unwrap() == first,
        "same register, same time, same bytes"
    );
}

#[test]
fn export_ropa_selects_activities_and_adds_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let pdf = dir.path().join("ropa.pdf");
    let out = cli(
        &db,
        &[
            "export",
            "ropa",
            "--pdf",
            pdf.to_str().unwrap(),
            "--status",
            "draft",
            "--business-function",
            "events",
            "--history-since",
            "2020-01-01",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (bash .dev/install-deps)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("1 of 5 activities: status draft; business function events"),
        "{text}"
    );
    assert!(text.contains("Changes since 2020-01-01 00:00 UTC"));
    assert!(!text.contains("Member administration"));

    let refused = cli(
        &db,
        &["export", "ropa", "--pdf", "x.pdf", "--status", "archived"],
    );
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("--status") && stderr.contains("use draft, active or retired"),
        "{stderr}"
    );
}

#[test]
fn the_ico_spreadsheet_goes_out_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let xlsx = dir.path().join("register.xlsx");
    let out = cli(&db, &["export", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let other = dir.path().join("other.sqlite3");
    let preview = cli(
        &other,
        &["import", "ico", xlsx.to_str().unwrap(), "--dry-run"],
    );
    let text = String::from_utf8_lossy(&preview.stdout);
    assert!(text.contains("Would add 5 activities"), "{text}");
    assert!(text.contains("row 8: Donations and Gift Aid"), "{text}");
    assert!(
        json(&cli(&other, &["--json", "activity", "list"]))
            .as_array()
            .unwrap()
            .is_empty()
    );
    let applied = cli(&other, &["import", "ico", xlsx.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&applied.stdout).contains("Added 5 activities"));
    assert_eq!(
        json(&cli(&other, &["--json", "activity", "list"]))
            .as_array()
            .unwrap()
            .len(),
        5
    );

    // A register kept by hand (an old Excel's CSV, Windows-1252): nothing
    // refused, and what was not understood is listed by row and column.
    let by_hand = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/registers/hope-street-shop.csv");
    let third = dir.path().join("third.sqlite3");
    let imported = cli(&third, &["import", "ico", by_hand.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&imported.stdout);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(text.contains("Added 5 activities"), "{text}");
    assert!(
        text.contains("Kept as written in the activity's description, to review:"),
        "{text}"
    );
    assert!(
        text.contains("cells that say something went into fields"),
        "{text}"
    );
    assert!(
        text.contains("£") || text.contains("’"),
        "Windows-1252 is read as such: {text}"
    );
    // A row left out, as the preview's unticked box does.
    let fourth = dir.path().join("fourth.sqlite3");
    let some = cli(
        &fourth,
        &[
            "import",
            "ico",
            by_hand.to_str().unwrap(),
            "--leave-out",
            "12",
        ],
    );
    let text = String::from_utf8_lossy(&some.stdout);
    assert!(text.contains("Added 4 activities"), "{text}");
    assert!(text.contains("Left out: row 12"), "{text}");
    assert!(!text.contains("Taking card payments ("), "{text}");
}

#[test]
fn check_lists_the_gaps_of_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let out = cli(&db, &["check"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Error  activity")
            && text.contains("\"Harvest festival registration\", field legalBasis"),
        "{text}"
    );
    let findings = json(&cli(&db, &["--json", "check"]));
    assert!(
        findings
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"] == "missingElement")
    );
}

#[test]
fn check_acknowledge_marks_a_finding_with_its_reason_and_withdraw_reopens_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let findings = json(&cli(&db, &["--json", "check"]));
    let list = findings.as_array().unwrap();
    let n = list
        .iter()
        .position(|f| f["check"] == "sourceWithoutNotice")
        .unwrap()
        + 1;

    let short = cli(
        &db,
        &["check", "acknowledge", &n.to_string(), "--reason", "ok"],
    );
    assert_eq!(short.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&short.stderr).contains("reason"));
    let missing = cli(
        &db,
        &[
            "check",
            "acknowledge",
            "999",
            "--reason",
            "A long enough reason.",
        ],
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("There is no finding 999"));

    let ack = json(&cli(
        &db,
        &[
            "--json",
            "check",
            "acknowledge",
            &n.to_string(),
            "--reason",
            "Eventbrite shows our notice at checkout.",
        ],
    ));
    let text = String::from_utf8_lossy(&cli(&db, &["check"]).stdout).into_owned();
    assert!(
        text.contains("1 acknowledged")
            && text.contains("Eventbrite shows our notice at checkout."),
        "{text}"
    );
    let id = ack["id"].as_str().unwrap();
    assert!(cli(&db, &["check", "withdraw", id]).status.success());
    let text = String::from_utf8_lossy(&cli(&db, &["check"]).stdout).into_owned();
    assert!(text.contains("0 acknowledged"), "{text}");
}

/// `steward-cli export json | head -1`: a reader that stops early ends the
/// program quietly, as with any Unix tool, instead of a panic.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_steward-cli"))
        .arg("--db")
        .arg(&db)
        .args(["export", "json"])
        .env_remove("STEWARD_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the register is written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
