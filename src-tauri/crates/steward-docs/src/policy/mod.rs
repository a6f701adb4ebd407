//! The draft privacy policy (Art. 13 and 14 GDPR), written from the register.
//!
//! [`draft`] turns a [`RegisterExport`] into a [`PolicyDraft`]: sections of
//! blocks of [`Span`]s, each block naming the records it came from, and a
//! checklist of the facts the law requires that the register lacks. A
//! missing fact is a visible placeholder span, tied to its checklist entry.
//! The sentences come from `assets/policy/<language>.toml` (see [`text`]);
//! the order and choice of sections is here.
//!
//! Renderers ([`markdown`], [`html`], and the PDF through the Typst
//! pipeline) escape every span: user text is never markup.
//!
//! A person's own text for a section (a `PolicyEdit` of the register) is
//! added or substituted by [`edits`] after the register has been written,
//! so it survives every regeneration; [`changes`] compares the draft with
//! the version last saved.
//!
//! Not here: storing edits and versions (the API's job), the preview (the
//! app's).

mod about;
pub mod changes;
mod edits;
pub mod html;
pub mod markdown;
mod practice;
mod rights;
mod text;

use serde::Serialize;
use steward_api::{ExportedActivity, RecordKind, RegisterExport};
use ts_rs::TS;

use text::{Arg, Phrases};

/// A draft privacy policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyDraft {
    /// The language of its sentences (ISO 639-1).
    pub language: String,
    pub title: String,
    /// "Effective from …", when the profile gives a date.
    pub effective: Option<String>,
    pub sections: Vec<PolicySection>,
    /// The sections that say nothing yet, in the policy's order: a person
    /// may write them.
    pub unwritten_sections: Vec<SectionRef>,
    /// What the law requires that the register does not say yet; each
    /// entry is shown in the text as a placeholder.
    pub checklist: Vec<PolicyGap>,
}

/// One section, e.g. "Your rights". Its `id` is stable across drafts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicySection {
    pub id: String,
    pub heading: String,
    pub blocks: Vec<PolicyBlock>,
    /// The person's own text in this section, when there is one.
    pub edit: Option<SectionEdit>,
}

/// A person's text in a section, as the editor shows it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SectionEdit {
    /// The `PolicyEdit` record.
    pub id: String,
    pub mode: steward_api::PolicyEditMode,
    pub text: String,
    /// The record's base, when the draft was made from the register as the
    /// app's screens read it (`export_register_with_bases`): sent back with
    /// a save or a removal of the text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// A section by id and heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SectionRef {
    pub id: String,
    pub heading: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BlockKind {
    Paragraph,
    /// An item of a bulleted list; consecutive items form one list.
    Item,
    Subheading,
}

/// A paragraph, list item or subheading, with the records it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyBlock {
    pub kind: BlockKind,
    pub spans: Vec<Span>,
    pub sources: Vec<RecordLink>,
}

/// A run of text. With `gap`, it is a placeholder for the checklist entry
/// of that index. With `link`, it is an address a record holds (a web page
/// or an e-mail address, checked when it was saved), which the HTML makes a
/// link; other text never becomes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Span {
    pub text: String,
    pub gap: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub link: Option<String>,
}

impl Span {
    pub(crate) fn text(text: &str) -> Span {
        Span {
            text: text.to_owned(),
            gap: None,
            link: None,
        }
    }

    /// `address` as a link when it is an e-mail address (mailto:) or an
    /// http(s) web address; as text otherwise.
    pub(crate) fn address(address: &str) -> Span {
        let lower = address.to_ascii_lowercase();
        let link = if lower.starts_with("https://") || lower.starts_with("http://") {
            Some(address.to_owned())
        } else if steward_core::text::is_plausible_email(address) {
            Some(format!("mailto:{address}"))
        } else {
            None
        };
        Span {
            text: address.to_owned(),
            gap: None,
            link: link.filter(|l| !l.chars().any(|c| c.is_whitespace() || c == '"')),
        }
    }
}

/// A record of the register, and the field to fill when it is named by a
/// checklist entry. Rows of an activity carry `activityId`, so the app can
/// open the activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RecordLink {
    pub kind: RecordKind,
    /// Empty for the organisation profile (there is one).
    pub id: String,
    pub activity_id: Option<String>,
    /// The record's name, as the app lists it.
    pub name: String,
    /// camelCase, as the API's field errors name fields.
    pub field: Option<String>,
}

/// A fact the law requires in the policy that the register lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyGap {
    /// The element of the GDPR, e.g. "Art. 13(2)(d)".
    pub element: String,
    /// What to record, in the policy's language.
    pub message: String,
    /// The id of the section that shows the placeholder.
    pub section: String,
    /// Where to record it.
    pub fix: RecordLink,
}

/// The draft policy of `register`, in `language`; `None` when that
/// language is not built in.
pub fn draft_in(register: &RegisterExport, language: &str) -> Option<PolicyDraft> {
    let phrases = Phrases::of(language)?;
    let mut writer = Writer {
        phrases,
        register,
        checklist: Vec::new(),
        section: "",
    };
    let organisation = &register.organisation;
    let name = organisation.legal_name.as_str();
    let title = if name.is_empty() {
        phrases.get("title.policy").to_owned()
    } else {
        flatten(&phrases.fill("title.of", vec![("organisation", name.into())]))
    };
    let effective = organisation
        .policy
        .policy_effective_date
        .as_deref()
        .map(|date| {
            flatten(&phrases.fill(
                "title.effective",
                vec![("date", long_date(phrases, date).into())],
            ))
        });
    let mut sections = Vec::new();
    about::write(&mut writer, &mut sections);
    practice::write(&mut writer, &mut sections);
    rights::write(&mut writer, &mut sections);
    let unwritten_sections = edits::apply(phrases, &register.policy_edits, &mut sections);
    // The checks' findings that make what the policy says untrue.
    writer
        .checklist
        .extend(crate::findings::for_policy(register));
    Some(PolicyDraft {
        language: language.to_owned(),
        title,
        effective,
        sections,
        unwritten_sections,
        checklist: writer.checklist,
    })
}

/// The draft policy of `register`, in English.
pub fn draft(register: &RegisterExport) -> PolicyDraft {
    draft_in(register, "en").expect("English is built in")
}

/// The English draft of `register` as Markdown: what a saved version keeps.
pub fn draft_markdown(register: &RegisterExport) -> String {
    markdown::render(&draft(register))
}

/// The English draft of `register` compared with its last saved version.
pub fn current_changes(register: &RegisterExport) -> changes::PolicyChanges {
    changes::changes(register, &draft_markdown(register))
}

/// The languages the policy can be drafted in.
pub fn languages() -> Vec<&'static str> {
    Phrases::languages().collect()
}

/// Writes sections: the sentences, the register, and the checklist it fills.
pub(crate) struct Writer<'a> {
    pub(crate) phrases: &'a Phrases,
    pub(crate) register: &'a RegisterExport,
    checklist: Vec<PolicyGap>,
    /// The id of the section being written, for the checklist.
    section: &'static str,
}

impl Writer<'_> {
    /// Starts a section; `None` when it has no blocks (left out).
    pub(crate) fn section(&mut self, id: &'static str) -> SectionBuilder {
        self.section = id;
        SectionBuilder {
            id,
            heading: edits::heading(self.phrases, id),
            blocks: Vec::new(),
        }
    }

    /// A placeholder for a missing fact: a checklist entry and the span
    /// that marks its place in the text.
    pub(crate) fn gap(
        &mut self,
        element: &str,
        key: &str,
        args: Vec<(&str, Arg)>,
        fix: RecordLink,
    ) -> Vec<Span> {
        let message = flatten(&self.phrases.fill(key, args));
        let text = flatten(
            &self
                .phrases
                .fill("meta.placeholder", vec![("what", message.clone().into())]),
        );
        // The same missing fact in several places is one entry of the
        // checklist, which every placeholder of it points to.
        let same = self
            .checklist
            .iter()
            .position(|g| g.element == element && g.message == message);
        let index = same.unwrap_or(self.checklist.len());
        if same.is_none() {
            self.checklist.push(PolicyGap {
                element: element.to_owned(),
                message,
                section: self.section.to_owned(),
                fix,
            });
        }
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        vec![Span {
            text,
            gap: Some(index),
            link: None,
        }]
    }

    pub(crate) fn fill(&self, key: &str, args: Vec<(&str, Arg)>) -> Vec<Span> {
        self.phrases.fill(key, args)
    }

    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.phrases.get(key)
    }

    pub(crate) fn list(&self, items: &[String]) -> String {
        self.phrases.list(items)
    }

    /// A country's name as a sentence says it ("the United States",
    /// "China"); the code itself when Steward does not know it.
    pub(crate) fn country(&self, code: &str) -> String {
        let Some(country) = steward_core::reference::country(code) else {
            return code.to_owned();
        };
        let name = country.display_name();
        if self
            .get("meta.countries_with_the")
            .split_whitespace()
            .any(|c| c == country.code)
        {
            flatten(&self.fill("meta.country_with_article", vec![("country", name.into())]))
        } else {
            name.to_owned()
        }
    }

    /// What the law makes of the organisation (see `steward_core::controller`).
    pub(crate) fn scope(&self) -> steward_core::controller::Scope {
        let org = &self.register.organisation;
        steward_core::controller::scope(&org.country, org.gdpr_reach)
    }
}

pub(crate) struct SectionBuilder {
    id: &'static str,
    heading: String,
    blocks: Vec<PolicyBlock>,
}

impl SectionBuilder {
    pub(crate) fn push(&mut self, kind: BlockKind, spans: Vec<Span>, sources: Vec<RecordLink>) {
        self.blocks.push(PolicyBlock {
            kind,
            spans,
            sources,
        });
    }

    pub(crate) fn paragraph(&mut self, spans: Vec<Span>, sources: Vec<RecordLink>) {
        self.push(BlockKind::Paragraph, spans, sources);
    }

    pub(crate) fn item(&mut self, spans: Vec<Span>, sources: Vec<RecordLink>) {
        self.push(BlockKind::Item, spans, sources);
    }

    pub(crate) fn subheading(&mut self, text: &str, sources: Vec<RecordLink>) {
        self.push(BlockKind::Subheading, vec![Span::text(text)], sources);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    pub(crate) fn blocks_len(&self) -> usize {
        self.blocks.len()
    }

    /// Adds the section to `sections` unless it is empty.
    pub(crate) fn finish(self, sections: &mut Vec<PolicySection>) {
        if !self.blocks.is_empty() {
            sections.push(PolicySection {
                id: self.id.to_owned(),
                heading: self.heading,
                blocks: self.blocks,
                edit: None,
            });
        }
    }
}

/// Blocks as a renderer lays them out: consecutive items form one list.
pub(crate) enum Group<'a> {
    Paragraph(&'a [Span]),
    Subheading(&'a [Span]),
    List(Vec<&'a [Span]>),
}

pub(crate) fn groups(blocks: &[PolicyBlock]) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    for block in blocks {
        match (block.kind, out.last_mut()) {
            (BlockKind::Item, Some(Group::List(items))) => items.push(&block.spans),
            (BlockKind::Item, _) => out.push(Group::List(vec![&block.spans])),
            (BlockKind::Paragraph, _) => out.push(Group::Paragraph(&block.spans)),
            (BlockKind::Subheading, _) => out.push(Group::Subheading(&block.spans)),
        }
    }
    out
}

/// Links to records, built where the sections name them.
pub(crate) mod link {
    use super::RecordLink;
    use steward_api::{ExportedActivity, RecordKind};

    pub(crate) fn organisation(field: Option<&str>) -> RecordLink {
        RecordLink {
            kind: RecordKind::Organisation,
            id: String::new(),
            activity_id: None,
            name: String::new(),
            field: field.map(str::to_owned),
        }
    }

    pub(crate) fn activity(activity: &ExportedActivity, field: Option<&str>) -> RecordLink {
        RecordLink {
            kind: RecordKind::Activity,
            id: activity.activity.id.clone(),
            activity_id: Some(activity.activity.id.clone()),
            name: activity.activity.fields.name.clone(),
            field: field.map(str::to_owned),
        }
    }

    /// A row of `activity` (a purpose, source, transfer …).
    pub(crate) fn part(
        kind: RecordKind,
        id: &str,
        activity: &ExportedActivity,
        field: Option<&str>,
    ) -> RecordLink {
        RecordLink {
            kind,
            id: id.to_owned(),
            activity_id: Some(activity.activity.id.clone()),
            name: activity.activity.fields.name.clone(),
            field: field.map(str::to_owned),
        }
    }

    pub(crate) fn record(kind: RecordKind, id: &str, name: &str) -> RecordLink {
        RecordLink {
            kind,
            id: id.to_owned(),
            activity_id: None,
            name: name.to_owned(),
            field: None,
        }
    }
}

/// The activities the policy speaks of: every one not retired.
pub(crate) fn live(register: &RegisterExport) -> impl Iterator<Item = &ExportedActivity> {
    register
        .activities
        .iter()
        .filter(|a| a.activity.fields.status != steward_api::ActivityStatus::Retired)
}

/// The text of spans, placeholders included.
pub(crate) fn flatten(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// "2026-03-01" in words ("1 March 2026"); other text as it is.
pub(crate) fn long_date(phrases: &Phrases, date: &str) -> String {
    match date.parse::<jiff::civil::Date>() {
        Ok(d) => flatten(&phrases.fill(
            "title.date",
            vec![
                ("day", d.day().to_string().into()),
                ("month", phrases.get(&format!("month.{}", d.month())).into()),
                ("year", d.year().to_string().into()),
            ],
        )),
        Err(_) => date.to_owned(),
    }
}

/// A vocabulary label as it reads inside a sentence: "Contact details" →
/// "contact details", but "IP address" stays.
pub(crate) fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// The labels of data categories, in sentence case, without repeats.
pub(crate) fn data_words(ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let word = in_sentence(&steward_core::words::data_label(id));
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests;
