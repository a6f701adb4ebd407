//! The command line's grammar (clap), and how flags become API inputs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use steward_api::{ActivityInput, DpaStatus, DpfStatus, OrganisationInput, RecipientInput};
use steward_core::{ActivityStatus, LegalBasis};

#[derive(Debug, Parser)]
#[command(
    name = "steward-cli",
    version,
    about = "Keep your organisation's record of processing activities from the command line."
)]
pub struct Cli {
    /// The database file (default: the OS app-data folder, shared with the desktop app).
    #[arg(long, global = true, env = "STEWARD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print results and errors as JSON.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The organisation profile (controller, DPO, representative).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Processing activities.
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// Recipients and processors the organisation discloses data to.
    #[command(subcommand)]
    Recipient(RecipientCommand),
    /// The demo register of a fictional small nonprofit.
    #[command(subcommand)]
    Demo(DemoCommand),
}

#[derive(Debug, Subcommand)]
pub enum RecipientCommand {
    /// List the recipients and processors.
    List,
    /// Show one recipient.
    Show { id: String },
    /// Record a new recipient or processor.
    Add(RecipientFields),
    /// Change fields of a recipient; fields not given keep their value.
    Edit {
        id: String,
        #[command(flatten)]
        fields: RecipientFields,
    },
    /// Delete a recipient (undo with `restore`).
    Delete { id: String },
    /// Undo the delete of a recipient.
    Restore { id: String },
}

#[derive(Debug, Args)]
pub struct RecipientFields {
    #[arg(long)]
    legal_name: Option<String>,
    #[arg(long)]
    trading_name: Option<String>,
    /// ISO 3166-1 alpha-2 code, e.g. US, DE, GB.
    #[arg(long)]
    country: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    contact: Option<String>,
    #[arg(long)]
    privacy_policy_url: Option<String>,
    /// missing, draft, sent, signed or expired.
    #[arg(long, value_parser = parse_dpa_status)]
    dpa_status: Option<DpaStatus>,
    /// YYYY-MM-DD, or "none".
    #[arg(long)]
    dpa_signed: Option<String>,
    /// YYYY-MM-DD, or "none".
    #[arg(long)]
    dpa_expires: Option<String>,
    /// A sub-processor's name; repeat for several. Replaces the existing list.
    #[arg(long = "sub-processor", value_name = "NAME")]
    sub_processors: Vec<String>,
    /// yes, no or unknown: certified under the EU-U.S. Data Privacy Framework.
    #[arg(long, value_parser = parse_dpf)]
    dpf: Option<DpfStatus>,
    /// YYYY-MM-DD, or "none".
    #[arg(long)]
    dpf_verified: Option<String>,
    #[arg(long)]
    notes: Option<String>,
}

/// `none` clears an optional date; anything else is passed on for the API to check.
fn optional_date(value: String) -> Option<String> {
    if value == "none" { None } else { Some(value) }
}

impl RecipientFields {
    pub fn apply(self, mut input: RecipientInput) -> RecipientInput {
        let texts = [
            (self.legal_name, &mut input.legal_name),
            (self.trading_name, &mut input.trading_name),
            (self.country, &mut input.country),
            (self.address, &mut input.address),
            (self.contact, &mut input.contact),
            (self.privacy_policy_url, &mut input.privacy_policy_url),
            (self.notes, &mut input.notes),
        ];
        for (new, field) in texts {
            if let Some(value) = new {
                *field = value;
            }
        }
        let dates = [
            (self.dpa_signed, &mut input.dpa_signed),
            (self.dpa_expires, &mut input.dpa_expires),
            (self.dpf_verified, &mut input.dpf_verified),
        ];
        for (new, field) in dates {
            if let Some(value) = new {
                *field = optional_date(value);
            }
        }
        if !self.sub_processors.is_empty() {
            input.sub_processors = self.sub_processors;
        }
        if let Some(status) = self.dpa_status {
            input.dpa_status = status;
        }
        if let Some(dpf) = self.dpf {
            input.dpf = dpf;
        }
        input
    }
}

fn parse_dpa_status(text: &str) -> Result<DpaStatus, String> {
    serde_json::from_value(serde_json::Value::String(text.to_lowercase()))
        .map_err(|_| "use missing, draft, sent, signed or expired".into())
}

fn parse_dpf(text: &str) -> Result<DpfStatus, String> {
    serde_json::from_value(serde_json::Value::String(text.to_lowercase()))
        .map_err(|_| "use yes, no or unknown".into())
}

#[derive(Debug, Subcommand)]
pub enum DemoCommand {
    /// Load the demo register into an empty database.
    Load,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Show the organisation profile.
    Show,
    /// Change fields of the organisation profile; fields not given keep their value.
    Set(OrgFields),
}

#[derive(Debug, Args)]
pub struct OrgFields {
    #[arg(long)]
    legal_name: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    contact_email: Option<String>,
    #[arg(long)]
    dpo_name: Option<String>,
    #[arg(long)]
    dpo_contact: Option<String>,
    #[arg(long)]
    eu_representative: Option<String>,
    #[arg(long)]
    supervisory_authority: Option<String>,
}

impl OrgFields {
    pub fn apply(self, mut input: OrganisationInput) -> OrganisationInput {
        let pairs = [
            (self.legal_name, &mut input.legal_name),
            (self.address, &mut input.address),
            (self.contact_email, &mut input.contact_email),
            (self.dpo_name, &mut input.dpo_name),
            (self.dpo_contact, &mut input.dpo_contact),
            (self.eu_representative, &mut input.eu_representative),
            (self.supervisory_authority, &mut input.supervisory_authority),
        ];
        for (new, field) in pairs {
            if let Some(value) = new {
                *field = value;
            }
        }
        input
    }
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// List the processing activities.
    List,
    /// Show one processing activity.
    Show { id: String },
    /// Record a new processing activity.
    Add(ActivityFields),
    /// Change fields of an activity; fields not given keep their value.
    Edit {
        id: String,
        #[command(flatten)]
        fields: ActivityFields,
    },
    /// Delete an activity (undo with `restore`).
    Delete { id: String },
    /// Undo the delete of an activity.
    Restore { id: String },
}

#[derive(Debug, Args)]
pub struct ActivityFields {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// A purpose of the processing; repeat for several. Replaces the existing purposes.
    #[arg(long = "purpose", value_name = "PURPOSE")]
    purposes: Vec<String>,
    /// Remove every purpose.
    #[arg(long, conflicts_with = "purposes")]
    clear_purposes: bool,
    /// consent, contract, legal-obligation, vital-interests, public-task,
    /// legitimate-interests, or none.
    #[arg(long, value_parser = parse_legal_basis)]
    legal_basis: Option<BasisArg>,
    /// draft, active or retired.
    #[arg(long, value_parser = parse_status)]
    status: Option<ActivityStatus>,
}

impl ActivityFields {
    pub fn apply(self, mut input: ActivityInput) -> ActivityInput {
        if let Some(name) = self.name {
            input.name = name;
        }
        if let Some(description) = self.description {
            input.description = description;
        }
        if self.clear_purposes || !self.purposes.is_empty() {
            input.purposes = self.purposes;
        }
        if let Some(BasisArg(legal_basis)) = self.legal_basis {
            input.legal_basis = legal_basis;
        }
        if let Some(status) = self.status {
            input.status = status;
        }
        input
    }
}

/// A legal basis given on the command line; `none` clears it.
#[derive(Debug, Clone, Copy)]
pub struct BasisArg(Option<LegalBasis>);

/// Accepts the API's identifiers (`legitimateInterests`) and kebab-case.
fn parse_legal_basis(text: &str) -> Result<BasisArg, String> {
    if text == "none" {
        return Ok(BasisArg(None));
    }
    let wanted = text.replace('-', "").to_lowercase();
    LegalBasis::ALL
        .into_iter()
        .find(|b| b.id().to_lowercase() == wanted)
        .map(|b| BasisArg(Some(b)))
        .ok_or_else(|| {
            "use consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests or none".into()
        })
}

fn parse_status(text: &str) -> Result<ActivityStatus, String> {
    ActivityStatus::from_id(&text.to_lowercase())
        .ok_or_else(|| "use draft, active or retired".into())
}
