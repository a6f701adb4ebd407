//! The forms' validators, applied to records that a change file touches.
//!
//! A record is read as it stands after the merge and validated as its form
//! would validate it. Only problems in the fields the file set count: a
//! record that arrived in part (its creation is in a file not yet here) is
//! not blamed for the fields it still lacks.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use steward_core::entity::api_name;
use steward_core::{
    AcknowledgementDraft, ActivityDraft, ActivityRecipientDraft, ActivitySourceDraft, EntityKind,
    FieldError, OrganisationDraft, PolicyEditDraft, PolicyVersionDraft, PurposeDraft,
    RecipientDraft, RetentionRuleDraft, SourceOrganisationDraft, SubjectGroupDraft, TransferDraft,
    Validate, WebsiteThirdPartyDraft,
};
use steward_store::{StoredRow, Touched};

/// The live fields of a row under their API names: a form's input.
pub(crate) fn input_of(entity: EntityKind, row: &StoredRow) -> Value {
    let map: Map<String, Value> = row
        .fields
        .iter()
        .filter(|(k, _)| entity.field(k).is_some_and(|spec| !spec.retired))
        .map(|(k, v)| (api_name(k), v.clone()))
        .collect();
    Value::Object(map)
}

fn run<D: DeserializeOwned + Validate>(input: Value) -> Result<Vec<FieldError>, String> {
    let draft: D = serde_json::from_value(input).map_err(|e| e.to_string())?;
    Ok(draft.validate().err().map(|i| i.errors).unwrap_or_default())
}

/// What the form of `entity` says about `input`; `Err` when the input is
/// not even of the form's shape.
pub(crate) fn form_errors(entity: EntityKind, input: Value) -> Result<Vec<FieldError>, String> {
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

/// The input field an error is about: `purposes[1]` and `a.b` are about
/// `purposes` and `a`.
fn root(field: &str) -> &str {
    let end = field.find(['[', '.']).unwrap_or(field.len());
    &field[..end]
}

/// Refuses a merge in which a touched record has a value its form refuses.
pub(crate) fn touched(t: Touched<'_>) -> Result<(), String> {
    let set: Vec<String> = t.fields.iter().map(|f| api_name(f)).collect();
    let what = format!(
        "the {} record {}",
        t.entity.id().replace('_', " "),
        t.row.id
    );
    let errors = form_errors(t.entity, input_of(t.entity, t.row))
        .map_err(|e| format!("{what} has a value of the wrong kind ({e})"))?;
    match errors
        .iter()
        .find(|e| set.iter().any(|f| f == root(&e.field)))
    {
        Some(e) => Err(format!(
            "{what} would get a value the form refuses in {}: {}",
            e.field, e.message
        )),
        None => Ok(()),
    }
}
