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
use steward_core::{
    Art9Condition, DpiaStatus, LegalBasis, RecipientRole, SecurityMeasure, TransferMechanism,
    vocabulary,
};

use crate::ico::{FROM_THE_PERSON, col};
use crate::ico_import::{CellError, column_name};
use crate::phrases;
use steward_core::words::MECHANISMS;

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

impl Builder<'_> {
    /// Keeps a piece of a cell that no field took.
    pub(crate) fn keep(&mut self, column: usize, text: &str, reason: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.kept.push(KeptCell {
            row: self.row,
            column: column_name(column),
            text: text.to_owned(),
            reason: reason.to_owned(),
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

    /// The lines of a cell, or for a hand-written sheet its items.
    fn items_of(&self, cell: &str) -> Vec<String> {
        if self.steward_export {
            items(cell).into_iter().filter(|i| !i.is_empty()).collect()
        } else {
            list(cell)
        }
    }

    /// The purposes: line *i* of the purpose cell with line *i* of the
    /// basis, interests, LIA and consent cells; one line of those for
    /// several purposes applies to each.
    fn purposes(&mut self, activity_id: &str, cell: &dyn Fn(usize) -> String) -> Vec<Purpose> {
        let lines = |c: usize| -> Vec<String> {
            items(&cell(c))
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect()
        };
        let described: Vec<String> = if self.steward_export {
            lines(col::PURPOSE)
        } else {
            lines(col::PURPOSE)
                .iter()
                .map(|l| strip_numbering(l).to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        };
        let (bases, interests, lias, consents) = (
            lines(col::BASIS),
            lines(col::INTERESTS),
            lines(col::LIA),
            lines(col::CONSENT),
        );
        let by_hand = !self.steward_export;
        let pick = |list: &[String], i: usize| -> String {
            match list.len() {
                1 if by_hand => list[0].clone(),
                _ => list.get(i).cloned().unwrap_or_default(),
            }
        };
        // "Contract / LI" against two purposes: read in order.
        let in_order: Vec<String> = if by_hand && bases.len() == 1 && described.len() > 1 {
            let found = phrases::legal_bases(&bases[0]);
            if found.len() == described.len() {
                found
            } else {
                vec![]
            }
        } else {
            vec![]
        };
        let mut out = vec![];
        for (i, description) in described.iter().enumerate() {
            let basis_text = if by_hand && described.len() == 1 && bases.len() > 1 {
                bases.join("\n")
            } else {
                pick(&bases, i)
            };
            let basis_text = match in_order.get(i) {
                Some(id) => id.clone(),
                None => basis_text,
            };
            let basis_text = strip_numbering(&basis_text).to_owned();
            let legal_basis: Option<LegalBasis> = if self.steward_export {
                self.enum_value(col::BASIS, &basis_text, &[], "a lawful basis")
            } else {
                let found = phrases::legal_bases(&basis_text);
                self.one_of(col::BASIS, &basis_text, found, "lawful basis")
            };
            let interest = pick(&interests, i);
            let lia = pick(&lias, i);
            let consent = pick(&consents, i);
            let is = |b: LegalBasis| legal_basis == Some(b);
            let mut fields = PurposeInput {
                activity_id: activity_id.to_owned(),
                description: description.clone(),
                legal_basis,
                ..PurposeInput::default()
            };
            if self.steward_export || is(LegalBasis::LegitimateInterests) {
                fields.legitimate_interest = interest;
                fields.lia_reference = lia;
            } else if !self.steward_export && i == 0 {
                self.keep(col::INTERESTS, &interest, "A legitimate interest belongs to the basis Legitimate interests, which this purpose does not have.");
                self.keep(col::LIA, &lia, "An assessment of legitimate interests belongs to the basis Legitimate interests.");
            }
            if self.steward_export || is(LegalBasis::Consent) {
                fields.consent_record = consent;
            } else if i == 0 {
                self.keep(
                    col::CONSENT,
                    &consent,
                    "A consent record belongs to the basis Consent.",
                );
            }
            out.push(record!(Purpose, fields));
        }
        if described.is_empty() {
            for c in [col::BASIS, col::INTERESTS, col::LIA, col::CONSENT] {
                self.keep(c, &cell(c), "There is no purpose for it on this row.");
            }
        }
        out
    }

    fn subject_groups(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<SubjectGroup> {
        let line = |c: usize, i: usize| items(&cell(c)).get(i).cloned().unwrap_or_default();
        if self.steward_export {
            let mut out = vec![];
            for (i, subjects) in items(&cell(col::INDIVIDUALS)).into_iter().enumerate() {
                if subjects.is_empty() {
                    continue;
                }
                let condition = line(col::ART9, i);
                let fields = SubjectGroupInput {
                    activity_id: activity_id.to_owned(),
                    subject_category: vocabulary::subject_categories()
                        .iter()
                        .find(|s| s.label.eq_ignore_ascii_case(&subjects))
                        .map_or(subjects, |s| s.id.clone()),
                    data_categories: line(col::DATA, i)
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
                        "an Art. 9(2) condition",
                    ),
                    ..SubjectGroupInput::default()
                };
                out.push(record!(SubjectGroup, fields));
            }
            return out;
        }
        // By hand: every group gets the whole list of data, unless the
        // lines pair up one to one.
        let groups = list(&cell(col::INDIVIDUALS));
        let data_lines: Vec<String> = items(&cell(col::DATA))
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect();
        let paired = groups.len() > 1 && data_lines.len() == groups.len();
        let data_ids = |text: &str| -> Vec<String> {
            let mut ids: Vec<String> = vec![];
            for item in list(text) {
                let id = phrases::data_category(&item).unwrap_or(item);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        };
        let whole = data_ids(&cell(col::DATA));
        let art9 = cell(col::ART9);
        let conditions = phrases::art9_conditions(&art9);
        let mut condition: Option<Art9Condition> = None;
        if !art9.trim().is_empty() && !phrases::is_no(&art9) {
            match conditions.first() {
                Some(first) => {
                    condition =
                        serde_json::from_value(serde_json::Value::String(first.clone())).ok();
                    if conditions.len() > 1 {
                        self.keep(col::ART9, &art9, "Names more than one Art. 9(2) condition; Steward records one per group: the first is set, check it.");
                    }
                }
                None => self.keep(
                    col::ART9,
                    &art9,
                    "Not an Art. 9(2) condition Steward recognises.",
                ),
            }
        }
        let mut out = vec![];
        for (i, group) in groups.iter().enumerate() {
            let subject_category =
                phrases::subject_category(group).unwrap_or_else(|| group.clone());
            let data_categories = if paired {
                data_ids(&data_lines[i])
            } else {
                whole.clone()
            };
            out.push(record!(
                SubjectGroup,
                SubjectGroupInput {
                    activity_id: activity_id.to_owned(),
                    subject_category,
                    data_categories,
                    art9_condition: condition,
                    ..SubjectGroupInput::default()
                }
            ));
        }
        if groups.is_empty() && !whole.is_empty() {
            self.keep(
                col::DATA,
                &cell(col::DATA),
                "No category of people is named for this data.",
            );
        }
        out
    }

    fn recipients(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<ActivityRecipient> {
        let mut recipients = vec![];
        for joint in items(&cell(col::JOINT))
            .into_iter()
            .filter(|j| !j.is_empty())
        {
            if !self.steward_export && phrases::is_no(&joint) {
                continue;
            }
            let (name, arrangement) = joint.split_once(" — ").unwrap_or((&joint, ""));
            let recipient_id = self.recipient(name, None);
            recipients.push(record!(
                ActivityRecipient,
                ActivityRecipientInput {
                    activity_id: activity_id.to_owned(),
                    recipient_id,
                    role: RecipientRole::JointController,
                    arrangement: arrangement.to_owned(),
                    ..ActivityRecipientInput::default()
                }
            ));
        }
        for text in self.items_of(&cell(col::RECIPIENTS)) {
            if !self.steward_export && (phrases::is_no(&text) || phrases::is_unknown(&text)) {
                continue;
            }
            // "Tito – processor, Ireland": a country alone after a
            // recipient is where that recipient is.
            if !self.steward_export
                && let Some(code) = phrases::country(&text)
                && let Some(last) = recipients.last()
                && let Some(id) = last.fields.recipient_id.clone()
            {
                if let Some(r) = self.recipients.iter_mut().find(|r| r.id == id)
                    && r.fields.country.is_empty()
                {
                    r.fields.country = code;
                }
                continue;
            }
            // "Name (what they do, role)" or "Name – role".
            let (named, dash) = if self.steward_export {
                (text.clone(), String::new())
            } else {
                match [" – ", " — ", " - "]
                    .iter()
                    .find_map(|d| text.split_once(d))
                {
                    Some((who, rest)) => (who.trim().to_owned(), rest.trim().to_owned()),
                    None => (text.clone(), String::new()),
                }
            };
            let (who, inside) = match named.split_once(" (") {
                Some((who, rest)) => (
                    who.trim().to_owned(),
                    format!("{} {dash}", rest.trim_end_matches(')')),
                ),
                None => (named.clone(), dash.clone()),
            };
            let inside = inside.trim().to_owned();
            let role: RecipientRole = if self.steward_export {
                let words = if inside.is_empty() {
                    "Processor"
                } else {
                    &inside
                };
                match self.enum_value(col::RECIPIENTS, words, &[], "a recipient role") {
                    Some(role) => role,
                    None => continue,
                }
            } else {
                let mut roles = phrases::roles(&inside);
                if roles.is_empty() {
                    roles = phrases::roles(&who);
                }
                match roles.first() {
                    Some(first) => serde_json::from_value(serde_json::Value::String(first.clone()))
                        .unwrap_or(RecipientRole::Processor),
                    None => {
                        self.keep(
                            col::RECIPIENTS,
                            &text,
                            "The role is not stated: recorded as a processor; check it.",
                        );
                        RecipientRole::Processor
                    }
                }
            };
            let country = if self.steward_export {
                None
            } else {
                inside.split([',', ';']).find_map(phrases::country)
            };
            let (recipient_id, internal_team) = if role == RecipientRole::Internal {
                let team = if self.steward_export || inside.is_empty() {
                    who.clone()
                } else {
                    text.clone()
                };
                (None, team)
            } else {
                (self.recipient(&who, country.as_deref()), String::new())
            };
            recipients.push(record!(
                ActivityRecipient,
                ActivityRecipientInput {
                    activity_id: activity_id.to_owned(),
                    recipient_id,
                    internal_team,
                    role,
                    ..ActivityRecipientInput::default()
                }
            ));
        }
        for contract in items(&cell(col::CONTRACT)) {
            let mut linked = contract.split_once(": ").and_then(|(name, reference)| {
                let r = self
                    .recipients
                    .iter_mut()
                    .find(|r| r.fields.legal_name.eq_ignore_ascii_case(name.trim()))?;
                r.fields.dpa_reference = reference.trim().to_owned();
                Some(())
            });
            // By hand: "Better Impact DPA signed 05/2022" is the contract
            // of the recipient it names.
            if linked.is_none() && !self.steward_export {
                let words = format!(" {} ", phrases::fold(&contract));
                let named: Vec<String> = recipients
                    .iter()
                    .filter_map(|l| l.fields.recipient_id.clone())
                    .collect();
                if let Some(r) = self.recipients.iter_mut().find(|r| {
                    named.contains(&r.id)
                        && r.fields.dpa_reference.is_empty()
                        && !phrases::fold(&r.fields.legal_name).is_empty()
                        && words.contains(&format!(" {} ", phrases::fold(&r.fields.legal_name)))
                }) {
                    r.fields.dpa_reference = contract.trim().to_owned();
                    linked = Some(());
                }
            }
            if linked.is_none() && !self.steward_export && !phrases::is_no(&contract) {
                self.keep(
                    col::CONTRACT,
                    &contract,
                    "Not linked to a recipient: write \"Recipient: where the contract is\".",
                );
            }
        }
        recipients
    }

    fn transfers(&mut self, activity_id: &str, cell: &dyn Fn(usize) -> String) -> Vec<Transfer> {
        let countries_cell = cell(col::COUNTRIES);
        let safeguards_cell = cell(col::SAFEGUARDS);
        let places: Vec<String> = if self.steward_export {
            items(&countries_cell)
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect()
        } else if phrases::is_no(&countries_cell) {
            vec![]
        } else {
            list(&countries_cell)
        };
        let safeguard_lines: Vec<String> = items(&safeguards_cell)
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect();
        let mut transfers = vec![];
        for (i, text) in places.iter().enumerate() {
            let (place, recipient) = text.split_once(" — ").unwrap_or((text, ""));
            let code = if self.steward_export {
                place
                    .rsplit_once('(')
                    .and_then(|(_, c)| c.strip_suffix(')'))
                    .filter(|c| c.len() == 2)
                    .map(str::to_owned)
                    .or_else(|| phrases::country(place))
            } else {
                phrases::country(place)
            };
            let Some(code) = code else {
                if !phrases::is_no(place) {
                    self.keep(
                        col::COUNTRIES,
                        text,
                        "Not a country Steward recognises: write its name or ISO code.",
                    );
                }
                continue;
            };
            let safeguard = if safeguard_lines.len() == places.len() {
                safeguard_lines[i].clone()
            } else {
                safeguards_cell.trim().to_owned()
            };
            let (mechanism, safeguards): (Option<TransferMechanism>, String) =
                if self.steward_export {
                    let (m, s) = match safeguard.split_once(": ") {
                        Some((m, s)) => (m.to_owned(), s.to_owned()),
                        None => (safeguard.clone(), String::new()),
                    };
                    (
                        self.enum_value(col::SAFEGUARDS, &m, MECHANISMS, "a transfer mechanism"),
                        s,
                    )
                } else {
                    let found = phrases::mechanisms(&safeguard);
                    let mechanism = found.first().and_then(|m| {
                        serde_json::from_value(serde_json::Value::String(m.clone())).ok()
                    });
                    // The words say more than the mechanism: kept with it.
                    (
                        mechanism,
                        if found.is_empty() {
                            String::new()
                        } else {
                            safeguard.clone()
                        },
                    )
                };
            if mechanism.is_none() {
                self.keep(
                    col::COUNTRIES,
                    &format!("{text}: {safeguard}"),
                    "A transfer needs its mechanism (adequacy, DPF, SCCs…), which the row does not give in words Steward recognises.",
                );
                continue;
            }
            let recipient_id = self.recipient(recipient, Some(&code));
            transfers.push(record!(
                Transfer,
                TransferInput {
                    activity_id: activity_id.to_owned(),
                    recipient_id,
                    country: code,
                    mechanism,
                    safeguards,
                    ..TransferInput::default()
                }
            ));
        }
        if places.is_empty()
            && !safeguards_cell.trim().is_empty()
            && !phrases::is_no(&safeguards_cell)
            && !phrases::is_unknown(&safeguards_cell)
        {
            self.keep(
                col::SAFEGUARDS,
                &safeguards_cell,
                "No country is named for these safeguards.",
            );
        }
        transfers
    }

    fn sources(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<ActivitySource> {
        let mut out = vec![];
        for text in items(&cell(col::SOURCE))
            .into_iter()
            .filter(|s| !s.is_empty())
        {
            if !self.steward_export && (phrases::is_no(&text) || phrases::is_unknown(&text)) {
                continue;
            }
            let from_person = match text.strip_prefix(FROM_THE_PERSON) {
                Some(context) => Some(context.trim_start_matches(':').trim().to_owned()),
                None if !self.steward_export && phrases::from_the_person(&text) => {
                    Some(text.clone())
                }
                None => None,
            };
            let fields = match from_person {
                Some(context) => ActivitySourceInput {
                    activity_id: activity_id.to_owned(),
                    kind: SourceKind::DataSubject,
                    context,
                    ..ActivitySourceInput::default()
                },
                None => ActivitySourceInput {
                    activity_id: activity_id.to_owned(),
                    kind: SourceKind::Organisation,
                    source_organisation_id: Some(self.source(&text)),
                    ..ActivitySourceInput::default()
                },
            };
            out.push(record!(ActivitySource, fields));
        }
        out
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
                if !phrases::is_no(&text) {
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

    fn retention(&mut self, activity_id: &str, text: &str) -> RetentionRuleInput {
        let (data, rest) = text.split_once(": ").unwrap_or(("", text));
        // A rule that names no data is about all of the activity's.
        let data = if data.trim().is_empty() && !self.steward_export {
            "All data"
        } else {
            data
        };
        let mut rule = RetentionRuleInput {
            activity_id: activity_id.to_owned(),
            data_category: vocabulary::data_categories()
                .iter()
                .find(|c| c.label.eq_ignore_ascii_case(data.trim()))
                .map(|c| c.id.clone())
                .or_else(|| phrases::data_category(data.trim()).filter(|_| !self.steward_export))
                .unwrap_or_else(|| data.trim().to_owned()),
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
            None if self.steward_export => rule.criterion = period.to_owned(),
            None => self.hand_written_period(&mut rule, period),
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
                    None => self.keep(
                        col::RETENTION,
                        t,
                        "Not an end action Steward recognises (erase, anonymise or review).",
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
                if !target.is_empty() {
                    target.push_str("; ");
                }
                target.push_str(segment);
            }
        }
        rule
    }

    /// "2 years", "6 years after the end of the tax year", "end of
    /// membership + 2 years", "until unsubscribe": a period and its
    /// trigger, or else the words as the criterion.
    fn hand_written_period(&mut self, rule: &mut RetentionRuleInput, text: &str) {
        let set = |rule: &mut RetentionRuleInput, value: i64, unit: &str| {
            rule.period_value = Some(value);
            rule.period_unit =
                serde_json::from_value(serde_json::Value::String(unit.to_owned())).ok();
        };
        if let Some((value, unit, rest)) = phrases::period(text) {
            set(rule, value, &unit);
            if !rest.is_empty() {
                // The words after the period, as written.
                let written: Vec<&str> = text.split_whitespace().skip(2).collect();
                let written = written.join(" ");
                match phrases::trigger(&written) {
                    Some(trigger) => rule.trigger_event = trigger,
                    None => rule.criterion = written,
                }
            }
            return;
        }
        if let Some((before, after)) = text.rsplit_once('+')
            && let Some((value, unit, rest)) = phrases::period(after)
            && rest.is_empty()
            && !before.trim().is_empty()
        {
            set(rule, value, &unit);
            rule.trigger_event = before.trim().to_owned();
            return;
        }
        rule.criterion = text.to_owned();
    }
}
