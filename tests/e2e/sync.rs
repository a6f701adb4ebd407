//! Two laptops, two databases, one shared folder: the administrator invites
//! a volunteer with a starter file encrypted with a passphrase, the volunteer edits offline and syncs,
//! and a conflict (the same name changed on both) is resolved in the review
//! screen and reaches the other laptop. Both app windows run at once, as two
//! people at their own laptops; the folder picker and the file dialogs are
//! replaced by `--dialog-dir` (its `shared` sub-folder is the synced folder).

use std::path::Path;

use crate::driver::App;

const PASSPHRASE: &str = "plum umbrella quietly sings";

/// Renames the activity `from` to `to` on its page, as a person would.
async fn rename_activity(app: &App, from: &str, to: &str) {
    app.click("nav-activities").await;
    app.click_link(from).await;
    app.type_into("activity-name", to).await;
    app.click("activity-save").await;
    app.wait_for_text("Saved").await;
}

async fn name_this_laptop(app: &App, name: &str) {
    app.type_into("device-name", name).await;
    app.click("device-name-save").await;
    app.wait_for_text(&format!("This device is now \"{name}\"."))
        .await;
}

async fn sync_now(app: &App, expect: &str) {
    app.click("nav-sync").await;
    app.click("sync-now").await;
    app.wait_for_text(expect).await;
}

/// The laptop's own files folder, with `shared` linked to the one folder
/// both laptops' sync tool shares.
fn files_folder(root: &Path, who: &str, shared: &Path) -> std::path::PathBuf {
    let files = root.join(format!("{who}-files"));
    std::fs::create_dir(&files).unwrap();
    std::os::unix::fs::symlink(shared, files.join("shared")).unwrap();
    files
}

#[tokio::test]
async fn a_volunteer_edits_offline_and_a_conflict_is_resolved_on_the_other_laptop() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("Nextcloud-Steward");
    std::fs::create_dir(&shared).unwrap();
    let ada_files = files_folder(dir.path(), "ada", &shared);
    let vic_files = files_folder(dir.path(), "vic", &shared);

    // The administrator's laptop: the register, a name, a starter file and
    // the shared folder.
    let ada = App::launch_with(
        &dir.path().join("ada.sqlite3"),
        &["--dialog-dir", ada_files.to_str().unwrap()],
    )
    .await;
    ada.click_to_close("welcome-load-demo").await;
    ada.click("nav-activities").await;
    ada.wait_for_text("Volunteer coordination").await;
    ada.click("nav-sync").await;
    ada.wait_for_text("No folder chosen yet").await;
    name_this_laptop(&ada, "Ada").await;
    // The starter file goes by e-mail: encrypted, its passphrase told by phone.
    ada.click_label("Encrypt with a passphrase").await;
    assert!(ada.is_checked("sync-encrypt").await);
    ada.type_into("sync-passphrase", PASSPHRASE).await;
    ada.type_into("sync-passphrase-repeat", PASSPHRASE).await;
    ada.click("sync-export-starter").await;
    ada.wait_for_text("Saved").await;
    ada.click("sync-choose-folder").await;
    ada.wait_for_text("Wrote").await;
    assert!(
        ada.find("sync-folder-path")
            .await
            .text()
            .await
            .unwrap()
            .ends_with("shared"),
        "the chosen folder is shown"
    );

    // The administrator emails the starter file to the volunteer.
    let starter = std::fs::read_dir(&ada_files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "age"))
        .expect("the encrypted starter file was saved where the dialog pointed");
    assert!(
        std::fs::read(&starter)
            .unwrap()
            .starts_with(b"age-encryption.org/v1")
    );
    std::fs::copy(&starter, vic_files.join(starter.file_name().unwrap())).unwrap();

    // The volunteer's new laptop joins with it and picks the same folder.
    let vic = App::launch_with(
        &dir.path().join("vic.sqlite3"),
        &["--dialog-dir", vic_files.to_str().unwrap()],
    )
    .await;
    vic.click_to_close("welcome-join").await;
    vic.click("sync-join").await;
    vic.find("sync-unlock").await;
    vic.type_into("sync-unlock-passphrase", "plum umbrella loudly sings")
        .await;
    vic.click("sync-unlock-open").await;
    vic.wait_for_text("This passphrase does not open the file")
        .await;
    vic.screenshot("25-encrypted-starter").await;
    vic.type_into("sync-unlock-passphrase", PASSPHRASE).await;
    vic.click("sync-unlock-open").await;
    vic.wait_for_text("from Ada").await;
    name_this_laptop(&vic, "Vic").await;
    vic.click("sync-choose-folder").await;
    vic.wait_for_text("were already here").await;
    vic.click("nav-activities").await;
    vic.wait_for_text("Volunteer coordination").await;

    // Offline, the volunteer describes an activity; then syncs.
    vic.click_link("Volunteer coordination").await;
    vic.type_into(
        "activity-description",
        "Shifts are planned in the shared calendar.",
    )
    .await;
    vic.click("activity-save").await;
    vic.wait_for_text("Saved").await;
    sync_now(&vic, "Wrote 1 change").await;

    // The administrator syncs and sees the volunteer's edit.
    sync_now(&ada, "from Vic").await;
    ada.screenshot("23-sync-status").await;
    ada.click("nav-activities").await;
    ada.click_link("Volunteer coordination").await;
    ada.wait_for_text("Shifts are planned in the shared calendar.")
        .await;

    // Both rename the newsletter before seeing each other's change.
    rename_activity(&ada, "Newsletter", "Monthly newsletter").await;
    rename_activity(&vic, "Newsletter", "Newsletter for members").await;
    sync_now(&ada, "Wrote 1 change").await;
    sync_now(&vic, "1 conflict").await;
    sync_now(&ada, "1 conflict").await;
    ada.find("nav-sync-conflicts").await;

    // The administrator reviews it: both values, who and when. The later
    // rename (Vic's) is shown meanwhile; the administrator keeps her own.
    ada.click("sync-review-conflicts").await;
    ada.find("conflict-card").await;
    ada.wait_for_text("by Vic").await;
    ada.wait_for_text("by Ada").await;
    ada.screenshot("24-conflict-review").await;
    ada.click_label("Monthly newsletter").await;
    ada.click("conflict-resolve").await;
    ada.wait_for_text("Conflict resolved").await;
    ada.find("conflicts-empty").await;

    // The resolution is a change too: it reaches the volunteer's laptop.
    sync_now(&ada, "Wrote 1 change").await;
    sync_now(&vic, "from Ada").await;
    vic.wait_for_count("nav-sync-conflicts", 0).await;
    vic.click("nav-activities").await;
    vic.wait_for_text("Monthly newsletter").await;
    ada.click("nav-activities").await;
    ada.wait_for_text("Monthly newsletter").await;

    ada.close().await;
    vic.close().await;
}

/// Nothing lost, ever (the case that used to revert a colleague's edit
/// everywhere): Ada has the newsletter's form open and is renaming it; Bea
/// changes its description and its name on her laptop and syncs; Ada syncs
/// from the header, the form still open. Her form takes Bea's description
/// (a field she had not touched), keeps the name she is typing and says
/// that Bea changed it too; her save keeps both names as a conflict, marked
/// in her form and settled there; the outcome reaches Bea.
#[tokio::test]
async fn a_form_left_open_during_a_sync_keeps_the_colleagues_change_and_settles_the_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("Syncthing-Steward");
    std::fs::create_dir(&shared).unwrap();
    let ada_files = files_folder(dir.path(), "ada", &shared);
    let bea_files = files_folder(dir.path(), "bea", &shared);

    let ada = App::launch_with(
        &dir.path().join("ada.sqlite3"),
        &["--dialog-dir", ada_files.to_str().unwrap()],
    )
    .await;
    ada.click_to_close("welcome-load-demo").await;
    ada.click("nav-sync").await;
    name_this_laptop(&ada, "Ada").await;
    ada.click("sync-export-starter").await;
    ada.wait_for_text("Saved").await;
    ada.click("sync-choose-folder").await;
    ada.wait_for_text("Wrote").await;
    let starter = std::fs::read_dir(&ada_files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "chg"))
        .expect("the starter file");
    std::fs::copy(&starter, bea_files.join(starter.file_name().unwrap())).unwrap();

    let bea = App::launch_with(
        &dir.path().join("bea.sqlite3"),
        &["--dialog-dir", bea_files.to_str().unwrap()],
    )
    .await;
    bea.click_to_close("welcome-join").await;
    bea.click("sync-join").await;
    bea.wait_for_text("from Ada").await;
    name_this_laptop(&bea, "Bea").await;
    bea.click("sync-choose-folder").await;
    bea.wait_for_text("were already here").await;

    // Ada opens the newsletter and starts renaming it; she has not saved.
    ada.click("nav-activities").await;
    ada.click_link("Newsletter").await;
    ada.type_into("activity-name", "Members' newsletter").await;

    // Meanwhile Bea describes it and renames it, saves and syncs.
    bea.click("nav-activities").await;
    bea.click_link("Newsletter").await;
    bea.type_into(
        "activity-description",
        "Sent on the first Monday of each month.",
    )
    .await;
    bea.type_into("activity-name", "Monthly newsletter").await;
    bea.click("activity-save").await;
    bea.wait_for_text("Saved").await;
    sync_now(&bea, "Wrote").await;

    // Ada syncs from the header, her form still open.
    ada.click("header-sync-now").await;
    ada.find("activity-changed").await;
    ada.wait_for_text("Sent on the first Monday of each month.")
        .await;
    assert_eq!(
        ada.value_of("activity-description").await,
        "Sent on the first Monday of each month.",
        "the field Ada had not touched takes Bea's text"
    );
    assert_eq!(
        ada.value_of("activity-name").await,
        "Members' newsletter",
        "what Ada typed stays"
    );
    ada.screenshot("26-changed-while-open").await;

    // Her save keeps both names: a conflict, marked in her own form.
    ada.click("activity-save").await;
    ada.wait_for_text("Saved").await;
    ada.click("activity-name-conflict").await;
    ada.find("activity-name-conflict-values").await;
    ada.wait_for_text("Monthly newsletter").await;
    ada.screenshot("27-conflict-in-the-form").await;
    ada.click_xpath(
        "//*[@data-testid='activity-name-conflict-value'][contains(., \"Members' newsletter\")]//*[@data-testid='activity-name-conflict-keep']",
    )
    .await;
    ada.wait_for_count("activity-name-conflict", 0).await;
    assert_eq!(ada.value_of("activity-name").await, "Members' newsletter");

    // The outcome reaches Bea: Ada's name, Bea's description, no conflict.
    ada.click("header-sync-now").await;
    ada.wait_for_text("written").await;
    sync_now(&bea, "from Ada").await;
    bea.wait_for_count("nav-sync-conflicts", 0).await;
    bea.click("nav-activities").await;
    bea.click_link("Members' newsletter").await;
    assert_eq!(
        bea.value_of("activity-description").await,
        "Sent on the first Monday of each month."
    );
    ada.close().await;
    bea.close().await;
}
