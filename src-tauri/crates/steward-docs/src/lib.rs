//! Steward's documents. Today: the record of processing activities (Art. 30
//! GDPR) as a PDF, typeset by Typst used as a library.
//!
//! **Invariants.** The register reaches the template only as JSON data
//! (`data.json` in a small in-memory [`World`](world::ReportWorld)); no
//! user text is ever spliced into Typst markup. Fonts come from `assets/fonts`
//! (embedded at compile time); nothing is read from the system or the
//! network. The same register and the same generation time give the same
//! bytes. This crate is the only one that depends on Typst, so its long cold
//! build stays out of the others.

mod report;
mod words;
mod world;

use steward_api::{ActivityReviewRow, RegisterExport};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

pub use report::{Paper, ReportData};

/// What to put in the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RopaOptions {
    pub paper: Paper,
    /// The generation time printed in the document and written as its PDF
    /// date: passed in, so that a document can be reproduced.
    pub generated_at: jiff::Timestamp,
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

/// The record of processing activities of `register` as PDF bytes.
pub fn ropa_pdf(
    register: &RegisterExport,
    reviews: &[ActivityReviewRow],
    options: &RopaOptions,
) -> Result<Vec<u8>, DocsError> {
    let data = ReportData::new(register, reviews, options);
    let json = serde_json::to_vec(&data).map_err(|e| DocsError(e.to_string()))?;
    let world = world::ReportWorld::new(TEMPLATE, json, options.generated_at);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| DocsError(diagnostics(&errors)))?;
    let pdf_options = PdfOptions {
        ident: typst::foundations::Smart::Custom("steward-ropa".into()),
        timestamp: Some(world::pdf_timestamp(options.generated_at)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &pdf_options).map_err(|errors| DocsError(diagnostics(&errors)))
}

fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
