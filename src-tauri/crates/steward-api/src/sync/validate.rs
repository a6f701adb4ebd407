//! The forms' validators, applied to records that a change file touches.
//!
//! A record is read as it stands after the merge and validated as its form
//! would validate it. Only problems in the fields the file set count: a
//! record that arrived in part (its creation is in a file not yet here) is
//! not blamed for the fields it still lacks.
//!
//! A problem never refuses the file. Two laptops that each saved a valid
//! record can together make one no form would accept (one sets the role to
//! controller while the other names the controller), and refusing that
//! merge would make the two laptops refuse each other's files forever. The
//! merged record is kept as it is and the problem is reported with the
//! import, and by the checks until a person settles it
//! (`steward_core::checks`, "formRules"). Values no form could ever hold
//! (control characters, text of unbounded length) are refused earlier, op
//! by op, when the file is read ([`super::file`]).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use steward_core::entity::api_name;
use steward_core::forms::form_errors;
use steward_core::{EntityKind, FieldError};
use steward_store::{StoredRow, Touched};
use ts_rs::TS;

use crate::history::naming_field;

/// A record that a merge left in a state its form would refuse, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordProblem {
    pub record: EntityKind,
    pub record_id: String,
    /// The record's name as the register shows it.
    pub record_name: String,
    /// For a row of an activity, its activity.
    pub activity_id: Option<String>,
    /// The field (API name) the form's message is about.
    pub field: String,
    pub message: String,
}

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

/// The input field an error is about: `purposes[1]` and `a.b` are about
/// `purposes` and `a`.
fn root(field: &str) -> &str {
    let end = field.find(['[', '.']).unwrap_or(field.len());
    &field[..end]
}

/// What the form says about a record a merge touched, limited to the
/// fields the merged file set.
pub(crate) fn problems(t: Touched<'_>) -> Vec<RecordProblem> {
    let set: Vec<String> = t.fields.iter().map(|f| api_name(f)).collect();
    let record_name = t
        .row
        .fields
        .get(naming_field(t.entity))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .unwrap_or("(unnamed)")
        .to_owned();
    let activity_id = t
        .row
        .fields
        .get("activity_id")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let problem = |e: FieldError| RecordProblem {
        record: t.entity,
        record_id: t.row.id.clone(),
        record_name: record_name.clone(),
        activity_id: activity_id.clone(),
        field: e.field,
        message: e.message,
    };
    match form_errors(t.entity, input_of(t.entity, t.row)) {
        Ok(errors) => errors
            .into_iter()
            .filter(|e| set.iter().any(|f| f == root(&e.field)))
            .map(problem)
            .collect(),
        // The store shows only values this version can read, so this is a
        // bug; it is reported, not hidden, and it refuses nothing.
        Err(e) => vec![problem(FieldError {
            field: String::new(),
            message: format!("This record cannot be read into its form ({e}). Please report this."),
        })],
    }
}
