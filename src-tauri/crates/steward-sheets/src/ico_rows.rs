//! Turning the rows of an ICO-layout table into records (see
//! [`crate::ico`] for the cell format). Every problem is collected as a
//! [`CellError`] with its row and column; nothing is written here.

use serde::de::DeserializeOwned;
use steward_api::{
    Activity, ActivityInput, ActivityRecipient, ActivityRecipientInput, ActivitySource,
    ActivitySourceInput, ExportedActivity, Purpose, PurposeInput, Recipient, RecipientInput,
    RegisterExport, RetentionRule, RetentionRuleInput, SourceKind, SourceOrganisation,
    SourceOrganisationInput, SubjectGroup, SubjectGroupInput, Transfer, TransferInput,
};
use steward_core::{RecipientRole, SecurityMeasure, reference, vocabulary};

use crate::ico::{FROM_THE_PERSON, col};
use crate::ico_import::{CellError, column_name};
use steward_core::words::MECHANISMS;

/// Turns rows into records, collecting every error.
pub(crate) struct Builder<'a> {
    pub current: &'a RegisterExport,
    pub recipients: Vec<Recipient>,
    pub sources: Vec<SourceOrganisation>,
    pub errors: Vec<CellError>,
    pub row: usize,
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

impl Builder<'_> {
    fn error(&mut self, column: usize, message: String) {
        self.errors.push(CellError {
            row: self.row,
            column,
            column_name: column_name(column),
            message,
        });
    }

    fn enum_value<T: DeserializeOwned>(
        &mut self,
        column: usize,
        text: &str,
        table: &[(&str, &str)],
        what: &str,
    ) -> Option<T> {
        if text.trim().is_empty() {
            return None;
        }
        let value = from_words(text, table);
        if value.is_none() {
            self.error(column, format!("\"{text}\" is not {what} Steward knows."));
        }
        value
    }

    fn recipient(&mut self, name: &str, country: Option<&str>) -> Option<String> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let same = |n: &str| n.trim().eq_ignore_ascii_case(name);
        if let Some(r) = self
            .current
            .recipients
            .iter()
            .find(|r| same(&r.fields.legal_name))
        {
            return Some(r.id.clone());
        }
        if let Some(r) = self
            .recipients
            .iter_mut()
            .find(|r| same(&r.fields.legal_name))
        {
            if let Some(country) = country
                && r.fields.country.is_empty()
            {
                r.fields.country = country.to_owned();
            }
            return Some(r.id.clone());
        }
        let r = record!(
            Recipient,
            RecipientInput {
                legal_name: name.to_owned(),
                country: country.unwrap_or_default().to_owned(),
                ..RecipientInput::default()
            }
        );
        let id = r.id.clone();
        self.recipients.push(r);
        Some(id)
    }

    fn source(&mut self, name: &str) -> String {
        let same = |n: &str| n.trim().eq_ignore_ascii_case(name.trim());
        if let Some(s) = self
            .current
            .source_organisations
            .iter()
            .find(|s| same(&s.fields.name))
        {
            return s.id.clone();
        }
        if let Some(s) = self.sources.iter().find(|s| same(&s.fields.name)) {
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

    fn country(&mut self, text: &str) -> String {
        let text = text.trim();
        let code = text
            .rsplit_once('(')
            .and_then(|(_, c)| c.strip_suffix(')'))
            .filter(|c| c.len() == 2)
            .map(str::to_owned)
            .or_else(|| {
                reference::countries()
                    .iter()
                    .find(|c| {
                        c.name.eq_ignore_ascii_case(text) || c.code.eq_ignore_ascii_case(text)
                    })
                    .map(|c| c.code.clone())
            });
        match code {
            Some(code) => code,
            None => {
                self.error(
                    col::COUNTRIES,
                    format!("\"{text}\" is not a country: write its name, e.g. United States, or its ISO code in brackets, e.g. (US)."),
                );
                String::new()
            }
        }
    }

    pub fn activity(&mut self, cells: &[String]) -> ExportedActivity {
        let cell = |c: usize| cells.get(c - 1).map_or("", |s| s.trim());
        let line = |c: usize, i: usize| items(cell(c)).get(i).cloned().unwrap_or_default();
        let activity_id = new_id();
        let purposes: Vec<Purpose> = items(cell(col::PURPOSE))
            .into_iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(i, description)| {
                let basis = line(col::BASIS, i);
                record!(
                    Purpose,
                    PurposeInput {
                        activity_id: activity_id.clone(),
                        description,
                        legal_basis: self.enum_value(col::BASIS, &basis, &[], "a lawful basis"),
                        legitimate_interest: line(col::INTERESTS, i),
                        lia_reference: line(col::LIA, i),
                        consent_record: line(col::CONSENT, i),
                    }
                )
            })
            .collect();
        let subject_groups: Vec<SubjectGroup> = items(cell(col::INDIVIDUALS))
            .into_iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .map(|(i, subjects)| {
                let data = line(col::DATA, i);
                let condition = line(col::ART9, i);
                record!(
                    SubjectGroup,
                    SubjectGroupInput {
                        activity_id: activity_id.clone(),
                        subject_category: vocabulary::subject_categories()
                            .iter()
                            .find(|s| s.label.eq_ignore_ascii_case(&subjects))
                            .map_or(subjects, |s| s.id.clone()),
                        data_categories: data
                            .split(';')
                            .map(str::trim)
                            .filter(|d| !d.is_empty())
                            .map(|d| {
                                vocabulary::data_categories()
                                    .iter()
                                    .find(|c| c.label.eq_ignore_ascii_case(d))
                                    .map_or_else(|| d.to_owned(), |c| c.id.clone())
                            })
                            .collect(),
                        art9_condition: self.enum_value(
                            col::ART9,
                            &condition,
                            &[],
                            "an Art. 9(2) condition"
                        ),
                        ..SubjectGroupInput::default()
                    }
                )
            })
            .collect();
        let mut recipients = vec![];
        for joint in items(cell(col::JOINT))
            .into_iter()
            .filter(|j| !j.is_empty())
        {
            let (name, arrangement) = joint.split_once(" — ").unwrap_or((&joint, ""));
            let recipient_id = self.recipient(name, None);
            recipients.push(record!(
                ActivityRecipient,
                ActivityRecipientInput {
                    activity_id: activity_id.clone(),
                    recipient_id,
                    role: RecipientRole::JointController,
                    arrangement: arrangement.to_owned(),
                    ..ActivityRecipientInput::default()
                }
            ));
        }
        for text in items(cell(col::RECIPIENTS))
            .into_iter()
            .filter(|r| !r.is_empty())
        {
            let (who, role) = match text.rsplit_once(" (") {
                Some((who, role)) => (who, role.trim_end_matches(')')),
                None => (text.as_str(), "Processor"),
            };
            let Some(role) =
                self.enum_value::<RecipientRole>(col::RECIPIENTS, role, &[], "a recipient role")
            else {
                continue;
            };
            let (recipient_id, internal_team) = if role == RecipientRole::Internal {
                (None, who.to_owned())
            } else {
                (self.recipient(who, None), String::new())
            };
            recipients.push(record!(
                ActivityRecipient,
                ActivityRecipientInput {
                    activity_id: activity_id.clone(),
                    recipient_id,
                    internal_team,
                    role,
                    ..ActivityRecipientInput::default()
                }
            ));
        }
        for contract in items(cell(col::CONTRACT)) {
            if let Some((name, reference)) = contract.split_once(": ")
                && let Some(r) = self
                    .recipients
                    .iter_mut()
                    .find(|r| r.fields.legal_name.eq_ignore_ascii_case(name.trim()))
            {
                r.fields.dpa_reference = reference.trim().to_owned();
            }
        }
        let mut transfers = vec![];
        for (i, text) in items(cell(col::COUNTRIES)).into_iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let (country, recipient) = text.split_once(" — ").unwrap_or((&text, ""));
            let country = self.country(country);
            let recipient_id = self.recipient(recipient, Some(&country));
            let safeguard = line(col::SAFEGUARDS, i);
            let (mechanism, safeguards) = match safeguard.split_once(": ") {
                Some((m, s)) => (m.to_owned(), s.to_owned()),
                None => (safeguard, String::new()),
            };
            transfers.push(record!(
                Transfer,
                TransferInput {
                    activity_id: activity_id.clone(),
                    recipient_id,
                    country,
                    mechanism: self.enum_value(
                        col::SAFEGUARDS,
                        &mechanism,
                        MECHANISMS,
                        "a transfer mechanism"
                    ),
                    safeguards,
                    ..TransferInput::default()
                }
            ));
        }
        let retention_rules = items(cell(col::RETENTION))
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|text| {
                let fields = self.retention(&activity_id, &text);
                record!(RetentionRule, fields)
            })
            .collect();
        let sources = items(cell(col::SOURCE))
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|text| {
                let fields = match text.strip_prefix(FROM_THE_PERSON) {
                    Some(context) => ActivitySourceInput {
                        activity_id: activity_id.clone(),
                        kind: SourceKind::DataSubject,
                        context: context.trim_start_matches(':').trim().to_owned(),
                        ..ActivitySourceInput::default()
                    },
                    None => ActivitySourceInput {
                        activity_id: activity_id.clone(),
                        kind: SourceKind::Organisation,
                        source_organisation_id: Some(self.source(&text)),
                        ..ActivitySourceInput::default()
                    },
                };
                record!(ActivitySource, fields)
            })
            .collect();
        let activity = self.activity_fields(cells);
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
            .chain(first(col::PURPOSE))
            .chain([cell(col::FUNCTION)])
            .find(|n| !n.is_empty())
            .unwrap_or_else(|| format!("Row {}", self.row));
        let mut a = ActivityInput {
            name,
            description: cell(col::DESCRIPTION),
            business_function: cell(col::FUNCTION),
            owner: cell(col::OWNER),
            systems: items(&cell(col::SYSTEMS))
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect(),
            data_location: cell(col::LOCATION),
            dpia_reference: cell(col::DPIA_LINK),
            ..ActivityInput::default()
        };
        if let Some(status) = self.enum_value(col::STATUS, &cell(col::STATUS), &[], "a status") {
            a.status = status;
        }
        if let Some(status) = self.enum_value(
            col::DPIA_PROGRESS,
            &cell(col::DPIA_PROGRESS),
            &[],
            "a DPIA status",
        ) {
            a.dpia_status = status;
        }
        let mut notes = vec![];
        for line in items(&cell(col::SECURITY)) {
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
        let automated = cell(col::AUTOMATED);
        if !automated.is_empty() && !automated.eq_ignore_ascii_case("no") {
            let (kind, logic) = automated.split_once(':').unwrap_or((&automated, ""));
            let kind = kind.to_lowercase();
            a.profiling = kind.contains("profiling");
            a.automated_decisions = kind.contains("automated") || kind.starts_with("yes");
            a.adm_logic = logic.trim().to_owned();
        }
        a
    }

    fn retention(&mut self, activity_id: &str, text: &str) -> RetentionRuleInput {
        let (data, rest) = text.split_once(": ").unwrap_or(("", text));
        let mut rule = RetentionRuleInput {
            activity_id: activity_id.to_owned(),
            data_category: vocabulary::data_categories()
                .iter()
                .find(|c| c.label.eq_ignore_ascii_case(data.trim()))
                .map_or_else(|| data.trim().to_owned(), |c| c.id.clone()),
            ..RetentionRuleInput::default()
        };
        let mut segments = rest.split("; ");
        let period = segments.next().unwrap_or_default().trim();
        let parsed = period
            .split_once(' ')
            .and_then(|(n, unit)| Some((n.parse::<i64>().ok()?, from_words(unit, &[])?)));
        match parsed {
            Some((value, unit)) => {
                rule.period_value = Some(value);
                rule.period_unit = Some(unit);
            }
            None => rule.criterion = period.to_owned(),
        }
        // Which text field a segment without a known prefix continues.
        let mut last: Option<&'static str> = None;
        for segment in segments {
            if let Some(t) = segment.strip_prefix("from ") {
                rule.trigger_event = t.to_owned();
                last = Some("trigger");
            } else if let Some(t) = segment.strip_prefix("then ") {
                match from_words(t, &[]) {
                    Some(action) => rule.end_action = action,
                    None => self.error(
                        col::RETENTION,
                        format!("\"{t}\" is not an end action: use erase, anonymise or review."),
                    ),
                }
            } else if let Some(t) = segment.strip_prefix("because ") {
                rule.justification = t.to_owned();
                last = Some("why");
            } else {
                let target = match last {
                    Some("trigger") => &mut rule.trigger_event,
                    Some(_) => &mut rule.justification,
                    None => &mut rule.criterion,
                };
                target.push_str("; ");
                target.push_str(segment);
            }
        }
        rule
    }
}
