//! `steward-cli`: Steward's headless command line.
//!
//! Every subcommand is one call of `steward-api`, the same API the desktop
//! app uses, against the same database (`--db PATH`, `STEWARD_DB`, or the OS
//! app-data folder). `--json` prints the API's DTOs as JSON for scripts and
//! tests. Exit codes: 0 success, 2 invalid input, 1 any other failure.

mod args;
mod backups;
mod output;
mod policy;
mod records;
mod sync;

use std::process::ExitCode;

// The app's allocator too: large imports allocate and free many small
// values (docs/sync.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivitySourceInput, ApiError, ErrorCode, PurposeInput,
    RecipientInput, RecordKind, RetentionRuleInput, Steward, SubjectGroupInput, SystemClock,
    TransferInput,
};
use steward_core::{FieldError, Invalid};

use crate::args::{
    ActivityCommand, BackupCommand, CheckCommand, Cli, Command, DemoCommand, DeviceCommand,
    ExportCommand, ImportCommand, OrgCommand, PartCommand, RecipientCommand,
};
use crate::output::Output;

/// Applies `--set FIELD=VALUE` assignments to an input through its JSON
/// form, so that every field of the API is reachable. An unknown field or a
/// value of the wrong kind is refused, naming the field, before anything is
/// written.
fn apply_set<T: Serialize + DeserializeOwned>(
    input: T,
    set: &[(String, Value)],
) -> Result<T, ApiError> {
    let invalid = |field: &str, message: String| -> ApiError {
        Invalid {
            errors: vec![FieldError {
                field: field.to_owned(),
                message,
            }],
        }
        .into()
    };
    let mut json = serde_json::to_value(input)
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    let Value::Object(map) = &mut json else {
        return Err(ApiError::new(ErrorCode::Internal, "input is not an object"));
    };
    for (field, value) in set {
        if field == "activityId" || !map.contains_key(field) {
            let mut known: Vec<&str> = map
                .keys()
                .map(String::as_str)
                .filter(|k| *k != "activityId")
                .collect();
            known.sort_unstable();
            return Err(invalid(
                field,
                format!(
                    "There is no field \"{field}\" to set here: use one of {}.",
                    known.join(", ")
                ),
            ));
        }
        map.insert(field.clone(), value.clone());
        // Checked one assignment at a time, so that an error names its field.
        if let Err(e) = serde_json::from_value::<T>(Value::Object(map.clone())) {
            return Err(invalid(
                field,
                format!(
                    "The value of {field} given with --set has the wrong form: {e}. `steward-cli fields KIND` lists what each field takes."
                ),
            ));
        }
    }
    serde_json::from_value(json).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

/// A record's fields as they read at `base`, for a save against it.
fn as_seen<T: serde::de::DeserializeOwned>(
    api: &Steward,
    kind: RecordKind,
    id: &str,
    base: &str,
) -> Result<T, ApiError> {
    let value = api.get_record_as_seen(kind, id, base)?;
    serde_json::from_value(value).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))
}

/// The organisation profile's id (the organisation's).
fn org_id(api: &Steward) -> Result<String, ApiError> {
    Ok(api.sync_status()?.organisation_id)
}

/// After a save against an old base: says which fields of the record now
/// hold two values, because someone else changed them meanwhile.
fn conflicts_note(api: &Steward, id: &str, out: &Output) -> Result<(), ApiError> {
    let fields: Vec<String> = api
        .list_conflicts()?
        .into_iter()
        .filter(|c| c.record_id == id)
        .map(|c| c.field)
        .collect();
    if !fields.is_empty() {
        out.note(&format!(
            "Someone else changed {} meanwhile: both values are kept as a conflict. See them with `steward-cli changes conflicts`, settle with `changes resolve`.",
            fields.join(", ")
        ));
    }
    Ok(())
}

/// The six kinds of row that belong to an activity share one grammar.
macro_rules! part_command {
    ($api:expr, $out:expr, $command:expr, $name:literal, $kind:expr, $input:ty,
     $list:ident, $get:ident, $create:ident, $update:ident, $delete:ident, $restore:ident) => {
        match $command {
            PartCommand::List { activity } => $out.value(&$api.$list(&activity)?),
            PartCommand::Show { id } => $out.value(&$api.$get(&id)?),
            PartCommand::Add { activity, fields } => {
                let input = <$input>::default();
                let mut input = apply_set(input, &fields.set)?;
                input.activity_id = activity;
                $out.value(&$api.$create(input)?)
            }
            PartCommand::Edit { id, base, fields } => {
                let current = match &base {
                    Some(base) => as_seen(&$api, $kind, &id, base)?,
                    None => $api.$get(&id)?.fields,
                };
                let input = apply_set(current, &fields.set)?;
                $out.value(&$api.$update(&id, input, base.as_deref())?);
                conflicts_note(&$api, &id, $out)?;
            }
            PartCommand::Delete { id, base } => {
                let deleted = $api.$delete(&id, base.as_deref())?;
                $out.message(
                    &deleted,
                    &format!(
                        concat!("Deleted. Undo with: steward-cli ", $name, " restore {}"),
                        id
                    ),
                )
            }
            PartCommand::Restore { id } => $out.value(&$api.$restore(&id)?),
        }
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Output { json: cli.json };
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            out.error(&error);
            if error.code == ErrorCode::Validation {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

fn run(cli: Cli, out: &Output) -> Result<(), ApiError> {
    let path = match cli.db {
        Some(path) => path,
        None => steward_api::default_database_path().ok_or_else(|| {
            ApiError::new(
                ErrorCode::Storage,
                "No application-data folder is known for this user: pass --db PATH or set STEWARD_DB.",
            )
        })?,
    };
    // What a kind of record holds needs no register.
    if let Command::Fields { kind } = &cli.command {
        return records::fields(out, kind);
    }
    if let Command::Backup(BackupCommand::Recover) = cli.command {
        match Steward::open(&path, Box::new(SystemClock)) {
            Err(e) if e.code == ErrorCode::Damaged => return backups::recover(&path, out),
            Err(e) => return Err(e),
            Ok(_) => {}
        }
    }
    let mut api = Steward::open(&path, Box::new(SystemClock))?;
    match cli.command {
        Command::Backup(command) => backups::backup(&mut api, out, command)?,
        Command::Org(OrgCommand::Show) => out.organisation(&api.get_organisation()?),
        Command::Org(OrgCommand::Set(set)) => {
            let mut input = match &set.base {
                Some(base) => as_seen(&api, RecordKind::Organisation, &org_id(&api)?, base)?,
                None => api.get_organisation()?.fields,
            };
            if let Some(name) = set.legal_name {
                input.legal_name = name;
            }
            if let Some(email) = set.contact_email {
                input.contact_email = email;
            }
            let input = apply_set(input, &set.set.set)?;
            out.organisation(&api.update_organisation(input, set.base.as_deref())?);
        }
        Command::Activity(ActivityCommand::List) => out.activities(&api.list_activities()?),
        Command::Activity(ActivityCommand::Show { id }) => out.activity(&api.get_activity(&id)?),
        Command::Activity(ActivityCommand::Add(mut fields)) => {
            let input = fields.apply(ActivityInput::default());
            let input = apply_set(input, &fields.set.set)?;
            out.activity(&api.create_activity(input)?);
        }
        Command::Activity(ActivityCommand::Edit {
            id,
            base,
            mut fields,
        }) => {
            let current = match &base {
                Some(base) => as_seen(&api, RecordKind::Activity, &id, base)?,
                None => api.get_activity(&id)?.fields,
            };
            let input = fields.apply(current);
            let input = apply_set(input, &fields.set.set)?;
            let saved = api.update_activity(&id, input, base.as_deref())?;
            out.activity(&saved);
            conflicts_note(&api, &id, out)?;
        }
        Command::Activity(ActivityCommand::Duplicate { id }) => {
            out.activity(&api.duplicate_activity(&id)?)
        }
        Command::Activity(ActivityCommand::Review { id }) => {
            out.review(&api.get_activity_review(&id)?)
        }
        Command::Activity(ActivityCommand::Delete { id, base }) => {
            let deleted = api.delete_activity(&id, base.as_deref())?;
            out.message(
                &deleted,
                &format!(
                    "Deleted \"{}\". Undo with: steward-cli activity restore {}",
                    deleted.fields.name, deleted.id
                ),
            );
        }
        Command::Activity(ActivityCommand::Restore { id }) => {
            out.activity(&api.restore_activity(&id)?)
        }
        Command::Recipient(command) => recipient(&mut api, command, out)?,
        Command::SourceOrg(command) => records::source_org(&mut api, out, command)?,
        Command::Website(command) => records::website(&mut api, out, command)?,
        Command::Catalogue(command) => records::catalogue(&mut api, out, command)?,
        Command::Fields { kind } => records::fields(out, &kind)?,
        Command::Purpose(command) => part_command!(
            api,
            out,
            command,
            "purpose",
            RecordKind::Purpose,
            PurposeInput,
            list_purposes,
            get_purpose,
            create_purpose,
            update_purpose,
            delete_purpose,
            restore_purpose
        ),
        Command::SubjectGroup(command) => part_command!(
            api,
            out,
            command,
            "subject-group",
            RecordKind::SubjectGroup,
            SubjectGroupInput,
            list_subject_groups,
            get_subject_group,
            create_subject_group,
            update_subject_group,
            delete_subject_group,
            restore_subject_group
        ),
        Command::Source(command) => part_command!(
            api,
            out,
            command,
            "source",
            RecordKind::ActivitySource,
            ActivitySourceInput,
            list_activity_sources,
            get_activity_source,
            create_activity_source,
            update_activity_source,
            delete_activity_source,
            restore_activity_source
        ),
        Command::Disclosure(command) => part_command!(
            api,
            out,
            command,
            "disclosure",
            RecordKind::ActivityRecipient,
            ActivityRecipientInput,
            list_activity_recipients,
            get_activity_recipient,
            create_activity_recipient,
            update_activity_recipient,
            delete_activity_recipient,
            restore_activity_recipient
        ),
        Command::Transfer(command) => part_command!(
            api,
            out,
            command,
            "transfer",
            RecordKind::Transfer,
            TransferInput,
            list_transfers,
            get_transfer,
            create_transfer,
            update_transfer,
            delete_transfer,
            restore_transfer
        ),
        Command::Retention(command) => part_command!(
            api,
            out,
            command,
            "retention",
            RecordKind::RetentionRule,
            RetentionRuleInput,
            list_retention_rules,
            get_retention_rule,
            create_retention_rule,
            update_retention_rule,
            delete_retention_rule,
            restore_retention_rule
        ),
        Command::Check { action: None } => {
            let findings = api.list_findings()?;
            let open = findings
                .iter()
                .filter(|f| f.acknowledgement.is_none())
                .count();
            let mut text = format!(
                "{} finding(s), {open} open, {} acknowledged.",
                findings.len(),
                findings.len() - open
            );
            for (i, f) in findings.iter().enumerate() {
                text.push_str(&format!(
                    "\n{:>3}. {:?}  {} {} \"{}\"{}: {} ({})",
                    i + 1,
                    f.severity,
                    f.kind,
                    f.record_id,
                    f.record,
                    f.field
                        .as_ref()
                        .map(|x| format!(", field {x}"))
                        .unwrap_or_default(),
                    f.message,
                    f.article
                ));
                if let Some(a) = &f.acknowledgement {
                    text.push_str(&format!("\n     Acknowledged ({}): {}", a.id, a.reason));
                }
            }
            out.message(&findings, &text);
        }
        Command::Check {
            action: Some(CheckCommand::Acknowledge { number, reason }),
        } => {
            let findings = api.list_findings()?;
            let Some(finding) = number.checked_sub(1).and_then(|i| findings.get(i)) else {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!(
                        "There is no finding {number}: `check` lists {} (numbered from 1).",
                        findings.len()
                    ),
                ));
            };
            let ack = api.acknowledge_finding(finding, &reason)?;
            let text = format!("Acknowledged ({}): {}", ack.id, ack.fields.finding);
            out.message(&ack, &text);
        }
        Command::Check {
            action: Some(CheckCommand::Withdraw { id }),
        } => {
            let ack = api.withdraw_acknowledgement(&id, None)?;
            let text = format!("Withdrawn; open again: {}", ack.fields.finding);
            out.message(&ack, &text);
        }
        Command::Policy(command) => policy::run(&mut api, out, command)?,
        Command::Sync { folder } => sync::folder(&mut api, out, folder)?,
        Command::Changes(command) => sync::changes(&mut api, out, command)?,
        Command::Device(DeviceCommand::Show) => {
            let name = api.get_device_name()?;
            out.message(&name, &name);
        }
        Command::Device(DeviceCommand::Name { name }) => {
            let name = api.set_device_name(&name)?;
            out.message(
                &name,
                &format!("This device is now \"{name}\" in the history."),
            );
        }
        Command::Export(ExportCommand::Json { out: None }) => {
            say!("{}", api.export_register_json()?);
        }
        Command::Export(ExportCommand::Json { out: Some(file) }) => {
            let text = api.export_register_json()?;
            write_file(&file, &text)?;
            out.message(&file, &format!("Wrote the register to {}.", file.display()));
        }
        Command::Export(ExportCommand::Ropa {
            pdf,
            paper,
            generated_at,
            status,
            business_function,
            history_since,
        }) => {
            let options = steward_docs::RopaOptions {
                statuses: status,
                business_functions: business_function,
                history_since,
                ..steward_docs::RopaOptions::new(
                    paper,
                    generated_at.unwrap_or_else(jiff::Timestamp::now),
                )
            };
            let bytes = steward_docs::ropa_for(&api, &options).map_err(|e| match e {
                steward_docs::RopaError::Api(e) => e,
                steward_docs::RopaError::Docs(e) => {
                    ApiError::new(ErrorCode::Internal, e.to_string())
                }
            })?;
            write_file(&pdf, &bytes)?;
            out.message(
                &pdf,
                &format!(
                    "Wrote the record of processing activities to {}.",
                    pdf.display()
                ),
            );
        }
        Command::Export(ExportCommand::Policy {
            format,
            out: file,
            generated_at,
        }) => {
            let draft = steward_docs::policy::draft(&api.export_register()?);
            let at = generated_at.unwrap_or_else(jiff::Timestamp::now);
            let bytes = steward_docs::policy_document(&draft, format, at)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let gaps = policy_gaps(&draft);
            match file {
                Some(file) => {
                    write_file(&file, &bytes)?;
                    out.message(
                        &file,
                        &format!(
                            "Wrote the draft privacy policy to {}.{gaps}",
                            file.display()
                        ),
                    );
                }
                None if format == steward_docs::PolicyFormat::Pdf => {
                    return Err(ApiError::new(
                        ErrorCode::Validation,
                        "A PDF is not written to the terminal: add --out FILE.",
                    ));
                }
                None => {
                    say!("{}", String::from_utf8_lossy(&bytes));
                    if !gaps.is_empty() {
                        eprintln!("{}", gaps.trim_start());
                    }
                }
            }
        }
        Command::Export(ExportCommand::Xlsx { out: file }) => {
            let bytes = steward_sheets::ico::xlsx(&api.export_register()?)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            write_file(&file, &bytes)?;
            out.message(
                &file,
                &format!("Wrote the register (ICO layout) to {}.", file.display()),
            );
        }
        Command::Export(ExportCommand::Csv { out: file }) => {
            let bytes = steward_sheets::ico::csv(&api.export_register()?)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            write_file(&file, &bytes)?;
            out.message(
                &file,
                &format!("Wrote the register (ICO layout) to {}.", file.display()),
            );
        }
        Command::Import(ImportCommand::Ico {
            file,
            dry_run,
            leave_out,
        }) => {
            let limit = steward_sheets::ico_import::Limits::default().max_file as u64;
            let bytes = steward_api::read_bounded(&file, limit, "a spreadsheet")?;
            // An XLSX workbook is a zip archive.
            let xlsx = bytes.starts_with(b"PK");
            let preview = steward_sheets::ico_import::import_ico_rows(
                &mut api, &bytes, xlsx, !dry_run, &leave_out,
            )
            .map_err(|e| ApiError::new(ErrorCode::Validation, e.to_string()))?;
            let updated = preview.activities.iter().filter(|a| a.updates).count();
            let updates = match (updated, dry_run) {
                (0, _) => String::new(),
                (n, true) => format!(" and would update {n} already in the register"),
                (n, false) => format!(" and updated {n} already in the register"),
            };
            let mut text = format!(
                "{} {} activities{updates}, {} new recipients and {} new source organisations:",
                if dry_run { "Would add" } else { "Added" },
                preview.activities.len() - updated,
                preview.new_recipients.len(),
                preview.new_source_organisations.len()
            );
            for a in &preview.activities {
                text.push_str(&format!(
                    "\n  row {}: {} ({} purposes, {} groups of people, {} recipients, {} transfers, {} retention rules)",
                    a.row, a.name, a.purposes, a.subject_groups, a.recipients, a.transfers, a.retention_rules
                ));
                if a.updates {
                    let what = if a.changes.is_empty() {
                        "nothing new".to_owned()
                    } else {
                        a.changes.join("; ")
                    };
                    text.push_str(&format!(" — updates the one in the register: {what}"));
                }
            }
            let (checked, kept): (Vec<_>, Vec<_>) = preview
                .activities
                .iter()
                .flat_map(|a| &a.kept_as_written)
                .partition(|k| k.typed);
            for (list, heading) in [
                (
                    kept,
                    "Kept as written in the activity's description, to review:",
                ),
                (checked, "Read into fields on an assumption, to check:"),
            ] {
                if !list.is_empty() {
                    text.push('\n');
                    text.push_str(heading);
                }
                for k in list {
                    text.push_str(&format!(
                        "\n  row {}, {}: {:?}: {}",
                        k.row, k.column, k.text, k.reason
                    ));
                }
            }
            for l in &preview.linked {
                let how = if l.from_catalogue {
                    "new, from the processor catalogue"
                } else {
                    "already in the register"
                };
                text.push_str(&format!(
                    "\nLinked: {:?} is {} ({how}).",
                    l.written, l.record
                ));
            }
            for k in &preview.skipped_rows {
                text.push_str(&format!(
                    "\nLeft out: row {}: {:?}: {}",
                    k.row, k.text, k.reason
                ));
            }
            text.push_str(&format!(
                "\n{} of the {} cells that say something went into fields ({:.0} %).",
                preview.cells - preview.cells_kept_as_written,
                preview.cells,
                preview.typed_share() * 100.0
            ));
            out.message(&preview, &text);
        }
        Command::Import(ImportCommand::Json { file }) => {
            let bytes = steward_api::read_bounded(
                &file,
                steward_api::REGISTER_JSON_LIMIT,
                "a register export",
            )?;
            let text = String::from_utf8(bytes).map_err(|_| {
                ApiError::new(
                    ErrorCode::Validation,
                    format!(
                        "{} is not text (UTF-8), so it is no register export. Nothing was imported.",
                        file.display()
                    ),
                )
            })?;
            let summary = api.import_register_json(&text)?;
            out.message(
                &summary,
                &format!(
                    "Imported {} activities, {} recipients, {} source organisations, {} website third parties and {} rows of activities.",
                    summary.activities,
                    summary.recipients,
                    summary.source_organisations,
                    summary.website_third_parties,
                    summary.activity_rows
                ),
            );
        }
        Command::Demo(DemoCommand::Load) => {
            api.load_demo()?;
            out.activities(&api.list_activities()?);
        }
    }
    Ok(())
}

/// Writes `text` to `path` through a temporary file in the same folder, so
/// that a crash never leaves half a backup under the final name.
fn write_file(path: &std::path::Path, text: impl AsRef<[u8]>) -> Result<(), ApiError> {
    let failed = |e: std::io::Error| {
        ApiError::new(
            ErrorCode::Storage,
            format!("Cannot write {}: {e}. Choose another file.", path.display()),
        )
    };
    let temp = path.with_extension("partial");
    std::fs::write(&temp, text).map_err(failed)?;
    std::fs::rename(&temp, path).map_err(failed)
}

fn recipient(api: &mut Steward, command: RecipientCommand, out: &Output) -> Result<(), ApiError> {
    match command {
        RecipientCommand::List => out.recipients(&api.list_recipients()?),
        RecipientCommand::Show { id } => out.recipient(&api.get_recipient(&id)?),
        RecipientCommand::Add(fields) => {
            let created = api.create_recipient(fields.apply(RecipientInput::default()))?;
            out.recipient(&created);
        }
        RecipientCommand::Edit { id, base, fields } => {
            let current = match &base {
                Some(base) => as_seen(api, RecordKind::Recipient, &id, base)?,
                None => api.get_recipient(&id)?.fields,
            };
            out.recipient(&api.update_recipient(&id, fields.apply(current), base.as_deref())?);
            conflicts_note(api, &id, out)?;
        }
        RecipientCommand::Delete { id, base } => {
            let deleted = api.delete_recipient(&id, base.as_deref())?;
            out.message(
                &deleted,
                &format!(
                    "Deleted \"{}\". Undo with: steward-cli recipient restore {}",
                    deleted.fields.legal_name, deleted.id
                ),
            );
        }
        RecipientCommand::Restore { id } => out.recipient(&api.restore_recipient(&id)?),
    }
    Ok(())
}

/// The policy's checklist as lines for the terminal; empty when complete.
fn policy_gaps(draft: &steward_docs::policy::PolicyDraft) -> String {
    if draft.checklist.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "\nThe register lacks {} fact(s) the law requires; the draft shows a placeholder for each:",
        draft.checklist.len()
    );
    for gap in &draft.checklist {
        text.push_str(&format!("\n- {}", gap.message));
    }
    text
}
