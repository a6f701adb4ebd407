//! A person's own text in the draft: after the register has been written
//! into sections, each section's [`PolicyEdit`] is added after the
//! generated text or replaces it. A section that the register says nothing
//! for appears with the person's text alone, in its place in the order.
//!
//! The text is split into paragraphs and lists
//! ([`steward_core::policy_text::paragraphs`]) and becomes spans like any
//! other: renderers escape it, so it is never markup. Its blocks name the
//! edit as their source. Placeholders in a replaced section disappear from
//! the text, but their checklist entries stay: the register still lacks
//! the fact.

use steward_api::{PolicyEdit, PolicyEditMode, RecordKind};
use steward_core::policy_text::{POLICY_SECTIONS, Paragraph, paragraphs};

use super::{
    BlockKind, PolicyBlock, PolicySection, RecordLink, SectionEdit, SectionRef, Span, text::Phrases,
};

/// Applies `edits` to `sections`; returns the sections the draft does not
/// have, which a person may still write.
pub(super) fn apply(
    phrases: &Phrases,
    edits: &[PolicyEdit],
    sections: &mut Vec<PolicySection>,
) -> Vec<SectionRef> {
    let mut out: Vec<PolicySection> = Vec::with_capacity(POLICY_SECTIONS.len());
    let mut missing = Vec::new();
    for id in POLICY_SECTIONS {
        let generated = sections
            .iter()
            .position(|s| s.id == id)
            .map(|i| sections.remove(i));
        // A second text for one section (written on two laptops before
        // they synced) is ignored until a person removes one; the first by
        // id wins, the same on every device.
        let edit = edits
            .iter()
            .filter(|e| e.fields.section_id == id)
            .min_by(|a, b| a.id.cmp(&b.id));
        match (generated, edit) {
            (Some(mut section), Some(edit)) => {
                if edit.fields.mode == PolicyEditMode::Replace {
                    section.blocks.clear();
                }
                section.blocks.extend(blocks(edit));
                section.edit = Some(SectionEdit::of(edit));
                out.push(section);
            }
            (Some(section), None) => out.push(section),
            (None, Some(edit)) => out.push(PolicySection {
                id: id.to_owned(),
                heading: heading(phrases, id),
                blocks: blocks(edit),
                edit: Some(SectionEdit::of(edit)),
            }),
            (None, None) => missing.push(SectionRef {
                id: id.to_owned(),
                heading: heading(phrases, id),
            }),
        }
    }
    // Sections this list does not know (none today) keep their place at the end.
    out.append(sections);
    *sections = out;
    missing
}

/// A section's heading in the policy's language.
pub(super) fn heading(phrases: &Phrases, id: &str) -> String {
    phrases
        .get(&format!("{}.heading", id.replace('-', "_")))
        .to_owned()
}

fn blocks(edit: &PolicyEdit) -> Vec<PolicyBlock> {
    let source = RecordLink {
        kind: RecordKind::PolicyEdit,
        id: edit.id.clone(),
        activity_id: None,
        name: String::new(),
        field: Some("text".into()),
    };
    let block = |kind, text: &str| PolicyBlock {
        kind,
        spans: vec![Span::text(text)],
        sources: vec![source.clone()],
    };
    let mut out = Vec::new();
    for paragraph in paragraphs(&edit.fields.text) {
        match paragraph {
            Paragraph::Prose(text) => out.push(block(BlockKind::Paragraph, &text)),
            Paragraph::List(items) => {
                out.extend(items.iter().map(|item| block(BlockKind::Item, item)));
            }
        }
    }
    out
}

impl SectionEdit {
    fn of(edit: &PolicyEdit) -> SectionEdit {
        SectionEdit {
            id: edit.id.clone(),
            mode: edit.fields.mode,
            text: edit.fields.text.clone(),
            base: edit.base.clone(),
        }
    }
}
