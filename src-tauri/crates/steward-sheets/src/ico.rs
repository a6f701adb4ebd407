//! The register in the UK ICO's controller template layout, as XLSX and CSV:
//! the spreadsheet many small organisations already keep.
//!
//! **Layout.** One row per processing activity; the 30 columns of the ICO
//! template in its order ([`ICO_COLUMNS`]), then five of Steward's own
//! ([`STEWARD_COLUMNS`]) that carry what the template has no place for
//! (the activity's name, status, description, owner, systems). The XLSX has
//! the controller, DPO and representative block on top (rows 1–6), a blank
//! row, then the header; the CSV has the header and the rows only.
//!
//! **Cells.** A cell holding several items has one item per line. Some
//! columns are read line by line together: line *i* of "Article 6 lawful
//! basis", "Legitimate interests", "Link to record of legitimate interests
//! assessment" and "Link to record of consent" belong to line *i* of
//! "Purpose of processing"; "Categories of personal data" (items separated
//! by `; `) and "Article 9 basis" to "Categories of individuals"; the
//! "Safeguards" to the "third countries". Values are written in words
//! (labels, `United States (US)`), and read back from the same words. A
//! line break inside one item becomes a space.
//!
//! **Safety.** Every XLSX cell is a string cell, never a formula. In CSV a
//! cell that a spreadsheet would read as a formula (it starts with `=`, `+`,
//! `-`, `@`, a tab or a carriage return) is written with a leading `'`,
//! which the import removes again.

use rust_xlsxwriter::{Format, Workbook};
use steward_api::{ActivityRecipient, ExportedActivity, RegisterExport};
use steward_core::{ActivityStatus, LegalBasis, RecipientRole};

use crate::WriteError;
use steward_core::words::{MECHANISMS, country_name, data_label, id_of, label, subject_label};

/// The ICO controller template's columns, in order (see `regulation.md`).
pub const ICO_COLUMNS: [&str; 30] = [
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to",
    "Safeguards for exceptional transfers of personal data to third countries or international organisations",
    "Retention schedule",
    "General description of technical and organisational security measures",
    "Article 6 lawful basis for processing personal data",
    "Article 9 basis for processing special category data",
    "Legitimate interests for the processing",
    "Link to record of legitimate interests assessment",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling",
    "Source of personal data",
    "Link to record of consent",
    "Location of personal data",
    "Data Protection Impact Assessment required?",
    "DPIA progress",
    "Link to DPIA",
    "Personal data breach?",
    "Link to record of personal data breach",
    "Data Protection Act 2018 Schedule 1 condition for processing",
    "Article 6 lawful basis (for Schedule 1)",
    "Link to retention and erasure policy document",
    "Is personal data retained and erased in accordance with the policy document?",
    "Reasons for not adhering to policy document",
];

/// Steward's own columns after the ICO's.
pub const STEWARD_COLUMNS: [&str; 5] = [
    "Activity name (Steward)",
    "Status (Steward)",
    "Description (Steward)",
    "Owner (Steward)",
    "Systems (Steward)",
];

/// Column numbers (1-based, as a spreadsheet user counts them).
pub(crate) mod col {
    pub const FUNCTION: usize = 1;
    pub const PURPOSE: usize = 2;
    pub const JOINT: usize = 3;
    pub const INDIVIDUALS: usize = 4;
    pub const DATA: usize = 5;
    pub const RECIPIENTS: usize = 6;
    pub const CONTRACT: usize = 7;
    pub const COUNTRIES: usize = 8;
    pub const SAFEGUARDS: usize = 9;
    pub const RETENTION: usize = 10;
    pub const SECURITY: usize = 11;
    pub const BASIS: usize = 12;
    pub const ART9: usize = 13;
    pub const INTERESTS: usize = 14;
    pub const LIA: usize = 15;
    pub const RIGHTS: usize = 16;
    pub const AUTOMATED: usize = 17;
    pub const SOURCE: usize = 18;
    pub const CONSENT: usize = 19;
    pub const LOCATION: usize = 20;
    pub const DPIA_REQUIRED: usize = 21;
    pub const DPIA_PROGRESS: usize = 22;
    pub const DPIA_LINK: usize = 23;
    pub const BREACH: usize = 24;
    pub const BREACH_LINK: usize = 25;
    pub const SCHEDULE1: usize = 26;
    pub const SCHEDULE1_BASIS: usize = 27;
    pub const POLICY_LINK: usize = 28;
    pub const POLICY_FOLLOWED: usize = 29;
    pub const POLICY_REASONS: usize = 30;
    pub const NAME: usize = 31;
    pub const STATUS: usize = 32;
    pub const DESCRIPTION: usize = 33;
    pub const OWNER: usize = 34;
    pub const SYSTEMS: usize = 35;
    pub const COUNT: usize = 35;
}

/// The header row: the ICO's columns, then Steward's.
pub fn header() -> Vec<String> {
    ICO_COLUMNS
        .iter()
        .chain(STEWARD_COLUMNS.iter())
        .map(|c| (*c).to_owned())
        .collect()
}

/// The label the people themselves get in "Source of personal data".
pub(crate) const FROM_THE_PERSON: &str = "The people themselves";

/// One item of a multi-line cell: its own line breaks become spaces.
fn item(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lines<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .map(|i| item(&i))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end_matches('\n')
        .to_owned()
}

pub(crate) fn basis_words(basis: LegalBasis) -> String {
    format!("{} ({})", basis.label(), basis.article())
}

pub(crate) fn status_words(status: ActivityStatus) -> String {
    label(&id_of(&status), &[])
}

/// The rows of the table, one per activity, each with [`col::COUNT`] cells.
pub fn rows(register: &RegisterExport) -> Vec<Vec<String>> {
    let recipient_name = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| register.recipients.iter().find(|r| r.id == id))
            .map(|r| r.fields.legal_name.clone())
            .unwrap_or_default()
    };
    register
        .activities
        .iter()
        .map(|e| row(e, register, &recipient_name))
        .collect()
}

fn row(
    e: &ExportedActivity,
    register: &RegisterExport,
    recipient_name: &dyn Fn(&Option<String>) -> String,
) -> Vec<String> {
    let a = &e.activity.fields;
    let mut cells = vec![String::new(); col::COUNT];
    let mut set = |column: usize, value: String| cells[column - 1] = value;
    let purposes = || e.purposes.iter().map(|p| &p.fields);
    set(col::FUNCTION, item(&a.business_function));
    set(
        col::PURPOSE,
        lines(purposes().map(|p| p.description.clone())),
    );
    set(
        col::BASIS,
        lines(purposes().map(|p| p.legal_basis.map(basis_words).unwrap_or_default())),
    );
    set(
        col::INTERESTS,
        lines(purposes().map(|p| p.legitimate_interest.clone())),
    );
    set(col::LIA, lines(purposes().map(|p| p.lia_reference.clone())));
    set(
        col::CONSENT,
        lines(purposes().map(|p| p.consent_record.clone())),
    );
    let groups = || e.subject_groups.iter().map(|g| &g.fields);
    set(
        col::INDIVIDUALS,
        lines(groups().map(|g| subject_label(&g.subject_category))),
    );
    set(
        col::DATA,
        lines(groups().map(|g| {
            g.data_categories
                .iter()
                .map(|d| data_label(d))
                .collect::<Vec<_>>()
                .join("; ")
        })),
    );
    set(
        col::ART9,
        lines(groups().map(|g| {
            g.art9_condition
                .map(|c| label(&id_of(&c), &[]))
                .unwrap_or_default()
        })),
    );
    let (joint, others): (Vec<&ActivityRecipient>, Vec<&ActivityRecipient>) = e
        .recipients
        .iter()
        .partition(|l| l.fields.role == RecipientRole::JointController);
    set(
        col::JOINT,
        lines(joint.iter().map(|l| {
            let name = recipient_name(&l.fields.recipient_id);
            if l.fields.arrangement.is_empty() {
                name
            } else {
                format!("{name} — {}", l.fields.arrangement)
            }
        })),
    );
    set(
        col::RECIPIENTS,
        lines(others.iter().map(|l| {
            let who = if l.fields.role == RecipientRole::Internal {
                l.fields.internal_team.clone()
            } else {
                recipient_name(&l.fields.recipient_id)
            };
            format!("{who} ({})", label(&id_of(&l.fields.role), &[]))
        })),
    );
    set(
        col::CONTRACT,
        lines(others.iter().filter_map(|l| {
            let id = l.fields.recipient_id.as_deref()?;
            let r = register.recipients.iter().find(|r| r.id == id)?;
            (l.fields.role == RecipientRole::Processor && !r.fields.dpa_reference.is_empty())
                .then(|| format!("{}: {}", r.fields.legal_name, r.fields.dpa_reference))
        })),
    );
    let transfers = || e.transfers.iter().map(|t| &t.fields);
    set(
        col::COUNTRIES,
        lines(transfers().map(|t| {
            let recipient = recipient_name(&t.recipient_id);
            if recipient.is_empty() {
                country_name(&t.country)
            } else {
                format!("{} — {recipient}", country_name(&t.country))
            }
        })),
    );
    set(
        col::SAFEGUARDS,
        lines(transfers().map(|t| {
            let mechanism = t
                .mechanism
                .map(|m| format!("{} ({})", label(&id_of(&m), MECHANISMS), m.article()))
                .unwrap_or_default();
            if t.safeguards.is_empty() {
                mechanism
            } else {
                format!("{mechanism}: {}", t.safeguards)
            }
        })),
    );
    set(
        col::RETENTION,
        lines(e.retention_rules.iter().map(|r| retention_words(&r.fields))),
    );
    let mut security: Vec<String> = a
        .security_measures
        .iter()
        .map(|m| m.label().to_owned())
        .collect();
    if !a.security_notes.is_empty() {
        security.push(a.security_notes.clone());
    }
    set(col::SECURITY, lines(security));
    set(
        col::RIGHTS,
        rights(purposes().filter_map(|p| p.legal_basis)),
    );
    set(
        col::AUTOMATED,
        match (a.automated_decisions, a.profiling) {
            (false, false) => "No".into(),
            (true, false) => format!("Automated decisions: {}", item(&a.adm_logic)),
            (false, true) => format!("Profiling: {}", item(&a.adm_logic)),
            (true, true) => format!("Automated decisions and profiling: {}", item(&a.adm_logic)),
        },
    );
    set(
        col::SOURCE,
        lines(e.sources.iter().map(|s| {
            match &s.fields.source_organisation_id {
                Some(id) => register
                    .source_organisations
                    .iter()
                    .find(|o| &o.id == id)
                    .map(|o| o.fields.name.clone())
                    .unwrap_or_default(),
                None if s.fields.context.is_empty() => FROM_THE_PERSON.to_owned(),
                None => format!("{FROM_THE_PERSON}: {}", s.fields.context),
            }
        })),
    );
    set(col::LOCATION, item(&a.data_location));
    use steward_core::DpiaStatus::*;
    set(
        col::DPIA_REQUIRED,
        match a.dpia_status {
            NotScreened => "Not assessed",
            NotRequired => "No",
            Required | InProgress | Completed => "Yes",
        }
        .into(),
    );
    set(col::DPIA_PROGRESS, label(&id_of(&a.dpia_status), &[]));
    set(col::DPIA_LINK, item(&a.dpia_reference));
    set(col::NAME, item(&a.name));
    set(col::STATUS, status_words(a.status));
    set(col::DESCRIPTION, item(&a.description));
    set(col::OWNER, item(&a.owner));
    set(col::SYSTEMS, lines(a.systems.iter().cloned()));
    cells
}

/// "Membership records: 6 years; from the end of membership; then erase;
/// because …": the words the import reads back.
pub(crate) fn retention_words(r: &steward_core::RetentionRuleDraft) -> String {
    let period = match (r.period_value, r.period_unit) {
        (Some(v), Some(u)) => format!("{v} {}", id_of(&u)),
        _ => r.criterion.clone(),
    };
    let mut text = format!("{}: {period}", data_label(&r.data_category));
    if !r.trigger_event.is_empty() {
        text.push_str(&format!("; from {}", r.trigger_event));
    }
    text.push_str(&format!(
        "; then {}",
        label(&id_of(&r.end_action), &[]).to_lowercase()
    ));
    if !r.justification.is_empty() {
        text.push_str(&format!("; because {}", r.justification));
    }
    text
}

/// The rights people have under the bases used (Art. 15–22): every right
/// always, portability with consent or contract, objection with public
/// task or legitimate interests, withdrawal with consent.
fn rights(bases: impl Iterator<Item = LegalBasis>) -> String {
    let bases: Vec<LegalBasis> = bases.collect();
    if bases.is_empty() {
        return String::new();
    }
    let mut rights = vec![
        "Access",
        "Rectification",
        "Erasure",
        "Restriction of processing",
    ];
    let any = |b: &[LegalBasis]| bases.iter().any(|x| b.contains(x));
    if any(&[LegalBasis::Consent, LegalBasis::Contract]) {
        rights.push("Data portability");
    }
    if any(&[LegalBasis::PublicTask, LegalBasis::LegitimateInterests]) {
        rights.push("Objection");
    }
    if any(&[LegalBasis::Consent]) {
        rights.push("Withdrawal of consent");
    }
    rights.push("Complaint to the supervisory authority");
    rights.join("\n")
}

/// The controller block on top of the XLSX sheet: (label, value).
pub fn controller_block(register: &RegisterExport) -> Vec<(String, String)> {
    let o = &register.organisation;
    [
        ("Name of controller", o.legal_name.clone()),
        ("Address", item(&o.address)),
        ("Contact", o.contact_email.clone()),
        ("Data Protection Officer", o.dpo_name.clone()),
        ("DPO contact details", o.dpo_contact.clone()),
        ("Representative", o.eu_representative.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

/// Rows of the XLSX sheet above the header (the block and a blank row).
pub const XLSX_HEADER_ROW: u32 = 7;

/// The register as an XLSX workbook with one sheet, "Template".
pub fn xlsx(register: &RegisterExport) -> Result<Vec<u8>, WriteError> {
    let err = |e: rust_xlsxwriter::XlsxError| WriteError(e.to_string());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Template").map_err(err)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDE8F6");
    for (i, (k, v)) in controller_block(register).iter().enumerate() {
        let r = i as u32;
        sheet
            .write_string_with_format(r, 0, k, &bold)
            .map_err(err)?;
        sheet.write_string(r, 1, v).map_err(err)?;
    }
    let header_row = XLSX_HEADER_ROW - 1;
    for (c, name) in header().iter().enumerate() {
        sheet
            .write_string_with_format(header_row, c as u16, name, &head)
            .map_err(err)?;
        sheet.set_column_width(c as u16, 28).map_err(err)?;
    }
    for (r, cells) in rows(register).iter().enumerate() {
        for (c, value) in cells.iter().enumerate() {
            // write_string: a value such as "=HYPERLINK(…)" stays text.
            sheet
                .write_string_with_format(header_row + 1 + r as u32, c as u16, value, &wrap)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(XLSX_HEADER_ROW, 0).map_err(err)?;
    // Fixed document properties: the same register gives the same bytes.
    let properties = rust_xlsxwriter::DocProperties::new()
        .set_title("Record of processing activities")
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?);
    book.set_properties(&properties);
    book.save_to_buffer().map_err(err)
}

/// Neutralises a cell a spreadsheet would read as a formula.
pub(crate) fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The register as CSV (RFC 4180, UTF-8): the header and one row per
/// activity, formula-like cells neutralised.
pub fn csv(register: &RegisterExport) -> Result<Vec<u8>, WriteError> {
    let mut out = csv::Writer::from_writer(vec![]);
    let err = |e: csv::Error| WriteError(e.to_string());
    out.write_record(header()).map_err(err)?;
    for row in rows(register) {
        out.write_record(row.iter().map(|c| inert(c)))
            .map_err(err)?;
    }
    out.into_inner().map_err(|e| WriteError(e.to_string()))
}
