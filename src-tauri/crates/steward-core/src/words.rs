//! Values in words, as the documents and spreadsheets print them: labels of
//! identifiers, country names, vocabulary labels. Shared by the record, the
//! policy and the spreadsheet layouts so that each says a thing the same
//! way.

use crate::{reference, vocabulary};
use serde::Serialize;

/// The identifier serde gives an enum value (`legitimateInterests`).
pub fn id_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A readable label for an identifier: the table's, or the identifier with
/// its words split ("subProcessor" → "sub processor").
pub fn label(id: &str, table: &[(&str, &str)]) -> String {
    if let Some((_, l)) = table.iter().find(|(k, _)| *k == id) {
        return (*l).to_owned();
    }
    let mut out = String::new();
    for (i, c) in id.chars().enumerate() {
        if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

pub const MECHANISMS: &[(&str, &str)] = &[
    ("adequacy", "Adequacy decision"),
    (
        "dpf",
        "EU-U.S. Data Privacy Framework (certified recipient)",
    ),
    (
        "publicAuthorityInstrument",
        "Instrument between public authorities",
    ),
    ("bcrs", "Binding corporate rules"),
    ("sccs", "Standard contractual clauses"),
    (
        "supervisoryAuthorityClauses",
        "Clauses adopted by a supervisory authority",
    ),
    ("codeOfConduct", "Approved code of conduct"),
    ("certification", "Approved certification"),
    (
        "authorisedContractualClauses",
        "Authorised contractual clauses",
    ),
    ("administrativeArrangement", "Administrative arrangement"),
    ("explicitConsent", "Explicit consent (derogation)"),
    (
        "contractWithSubject",
        "Contract with the person (derogation)",
    ),
    (
        "contractInSubjectsInterest",
        "Contract in the person's interest (derogation)",
    ),
    (
        "publicInterest",
        "Important reasons of public interest (derogation)",
    ),
    ("legalClaims", "Legal claims (derogation)"),
    ("vitalInterests", "Vital interests (derogation)"),
    ("publicRegister", "Public register (derogation)"),
    (
        "compellingLegitimateInterests",
        "Compelling legitimate interests (Art. 49(1) second subparagraph)",
    ),
];

pub const DPF: &[(&str, &str)] = &[
    ("yes", "Certified"),
    ("no", "Not certified"),
    ("unknown", "Unknown"),
];

pub fn country_name(code: &str) -> String {
    if code.is_empty() {
        return String::new();
    }
    reference::country(code).map_or_else(|| code.to_owned(), |c| format!("{} ({code})", c.name))
}

pub fn data_label(id: &str) -> String {
    vocabulary::data_category(id).map_or_else(|| id.to_owned(), |d| d.label.clone())
}

pub fn subject_label(id: &str) -> String {
    vocabulary::subject_category(id).map_or_else(|| id.to_owned(), |s| s.label.clone())
}

pub fn join(parts: &[&str], separator: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(separator)
}
