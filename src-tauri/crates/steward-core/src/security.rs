//! The technical and organisational security measures of Art. 32 as a
//! checklist, recorded per activity and organisation-wide (Art. 30(1)(g)).

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::Invalid;

/// The technical and organisational security measures of Art. 32, as the
/// checklist of a record (Art. 30(1)(g)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum SecurityMeasure {
    AccessControl,
    Traceability,
    SoftwareProtection,
    Backups,
    Encryption,
    ProcessorControl,
    Pseudonymisation,
    Training,
    Other,
}

impl SecurityMeasure {
    pub const ALL: [SecurityMeasure; 9] = [
        SecurityMeasure::AccessControl,
        SecurityMeasure::Traceability,
        SecurityMeasure::SoftwareProtection,
        SecurityMeasure::Backups,
        SecurityMeasure::Encryption,
        SecurityMeasure::ProcessorControl,
        SecurityMeasure::Pseudonymisation,
        SecurityMeasure::Training,
        SecurityMeasure::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SecurityMeasure::AccessControl => "Access control",
            SecurityMeasure::Traceability => "Traceability (logging)",
            SecurityMeasure::SoftwareProtection => "Software protection (updates, antivirus)",
            SecurityMeasure::Backups => "Backups",
            SecurityMeasure::Encryption => "Encryption",
            SecurityMeasure::ProcessorControl => "Control of processors",
            SecurityMeasure::Pseudonymisation => "Pseudonymisation",
            SecurityMeasure::Training => "Staff and volunteer training",
            SecurityMeasure::Other => "Other measures",
        }
    }
}

const SECURITY_NOTES: TextRule = TextRule::paragraph("Security notes", 5000);

/// Checks a security checklist and its notes; shared by activities and the
/// organisation profile. Returns the measures without repeats, in checklist
/// order, and the normalised notes.
pub(crate) fn check_security(
    measures: &[SecurityMeasure],
    notes: &str,
    invalid: &mut Invalid,
) -> (Vec<SecurityMeasure>, String) {
    let notes = text::check("securityNotes", notes, SECURITY_NOTES, invalid);
    let measures: Vec<SecurityMeasure> = SecurityMeasure::ALL
        .into_iter()
        .filter(|m| measures.contains(m))
        .collect();
    if measures.contains(&SecurityMeasure::Other) && notes.is_empty() {
        invalid.push(
            "securityNotes",
            "You ticked \"Other measures\": describe them in the security notes.",
        );
    }
    (measures, notes)
}
