//! The draft privacy policy from the command line: Markdown on stdout with
//! the checklist on stderr, HTML and PDF to files, the profile's policy
//! settings reaching the text, and refusals that say what to do.

mod common;
use common::{cli, json};

#[test]
fn the_policy_is_exported_and_follows_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));

    let out = cli(&db, &["export", "policy"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("# Privacy policy of Riverside Community Garden Association\n"));
    assert!(md.contains("## Your rights"), "{md}");
    assert!(md.contains("not meant for children under 16"), "{md}");
    assert!(
        md.contains("**\\[To complete: "),
        "the demo lacks facts: {md}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("The register lacks"), "{stderr}");
    assert!(stderr.contains("Harvest festival registration"), "{stderr}");

    // A setting of the profile changes the draft.
    json(&cli(
        &db,
        &["--json", "org", "set", "--set", "minimumAge=14"],
    ));
    let md = String::from_utf8_lossy(&cli(&db, &["export", "policy"]).stdout).into_owned();
    assert!(md.contains("not meant for children under 14"), "{md}");

    let html = dir.path().join("policy.html");
    let out = cli(
        &db,
        &[
            "export",
            "policy",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<h2>Your rights</h2>"));

    let pdf = dir.path().join("policy.pdf");
    let out = cli(
        &db,
        &[
            "export",
            "policy",
            "--format",
            "pdf",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn bad_requests_are_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    json(&cli(&db, &["--json", "demo", "load"]));

    let out = cli(&db, &["export", "policy", "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use md, html or pdf"));

    let out = cli(&db, &["export", "policy", "--format", "pdf"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("add --out FILE"));

    let out = cli(&db, &["org", "set", "--set", "minimumAge=0"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("minimumAge") && stderr.contains("from 1 to 21"),
        "{stderr}"
    );
    // Nothing was lost: the age recorded before is still there.
    let md = String::from_utf8_lossy(&cli(&db, &["export", "policy"]).stdout).into_owned();
    assert!(md.contains("not meant for children under 16"), "{md}");
}

#[test]
fn own_text_survives_regeneration_and_changes_show_since_the_saved_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");
    assert!(cli(&db, &["demo", "load"]).status.success());

    let none = cli(&db, &["policy", "changes"]);
    assert!(
        String::from_utf8_lossy(&none.stdout).contains("No version has been saved yet"),
        "{none:?}"
    );
    let saved = json(&cli(
        &db,
        &[
            "--json",
            "policy",
            "save",
            "--note",
            "Published on the website",
        ],
    ));
    assert_eq!(saved["note"], "Published on the website");

    let edited = json(&cli(
        &db,
        &[
            "--json",
            "policy",
            "edit",
            "contact",
            "--text",
            "We answer every letter within a week.",
        ],
    ));
    assert_eq!(edited["mode"], "append");
    let md = String::from_utf8_lossy(&cli(&db, &["export", "policy"]).stdout).into_owned();
    assert!(md.contains("We answer every letter within a week."), "{md}");

    let changes = cli(&db, &["policy", "changes"]);
    let text = String::from_utf8_lossy(&changes.stdout);
    assert!(text.contains("1 paragraph(s) added, 0 removed"), "{text}");
    assert!(
        text.contains("\n+ We answer every letter within a week."),
        "{text}"
    );

    // An unknown section is refused with the field named, and nothing is
    // written; removing the text restores the generated section.
    let refused = cli(&db, &["policy", "edit", "cookies", "--text", "Hi"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("sectionId"));
    assert!(cli(&db, &["policy", "unedit", "contact"]).status.success());
    let after = cli(&db, &["policy", "changes"]);
    assert!(
        String::from_utf8_lossy(&after.stdout).contains("0 paragraph(s) added, 0 removed"),
        "{after:?}"
    );
}
