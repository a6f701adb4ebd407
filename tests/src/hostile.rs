//! A register full of hostile text: every string of
//! `tests/fixtures/hostile-strings.txt` saved, one field at a time, into
//! every kind of free-text field of every kind of record, through the API
//! as the app's forms save it. What the forms refuse (control and
//! text-direction characters, a tab or a line break in a one-line field)
//! is recorded with the field the refusal names; everything else is kept,
//! and must then appear as the literal text it is in every screen and
//! export (`tests/scenarios/hostile_text.rs`, `tests/e2e/hostile.rs`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivitySourceInput, PolicyEditInput, PurposeInput,
    RecipientInput, RecipientRole, RetentionRuleInput, SourceOrganisationInput, Steward,
    SubjectGroupInput, TransferInput, TransferMechanism, WebsiteThirdPartyInput,
};

use crate::fixture;

/// The strings of the corpus, with `\u{XXXX}` and `\t` turned into the
/// characters they stand for.
pub fn hostile_strings() -> Vec<String> {
    let text = std::fs::read_to_string(fixture("hostile-strings.txt")).expect("the corpus");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(unescape)
        .collect()
}

fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(hex) = tail.strip_prefix("\\u{")
            && let Some(end) = hex.find('}')
            && let Some(c) = u32::from_str_radix(&hex[..end], 16)
                .ok()
                .and_then(char::from_u32)
        {
            out.push(c);
            rest = &hex[end + 1..];
        } else if let Some(after) = tail.strip_prefix("\\t") {
            out.push('\t');
            rest = after;
        } else {
            out.push('\\');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// One save of one string into one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The kind of record, as the API names it (`activity`, `purpose`…).
    pub kind: &'static str,
    pub record_id: String,
    /// The field's API name.
    pub field: &'static str,
    pub text: String,
}

/// What the forms refused, and why.
#[derive(Debug, Clone)]
pub struct Refused {
    pub kind: &'static str,
    pub field: &'static str,
    pub text: String,
    /// The field the refusal named, and its message.
    pub error_field: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct HostileRegister {
    pub saved: Vec<Saved>,
    pub refused: Vec<Refused>,
}

impl HostileRegister {
    /// The strings saved into `kind`.`field`.
    pub fn texts_in(&self, kind: &str, field: &str) -> Vec<&str> {
        self.saved
            .iter()
            .filter(|s| s.kind == kind && s.field == field)
            .map(|s| s.text.as_str())
            .collect()
    }
}

fn json<T: Serialize>(t: &T) -> Value {
    serde_json::to_value(t).expect("DTOs serialise")
}

/// Sets `field` of the record `current` (its DTO as JSON) to `text`, as a
/// form would save it; a list field gets `[text]`.
fn with_field<T: DeserializeOwned>(current: &Value, field: &str, text: &str) -> T {
    let mut input = current.clone();
    input[field] = if input[field].is_array() {
        Value::Array(vec![Value::String(text.to_owned())])
    } else {
        Value::String(text.to_owned())
    };
    serde_json::from_value(input).expect("the form's input")
}

/// The text a field holds as saved: the forms trim it and put it in NFC.
fn stored(record: &Value, field: &str) -> String {
    match &record[field] {
        Value::Array(items) => items
            .first()
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        value => value.as_str().unwrap_or_default().to_owned(),
    }
}

/// Tries each (field, string) on a record: `save` saves one input and
/// returns the record as it now is, or the API's error.
fn fill<T: DeserializeOwned>(
    out: &mut HostileRegister,
    kind: &'static str,
    id: &str,
    fields: &[&'static str],
    texts: &[String],
    mut current: Value,
    mut save: impl FnMut(T) -> Result<Value, steward_api::ApiError>,
) {
    for (field, text) in fields.iter().zip(texts.iter().cycle()) {
        match save(with_field(&current, field, text)) {
            Ok(now) => {
                out.saved.push(Saved {
                    kind,
                    record_id: id.to_owned(),
                    field,
                    text: stored(&now, field),
                });
                current = now;
            }
            Err(e) => {
                let error = e.fields.first();
                out.refused.push(Refused {
                    kind,
                    field,
                    text: text.clone(),
                    error_field: error.map(|f| f.field.clone()).unwrap_or_default(),
                    message: error.map(|f| f.message.clone()).unwrap_or(e.message),
                });
            }
        }
    }
}

/// Each string in turn, then the next: a record of string `i` gets string
/// `i` in every field first (so every field sees every string across the
/// records).
fn rotated(strings: &[String], i: usize) -> Vec<String> {
    strings
        .iter()
        .cycle()
        .skip(i)
        .take(strings.len())
        .cloned()
        .collect()
}

/// Records the corpus in `api`'s register: for each string an activity
/// with each of its rows, a recipient, a source organisation and a website
/// third party, their free-text fields set one at a time; the organisation
/// profile and the policy's own texts too.
pub fn hostile_register(api: &mut Steward) -> HostileRegister {
    let strings = hostile_strings();
    let mut out = HostileRegister::default();
    let org_fields = [
        "legalName",
        "address",
        "dpoName",
        "dpoContact",
        "euRepresentative",
        "supervisoryAuthority",
        "securityNotes",
        "breachNotification",
        "cookieControls",
        "communicationsOptOut",
        "deidentifiedData",
        "policyChangeNotice",
    ];
    // A profile whose rules across fields hold (a DPO has a name and a
    // contact), then each field in turn.
    let mut base = api.get_organisation().unwrap().fields;
    base.legal_name = "Hostile Text Foundation".into();
    base.dpo_name = "Data Protection Officer".into();
    base.dpo_contact = "dpo@hostile.example".into();
    let mut org = json(&api.update_organisation(base, None).unwrap().fields);
    for (i, field) in org_fields.iter().enumerate() {
        let text = &strings[i % strings.len()];
        let input = with_field(&org, field, text);
        match api.update_organisation(input, None) {
            Ok(saved) => {
                org = json(&saved.fields);
                out.saved.push(Saved {
                    kind: "organisation",
                    record_id: String::new(),
                    field,
                    text: stored(&org, field),
                });
            }
            Err(e) => out.refused.push(Refused {
                kind: "organisation",
                field,
                text: text.clone(),
                error_field: e
                    .fields
                    .first()
                    .map(|f| f.field.clone())
                    .unwrap_or_default(),
                message: e.message,
            }),
        }
    }
    let sections = [
        "intro",
        "collected",
        "received",
        "sharing",
        "transfers",
        "retention",
        "security",
        "rights",
        "changes",
        "contact",
    ];
    for (section, text) in sections.iter().zip(strings.iter().cycle()) {
        let input = PolicyEditInput {
            section_id: (*section).into(),
            text: text.clone(),
            ..PolicyEditInput::default()
        };
        match api.save_policy_edit(&input, None) {
            Ok(edit) => out.saved.push(Saved {
                kind: "policyEdit",
                field: "text",
                text: edit.fields.text.clone(),
                record_id: edit.id,
            }),
            Err(e) => out.refused.push(Refused {
                kind: "policyEdit",
                field: "text",
                text: text.clone(),
                error_field: e
                    .fields
                    .first()
                    .map(|f| f.field.clone())
                    .unwrap_or_default(),
                message: e.message,
            }),
        }
    }

    for i in 0..strings.len() {
        let texts = rotated(&strings, i);
        let activity = api
            .create_activity(ActivityInput {
                name: format!("Hostile activity {i}"),
                ..ActivityInput::default()
            })
            .unwrap();
        let a = activity.id.clone();
        fill::<ActivityInput>(
            &mut out,
            "activity",
            &a,
            &[
                "name",
                "description",
                "businessFunction",
                "owner",
                "systems",
                "dataLocation",
                "provisionConsequence",
                "admLogic",
                "dpiaReference",
                "dpiaNotes",
                "securityNotes",
            ],
            &texts,
            json(&activity.fields),
            |input| {
                api.update_activity(&a, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        // Two purposes: what a legitimate interest is recorded with, and
        // what consent is (the rules tie each field to its basis).
        for (basis, fields) in [
            (
                steward_api::LegalBasis::LegitimateInterests,
                &["description", "legitimateInterest", "liaReference"][..],
            ),
            (steward_api::LegalBasis::Consent, &["consentRecord"][..]),
        ] {
            let purpose = api
                .create_purpose(PurposeInput {
                    activity_id: a.clone(),
                    description: "Run it".into(),
                    legal_basis: Some(basis),
                    legitimate_interest: if basis == steward_api::LegalBasis::LegitimateInterests {
                        "Keeping supporters informed".into()
                    } else {
                        String::new()
                    },
                    ..PurposeInput::default()
                })
                .unwrap();
            let p = purpose.id.clone();
            fill::<PurposeInput>(
                &mut out,
                "purpose",
                &p,
                fields,
                &texts,
                json(&purpose.fields),
                |input| api.update_purpose(&p, input, None).map(|r| json(&r.fields)),
            );
        }

        let group = api
            .create_subject_group(SubjectGroupInput {
                activity_id: a.clone(),
                subject_category: "members".into(),
                data_categories: vec!["email-address".into()],
                ..SubjectGroupInput::default()
            })
            .unwrap();
        let g = group.id.clone();
        fill::<SubjectGroupInput>(
            &mut out,
            "subjectGroup",
            &g,
            &["subjectCategory", "dataCategories", "art10Basis"],
            &texts,
            json(&group.fields),
            |input| {
                api.update_subject_group(&g, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let source = api
            .create_activity_source(ActivitySourceInput {
                activity_id: a.clone(),
                context: "A form".into(),
                ..ActivitySourceInput::default()
            })
            .unwrap();
        let s = source.id.clone();
        fill::<ActivitySourceInput>(
            &mut out,
            "activitySource",
            &s,
            &["context", "notice"],
            &texts,
            json(&source.fields),
            |input| {
                api.update_activity_source(&s, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let team = api
            .create_activity_recipient(ActivityRecipientInput {
                activity_id: a.clone(),
                role: RecipientRole::Internal,
                internal_team: "Events team".into(),
                ..ActivityRecipientInput::default()
            })
            .unwrap();
        let t = team.id.clone();
        fill::<ActivityRecipientInput>(
            &mut out,
            "activityRecipient",
            &t,
            &["internalTeam", "purpose"],
            &texts,
            json(&team.fields),
            |input| {
                api.update_activity_recipient(&t, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let transfer = api
            .create_transfer(TransferInput {
                activity_id: a.clone(),
                country: "US".into(),
                mechanism: Some(TransferMechanism::Sccs),
                ..TransferInput::default()
            })
            .unwrap();
        let x = transfer.id.clone();
        fill::<TransferInput>(
            &mut out,
            "transfer",
            &x,
            &["safeguards", "notes"],
            &texts,
            json(&transfer.fields),
            |input| {
                api.update_transfer(&x, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let rule = api
            .create_retention_rule(RetentionRuleInput {
                activity_id: a.clone(),
                data_category: "email-address".into(),
                criterion: "Until the person unsubscribes".into(),
                ..RetentionRuleInput::default()
            })
            .unwrap();
        let r = rule.id.clone();
        fill::<RetentionRuleInput>(
            &mut out,
            "retentionRule",
            &r,
            &["dataCategory", "criterion", "triggerEvent", "justification"],
            &texts,
            json(&rule.fields),
            |input| {
                api.update_retention_rule(&r, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let recipient = api
            .create_recipient(RecipientInput {
                legal_name: format!("Hostile recipient {i}"),
                ..RecipientInput::default()
            })
            .unwrap();
        let rid = recipient.id.clone();
        fill::<RecipientInput>(
            &mut out,
            "recipient",
            &rid,
            &[
                "legalName",
                "tradingName",
                "address",
                "contact",
                "notes",
                "dpaReference",
                "subProcessors",
            ],
            &texts,
            json(&recipient.fields),
            |input| {
                api.update_recipient(&rid, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let organisation = api
            .create_source_organisation(SourceOrganisationInput {
                name: format!("Hostile source {i}"),
                ..SourceOrganisationInput::default()
            })
            .unwrap();
        let o = organisation.id.clone();
        fill::<SourceOrganisationInput>(
            &mut out,
            "sourceOrganisation",
            &o,
            &["name", "contact", "notes"],
            &texts,
            json(&organisation.fields),
            |input| {
                api.update_source_organisation(&o, input, None)
                    .map(|r| json(&r.fields))
            },
        );

        let third = api
            .create_website_third_party(WebsiteThirdPartyInput {
                provider: format!("Hostile analytics {i}"),
                ..WebsiteThirdPartyInput::default()
            })
            .unwrap();
        let w = third.id.clone();
        fill::<WebsiteThirdPartyInput>(
            &mut out,
            "websiteThirdParty",
            &w,
            &["provider", "purpose", "dataCollected", "duration", "notes"],
            &texts,
            json(&third.fields),
            |input| {
                api.update_website_third_party(&w, input, None)
                    .map(|r| json(&r.fields))
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_in_the_corpus_become_characters() {
        assert_eq!(unescape(r"a\u{200B}b\tc"), "a\u{200B}b\tc");
        assert_eq!(unescape(r"C:\Windows \n"), r"C:\Windows \n");
        assert!(hostile_strings().len() >= 50);
    }
}
