//! The form of each kind of record: its input type (the `…Draft`) and its
//! validator, reached by [`EntityKind`]. A merge validates the records a
//! change file touched with these, exactly as the app's forms would, and
//! the tests check that the op-log schema ([`crate::entity`]) reads every
//! value the forms accept and nothing they cannot read.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{
    AcknowledgementDraft, ActivityDraft, ActivityRecipientDraft, ActivitySourceDraft, EntityKind,
    FieldError, OrganisationDraft, PolicyEditDraft, PolicyVersionDraft, PurposeDraft,
    RecipientDraft, RetentionRuleDraft, SourceOrganisationDraft, SubjectGroupDraft, TransferDraft,
    Validate, WebsiteThirdPartyDraft,
};

fn run<D: DeserializeOwned + Validate>(input: Value) -> Result<Vec<FieldError>, String> {
    let draft: D = serde_json::from_value(input).map_err(|e| e.to_string())?;
    Ok(draft.validate().err().map(|i| i.errors).unwrap_or_default())
}

/// What the form of `entity` says about `input` (its fields under their API
/// names); `Err` when the input is not even of the form's shape.
pub fn form_errors(entity: EntityKind, input: Value) -> Result<Vec<FieldError>, String> {
    match entity {
        EntityKind::Organisation => run::<OrganisationDraft>(input),
        EntityKind::Activity => run::<ActivityDraft>(input),
        EntityKind::Recipient => run::<RecipientDraft>(input),
        EntityKind::SourceOrganisation => run::<SourceOrganisationDraft>(input),
        EntityKind::WebsiteThirdParty => run::<WebsiteThirdPartyDraft>(input),
        EntityKind::ActivityRecipient => run::<ActivityRecipientDraft>(input),
        EntityKind::Transfer => run::<TransferDraft>(input),
        EntityKind::RetentionRule => run::<RetentionRuleDraft>(input),
        EntityKind::SubjectGroup => run::<SubjectGroupDraft>(input),
        EntityKind::ActivitySource => run::<ActivitySourceDraft>(input),
        EntityKind::Purpose => run::<PurposeDraft>(input),
        EntityKind::Acknowledgement => run::<AcknowledgementDraft>(input),
        EntityKind::PolicyEdit => run::<PolicyEditDraft>(input),
        EntityKind::PolicyVersion => run::<PolicyVersionDraft>(input),
    }
}

fn default_of<D: Default + Serialize>() -> Value {
    serde_json::to_value(D::default()).unwrap_or(Value::Null)
}

/// An empty input of `entity`'s form (every field at its default), under
/// the API's field names.
pub fn empty_input(entity: EntityKind) -> Value {
    match entity {
        EntityKind::Organisation => default_of::<OrganisationDraft>(),
        EntityKind::Activity => default_of::<ActivityDraft>(),
        EntityKind::Recipient => default_of::<RecipientDraft>(),
        EntityKind::SourceOrganisation => default_of::<SourceOrganisationDraft>(),
        EntityKind::WebsiteThirdParty => default_of::<WebsiteThirdPartyDraft>(),
        EntityKind::ActivityRecipient => default_of::<ActivityRecipientDraft>(),
        EntityKind::Transfer => default_of::<TransferDraft>(),
        EntityKind::RetentionRule => default_of::<RetentionRuleDraft>(),
        EntityKind::SubjectGroup => default_of::<SubjectGroupDraft>(),
        EntityKind::ActivitySource => default_of::<ActivitySourceDraft>(),
        EntityKind::Purpose => default_of::<PurposeDraft>(),
        EntityKind::Acknowledgement => default_of::<AcknowledgementDraft>(),
        EntityKind::PolicyEdit => default_of::<PolicyEditDraft>(),
        EntityKind::PolicyVersion => default_of::<PolicyVersionDraft>(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::entity::api_name;

    /// Values of every kind, valid and not, that a change file could carry.
    fn probes() -> Vec<Value> {
        vec![
            json!("not-a-known-value"),
            json!(""),
            json!(null),
            json!(true),
            json!(7),
            json!(-3),
            json!(1.5),
            json!(u64::MAX),
            json!([]),
            json!(["not-a-known-value"]),
            json!([1]),
            json!({"a": 1}),
        ]
    }

    /// The schema's `readable` and the form's deserialisation agree on
    /// every field and every probe, and on each value of every choice: a
    /// value the store shows can always be read into its form, and an
    /// enum field without its `Choice` in `entity.rs` fails here.
    #[test]
    fn the_schema_reads_exactly_what_the_forms_read() {
        for entity in EntityKind::ALL {
            let empty = empty_input(entity);
            for spec in entity.fields().iter().filter(|s| !s.retired) {
                let name = api_name(spec.name);
                let mut values = probes();
                if let Some(choice) = spec.choice {
                    assert!(!choice.values().is_empty(), "{}.{}", entity.id(), spec.name);
                    for v in choice.values() {
                        values.push(json!(v));
                        values.push(json!([v]));
                    }
                }
                for value in values {
                    let mut input = empty.clone();
                    assert!(
                        input.get(&name).is_some(),
                        "{}: the form has no {name}",
                        entity.id()
                    );
                    input[&name] = value.clone();
                    let form_reads = form_errors(entity, input).is_ok();
                    assert_eq!(
                        spec.readable(&value),
                        form_reads,
                        "{}.{} with {value}",
                        entity.id(),
                        spec.name
                    );
                }
            }
        }
    }

    #[test]
    fn choices_list_their_values_in_order() {
        let status = EntityKind::Activity.field("status").unwrap();
        assert_eq!(
            status.choice.unwrap().values(),
            ["draft", "active", "retired"]
        );
        assert_eq!(status.describe(), "one of: draft, active, retired");
    }
}
