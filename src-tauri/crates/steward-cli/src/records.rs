//! The records that belong to no activity and have no flags of their own
//! (source organisations, website third parties), the processor catalogue,
//! and `fields KIND`: what the app can record, the command line can too.

use serde::Serialize;
use steward_api::{
    ApiError, ErrorCode, RecordKind, SourceOrganisationInput, Steward, WebsiteThirdPartyInput,
};
use steward_core::entity::api_name;

use crate::args::{CatalogueCommand, RecordCommand};
use crate::output::Output;
use crate::{apply_set, as_seen, conflicts_note};

/// Source organisations and website third parties share one grammar.
macro_rules! record_command {
    ($api:expr, $out:expr, $command:expr, $name:literal, $kind:expr, $input:ty,
     $list:ident, $get:ident, $create:ident, $update:ident, $delete:ident, $restore:ident) => {
        match $command {
            RecordCommand::List => $out.value(&$api.$list()?),
            RecordCommand::Show { id } => $out.value(&$api.$get(&id)?),
            RecordCommand::Add { fields } => {
                let input = apply_set(<$input>::default(), &fields.set)?;
                $out.value(&$api.$create(input)?)
            }
            RecordCommand::Edit { id, base, fields } => {
                let current = match &base {
                    Some(base) => as_seen($api, $kind, &id, base)?,
                    None => $api.$get(&id)?.fields,
                };
                let input = apply_set(current, &fields.set)?;
                $out.value(&$api.$update(&id, input, base.as_deref())?);
                conflicts_note($api, &id, $out)?;
            }
            RecordCommand::Delete { id, base } => {
                let deleted = $api.$delete(&id, base.as_deref())?;
                $out.message(
                    &deleted,
                    &format!(
                        concat!("Deleted. Undo with: steward-cli ", $name, " restore {}"),
                        id
                    ),
                )
            }
            RecordCommand::Restore { id } => $out.value(&$api.$restore(&id)?),
        }
    };
}

pub fn source_org(api: &mut Steward, out: &Output, command: RecordCommand) -> Result<(), ApiError> {
    record_command!(
        api,
        out,
        command,
        "source-org",
        RecordKind::SourceOrganisation,
        SourceOrganisationInput,
        list_source_organisations,
        get_source_organisation,
        create_source_organisation,
        update_source_organisation,
        delete_source_organisation,
        restore_source_organisation
    );
    Ok(())
}

pub fn website(api: &mut Steward, out: &Output, command: RecordCommand) -> Result<(), ApiError> {
    record_command!(
        api,
        out,
        command,
        "website",
        RecordKind::WebsiteThirdParty,
        WebsiteThirdPartyInput,
        list_website_third_parties,
        get_website_third_party,
        create_website_third_party,
        update_website_third_party,
        delete_website_third_party,
        restore_website_third_party
    );
    Ok(())
}

pub fn catalogue(
    api: &mut Steward,
    out: &Output,
    command: CatalogueCommand,
) -> Result<(), ApiError> {
    match command {
        CatalogueCommand::List => {
            let catalogue = api.get_processor_catalogue()?;
            let lines: Vec<String> = catalogue
                .entries
                .iter()
                .map(|e| {
                    let mark = if e.in_register { "in register" } else { "" };
                    format!("{:<24} {:<36} {mark}", e.facts.id, e.facts.name)
                })
                .collect();
            let text = format!(
                "{}\nFacts as of {}. Add one with: steward-cli catalogue add ID",
                lines.join("\n"),
                catalogue.facts_as_of
            );
            out.message(&catalogue, &text);
        }
        CatalogueCommand::Add { id } => out.value(&api.add_recipient_from_catalogue(&id)?),
    }
    Ok(())
}

/// The kinds `fields` knows, by the names the commands use.
const KINDS: [(&str, RecordKind); 11] = [
    ("organisation", RecordKind::Organisation),
    ("activity", RecordKind::Activity),
    ("recipient", RecordKind::Recipient),
    ("source-org", RecordKind::SourceOrganisation),
    ("website", RecordKind::WebsiteThirdParty),
    ("purpose", RecordKind::Purpose),
    ("subject-group", RecordKind::SubjectGroup),
    ("source", RecordKind::ActivitySource),
    ("disclosure", RecordKind::ActivityRecipient),
    ("transfer", RecordKind::Transfer),
    ("retention", RecordKind::RetentionRule),
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FieldRow {
    field: String,
    takes: String,
    /// The allowed values, when the field takes one of a fixed set.
    values: Vec<&'static str>,
}

/// `fields KIND`: every field a person can set, with what it takes.
pub fn fields(out: &Output, kind: &str) -> Result<(), ApiError> {
    let wanted = kind.trim().to_ascii_lowercase().replace('_', "-");
    let Some((_, entity)) = KINDS.iter().find(|(name, _)| *name == wanted) else {
        let names: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        return Err(ApiError::new(
            ErrorCode::Validation,
            format!(
                "\"{kind}\" is not a kind of record: use one of {}.",
                names.join(", ")
            ),
        ));
    };
    let rows: Vec<FieldRow> = entity
        .fields()
        .iter()
        .filter(|f| !f.retired)
        .map(|f| FieldRow {
            field: api_name(f.name),
            takes: f.describe(),
            values: f.choice.map(|c| c.values().to_vec()).unwrap_or_default(),
        })
        .collect();
    let text: Vec<String> = rows
        .iter()
        .map(|r| format!("{:<28} {}", r.field, r.takes))
        .collect();
    out.message(&rows, &text.join("\n"));
    Ok(())
}
