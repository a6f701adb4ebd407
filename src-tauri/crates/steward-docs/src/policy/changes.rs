//! What changed in the draft since the version a person last saved: the
//! Markdown of both, compared paragraph by paragraph (one line of the
//! Markdown each), with a paragraph of context around each change. The
//! lines are shown as a person reads them: Markdown's escapes and the
//! placeholders' bold markers are taken out.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use steward_api::RegisterExport;
use ts_rs::TS;

/// The draft compared with the last saved version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyChanges {
    /// The version compared with; `None` when none has been saved yet.
    pub saved: Option<SavedVersion>,
    /// Paragraphs (and headings, list items) in the draft that the saved
    /// version does not have.
    pub added: u32,
    /// Paragraphs of the saved version that the draft no longer has.
    pub removed: u32,
    /// The changes with a paragraph of context each, in the policy's order.
    pub hunks: Vec<Vec<ChangedLine>>,
}

/// A saved version, without its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedVersion {
    pub id: String,
    pub saved_at: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LineChange {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ChangedLine {
    pub change: LineChange,
    pub text: String,
}

/// `markdown` (the draft as it is now) compared with the newest saved
/// version of `register`.
pub fn changes(register: &RegisterExport, markdown: &str) -> PolicyChanges {
    let Some(version) = register
        .policy_versions
        .iter()
        // Compared as times: "10:00:00.5Z" is later than "10:00:00Z".
        .max_by_key(|v| (v.fields.saved_at.parse::<jiff::Timestamp>().ok(), &v.id))
    else {
        return PolicyChanges {
            saved: None,
            added: 0,
            removed: 0,
            hunks: vec![],
        };
    };
    let old = lines(&version.fields.markdown);
    let new = lines(markdown);
    let diff = TextDiff::from_slices(&old, &new);
    let hunks: Vec<Vec<ChangedLine>> = diff
        .grouped_ops(1)
        .iter()
        .map(|group| {
            group
                .iter()
                .flat_map(|op| diff.iter_changes(op))
                .map(|change| ChangedLine {
                    change: match change.tag() {
                        ChangeTag::Equal => LineChange::Same,
                        ChangeTag::Insert => LineChange::Added,
                        ChangeTag::Delete => LineChange::Removed,
                    },
                    text: readable(change.value()),
                })
                .collect()
        })
        .collect();
    let count = |kind: LineChange| {
        let n = hunks.iter().flatten().filter(|l| l.change == kind).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let (added, removed) = (count(LineChange::Added), count(LineChange::Removed));
    PolicyChanges {
        saved: Some(SavedVersion {
            id: version.id.clone(),
            saved_at: version.fields.saved_at.clone(),
            note: version.fields.note.clone(),
        }),
        added,
        removed,
        hunks,
    }
}

/// The paragraphs of Markdown: its non-empty lines, a hard break (a line
/// ending in `\`) joining the next line to it.
fn lines(markdown: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let line_start = offset;
        offset += line.len();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(markdown[s..line_start].trim_end());
            }
            continue;
        }
        let first = *start.get_or_insert(line_start);
        if !content.ends_with('\\') {
            out.push(markdown[first..line_start + content.len()].trim_end());
            start = None;
        }
    }
    if let Some(s) = start {
        out.push(markdown[s..].trim_end());
    }
    out
}

/// A Markdown line as a person reads it: `\*` is `*`, `**` (the bold of a
/// placeholder) and hard-break backslashes go, the indentation of a list
/// item's continuation lines goes.
fn readable(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&next) if next.is_ascii_punctuation() => {
                    out.push(next);
                    chars.next();
                }
                Some(&'\n') => {}
                _ => out.push('\\'),
            },
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
            }
            '\n' => {
                out.push('\n');
                while chars.peek() == Some(&' ') {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_lines_and_hard_breaks_join_them() {
        let markdown = "# Title\n\nOne \\*two\\*\n\n- a\\\n  b\n- c\n";
        assert_eq!(
            lines(markdown),
            vec!["# Title", "One \\*two\\*", "- a\\\n  b", "- c"]
        );
        assert_eq!(
            readable("One \\*two\\* **\\[to do\\]**"),
            "One *two* [to do]"
        );
        assert_eq!(readable("- a\\\n  b"), "- a\nb");
    }
}
