//! `steward-cli`: Steward's headless command line.
//!
//! Every subcommand is one call of `steward-api`, the same API the desktop
//! app uses, against the same database (`--db PATH`, `STEWARD_DB`, or the OS
//! app-data folder). `--json` prints the API's DTOs as JSON for scripts and
//! tests. Exit codes: 0 success, 2 invalid input, 1 any other failure.

mod args;
mod output;

use std::process::ExitCode;

use clap::Parser;
use steward_api::{
    ActivityInput, ApiError, ErrorCode, OrganisationInput, RecipientInput, Steward, SystemClock,
};

use crate::args::{ActivityCommand, Cli, Command, DemoCommand, OrgCommand, RecipientCommand};
use crate::output::Output;

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
    let mut api = Steward::open(&path, Box::new(SystemClock))?;
    match cli.command {
        Command::Org(OrgCommand::Show) => out.organisation(&api.get_organisation()?),
        Command::Org(OrgCommand::Set(set)) => {
            let current = api.get_organisation()?;
            let input = set.apply(OrganisationInput {
                legal_name: current.legal_name,
                address: current.address,
                contact_email: current.contact_email,
                dpo_name: current.dpo_name,
                dpo_contact: current.dpo_contact,
                eu_representative: current.eu_representative,
                supervisory_authority: current.supervisory_authority,
            });
            out.organisation(&api.update_organisation(input)?);
        }
        Command::Activity(ActivityCommand::List) => out.activities(&api.list_activities()?),
        Command::Activity(ActivityCommand::Show { id }) => out.activity(&api.get_activity(&id)?),
        Command::Activity(ActivityCommand::Add(fields)) => {
            let created = api.create_activity(fields.apply(ActivityInput::default()))?;
            out.activity(&created);
        }
        Command::Activity(ActivityCommand::Edit { id, fields }) => {
            let current = api.get_activity(&id)?;
            let input = fields.apply(ActivityInput {
                name: current.name,
                description: current.description,
                purposes: current.purposes,
                legal_basis: current.legal_basis,
                status: current.status,
            });
            out.activity(&api.update_activity(&id, input)?);
        }
        Command::Activity(ActivityCommand::Delete { id }) => {
            let deleted = api.delete_activity(&id)?;
            out.message(
                &deleted,
                &format!(
                    "Deleted \"{}\". Undo with: steward-cli activity restore {}",
                    deleted.name, deleted.id
                ),
            );
        }
        Command::Activity(ActivityCommand::Restore { id }) => {
            out.activity(&api.restore_activity(&id)?)
        }
        Command::Recipient(command) => recipient(&mut api, command, out)?,
        Command::Demo(DemoCommand::Load) => {
            api.load_demo()?;
            out.activities(&api.list_activities()?);
        }
    }
    Ok(())
}

fn recipient(api: &mut Steward, command: RecipientCommand, out: &Output) -> Result<(), ApiError> {
    match command {
        RecipientCommand::List => out.recipients(&api.list_recipients()?),
        RecipientCommand::Show { id } => out.recipient(&api.get_recipient(&id)?),
        RecipientCommand::Add(fields) => {
            let created = api.create_recipient(fields.apply(RecipientInput::default()))?;
            out.recipient(&created);
        }
        RecipientCommand::Edit { id, fields } => {
            let current = api.get_recipient(&id)?.fields;
            out.recipient(&api.update_recipient(&id, fields.apply(current))?);
        }
        RecipientCommand::Delete { id } => {
            let deleted = api.delete_recipient(&id)?;
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
