//! What a report covers: the activities a selection keeps (and the
//! selection in words for the cover), and the history appendix's changes
//! in words.

use std::collections::HashSet;

use serde::Serialize;
use steward_api::{ChangeKind, RegisterChange, RegisterExport};

use crate::RopaOptions;
use steward_core::words::{id_of, label};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct History {
    since: String,
    changes: Vec<ChangeRow>,
}

#[derive(Debug, Clone, Serialize)]
struct ChangeRow {
    at: String,
    author: String,
    record: String,
    change: String,
}

/// The appendix of `changes` since `since`: changes of activities left out
/// of the report are left out too, and the link of a row to its activity
/// (already in the record's name) is not listed.
pub(crate) fn history(
    since: jiff::Timestamp,
    changes: &[RegisterChange],
    included: &HashSet<&str>,
    name_of: &dyn Fn(&str) -> Option<String>,
) -> History {
    History {
        since: minutes(since),
        changes: changes
            .iter()
            .filter(|c| {
                c.activity_id
                    .as_deref()
                    .is_none_or(|id| included.contains(id))
            })
            .filter(|c| c.entry.field.as_deref() != Some("activityId"))
            .map(|c| change_row(c, name_of))
            .collect(),
    }
}

/// The register with only the activities `options` selects, and the
/// selection in words for the cover.
pub(crate) fn select(register: &RegisterExport, options: &RopaOptions) -> (RegisterExport, String) {
    let functions: Vec<String> = options
        .business_functions
        .iter()
        .map(|f| f.trim().to_lowercase())
        .collect();
    let mut selected = register.clone();
    selected.activities.retain(|e| {
        let a = &e.activity.fields;
        (options.statuses.is_empty() || options.statuses.contains(&a.status))
            && (functions.is_empty()
                || functions.contains(&a.business_function.trim().to_lowercase()))
    });
    let total = register.activities.len();
    let mut filters = vec![];
    if !options.statuses.is_empty() {
        let statuses: Vec<String> = options
            .statuses
            .iter()
            .map(|s| label(&id_of(s), &[]).to_lowercase())
            .collect();
        filters.push(format!("status {}", statuses.join(" or ")));
    }
    if !options.business_functions.is_empty() {
        filters.push(format!(
            "business function {}",
            options.business_functions.join(" or ")
        ));
    }
    let words = if filters.is_empty() {
        format!("All {total} activities of the register")
    } else {
        format!(
            "{} of {total} activities: {}",
            selected.activities.len(),
            filters.join("; ")
        )
    };
    (selected, words)
}

pub(crate) fn minutes(at: jiff::Timestamp) -> String {
    at.to_zoned(jiff::tz::TimeZone::UTC)
        .strftime("%Y-%m-%d %H:%M UTC")
        .to_string()
}

/// A change as a line of the history appendix.
/// `name_of` names a linked record (a recipient, a source organisation), so
/// that a link reads as a name rather than an id.
fn change_row(c: &RegisterChange, name_of: &dyn Fn(&str) -> Option<String>) -> ChangeRow {
    let e = &c.entry;
    let named = |v: &Option<String>| v.as_ref().map(|v| name_of(v).unwrap_or_else(|| v.clone()));
    let (old, new) = (named(&e.old), named(&e.new));
    let change = match e.change {
        ChangeKind::Deleted => "Deleted".to_owned(),
        ChangeKind::Restored => "Restored".to_owned(),
        ChangeKind::Set => {
            let field = words_of(e.field.as_deref().unwrap_or_default());
            let field = field
                .strip_suffix(" id")
                .map_or(field.clone(), str::to_owned);
            match (&old, &new) {
                (None, Some(new)) => format!("{field}: {new}"),
                (Some(old), Some(new)) => format!("{field}: {old} → {new}"),
                (Some(old), None) => format!("{field}: {old} → (empty)"),
                (None, None) => format!("{field}: (empty)"),
            }
        }
    };
    ChangeRow {
        at: e
            .at
            .parse::<jiff::Timestamp>()
            .map(minutes)
            .unwrap_or_else(|_| e.at.clone()),
        author: e.author.clone(),
        record: c.record.clone(),
        change,
    }
}

/// `legalBasis` → `Legal basis`.
fn words_of(field: &str) -> String {
    let mut out = String::new();
    for (i, ch) in field.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            out.push(' ');
            out.push(ch.to_ascii_lowercase());
        } else if i == 0 {
            out.push(ch.to_ascii_uppercase());
        } else {
            out.push(ch);
        }
    }
    out
}
