//! The administrator's own words in the privacy policy, and the versions of
//! the policy that were saved (published).
//!
//! The draft is written from the register every time, so that it never goes
//! stale; what a person writes must survive that. A [`PolicyEditDraft`] adds
//! text after a section's generated text, or replaces it, and is a record
//! of its own: it is kept in history and syncs like every other record. A
//! [`PolicyVersionDraft`] is the Markdown of the policy as it was when a
//! person saved it, so that the app can show what has changed in the draft
//! since.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// The sections of the privacy policy, in the order the draft gives them.
/// The ids are stable: the drafts name their sections by them, and the
/// administrator's edits refer to them.
pub const POLICY_SECTIONS: [&str; 17] = [
    "intro",
    "collected",
    "received",
    "third-parties",
    "uses",
    "required",
    "automated",
    "sharing",
    "transfers",
    "retention",
    "security",
    "children",
    "deidentified",
    "rights",
    "communications",
    "changes",
    "contact",
];

/// What a person's text does to its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum PolicyEditMode {
    /// The text follows the section's generated text.
    #[default]
    Append,
    /// The text is the whole section; the generated text is not shown.
    Replace,
}

/// A person's text for one section of the privacy policy.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "PolicyEditInput")
)]
pub struct PolicyEditDraft {
    /// One of [`POLICY_SECTIONS`].
    pub section_id: String,
    pub mode: PolicyEditMode,
    /// Plain text: paragraphs are separated by an empty line, and a
    /// paragraph whose lines all start with "- " is a list. Never markup.
    pub text: String,
}

const EDIT_TEXT: TextRule = TextRule::paragraph("Text", 20_000).required();

impl Validate for PolicyEditDraft {
    fn validate(&self) -> Result<PolicyEditDraft, Invalid> {
        let mut invalid = Invalid::default();
        let section_id = self.section_id.trim().to_owned();
        if !POLICY_SECTIONS.contains(&section_id.as_str()) {
            invalid.push(
                "sectionId",
                format!("The policy has no section \"{section_id}\": choose one of its sections."),
            );
        }
        let text = text::check("text", &self.text, EDIT_TEXT, &mut invalid);
        invalid.into_result(PolicyEditDraft {
            section_id,
            mode: self.mode,
            text,
        })
    }
}

/// The paragraphs of a person's text: separated by empty lines, each
/// either prose or (when every line starts with "- ") a list of items.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut Vec<Paragraph>| {
        if current.is_empty() {
            return;
        }
        if current.iter().all(|l| l.starts_with("- ")) {
            out.push(Paragraph::List(
                current.iter().map(|l| l[2..].trim().to_owned()).collect(),
            ));
        } else {
            out.push(Paragraph::Prose(current.join("\n")));
        }
        current.clear();
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            flush(&mut current, &mut out);
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// A paragraph of a person's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paragraph {
    /// Lines of prose, joined by line breaks.
    Prose(String),
    /// The items of a list.
    List(Vec<String>),
}

/// The privacy policy as it was saved (published) at a time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "PolicyVersionInput")
)]
pub struct PolicyVersionDraft {
    /// When it was saved (RFC 3339, UTC).
    pub saved_at: String,
    /// What the person noted, e.g. "Published on the website".
    pub note: String,
    /// The whole policy as Markdown.
    pub markdown: String,
}

const NOTE: TextRule = TextRule::line("Note", 200);
const MARKDOWN: TextRule = TextRule::paragraph("Policy text", 2_000_000).required();

impl Validate for PolicyVersionDraft {
    fn validate(&self) -> Result<PolicyVersionDraft, Invalid> {
        let mut invalid = Invalid::default();
        let saved_at = self.saved_at.trim().to_owned();
        if saved_at.parse::<jiff::Timestamp>().is_err() {
            invalid.push(
                "savedAt",
                format!("\"{saved_at}\" is not a time: use the form 2026-01-31T12:00:00Z."),
            );
        }
        let note = text::check("note", &self.note, NOTE, &mut invalid);
        let markdown = text::check("markdown", &self.markdown, MARKDOWN, &mut invalid);
        invalid.into_result(PolicyVersionDraft {
            saved_at,
            note,
            markdown,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    #[test]
    fn edit_rules() {
        let cases: &[Case<PolicyEditDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "unknown section",
                |e| e.section_id = "cookies".into(),
                &[("sectionId", "no section \"cookies\"")],
            ),
            (
                "no text",
                |e| e.text = "  \n ".into(),
                &[("text", "Text is required")],
            ),
            (
                "a hidden direction override",
                |e| e.text = "Pay \u{202E}here".into(),
                &[("text", "text-direction")],
            ),
        ];
        check_cases(
            || PolicyEditDraft {
                section_id: "sharing".into(),
                mode: PolicyEditMode::Append,
                text: "We never sell your data.".into(),
            },
            cases,
        );
    }

    #[test]
    fn version_rules() {
        let cases: &[Case<PolicyVersionDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no time",
                |v| v.saved_at = "yesterday".into(),
                &[("savedAt", "not a time")],
            ),
            (
                "empty policy",
                |v| v.markdown.clear(),
                &[("markdown", "Policy text is required")],
            ),
            (
                "a note on two lines",
                |v| v.note = "Published\non the site".into(),
                &[("note", "line break")],
            ),
        ];
        check_cases(
            || PolicyVersionDraft {
                saved_at: "2026-11-23T10:00:00Z".into(),
                note: "Published".into(),
                markdown: "# Privacy policy\n\nWe are …\n".into(),
            },
            cases,
        );
    }

    #[test]
    fn text_is_split_into_paragraphs_and_lists() {
        let text = "We never sell data.\nNot ever.\n\n\n- Newsletters\n- Invoices\n\n- a list\nthat is not";
        assert_eq!(
            paragraphs(text),
            vec![
                Paragraph::Prose("We never sell data.\nNot ever.".into()),
                Paragraph::List(vec!["Newsletters".into(), "Invoices".into()]),
                Paragraph::Prose("- a list\nthat is not".into()),
            ]
        );
        assert!(paragraphs("").is_empty());
    }
}
