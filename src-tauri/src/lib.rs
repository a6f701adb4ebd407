//! Steward's desktop shell.
//!
//! It opens the database, creates the main window with a navigation guard,
//! and exposes `steward-api` to the web view as Tauri commands
//! ([`commands`]). **Architecture invariant:** no business logic lives here;
//! each command is one line over the API, and an `if` in `commands/` belongs a
//! layer down. The exception is what only a desktop shell can do: the native
//! file dialogs, writing the chosen file and revealing it
//! (`commands/documents.rs`, `commands/sync.rs`); documents themselves come
//! from `steward-docs`, and the sync from `steward-api`. When the person
//! turned it on, the app syncs with the shared folder as it starts and quits.

mod commands;
mod launch;
mod stalls;
mod state;

use tauri::{Manager, RunEvent, Url, WebviewWindowBuilder};

use crate::state::AppState;

/// Starts the app; returns when the last window closes.
pub fn run() {
    let args = launch::Args::parse_from_env();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let state = AppState::open(args.database_path());
            app.manage(state);
            app.manage(commands::documents::Documents::new(args.dialog_dir.clone()));
            app.manage(commands::sync::PendingFile::default());
            app.manage(commands::backups::ChosenBackup::default());
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or("tauri.conf.json has no window labelled \"main\"")?;
            let dev_url = app.config().build.dev_url.clone();
            WebviewWindowBuilder::from_config(app.handle(), &config)?
                .on_navigation(move |url| is_app_url(url, dev_url.as_ref()))
                .build()?;
            if let Some(report) = args.stall_report.clone() {
                app.manage(stalls::StallWatch::start(app.handle(), report));
            }
            let handle = app.handle().clone();
            std::thread::spawn(move || commands::sync::sync_automatically(&handle));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::welcome::get_welcome,
            commands::welcome::load_demo,
            commands::welcome::dismiss_demo,
            commands::organisation::get_organisation,
            commands::organisation::update_organisation,
            commands::activities::list_activities,
            commands::activities::get_activity,
            commands::activities::create_activity,
            commands::activities::update_activity,
            commands::activities::delete_activity,
            commands::activities::restore_activity,
            commands::activity_parts::list_activity_recipients,
            commands::activity_parts::create_activity_recipient,
            commands::activity_parts::update_activity_recipient,
            commands::activity_parts::delete_activity_recipient,
            commands::activity_parts::restore_activity_recipient,
            commands::activity_parts::list_transfers,
            commands::activity_parts::create_transfer,
            commands::activity_parts::update_transfer,
            commands::activity_parts::delete_transfer,
            commands::activity_parts::restore_transfer,
            commands::activity_parts::list_retention_rules,
            commands::activity_parts::create_retention_rule,
            commands::activity_parts::update_retention_rule,
            commands::activity_parts::delete_retention_rule,
            commands::activity_parts::restore_retention_rule,
            commands::activity_parts::list_subject_groups,
            commands::activity_parts::create_subject_group,
            commands::activity_parts::update_subject_group,
            commands::activity_parts::delete_subject_group,
            commands::activity_parts::restore_subject_group,
            commands::activity_parts::list_activity_sources,
            commands::activity_parts::create_activity_source,
            commands::activity_parts::update_activity_source,
            commands::activity_parts::delete_activity_source,
            commands::activity_parts::restore_activity_source,
            commands::history::get_device_name,
            commands::history::set_device_name,
            commands::activities::duplicate_activity,
            commands::activities::get_activity_review,
            commands::activities::list_activity_reviews,
            commands::activity_parts::list_purposes,
            commands::activity_parts::create_purpose,
            commands::activity_parts::update_purpose,
            commands::activity_parts::delete_purpose,
            commands::activity_parts::restore_purpose,
            commands::activity_parts::list_all_transfers,
            commands::activity_parts::list_all_retention_rules,
            commands::recipients::list_recipient_uses,
            commands::recipients::list_recipients,
            commands::recipients::get_recipient,
            commands::recipients::create_recipient,
            commands::recipients::update_recipient,
            commands::recipients::delete_recipient,
            commands::recipients::restore_recipient,
            commands::reference::list_countries,
            commands::reference::get_processor_catalogue,
            commands::reference::add_recipient_from_catalogue,
            commands::vocabulary::get_vocabulary,
            commands::history::get_history,
            commands::history::get_organisation_history,
            commands::sources::list_source_organisations,
            commands::sources::get_source_organisation,
            commands::sources::create_source_organisation,
            commands::sources::update_source_organisation,
            commands::sources::delete_source_organisation,
            commands::sources::restore_source_organisation,
            commands::website::list_website_third_parties,
            commands::website::get_website_third_party,
            commands::website::create_website_third_party,
            commands::website::update_website_third_party,
            commands::website::delete_website_third_party,
            commands::website::restore_website_third_party,
            commands::documents::export_ropa,
            commands::documents::export_spreadsheet,
            commands::documents::reveal_export,
            commands::documents::preview_ico_import,
            commands::documents::apply_ico_import,
            commands::policy::get_policy_draft,
            commands::policy::export_policy,
            commands::policy::get_policy_changes,
            commands::policy::save_policy_version,
            commands::policy::save_policy_edit,
            commands::policy::delete_policy_edit,
            commands::policy::restore_policy_edit,
            commands::checks::get_dashboard,
            commands::checks::acknowledge_finding,
            commands::checks::withdraw_acknowledgement,
            commands::sync::get_sync_status,
            commands::sync::choose_sync_folder,
            commands::sync::sync_now,
            commands::sync::set_sync_automatically,
            commands::sync::export_changes,
            commands::sync::import_changes,
            commands::sync::join_organisation,
            commands::sync::open_encrypted_changes,
            commands::sync::list_conflicts,
            commands::sync::resolve_conflict,
            commands::sync::list_newer_values,
            commands::sync::dismiss_refused_file,
            commands::sync::get_register_version,
            commands::backups::get_startup,
            commands::backups::recover_database,
            commands::backups::list_backups,
            commands::backups::backup_now,
            commands::backups::backup_to,
            commands::backups::preview_restore,
            commands::backups::restore_backup,
            commands::backups::choose_backup_file,
            commands::backups::restore_chosen_backup,
        ])
        .build(tauri::generate_context!())
        .unwrap_or_else(|error| {
            eprintln!("Steward could not start: {error}");
            std::process::exit(1);
        })
        .run(|app, event| {
            // The last window closed: hand this laptop's changes to the
            // folder before the process ends (if the person asked for it).
            if let RunEvent::Exit = event {
                commands::sync::sync_automatically(app);
            }
        });
}

/// The web view may only show the app itself: the bundled UI, or in
/// development the Vite server. Anything else (a link in user text, a
/// redirect) is refused.
fn is_app_url(url: &Url, dev_url: Option<&Url>) -> bool {
    let bundled = url.scheme() == "tauri" || url.host_str() == Some("tauri.localhost");
    let dev = tauri::is_dev() && dev_url.is_some_and(|dev| dev.origin() == url.origin());
    bundled || dev
}
