//! Validation results: which input is wrong and what the user should do.
//!
//! Field names are the camelCase names of the API's input types (`name`,
//! `purposes[1]`, `contactEmail`) so that a user interface can show each
//! message next to the input it concerns.

use std::fmt;

/// One invalid input: the field it concerns and a message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Every problem found in one input, in the order of the form's fields.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invalid {
    pub errors: Vec<FieldError>,
}

impl Invalid {
    pub fn push(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// `Ok(value)` when nothing was pushed, the collected errors otherwise.
    pub fn into_result<T>(self, value: T) -> Result<T, Invalid> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.errors.iter().map(|e| e.field.as_str())
    }
}

/// An input that can check itself: normalises its text and reports every
/// problem under the field it concerns. Implemented by every `…Draft`.
pub trait Validate: Sized {
    fn validate(&self) -> Result<Self, Invalid>;
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&messages.join(" "))
    }
}

impl std::error::Error for Invalid {}

/// One row of an entity's validation table: a label, a change to a valid
/// input, and the fields (with a fragment of each message) it must report.
#[cfg(test)]
pub(crate) type Case<T> = (
    &'static str,
    fn(&mut T),
    &'static [(&'static str, &'static str)],
);

/// Runs an entity's validation table against a fresh valid input per row.
#[cfg(test)]
pub(crate) fn check_cases<T: Validate + fmt::Debug>(valid: impl Fn() -> T, cases: &[Case<T>]) {
    for (label, change, expected) in cases {
        let mut input = valid();
        change(&mut input);
        assert_errors(label, input.validate(), expected);
    }
}

/// For the data-driven tests of every entity: checks that `result` reports
/// exactly the `expected` fields, each message containing its fragment.
#[cfg(test)]
pub(crate) fn assert_errors<T: fmt::Debug>(
    label: &str,
    result: Result<T, Invalid>,
    expected: &[(&str, &str)],
) {
    let got: Vec<(String, String)> = match result {
        Ok(_) => vec![],
        Err(invalid) => invalid
            .errors
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect(),
    };
    assert_eq!(got.len(), expected.len(), "{label}: {got:?}");
    for ((field, message), (want_field, fragment)) in got.iter().zip(expected) {
        assert_eq!(field, want_field, "{label}");
        assert!(
            message.contains(fragment),
            "{label}: {message:?} lacks {fragment:?}"
        );
    }
}
