//! Declares the app's own commands so that Tauri checks each call against the
//! capability files: without this list every window could call every command.
//! Keep it in step with `src/lib.rs` and `capabilities/main.json` (a test in
//! `tests/config_lint.rs` fails when they differ).

const COMMANDS: &[&str] = &[
    "get_welcome",
    "load_demo",
    "dismiss_demo",
    "get_organisation",
    "update_organisation",
    "list_activities",
    "get_activity",
    "create_activity",
    "update_activity",
    "delete_activity",
    "restore_activity",
    "list_activity_recipients",
    "create_activity_recipient",
    "update_activity_recipient",
    "delete_activity_recipient",
    "restore_activity_recipient",
    "list_transfers",
    "create_transfer",
    "update_transfer",
    "delete_transfer",
    "restore_transfer",
    "list_retention_rules",
    "create_retention_rule",
    "update_retention_rule",
    "delete_retention_rule",
    "restore_retention_rule",
    "list_recipients",
    "get_recipient",
    "create_recipient",
    "update_recipient",
    "delete_recipient",
    "restore_recipient",
    "list_countries",
    "get_processor_catalogue",
    "add_recipient_from_catalogue",
    "get_vocabulary",
    "get_history",
    "get_organisation_history",
    "list_source_organisations",
    "get_source_organisation",
    "create_source_organisation",
    "update_source_organisation",
    "delete_source_organisation",
    "restore_source_organisation",
    "list_website_third_parties",
    "get_website_third_party",
    "create_website_third_party",
    "update_website_third_party",
    "delete_website_third_party",
    "restore_website_third_party",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri-build failed: check tauri.conf.json and capabilities/");
}
