//! Bringing in the register people already have: a workbook in the ICO
//! layout filled in by a choir's volunteer (tests/fixtures/registers, not
//! written by Steward), through the real window.

use crate::driver::App;

/// The preview lists the rows and, by row and column, what Steward kept as
/// written and why; a row unticked is left out; the import brings the
/// other activities in with their
/// recipients and transfers; the activity's description holds what was
/// kept, so that nothing the sheet said is lost.
#[tokio::test]
async fn a_register_kept_by_hand_comes_in_with_what_was_not_understood_shown() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let workbook = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/registers/ashby-choir.xlsx");
    std::fs::copy(&workbook, files.join("import.xlsx")).unwrap();
    let app = App::launch_with(
        &dir.path().join("steward.sqlite3"),
        &["--dialog-dir", files.to_str().unwrap()],
    )
    .await;
    app.click_to_close("welcome-start-empty").await;
    app.click("nav-documents").await;
    app.click("ico-choose").await;
    app.wait_for_count("ico-preview-row", 7).await;
    // A cell of a column Steward does not read, kept with its reason.
    app.find("ico-kept").await;
    app.wait_for_text("Reviewed at AGM 2024").await;
    app.wait_for_text("A column Steward does not read.").await;
    app.wait_for_text("cells that say something went into the register's fields")
        .await;
    app.scroll_to("ico-kept").await;
    app.screenshot("40-import-by-hand-preview").await;
    // The Gift Aid row is left out.
    app.click("ico-include-13").await;
    app.wait_for_text("Import 6 activities").await;
    app.click("ico-apply").await;
    app.wait_for_text("Added 6 activities").await;
    // The dashboard then says what the register still lacks.
    app.click("ico-done-dashboard").await;
    app.find("dashboard-today").await;
    app.screenshot("40b-import-then-dashboard").await;

    app.click("nav-activities").await;
    app.click_link("Keeping the membership list").await;
    // The committee (internal), the treasurer and Google; the transfer to
    // the United States under standard contractual clauses.
    app.wait_for_count("activityRecipient-row", 3).await;
    app.wait_for_text("Committee").await;
    app.wait_for_count("transfer-row", 1).await;
    app.wait_for_text("Standard contractual clauses").await;
    let description = app.value_of("activity-description").await;
    assert!(
        description.contains("From the spreadsheet, kept as written (to review):")
            && description.contains("Notes: Reviewed at AGM 2024"),
        "{description}"
    );
    app.screenshot("41-import-by-hand-activity").await;
    app.click("nav-activities").await;
    app.wait_for_text("Keeping the membership list").await;
    assert!(
        !app.page_text()
            .await
            .contains("Claiming Gift Aid on donations")
    );
    app.close().await;
}
