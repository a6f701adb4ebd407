//! End-to-end tests through the real Steward window: the built app, driven by
//! tauri-driver and WebKitWebDriver under a display, as a person would use it.
//! Each test starts the app on its own fresh database. Screenshots go to
//! `tests/artifacts/` (or `STEWARD_ARTIFACTS`).
//!
//! Run: `xvfb-run -a cargo test -p steward-tests --features e2e --test e2e -- --test-threads=1`

mod driver;
mod hostile;
mod import;
mod safety;
mod sync;

use driver::App;

/// Adds Eventbrite to the recipients register from the processor catalogue,
/// searching for it as a person would; `screenshot` names a picture of the
/// dialog with the search result, if one is wanted.
async fn add_eventbrite_from_catalogue(app: &App, screenshot: Option<&str>) {
    app.click("nav-recipients").await;
    app.click("recipient-from-catalogue").await;
    app.type_into("catalogue-search", "Eventbrite").await;
    if let Some(name) = screenshot {
        app.screenshot(name).await;
    }
    app.click("catalogue-add-eventbrite").await;
    app.wait_for_text("Added Eventbrite from the catalogue")
        .await;
}

/// The walking skeleton's promise: a user fills the organisation profile and
/// records an activity through the form; invalid input shows the field's
/// error; after closing and restarting the app both are still there.
#[tokio::test]
async fn profile_and_activity_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.wait_for_text("Welcome to Steward").await;
    app.screenshot("01-welcome").await;
    app.click_to_close("welcome-start-empty").await;

    app.click("nav-organisation").await;
    app.type_into("org-legalName", "Open Source Commons Foundation")
        .await;
    app.type_into("org-contactEmail", "privacy at commons")
        .await;
    app.click("org-save").await;
    app.wait_for_text("is not an email address").await;
    app.type_into("org-contactEmail", "privacy@commons.example")
        .await;
    app.click("org-save").await;
    app.wait_for_text("Organisation profile saved").await;

    app.click("nav-activities").await;
    app.click("activity-new").await;
    app.type_into("activity-description", "People who attend our events.")
        .await;
    app.select("activity-status", "active").await;
    app.click("activity-save").await;
    app.wait_for_text("Name is required").await;
    app.screenshot("02-field-errors").await;
    assert_eq!(
        app.value_of("activity-description").await,
        "People who attend our events."
    );

    app.type_into("activity-name", "Event attendees").await;
    app.type_into("activity-owner", "Events team").await;
    app.click("activity-save").await;
    app.wait_for_text("Saved").await;
    app.click("nav-activities").await;
    app.wait_for_text("Event attendees").await;
    app.screenshot("03-list").await;
    app.close().await;

    let app = App::launch(&db).await;
    app.wait_for_text("Event attendees").await;
    assert!(
        !app.page_text().await.contains("Welcome to Steward"),
        "no demo offer on a register with data"
    );
    app.click("nav-organisation").await;
    let started = std::time::Instant::now();
    while app.value_of("org-legalName").await != "Open Source Commons Foundation" {
        assert!(
            started.elapsed() < driver::PATIENCE,
            "the profile was not kept"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    assert_eq!(
        app.value_of("org-contactEmail").await,
        "privacy@commons.example"
    );
    app.screenshot("04-after-restart").await;
    app.close().await;
}

/// A newcomer's first start: the demo register is offered and loads; an
/// activity can be deleted and the delete undone.
#[tokio::test]
async fn the_demo_register_loads_and_a_delete_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-load-demo").await;
    app.click("nav-activities").await;
    app.wait_for_text("Volunteer coordination").await;
    app.wait_for_text("Newsletter").await;
    app.screenshot("05-demo-register").await;

    app.wait_for_count("activity-row", 5).await;

    app.click_link("Newsletter").await;
    app.click_to_open("activity-delete", "confirm-delete").await;
    app.click_to_close("confirm-delete").await;
    app.wait_for_count("activity-row", 4).await;
    app.screenshot("06-deleted-with-undo").await;
    app.click("undo-delete").await;
    app.wait_for_count("activity-row", 5).await;
    app.close().await;
}

/// An administrator adds a processor from the catalogue, records the signed
/// DPA with bad and then good dates, sees the change in the record's
/// history, and finds it in the register after a restart.
#[tokio::test]
async fn a_processor_from_the_catalogue_with_its_dpa() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-start-empty").await;
    add_eventbrite_from_catalogue(&app, Some("07-catalogue")).await;
    assert_eq!(app.value_of("recipient-tradingName").await, "Eventbrite");

    app.select("recipient-dpaStatus", "signed").await;
    app.type_into_date("recipient-dpaSigned", "2025-01-15")
        .await;
    app.type_into_date("recipient-dpaExpires", "2024-12-31")
        .await;
    app.click("recipient-save").await;
    app.wait_for_text("cannot expire").await;
    app.screenshot("08-dpa-error").await;
    app.type_into_date("recipient-dpaExpires", "2027-01-15")
        .await;
    app.click("recipient-save").await;
    app.wait_for_text("Saved").await;
    // The record's history, read from the op log, shows the change.
    app.wait_for_text("Set DPA expires on to '2027-01-15'")
        .await;
    app.screenshot("09a-recipient-history").await;
    app.close().await;

    let app = App::launch(&db).await;
    app.click("nav-recipients").await;
    app.wait_for_count("recipient-row", 1).await;
    app.wait_for_text("2027-01-15").await;
    app.screenshot("09-recipients").await;
    app.close().await;
}

/// The registers the privacy notice draws on: a source organisation linked
/// to the same company in the recipients register, and an embedded service
/// on the website that needs the visitor's consent.
#[tokio::test]
async fn a_source_organisation_and_a_website_third_party() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-start-empty").await;
    add_eventbrite_from_catalogue(&app, None).await;

    app.click("nav-sources").await;
    app.click("source-new").await;
    app.type_into("source-name", "Eventbrite").await;
    app.pick("source-recipientId", "Eventbrite").await;
    app.click("source-save").await;
    app.wait_for_text("Saved").await;
    app.click("nav-sources").await;
    app.wait_for_count("source-row", 1).await;
    app.wait_for_text("Eventbrite, Inc.").await;
    app.screenshot("10-sources").await;

    app.click("nav-website").await;
    app.click("website-new").await;
    app.type_into("website-provider", "YouTube").await;
    app.select("website-kind", "embed").await;
    app.type_into("website-duration", "Up to 2 years").await;
    // Consent is presumed needed until the user says otherwise.
    assert!(
        app.is_checked("website-consentRequired").await,
        "consent needed by default"
    );
    app.toggle("website-consentRequired").await;
    app.toggle("website-consentRequired").await;
    app.click("website-save").await;
    app.wait_for_text("Saved").await;
    app.click("nav-website").await;
    app.wait_for_count("website-row", 1).await;
    // Badges are shown in capitals, as the window renders them.
    app.wait_for_text("CONSENT NEEDED").await;
    assert!(!app.page_text().await.contains("NO CONSENT NEEDED"));
    app.screenshot("11-website").await;
    app.close().await;
}

/// Issue 3's scenario: a processor from the catalogue is linked to an
/// activity, with a transfer to the USA under the EU-U.S. Data Privacy
/// Framework and a retention rule; the completeness panel follows, and the
/// rule's change shows in its history.
#[tokio::test]
async fn a_processor_linked_to_an_activity_with_a_dpf_transfer_and_retention() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-start-empty").await;
    add_eventbrite_from_catalogue(&app, None).await;

    app.click("nav-activities").await;
    app.click("activity-new").await;
    app.type_into("activity-name", "Summit registration").await;
    app.click("activity-save").await;
    app.wait_for_text("Saved").await;
    // The new activity's page lists what its record still lacks.
    app.find("activity-review").await;
    app.wait_for_text("Art. 30(1)(d)").await;
    app.screenshot("12a-activity-review").await;

    app.click("purpose-add").await;
    app.type_into("purpose-description", "Register attendees and take payment")
        .await;
    app.select("purpose-legalBasis", "contract").await;
    app.click("purpose-save").await;
    app.wait_for_count("purpose-row", 1).await;

    app.click("activityRecipient-add").await;
    app.pick("activityRecipient-recipientId", "Eventbrite")
        .await;
    app.select("activityRecipient-role", "processor").await;
    app.click("activityRecipient-save").await;
    app.wait_for_count("activityRecipient-row", 1).await;

    app.click("transfer-add").await;
    app.pick("transfer-recipientId", "Eventbrite").await;
    app.pick("transfer-country", "United States").await;
    app.select("transfer-mechanism", "dpf").await;
    app.click("transfer-save").await;
    app.wait_for_count("transfer-row", 1).await;
    app.wait_for_text("Data Privacy Framework").await;

    app.click("retentionRule-add").await;
    app.pick("retentionRule-dataCategory", "Identity").await;
    app.type_into("retentionRule-periodValue", "2").await;
    app.select("retentionRule-periodUnit", "years").await;
    app.type_into("retentionRule-triggerEvent", "the end of the summit")
        .await;
    app.click("retentionRule-save").await;
    app.wait_for_count("retentionRule-row", 1).await;
    app.wait_for_text("2 years").await;
    app.screenshot("12-activity-record").await;

    // A change to the rule is in its history, read from the op log.
    app.click("retentionRule-edit").await;
    app.type_into("retentionRule-periodValue", "3").await;
    app.click("retentionRule-save").await;
    app.wait_for_text("3 years").await;
    app.click("retentionRule-edit").await;
    app.wait_for_text("'2' → '3'").await;
    app.screenshot("13-retention-history").await;
    app.close().await;

    // The Transfers view across activities shows the DPF transfer.
    let app = App::launch(&db).await;
    app.click("nav-transfers").await;
    app.find("transfers-table").await;
    app.wait_for_text("Summit registration").await;
    app.wait_for_text("Data Privacy Framework").await;
    app.screenshot("14-transfers").await;
    app.close().await;
}

/// Issue 4 through the window: the record of processing activities is
/// exported as a PDF (the save dialog is replaced by `--dialog-dir`, as
/// WebDriver cannot drive native dialogs) and the ICO spreadsheet goes out
/// and comes back into an empty register through the preview.
#[tokio::test]
async fn the_record_and_the_ico_spreadsheet_are_exported_and_imported() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let files_arg = files.to_str().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch_with(&db, &["--dialog-dir", files_arg]).await;
    app.click_to_close("welcome-load-demo").await;
    app.wait_for_text("Member administration").await;
    app.click("nav-documents").await;
    app.click("ropa-status-active").await;
    app.click("ropa-history").await;
    app.type_into_date("ropa-history-since", "2020-01-01").await;
    app.click("ropa-export").await;
    app.wait_for_text("Saved record-of-processing-activities-")
        .await;
    app.screenshot("15-documents-exported").await;
    let pdf = std::fs::read_dir(&files)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("the PDF was written");
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("4 of 5 activities: status active"), "{text}");
    assert!(text.contains("Changes since 2020-01-01"));

    app.click("sheet-export-xlsx").await;
    app.wait_for_text("Saved register-ico-layout-").await;
    app.close().await;
    let xlsx = std::fs::read_dir(&files)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .expect("the workbook was written");
    std::fs::rename(&xlsx, files.join("import.xlsx")).unwrap();

    // A second, empty register imports the workbook.
    let other = dir.path().join("other.sqlite3");
    let app = App::launch_with(&other, &["--dialog-dir", files_arg]).await;
    app.click_to_close("welcome-start-empty").await;
    app.click("nav-documents").await;
    app.click("ico-choose").await;
    app.wait_for_count("ico-preview-row", 5).await;
    app.screenshot("16-ico-preview").await;
    app.click("ico-apply").await;
    app.wait_for_text("Added 5 activities").await;
    app.click("nav-activities").await;
    app.wait_for_text("Volunteer coordination").await;
    app.close().await;
}

/// The draft privacy policy: the demo's missing facts are listed with a
/// link to the record that fixes each; a clause leads to the records it
/// came from; a fix in the register takes its entry off the checklist; a
/// setting of the profile reaches the text; the draft is exported as HTML.
#[tokio::test]
async fn the_policy_preview_follows_the_register_and_links_back_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch_with(&db, &["--dialog-dir", files.to_str().unwrap()]).await;
    app.click_to_close("welcome-load-demo").await;
    app.wait_for_text("Member administration").await;
    app.click("nav-policy").await;
    app.wait_for_text("Privacy policy of Riverside Community Garden Association")
        .await;
    // Six facts missing from the text, and the checks' finding that no
    // Art. 14 notice is recorded for what Eventbrite sends.
    app.wait_for_count("policy-gap", 7).await;
    app.screenshot("17-policy-preview").await;

    // The first entry (the festival's purpose has no legal basis) opens
    // the festival's activity page.
    app.click("policy-gap-fix").await;
    app.find("activity-provisionRequirement").await;
    assert_eq!(
        app.value_of("activity-name").await,
        "Harvest festival registration"
    );

    // Saying whether the newsletter's data is required removes its entry.
    app.click("nav-activities").await;
    app.click_link("Newsletter").await;
    app.select("activity-provisionRequirement", "voluntary")
        .await;
    app.click("activity-save").await;
    app.wait_for_text("Saved").await;
    app.click("nav-policy").await;
    app.wait_for_count("policy-gap", 6).await;
    app.wait_for_text("Newsletter: giving us this data is up to you.")
        .await;

    // The first clause comes from the organisation profile; its minimum
    // age is a setting there, and the draft follows it.
    app.click("policy-source").await;
    app.type_into("organisation-minimumAge", "12").await;
    app.click("org-save").await;
    app.wait_for_text("Organisation profile saved").await;
    app.click("nav-policy").await;
    app.wait_for_text("not meant for children under 12").await;

    app.click("policy-export-html").await;
    app.wait_for_text("Saved privacy-policy-").await;
    app.close().await;
    let page = std::fs::read_dir(&files)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .expect("the policy was written");
    let page = std::fs::read_to_string(page).unwrap();
    assert!(page.contains("not meant for children under 12"), "{page}");
    assert!(page.contains("<mark class=\"placeholder\">"), "{page}");
}

/// Issue 7 through the window: the dashboard is the home screen; a finding
/// is acknowledged with a reason (a one-word reason is refused, the text
/// kept) and stops counting; another is followed to its field, fixed there,
/// and is gone from the dashboard.
#[tokio::test]
async fn the_dashboard_leads_to_the_fix_and_remembers_deliberate_choices() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-load-demo").await;
    app.find("dashboard-findings").await;
    app.wait_for_count("dashboard-finding", 6).await;
    app.wait_for_text("Choose the legal basis of 1 purpose(s).")
        .await;
    app.screenshot("18-dashboard").await;

    // Eventbrite's own checkout shows the notice: a deliberate choice.
    app.click_in(
        "[data-check=\"sourceWithoutNotice\"]",
        "dashboard-finding-acknowledge",
    )
    .await;
    app.type_into("acknowledge-reason", "ok").await;
    app.click("acknowledge-confirm").await;
    app.wait_for_text("Say in a sentence why").await;
    assert_eq!(app.value_of("acknowledge-reason").await, "ok");
    app.type_into(
        "acknowledge-reason",
        "Eventbrite's checkout shows our privacy notice; checked in November.",
    )
    .await;
    app.click_to_close("acknowledge-confirm").await;
    app.wait_for_count("dashboard-finding", 5).await;
    app.find("dashboard-acknowledged").await;
    app.wait_for_text("Acknowledged").await;

    // The festival's purpose has no legal basis: the Fix link opens the
    // activity at its purposes, where the person fixes it.
    app.click_in("[data-check=\"missingElement\"]", "dashboard-finding-fix")
        .await;
    app.find("purpose-section").await;
    assert_eq!(
        app.value_of("activity-name").await,
        "Harvest festival registration"
    );
    app.screenshot("19-fix-from-dashboard").await;
    app.click("purpose-edit").await;
    app.select("purpose-legalBasis", "contract").await;
    app.click_to_close("purpose-save").await;

    app.click("nav-dashboard").await;
    app.wait_for_count("dashboard-finding", 4).await;
    assert!(
        !app.page_text()
            .await
            .contains("Choose the legal basis of 1 purpose(s)."),
        "the fixed gap is gone"
    );
    app.screenshot("20-dashboard-after-fix").await;
    app.close().await;
}

/// Issue 5 through the window: a person's own text in a section survives
/// a change of the register (and a restart), and after a version is saved,
/// the page shows what the change did to the draft.
#[tokio::test]
async fn own_text_survives_regeneration_and_the_changes_since_the_saved_version_show() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("steward.sqlite3");

    let app = App::launch(&db).await;
    app.click_to_close("welcome-load-demo").await;
    app.find("dashboard-findings").await;
    app.click("nav-policy").await;
    app.find("policy-changes-none").await;

    // Published today: save this version.
    app.click_to_open("policy-save-version", "policy-version-note")
        .await;
    app.type_into("policy-version-note", "Published on the website")
        .await;
    app.click_to_close("policy-version-confirm").await;
    app.find("policy-changes-summary").await;
    app.wait_for_text("reads exactly as").await;

    // The board adds its own promise to the contact section; an empty
    // text is refused and nothing is lost.
    app.click_in("[data-section-id=\"contact\"]", "policy-section-edit")
        .await;
    app.type_into("policy-edit-text", " ").await;
    app.click("policy-edit-save").await;
    app.wait_for_text("Text is required").await;
    app.type_into(
        "policy-edit-text",
        "We answer every letter within a week, <b>by post</b> if you wish.",
    )
    .await;
    app.click("policy-edit-save").await;
    app.find("policy-section-edited").await;
    app.wait_for_text("We answer every letter within a week, <b>by post</b> if you wish.")
        .await;
    app.scroll_to("policy-section-edited").await;
    app.screenshot("21-policy-own-text").await;

    // The register changes: the newsletter's data is voluntary. The draft
    // is written again, with the person's text still in it.
    app.click("nav-activities").await;
    app.click_link("Newsletter").await;
    app.select("activity-provisionRequirement", "voluntary")
        .await;
    app.click("activity-save").await;
    app.wait_for_text("Saved").await;
    app.close().await;

    // After a restart, too.
    let app = App::launch(&db).await;
    app.click("nav-policy").await;
    app.wait_for_text("Newsletter: giving us this data is up to you.")
        .await;
    app.wait_for_text("We answer every letter within a week, <b>by post</b> if you wish.")
        .await;

    // What changed since the saved version: the own text and the
    // newsletter's sentence came in, its placeholder went.
    app.find("policy-change-hunk").await;
    let summary = app
        .find("policy-changes-summary")
        .await
        .text()
        .await
        .unwrap();
    assert!(summary.contains("Published on the website"), "{summary}");
    let page = app.page_text().await;
    assert!(
        page.matches("We answer every letter within a week").count() >= 2,
        "the own text is in the draft and among the changes:\n{page}"
    );
    assert!(
        page.matches("Newsletter: giving us this data is up to you.")
            .count()
            >= 2,
        "{page}"
    );
    app.scroll_to("policy-change-hunk").await;
    app.screenshot("22-policy-changes").await;

    // Saving again: the draft reads as saved.
    app.click_to_open("policy-save-version", "policy-version-confirm")
        .await;
    app.click_to_close("policy-version-confirm").await;
    app.wait_for_text("reads exactly as").await;
    app.wait_for_count("policy-change-hunk", 0).await;
    app.close().await;
}
