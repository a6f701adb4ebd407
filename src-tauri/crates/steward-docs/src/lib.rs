//! Steward's documents: the record of processing activities (Art. 30 GDPR)
//! as a PDF, and the draft privacy policy (Markdown, HTML, PDF). (The
//! spreadsheet layouts are `steward-sheets`.) PDFs are typeset by Typst used as a
//! library, through one pipeline (`typeset`).
//!
//! **Invariants.** The register reaches the template only as JSON data
//! (`data.json` in a small in-memory [`World`](world::ReportWorld)); no
//! user text is ever spliced into Typst markup. Fonts come from `assets/fonts`
//! (embedded at compile time); nothing is read from the system or the
//! network. The same register and the same generation time give the same
//! bytes. This crate is the only one that depends on Typst, so its long cold
//! build stays out of the others.

mod findings;
mod flow;
pub mod policy;
mod policy_pdf;
mod report;
mod selection;
mod typeset;
mod world;

use steward_api::{ActivityReviewRow, ActivityStatus, RegisterChange, RegisterExport, Steward};

pub use policy_pdf::{PolicyFormat, policy_document};

pub use report::{Paper, ReportData};

/// A finished export, as the app tells the person: the file's name and the
/// folder it is in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedFile {
    pub file_name: String,
    pub folder: String,
}

/// What the app asks for when it exports the record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RopaRequest {
    pub paper: Paper,
    /// Only activities with these statuses; empty: all.
    #[serde(default)]
    pub statuses: Vec<ActivityStatus>,
    /// Only activities of these business functions; empty: all.
    #[serde(default)]
    pub business_functions: Vec<String>,
    /// A date (YYYY-MM-DD): add every change since the start of that day (UTC).
    #[serde(default)]
    pub history_since: Option<String>,
}

impl RopaRequest {
    /// The options for a document generated at `now`; a date that is not
    /// one is refused, naming the field.
    pub fn options(&self, now: jiff::Timestamp) -> Result<RopaOptions, steward_api::ApiError> {
        let history_since = match self.history_since.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(
                text.parse::<jiff::civil::Date>()
                    .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC))
                    .map(|z| z.timestamp())
                    .map_err(|_| {
                        let mut invalid = steward_core::Invalid::default();
                        invalid.push(
                            "historySince",
                            format!("\"{text}\" is not a date: use the form 2026-01-31."),
                        );
                        steward_api::ApiError::from(invalid)
                    })?,
            ),
        };
        Ok(RopaOptions {
            statuses: self.statuses.clone(),
            business_functions: self.business_functions.clone(),
            history_since,
            ..RopaOptions::new(self.paper, now)
        })
    }
}

/// What to put in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RopaOptions {
    pub paper: Paper,
    /// The generation time printed in the document and written as its PDF
    /// date: passed in, so that a document can be reproduced.
    pub generated_at: jiff::Timestamp,
    /// Only activities with one of these statuses; empty: every status.
    pub statuses: Vec<ActivityStatus>,
    /// Only activities of one of these business functions (departments),
    /// compared without regard to case; empty: every function.
    pub business_functions: Vec<String>,
    /// Add an appendix with every change made since this time.
    pub history_since: Option<jiff::Timestamp>,
}

impl RopaOptions {
    /// Every activity, no history appendix.
    pub fn new(paper: Paper, generated_at: jiff::Timestamp) -> RopaOptions {
        RopaOptions {
            paper,
            generated_at,
            statuses: vec![],
            business_functions: vec![],
            history_since: None,
        }
    }
}

/// Why a document could not be made. A bug in the template, reported with
/// Typst's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocsError(pub String);

impl std::fmt::Display for DocsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "The document could not be typeset ({}). This is a bug in Steward: please report it.",
            self.0
        )
    }
}

impl std::error::Error for DocsError {}

const TEMPLATE: &str = include_str!("../templates/ropa.typ");

/// The record of processing activities of the register behind `api`, with
/// the history appendix when `options` asks for it.
pub fn ropa_for(api: &Steward, options: &RopaOptions) -> Result<Vec<u8>, RopaError> {
    let register = api.export_register()?;
    let reviews = api.list_activity_reviews()?;
    let changes = match options.history_since {
        Some(since) => api.list_changes_since(since)?,
        None => vec![],
    };
    Ok(ropa_pdf(&register, &reviews, &changes, options)?)
}

/// Why [`ropa_for`] made no document: the register could not be read, or
/// the document could not be typeset.
#[derive(Debug)]
pub enum RopaError {
    Api(steward_api::ApiError),
    Docs(DocsError),
}

impl std::fmt::Display for RopaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RopaError::Api(e) => e.fmt(f),
            RopaError::Docs(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RopaError {}

impl From<steward_api::ApiError> for RopaError {
    fn from(e: steward_api::ApiError) -> Self {
        RopaError::Api(e)
    }
}

impl From<DocsError> for RopaError {
    fn from(e: DocsError) -> Self {
        RopaError::Docs(e)
    }
}

/// The record of processing activities of `register` as PDF bytes.
/// `changes` fill the history appendix when `options.history_since` is set.
pub fn ropa_pdf(
    register: &RegisterExport,
    reviews: &[ActivityReviewRow],
    changes: &[RegisterChange],
    options: &RopaOptions,
) -> Result<Vec<u8>, DocsError> {
    let data = ReportData::new(register, reviews, changes, options);
    let data = serde_json::to_value(&data).map_err(|e| DocsError(e.to_string()))?;
    typeset::pdf(TEMPLATE, data, options.generated_at, "steward-ropa")
}
