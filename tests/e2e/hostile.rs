//! User text stays text in the real window: a register with the hostile
//! corpus in every free-text field (`steward_tests::hostile`) is opened,
//! every screen is walked, and the policy is exported as Markdown and
//! HTML through the app. Each screen shows the strings as the literal text
//! they are; none of the scripts they carry ever runs (they would set
//! `window.__stewardPwned`); the app opens no network connection.

use serde_json::Value;
use steward_api::{Steward, SystemClock};
use steward_tests::hostile::{HostileRegister, hostile_register};

use crate::driver::App;

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether any of the corpus's scripts ran in the window.
async fn assert_nothing_ran(app: &App, screen: &str) {
    let ran = app
        .client
        .execute(
            "return [typeof window.__stewardPwned, document.title]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        ran,
        Value::Array(vec!["undefined".into(), "Steward".into()]),
        "a script from user text ran on {screen}"
    );
}

/// Waits for the screen to show `texts` (squeezed, as the window lays text
/// out), then checks nothing ran.
async fn screen_shows(app: &App, screen: &str, texts: &[&str]) {
    for text in texts {
        app.wait_for_text_squeezed(&squeeze(text)).await;
    }
    assert_nothing_ran(app, screen).await;
}

fn register(db: &std::path::Path) -> HostileRegister {
    let mut api = Steward::open(db, Box::new(SystemClock)).unwrap();
    hostile_register(&mut api)
}

#[tokio::test]
async fn hostile_text_is_shown_as_text_on_every_screen_and_in_the_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hostile.sqlite3");
    let hostile = register(&db);
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    let app = App::launch_with(&db, &["--dialog-dir", files.to_str().unwrap()]).await;

    // The lists: every name, as text.
    app.click("nav-activities").await;
    let names = hostile.texts_in("activity", "name");
    assert!(names.len() >= 45);
    screen_shows(&app, "the activities", &names).await;
    app.screenshot("40-hostile-activities").await;
    app.click("nav-recipients").await;
    screen_shows(
        &app,
        "the recipients",
        &hostile.texts_in("recipient", "legalName"),
    )
    .await;
    app.click("nav-sources").await;
    screen_shows(
        &app,
        "the sources",
        &hostile.texts_in("sourceOrganisation", "name"),
    )
    .await;
    app.click("nav-website").await;
    screen_shows(
        &app,
        "the website",
        &hostile.texts_in("websiteThirdParty", "provider"),
    )
    .await;

    // Records' own pages, each field in its input or its rows.
    for s in hostile
        .saved
        .iter()
        .filter(|s| s.kind == "activity" && s.field == "name")
        .take(8)
    {
        app.click("nav-activities").await;
        app.click_css(&format!("a[href$='/activities/{}']", s.record_id))
            .await;
        app.find("activity-name").await;
        assert_eq!(
            app.value_of("activity-name").await,
            s.text,
            "the name field"
        );
        assert_nothing_ran(&app, "an activity's page").await;
    }
    app.screenshot("41-hostile-activity").await;

    for (nav, screen) in [
        ("nav-dashboard", "the dashboard"),
        ("nav-transfers", "the transfers"),
        ("nav-retention", "the retention rules"),
        ("nav-organisation", "the organisation"),
        ("nav-sync", "the sync page"),
    ] {
        app.click(nav).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        assert_nothing_ran(&app, screen).await;
    }
    app.click("nav-policy").await;
    screen_shows(
        &app,
        "the policy",
        &hostile.texts_in("policyEdit", "text")[..3],
    )
    .await;
    app.screenshot("42-hostile-policy").await;

    // The exports the app writes: Markdown and HTML hold the strings as
    // text (checked in depth by tests/scenarios/hostile_text.rs; here, that
    // what the app wrote is that).
    app.click("nav-policy").await;
    app.click("policy-export-html").await;
    app.wait_for_text("Saved").await;
    let html = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .expect("the HTML export");
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("&lt;script&gt;window.__stewardPwned = 1&lt;/script&gt;"));
    assert!(!html.contains("<script>window.__stewardPwned"));
    assert_nothing_ran(&app, "the policy after its export").await;

    app.assert_no_network_connection().await;
    app.close().await;
}
