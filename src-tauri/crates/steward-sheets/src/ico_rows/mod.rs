//! Turning the rows of an ICO-layout table into records (see
//! [`crate::ico`] for the cell format). Every problem is collected as a
//! [`CellError`] with its row and column; nothing is written here.
//!
//! The parts: [`purposes`] (purposes and the people and data of each
//! group), [`recipients`] (recipients, transfers and sources) and
//! [`retention`] (periods, criteria and their triggers).

use serde::de::DeserializeOwned;
use steward_api::{
    Activity, ActivityInput, ExportedActivity, Recipient, RecipientInput, RegisterExport,
    RetentionRule, SourceOrganisation, SourceOrganisationInput,
};
use steward_core::{DpiaStatus, SecurityMeasure};

use crate::ico::col;
use crate::ico_import::{CellError, column_name};
use crate::{names, phrases};

/// Turns rows into records, collecting every error.
pub(crate) struct Builder<'a> {
    pub current: &'a RegisterExport,
    pub recipients: Vec<Recipient>,
    pub sources: Vec<SourceOrganisation>,
    pub errors: Vec<CellError>,
    pub row: usize,
    /// What the current row says that no field took, kept as written.
    pub kept: Vec<KeptCell>,
    /// The file is Steward's own export: its words are Steward's labels.
    pub steward_export: bool,
    /// Names the sheet writes that were linked to a record by another name.
    pub linked: Vec<LinkedName>,
}

/// A name written in the sheet, linked to a record that exists (or that
/// the processor catalogue describes) under another name: "Mailchip" is The
/// Rocket Science Group LLC. Shown in the preview, so that a wrong link is
/// seen before the import.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LinkedName {
    pub written: String,
    /// The record's name.
    pub record: String,
    /// The record is new, filled in from the processor catalogue.
    pub from_catalogue: bool,
}

/// A piece of a cell that went into no typed field: kept as written (in
/// the activity's description) and shown in the preview with the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct KeptCell {
    pub row: usize,
    pub column: String,
    pub text: String,
    pub reason: String,
    /// The text went into a field all the same, on an assumption the
    /// reason states ("recorded as a processor"): to check, not kept as
    /// written.
    pub typed: bool,
}

/// Items of a hand-written list: one per line, or separated by `;`, `,`
/// or " and " outside parentheses; numbering ("1)", "2.", "-", "•")
/// removed.
pub(crate) fn list(cell: &str) -> Vec<String> {
    let mut items = vec![];
    let mut depth = 0i32;
    let mut current = String::new();

    let push = |current: &mut String, items: &mut Vec<String>| {
        let item = strip_numbering(current.trim());
        if !item.is_empty() {
            items.push(item.to_owned());
        }
        current.clear();
    };
    for c in cell.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0 && (c == '\n' || c == ';' || c == ',') {
            push(&mut current, &mut items);
            continue;
        }
        current.push(c);
        if depth == 0 && current.ends_with(" and ") {
            let keep = current.len() - " and ".len();
            current.truncate(keep);
            push(&mut current, &mut items);
        }
    }
    push(&mut current, &mut items);
    items
}

/// "1) Rehearsals" → "Rehearsals"; "- item", "• item", "2. item" too.
fn strip_numbering(text: &str) -> &str {
    let t = text.trim_start_matches(['-', '•', '*', '–']).trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 2 {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(')').or_else(|| rest.strip_prefix(". ")) {
            return rest.trim_start();
        }
    }
    t
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// One item per line; trailing empty lines dropped.
fn items(cell: &str) -> Vec<String> {
    let mut items: Vec<String> = cell.split('\n').map(|l| l.trim().to_owned()).collect();
    while items.last().is_some_and(String::is_empty) {
        items.pop();
    }
    items
}

/// The value whose words `text` are: a label of `table`, an identifier, or
/// an identifier's words ("Legitimate interests" → `legitimateInterests`),
/// with a trailing "(Art. …)" ignored.
fn from_words<T: DeserializeOwned>(text: &str, table: &[(&str, &str)]) -> Option<T> {
    let text = text.trim();
    let text = text.find(" (Art").map_or(text, |i| &text[..i]).trim();
    let id = table
        .iter()
        .find(|(_, l)| l.eq_ignore_ascii_case(text))
        .map(|(id, _)| (*id).to_owned())
        .unwrap_or_else(|| {
            let mut id = String::new();
            for (i, word) in text.split([' ', '-']).filter(|w| !w.is_empty()).enumerate() {
                let word = word.to_lowercase();
                if i == 0 {
                    id.push_str(&word);
                } else {
                    let mut chars = word.chars();
                    id.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    id.push_str(chars.as_str());
                }
            }
            id
        });
    serde_json::from_value(serde_json::Value::String(id))
        .or_else(|_| serde_json::from_value(serde_json::Value::String(text.to_owned())))
        .ok()
}

fn record_fields<T>(id: String, fields: T) -> (String, T, String, String) {
    (id, fields, String::new(), String::new())
}

macro_rules! record {
    ($ty:ident, $fields:expr) => {{
        let (id, fields, created_at, updated_at) = record_fields(new_id(), $fields);
        $ty {
            id,
            fields,
            created_at,
            updated_at,
            base: String::new(),
        }
    }};
}

impl<'a> Builder<'a> {
    /// Keeps a piece of a cell that no field took.
    pub(crate) fn keep(&mut self, column: usize, text: &str, reason: &str) {
        self.note(column, text, reason, false);
    }

    /// Like [`Builder::keep`], for text that went into a field on an
    /// assumption the person should check.
    pub(crate) fn read_to_check(&mut self, column: usize, text: &str, reason: &str) {
        self.note(column, text, reason, true);
    }

    fn note(&mut self, column: usize, text: &str, reason: &str, typed: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.kept.push(KeptCell {
            row: self.row,
            column: column_name(column),
            text: text.to_owned(),
            reason: reason.to_owned(),
            typed,
        });
    }

    /// A value of Steward's words (a label or an id), or else kept.
    fn enum_value<T: DeserializeOwned>(
        &mut self,
        column: usize,
        text: &str,
        table: &[(&str, &str)],
        what: &str,
    ) -> Option<T> {
        if text.trim().is_empty() || phrases::is_unknown(text) {
            return None;
        }
        let value = from_words(text, table);
        if value.is_none() {
            self.keep(column, text, &format!("Not {what} Steward recognises."));
        }
        value
    }

    /// One of the values `found` names, or else `None` with the text kept:
    /// "names several" when it names more than one.
    fn one_of<T: DeserializeOwned>(
        &mut self,
        column: usize,
        text: &str,
        found: Vec<String>,
        what: &str,
    ) -> Option<T> {
        let text = text.trim();
        if text.is_empty() || phrases::is_unknown(text) || phrases::is_no(text) {
            if phrases::is_unknown(text) {
                self.keep(
                    column,
                    text,
                    &format!("The cell does not say which {what}."),
                );
            }
            return None;
        }
        match found.as_slice() {
            [one] => serde_json::from_value(serde_json::Value::String(one.clone())).ok(),
            [] => {
                self.keep(
                    column,
                    text,
                    &format!("Not {what} Steward recognises: choose one."),
                );
                None
            }
            _ => {
                self.keep(
                    column,
                    text,
                    &format!("Names more than one {what}: choose one."),
                );
                None
            }
        }
    }

    fn recipient(&mut self, name: &str, country: Option<&str>) -> Option<String> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let catalogue = steward_core::catalogue::processor_catalogue();
        let known_as = |r: &'a Recipient| -> (&'a Recipient, Vec<&'a str>) {
            let mut names = vec![r.fields.legal_name.as_str(), r.fields.trading_name.as_str()];
            if let Some(entry) = r
                .fields
                .catalogue_id
                .as_deref()
                .and_then(|id| catalogue.processors.iter().find(|e| e.id == id))
            {
                names.push(entry.name.as_str());
            }
            (r, names)
        };
        if let Some(r) = names::best(name, self.current.recipients.iter().map(known_as)) {
            let (id, record) = (r.id.clone(), r.fields.legal_name.clone());
            self.link(name, &record, false);
            return Some(id);
        }
        let new = self.recipients.iter().position(|r| {
            names::similarity(name, &[&r.fields.legal_name, &r.fields.trading_name]).is_some()
        });
        if let Some(i) = new {
            let r = &mut self.recipients[i];
            if let Some(country) = country
                && r.fields.country.is_empty()
            {
                r.fields.country = country.to_owned();
            }
            return Some(r.id.clone());
        }
        // By the service's name only: one company runs several services
        // (Google Analytics and YouTube), and the facts differ.
        let entry = names::best(
            name,
            catalogue
                .processors
                .iter()
                .map(|e| (e, vec![e.name.as_str()])),
        );
        let input = match entry {
            Some(entry) => {
                let mut input = entry.to_recipient(&catalogue.facts_as_of);
                if input.country.is_empty() {
                    input.country = country.unwrap_or_default().to_owned();
                }
                let record = input.legal_name.clone();
                self.link(name, &record, true);
                input
            }
            None => RecipientInput {
                legal_name: name.to_owned(),
                country: country.unwrap_or_default().to_owned(),
                ..RecipientInput::default()
            },
        };
        let r = record!(Recipient, input);
        let id = r.id.clone();
        self.recipients.push(r);
        Some(id)
    }

    /// Notes that `written` names `record`, once, when the names differ.
    fn link(&mut self, written: &str, record: &str, from_catalogue: bool) {
        let link = LinkedName {
            written: written.to_owned(),
            record: record.to_owned(),
            from_catalogue,
        };
        if written != record && !self.linked.contains(&link) {
            self.linked.push(link);
        }
    }

    fn source(&mut self, name: &str) -> String {
        let known_as = |s: &'a SourceOrganisation| (s, vec![s.fields.name.as_str()]);
        if let Some(s) = names::best(name, self.current.source_organisations.iter().map(known_as)) {
            let (id, record) = (s.id.clone(), s.fields.name.clone());
            self.link(name.trim(), &record, false);
            return id;
        }
        if let Some(s) = self
            .sources
            .iter()
            .find(|s| names::similarity(name, &[&s.fields.name]).is_some())
        {
            return s.id.clone();
        }
        let s = record!(
            SourceOrganisation,
            SourceOrganisationInput {
                name: name.trim().to_owned(),
                ..SourceOrganisationInput::default()
            }
        );
        let id = s.id.clone();
        self.sources.push(s);
        id
    }

    /// The lines of a cell, or for a hand-written sheet its items.
    fn items_of(&self, cell: &str) -> Vec<String> {
        if self.steward_export {
            items(cell).into_iter().filter(|i| !i.is_empty()).collect()
        } else {
            list(cell)
        }
    }

    pub fn activity(&mut self, cells: &[String], extras: &[(String, String)]) -> ExportedActivity {
        let owned: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
        let cell = move |c: usize| owned.get(c - 1).cloned().unwrap_or_default();
        let activity_id = new_id();
        let purposes = self.purposes(&activity_id, &cell);
        let subject_groups = self.subject_groups(&activity_id, &cell);
        let recipients = self.recipients(&activity_id, &cell);
        let transfers = self.transfers(&activity_id, &cell);
        let retention_rules = items(&cell(col::RETENTION))
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|text| {
                let fields = self.retention(&activity_id, &text);
                record!(RetentionRule, fields)
            })
            .collect();
        let sources = self.sources(&activity_id, &cell);
        let activity = self.activity_fields(cells);
        if !self.steward_export {
            for c in [
                col::RIGHTS,
                col::BREACH,
                col::BREACH_LINK,
                col::SCHEDULE1,
                col::SCHEDULE1_BASIS,
                col::POLICY_LINK,
                col::POLICY_FOLLOWED,
                col::POLICY_REASONS,
            ] {
                let text = cell(c);
                // The rights follow from the legal bases, which Steward has.
                let rights = c == col::RIGHTS
                    && !text.trim().is_empty()
                    && list(&text).iter().all(|item| phrases::names_rights(item));
                if !phrases::is_no(&text) && !rights {
                    self.keep(c, &text, "Steward has no field for this column.");
                }
            }
        }
        for (header, text) in extras {
            self.kept.push(KeptCell {
                row: self.row,
                column: header.clone(),
                text: text.clone(),
                reason: "A column Steward does not read.".into(),
                typed: false,
            });
        }
        ExportedActivity {
            activity: Activity {
                id: activity_id,
                fields: activity,
                created_at: String::new(),
                updated_at: String::new(),
                base: String::new(),
            },
            purposes,
            subject_groups,
            sources,
            recipients,
            transfers,
            retention_rules,
        }
    }

    fn activity_fields(&mut self, cells: &[String]) -> ActivityInput {
        let cell = |c: usize| cells.get(c - 1).map_or("", |s| s.trim()).to_owned();
        let first = |c: usize| items(&cell(c)).into_iter().find(|l| !l.is_empty());
        let name = [cell(col::NAME)]
            .into_iter()
            .filter(|n| !n.is_empty())
            .chain(first(col::PURPOSE).map(|p| {
                let p = strip_numbering(&p).to_owned();
                p.split(';').next().unwrap_or_default().trim().to_owned()
            }))
            .chain([cell(col::FUNCTION)])
            .find(|n| !n.is_empty())
            .unwrap_or_else(|| format!("Row {}", self.row));
        let mut a = ActivityInput {
            name,
            description: cell(col::DESCRIPTION),
            business_function: cell(col::FUNCTION),
            owner: cell(col::OWNER),
            systems: self.items_of(&cell(col::SYSTEMS)),
            data_location: cell(col::LOCATION),
            dpia_reference: cell(col::DPIA_LINK),
            ..ActivityInput::default()
        };
        if let Some(status) = self.enum_value(col::STATUS, &cell(col::STATUS), &[], "a status") {
            a.status = status;
        }
        let dpia = cell(col::DPIA_PROGRESS);
        if self.steward_export {
            if let Some(status) = self.enum_value(col::DPIA_PROGRESS, &dpia, &[], "a DPIA status") {
                a.dpia_status = status;
            }
        } else {
            // "DPIA required?" gives required or not; its progress says more.
            let required = cell(col::DPIA_REQUIRED);
            if phrases::is_yes(&required) {
                a.dpia_status = DpiaStatus::Required;
            } else if phrases::is_no(&required) {
                a.dpia_status = DpiaStatus::NotRequired;
            } else if !required.is_empty() {
                self.keep(col::DPIA_REQUIRED, &required, "Does not say yes or no.");
            }
            if !dpia.is_empty() && !phrases::is_no(&dpia) {
                let found = phrases::dpia_statuses(&dpia);
                if let Some(status) =
                    self.one_of::<DpiaStatus>(col::DPIA_PROGRESS, &dpia, found, "DPIA status")
                {
                    a.dpia_status = status;
                }
            }
        }
        let mut notes = vec![];
        let security = cell(col::SECURITY);
        if self.steward_export {
            for line in items(&security) {
                match SecurityMeasure::ALL
                    .iter()
                    .find(|m| m.label().eq_ignore_ascii_case(&line))
                {
                    Some(m) => a.security_measures.push(*m),
                    None if !line.is_empty() => notes.push(line),
                    None => {}
                }
            }
            a.security_notes = notes.join("\n");
        } else if !security.is_empty() && !phrases::is_no(&security) {
            for id in phrases::security_measures(&security) {
                if let Ok(m) =
                    serde_json::from_value::<SecurityMeasure>(serde_json::Value::String(id))
                    && !a.security_measures.contains(&m)
                {
                    a.security_measures.push(m);
                }
            }
            // The words as written: they say more than the measures.
            a.security_notes = security.clone();
        }
        let automated = cell(col::AUTOMATED);
        if !automated.is_empty()
            && !automated.eq_ignore_ascii_case("no")
            && !phrases::is_no(&automated)
        {
            if !self.steward_export && phrases::is_unknown(&automated) {
                self.keep(
                    col::AUTOMATED,
                    &automated,
                    "The cell does not say whether decisions are automated.",
                );
            } else {
                let (kind, logic) = automated.split_once(':').unwrap_or((&automated, ""));
                let kind = kind.to_lowercase();
                a.profiling = kind.contains("profiling");
                a.automated_decisions =
                    kind.contains("automated") || kind.starts_with("yes") || phrases::is_yes(&kind);
                a.adm_logic = logic.trim().to_owned();
            }
        }
        a
    }
}

// After the `record!` macro, which they use.
mod purposes;
mod recipients;
mod retention;
