//! Recipients (linked to the register's by name), transfers abroad and
//! the sources of data not collected from the person.

use steward_api::{
    ActivityRecipient, ActivityRecipientInput, ActivitySource, ActivitySourceInput, SourceKind,
    Transfer, TransferInput,
};
use steward_core::{RecipientRole, TransferMechanism};

use crate::ico::{FROM_THE_PERSON, col};
use crate::{names, phrases};
use steward_core::words::MECHANISMS;

use super::*;

impl Builder<'_> {
    pub(super) fn recipients(
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
                        self.read_to_check(
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
                let r = self.recipients.iter_mut().find(|r| {
                    names::similarity(name, &[&r.fields.legal_name, &r.fields.trading_name])
                        .is_some()
                })?;
                r.fields.dpa_reference = reference.trim().to_owned();
                Some(())
            });
            // By hand: "Better Impact DPA signed 05/2022" is the contract
            // of the recipient it names.
            if linked.is_none() && !self.steward_export {
                let words = format!(" {} ", names::key(&contract));
                let named: Vec<String> = recipients
                    .iter()
                    .filter_map(|l| l.fields.recipient_id.clone())
                    .collect();
                if let Some(r) = self.recipients.iter_mut().find(|r| {
                    named.contains(&r.id)
                        && r.fields.dpa_reference.is_empty()
                        && names::aliases(&[&r.fields.legal_name, &r.fields.trading_name])
                            .iter()
                            .any(|alias| words.contains(&format!(" {alias} ")))
                }) {
                    r.fields.dpa_reference = contract.trim().to_owned();
                    linked = Some(());
                }
            }
            // A second import of the sheet: the contract is already the
            // reference of a recipient in the register that the row names.
            if linked.is_none() {
                let named: Vec<&str> = recipients
                    .iter()
                    .filter_map(|l| l.fields.recipient_id.as_deref())
                    .collect();
                let reference = contract
                    .split_once(": ")
                    .map_or(contract.as_str(), |(_, r)| r);
                if self.current.recipients.iter().any(|r| {
                    named.contains(&r.id.as_str())
                        && !r.fields.dpa_reference.is_empty()
                        && phrases::fold(&r.fields.dpa_reference) == phrases::fold(reference)
                }) {
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

    pub(super) fn transfers(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<Transfer> {
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

    pub(super) fn sources(
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
}
