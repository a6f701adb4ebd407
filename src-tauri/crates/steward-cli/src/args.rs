//! The command line's grammar (clap), and how flags become API inputs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use steward_api::{ActivityInput, DpaStatus, DpfStatus, RecipientInput};
use steward_core::ActivityStatus;

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
    /// Organisations that send the organisation personal data (Art. 14); give their fields
    /// with --set (see `steward-cli fields source-org`).
    #[command(subcommand, name = "source-org")]
    SourceOrg(RecordCommand),
    /// Third parties on the organisation's website: analytics, advertising, embedded content
    /// and their cookies; give their fields with --set (see `steward-cli fields website`).
    #[command(subcommand)]
    Website(RecordCommand),
    /// The processor catalogue: services nonprofits use, with sourced facts; add one to the
    /// register as a recipient.
    #[command(subcommand)]
    Catalogue(CatalogueCommand),
    /// Every field of a kind of record, with its type and allowed values: the names
    /// `--set FIELD=VALUE` takes. KIND is one of organisation, activity, recipient,
    /// source-org, website, purpose, subject-group, source, disclosure, transfer, retention.
    Fields { kind: String },
    /// Purposes of an activity, each with its legal basis.
    #[command(subcommand)]
    Purpose(PartCommand),
    /// Categories of people of an activity and the data kept about them.
    #[command(subcommand, name = "subject-group")]
    SubjectGroup(PartCommand),
    /// Where an activity's data comes from.
    #[command(subcommand)]
    Source(PartCommand),
    /// Who receives an activity's data, in which role.
    #[command(subcommand)]
    Disclosure(PartCommand),
    /// Transfers of an activity's data outside the EEA.
    #[command(subcommand)]
    Transfer(PartCommand),
    /// How long each category of an activity's data is kept.
    #[command(subcommand)]
    Retention(PartCommand),
    /// The demo register of a fictional small nonprofit.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// What in the register is missing or risky: every compliance check, most severe first,
    /// numbered. Acknowledge a finding as a deliberate choice with `check acknowledge N`.
    Check {
        #[command(subcommand)]
        action: Option<CheckCommand>,
    },
    /// Your own text in the privacy policy, and its saved versions (write the policy itself
    /// with `export policy`).
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// This device's name, shown in the history as the author of its changes.
    #[command(subcommand)]
    Device(DeviceCommand),
    /// Backups of the register: Steward makes one the first time it opens each day, before
    /// an upgrade, before a large import and before a restore, in the folder `backups/`
    /// beside the database (7 daily, 4 weekly and 6 monthly are kept).
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Write this device's new changes into a shared folder and import everyone else's
    /// (Nextcloud, Syncthing, Dropbox, a network share, a USB stick). Never put the database
    /// itself in a synced folder: only change files go there.
    Sync {
        /// The shared folder; the last one used when left out.
        #[arg(long)]
        folder: Option<std::path::PathBuf>,
    },
    /// Change files by hand (e-mail, USB stick), the sync status and the conflicts waiting
    /// for a person.
    #[command(subcommand)]
    Changes(ChangesCommand),
    /// Write the whole register to a file (the backup).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Read a register export into an empty database.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Set your own text for a section (e.g. `sharing`): it follows the generated text, or
    /// with --replace takes its place, and survives every regeneration. Paragraphs are
    /// separated by an empty line; lines starting with "- " make a list.
    Edit {
        /// The section's id: intro, collected, received, third-parties, uses, required,
        /// automated, sharing, transfers, retention, security, children, deidentified,
        /// rights, communications, changes or contact.
        section: String,
        #[arg(long)]
        text: String,
        /// Replace the generated text instead of adding to it.
        #[arg(long)]
        replace: bool,
    },
    /// Remove your own text from a section: it reads as generated again.
    Unedit { section: String },
    /// Save the draft as it reads now as a version (e.g. when you publish it).
    Save {
        /// Where or why it was saved, e.g. "Published on the website".
        #[arg(long, default_value = "")]
        note: String,
    },
    /// What changed in the draft since the last saved version.
    Changes,
}

#[derive(Debug, Subcommand)]
pub enum ChangesCommand {
    /// Write this device's changes to FILE, for someone to import.
    Export {
        file: std::path::PathBuf,
        /// Every change this register holds, from every device: a starter file for a new
        /// volunteer's laptop (`changes join FILE`), or a relay.
        #[arg(long)]
        everything: bool,
        /// Encrypt the file with this passphrase (at least 10 characters) for e-mail; the
        /// file's name should end in `.chg.age`. Prefer the environment variable to the flag,
        /// which other users of the machine can see.
        #[arg(long, env = "STEWARD_PASSPHRASE", hide_env_values = true)]
        passphrase: Option<String>,
    },
    /// Import a change file someone sent. A damaged, foreign or refused file changes nothing.
    Import {
        file: std::path::PathBuf,
        /// The passphrase of an encrypted change file (`.chg.age`).
        #[arg(long, env = "STEWARD_PASSPHRASE", hide_env_values = true)]
        passphrase: Option<String>,
    },
    /// On a new laptop: join the organisation of a starter file and import its register.
    Join {
        file: std::path::PathBuf,
        /// The passphrase of an encrypted starter file (`.chg.age`).
        #[arg(long, env = "STEWARD_PASSPHRASE", hide_env_values = true)]
        passphrase: Option<String>,
    },
    /// The devices this register has changes from, gaps, clocks that look wrong, the last sync.
    Status,
    /// The conflicts waiting for a person, numbered, each value with who and when.
    Conflicts,
    /// Resolve conflict N (from `changes conflicts`) with one of its values (--pick K), a new
    /// value (--value JSON), or, for a record deleted on one laptop and edited on another,
    /// --keep or --delete.
    Resolve {
        number: usize,
        #[arg(long, conflicts_with_all = ["value", "keep", "delete"])]
        pick: Option<usize>,
        /// The new value as JSON, e.g. '"Members' newsletter"' or 'true'.
        #[arg(long, conflicts_with_all = ["keep", "delete"])]
        value: Option<String>,
        #[arg(long, conflicts_with = "delete")]
        keep: bool,
        #[arg(long)]
        delete: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CheckCommand {
    /// Mark finding N of `check`'s list as a deliberate choice; it stops counting as open.
    Acknowledge {
        /// The finding's number in the list `check` prints.
        number: usize,
        /// Why this is a deliberate choice (kept in the history).
        #[arg(long)]
        reason: String,
    },
    /// Take an acknowledgement back (its id is in `check --json`): the finding is open again.
    Withdraw { id: String },
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
        /// The version the record was read at (`base` in `show --json`): save as
        /// a form opened then would, writing only what changed since then, and
        /// keeping a colleague's change made meanwhile as a conflict.
        #[arg(long)]
        base: Option<String>,
        #[command(flatten)]
        fields: RecipientFields,
    },
    /// Delete a recipient (undo with `restore`).
    Delete {
        id: String,
        /// The version the record was read at (`base` in `show --json`): a
        /// change made since then keeps the record, as a conflict.
        #[arg(long)]
        base: Option<String>,
    },
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
pub enum DeviceCommand {
    /// Show this device's name.
    Show,
    /// Name this device, e.g. "Alex's laptop".
    Name { name: String },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The register as JSON (format "steward-register"), to a file or stdout.
    Json {
        /// The file to write; standard output if not given.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The register in the UK ICO controller-template layout, as an XLSX workbook.
    Xlsx {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The register in the UK ICO controller-template layout, as CSV.
    Csv {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The record of processing activities (Art. 30 GDPR) as a PDF, for auditors.
    Ropa {
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        pdf: PathBuf,
        /// a4 or letter.
        #[arg(long, default_value = "a4", value_parser = parse_paper)]
        paper: steward_docs::Paper,
        /// The generation time to print (RFC 3339, e.g. 2026-11-22T10:00:00Z); now if not
        /// given. The same register and time give the same file.
        #[arg(long, value_name = "TIME")]
        generated_at: Option<jiff::Timestamp>,
        /// Only activities with this status (draft, active, retired); repeat for more.
        #[arg(long, value_name = "STATUS", value_parser = parse_status)]
        status: Vec<ActivityStatus>,
        /// Only activities of this business function (department); repeat for more.
        #[arg(long, value_name = "FUNCTION")]
        business_function: Vec<String>,
        /// Add an appendix with every change since this date (YYYY-MM-DD) or time (RFC 3339).
        #[arg(long, value_name = "DATE", value_parser = parse_since)]
        history_since: Option<jiff::Timestamp>,
    },
    /// The draft privacy policy (Art. 13/14 GDPR), written from the register.
    Policy {
        /// md, html or pdf.
        #[arg(long, default_value = "md", value_parser = parse_policy_format)]
        format: steward_docs::PolicyFormat,
        /// The file to write; standard output if not given (not for pdf).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The generation time printed in the PDF (RFC 3339); now if not given.
        #[arg(long, value_name = "TIME")]
        generated_at: Option<jiff::Timestamp>,
    },
}

fn parse_policy_format(text: &str) -> Result<steward_docs::PolicyFormat, String> {
    match text.to_lowercase().as_str() {
        "md" | "markdown" => Ok(steward_docs::PolicyFormat::Markdown),
        "html" => Ok(steward_docs::PolicyFormat::Html),
        "pdf" => Ok(steward_docs::PolicyFormat::Pdf),
        _ => Err("use md, html or pdf".into()),
    }
}

/// A date is read as its first moment in UTC.
fn parse_since(text: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(at) = text.parse::<jiff::Timestamp>() {
        return Ok(at);
    }
    text.parse::<jiff::civil::Date>()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC))
        .map(|z| z.timestamp())
        .map_err(|_| "use a date such as 2026-01-31 or a time such as 2026-01-31T09:00:00Z".into())
}

fn parse_paper(text: &str) -> Result<steward_docs::Paper, String> {
    match text.to_lowercase().as_str() {
        "a4" => Ok(steward_docs::Paper::A4),
        "letter" | "us-letter" => Ok(steward_docs::Paper::Letter),
        _ => Err("use a4 or letter".into()),
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A JSON register export, into an empty database (all or nothing).
    Json { file: PathBuf },
    /// A spreadsheet in the UK ICO controller-template layout (XLSX or CSV), added to the
    /// register (all or nothing). Errors name the row and column to fix.
    Ico {
        file: PathBuf,
        /// Show what would be created, and any errors, without changing anything.
        #[arg(long)]
        dry_run: bool,
        /// Leave out this row of the sheet (as the spreadsheet numbers
        /// it); repeat for several.
        #[arg(long = "leave-out", value_name = "ROW")]
        leave_out: Vec<usize>,
    },
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

/// `--set FIELD=VALUE`, repeatable: sets any field of the record by its API
/// name (camelCase, as `--json` prints it). VALUE is read as JSON when it is
/// JSON (`true`, `3`, `null`, `["a","b"]`, `"text"`), as text otherwise.
#[derive(Debug, Args, Default)]
pub struct SetFields {
    #[arg(long = "set", value_name = "FIELD=VALUE", value_parser = parse_assignment)]
    pub set: Vec<(String, serde_json::Value)>,
}

fn parse_assignment(text: &str) -> Result<(String, serde_json::Value), String> {
    let (field, value) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\" is not FIELD=VALUE, e.g. owner=\"Jane Doe\""))?;
    let value =
        serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::String(value.to_owned()));
    Ok((field.trim().to_owned(), value))
}

#[derive(Debug, Args)]
pub struct OrgFields {
    /// The version the profile was read at (`base` in `org show --json`).
    #[arg(long)]
    pub base: Option<String>,
    #[arg(long)]
    pub legal_name: Option<String>,
    #[arg(long)]
    pub contact_email: Option<String>,
    #[command(flatten)]
    pub set: SetFields,
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
        /// The version the record was read at (`base` in `show --json`): save as
        /// a form opened then would, writing only what changed since then, and
        /// keeping a colleague's change made meanwhile as a conflict.
        #[arg(long)]
        base: Option<String>,
        #[command(flatten)]
        fields: ActivityFields,
    },
    /// Delete an activity (undo with `restore`).
    Delete {
        id: String,
        /// The version the record was read at (`base` in `show --json`): a
        /// change made since then keeps the record, as a conflict.
        #[arg(long)]
        base: Option<String>,
    },
    /// Undo the delete of an activity.
    Restore { id: String },
    /// Copy an activity with its purposes, people, sources, recipients,
    /// transfers and retention rules, as a draft.
    Duplicate { id: String },
    /// What the activity's record still lacks, and whether Art. 30 requires it.
    Review { id: String },
}

/// The commands shared by every kind of row that belongs to an activity.
/// The grammar of a record that belongs to no activity: its fields by `--set`.
#[derive(Debug, Subcommand)]
pub enum RecordCommand {
    /// List them.
    List,
    /// Show one.
    Show { id: String },
    /// Record a new one; give its fields with --set.
    Add {
        #[command(flatten)]
        fields: SetFields,
    },
    /// Change fields of one; fields not given keep their value.
    Edit {
        id: String,
        /// The version the record was read at (`base` in `show --json`): save as
        /// a form opened then would, writing only what changed since then, and
        /// keeping a colleague's change made meanwhile as a conflict.
        #[arg(long)]
        base: Option<String>,
        #[command(flatten)]
        fields: SetFields,
    },
    /// Delete one (undo with `restore`).
    Delete {
        id: String,
        /// The version the record was read at (`base` in `show --json`): a
        /// change made since then keeps the record, as a conflict.
        #[arg(long)]
        base: Option<String>,
    },
    /// Undo the delete of one.
    Restore { id: String },
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// The catalogue's services, and whether each is in the register already.
    List,
    /// Add a service of the catalogue (by its id, as `catalogue list` prints it) to the
    /// register as a recipient, with its facts filled in and no DPA recorded yet.
    Add { id: String },
}

#[derive(Debug, Subcommand)]
pub enum PartCommand {
    /// List the rows of one activity.
    List { activity: String },
    /// Show one row.
    Show { id: String },
    /// Add a row to an activity; give its fields with --set.
    Add {
        #[arg(long)]
        activity: String,
        #[command(flatten)]
        fields: SetFields,
    },
    /// Change fields of a row; fields not given keep their value.
    Edit {
        id: String,
        /// The version the record was read at (`base` in `show --json`): save as
        /// a form opened then would, writing only what changed since then, and
        /// keeping a colleague's change made meanwhile as a conflict.
        #[arg(long)]
        base: Option<String>,
        #[command(flatten)]
        fields: SetFields,
    },
    /// Delete a row (undo with `restore`).
    Delete {
        id: String,
        /// The version the record was read at (`base` in `show --json`): a
        /// change made since then keeps the record, as a conflict.
        #[arg(long)]
        base: Option<String>,
    },
    /// Undo the delete of a row.
    Restore { id: String },
}

#[derive(Debug, Args)]
pub struct ActivityFields {
    #[arg(long)]
    name: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// draft, active or retired.
    #[arg(long, value_parser = parse_status)]
    status: Option<ActivityStatus>,
    /// Any other field, e.g. --set owner="Membership secretary"
    /// --set systems='["CiviCRM"]' --set occasional=true.
    #[command(flatten)]
    pub set: SetFields,
}

impl ActivityFields {
    /// Applies the named flags; `--set` is applied by the caller.
    pub fn apply(&mut self, mut input: ActivityInput) -> ActivityInput {
        if let Some(name) = self.name.take() {
            input.name = name;
        }
        if let Some(description) = self.description.take() {
            input.description = description;
        }
        if let Some(status) = self.status.take() {
            input.status = status;
        }
        input
    }
}

fn parse_status(text: &str) -> Result<ActivityStatus, String> {
    ActivityStatus::from_id(&text.to_lowercase())
        .ok_or_else(|| "use draft, active or retired".into())
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// The backups, newest first, with their id, date, size and activities.
    List,
    /// Make a backup now; with --to FILE, a copy of the database there and the register as
    /// JSON beside it (FILE with the extension .json), e.g. on a USB stick.
    Now {
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
    },
    /// Replace the register with a backup (an id from `backup list`, or a file): says what
    /// would change; with --yes, backs up the register as it is and restores.
    Restore {
        backup: String,
        #[arg(long)]
        yes: bool,
    },
    /// The database is damaged: move it aside untouched and restore the newest good backup.
    Recover,
}
