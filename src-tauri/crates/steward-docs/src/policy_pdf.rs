//! The draft policy as a document in the format a person asks for:
//! Markdown, HTML, or PDF through the same Typst pipeline as the record.

use serde::Serialize;

use crate::DocsError;
use crate::policy::{Group, PolicyDraft, Span, groups};

const TEMPLATE: &str = include_str!("../templates/policy.typ");

/// The formats the policy is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PolicyFormat {
    Markdown,
    Html,
    Pdf,
}

impl PolicyFormat {
    /// The file extension, without a dot.
    pub fn extension(self) -> &'static str {
        match self {
            PolicyFormat::Markdown => "md",
            PolicyFormat::Html => "html",
            PolicyFormat::Pdf => "pdf",
        }
    }
}

/// The bytes of `draft` in `format`. `generated_at` dates the PDF (its
/// metadata and footer); Markdown and HTML do not depend on it.
pub fn policy_document(
    draft: &PolicyDraft,
    format: PolicyFormat,
    generated_at: jiff::Timestamp,
) -> Result<Vec<u8>, DocsError> {
    match format {
        PolicyFormat::Markdown => Ok(crate::policy::markdown::render(draft).into_bytes()),
        PolicyFormat::Html => Ok(crate::policy::html::render(draft).into_bytes()),
        PolicyFormat::Pdf => {
            let data = serde_json::to_value(PdfData::new(draft, generated_at))
                .map_err(|e| DocsError(e.to_string()))?;
            crate::typeset::pdf(TEMPLATE, data, generated_at, "steward-policy")
        }
    }
}

/// What `policy.typ` reads: the draft with its lists grouped.
#[derive(Serialize)]
struct PdfData<'a> {
    title: &'a str,
    language: &'a str,
    effective: Option<&'a str>,
    generated: String,
    date: PdfDate,
    sections: Vec<PdfSection<'a>>,
}

#[derive(Serialize)]
struct PdfDate {
    year: i16,
    month: i8,
    day: i8,
}

#[derive(Serialize)]
struct PdfSection<'a> {
    heading: &'a str,
    groups: Vec<PdfGroup<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum PdfGroup<'a> {
    Paragraph { spans: &'a [Span] },
    Subheading { spans: &'a [Span] },
    List { items: Vec<&'a [Span]> },
}

impl<'a> PdfData<'a> {
    fn new(draft: &'a PolicyDraft, at: jiff::Timestamp) -> PdfData<'a> {
        let date = at.to_zoned(jiff::tz::TimeZone::UTC).date();
        PdfData {
            title: &draft.title,
            language: &draft.language,
            effective: draft.effective.as_deref(),
            generated: crate::selection::minutes(at),
            date: PdfDate {
                year: date.year(),
                month: date.month(),
                day: date.day(),
            },
            sections: draft
                .sections
                .iter()
                .map(|s| PdfSection {
                    heading: &s.heading,
                    groups: groups(&s.blocks)
                        .into_iter()
                        .map(|g| match g {
                            Group::Paragraph(spans) => PdfGroup::Paragraph { spans },
                            Group::Subheading(spans) => PdfGroup::Subheading { spans },
                            Group::List(items) => PdfGroup::List { items },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
