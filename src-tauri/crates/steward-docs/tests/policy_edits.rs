//! A person's own text in the privacy policy survives regeneration, and the
//! draft is compared with the version last saved: driven through the API as
//! the app and the CLI use it.

use steward_api::{
    FixedClock, PolicyEditInput, PolicyEditMode, RecipientInput, RecordKind, Steward,
};
use steward_docs::policy::changes::{LineChange, changes};
use steward_docs::policy::{PolicyDraft, draft, html, markdown};

const AT: &str = "2026-11-22T10:00:00Z";

fn demo() -> Steward {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    api.load_demo().unwrap();
    api
}

fn draft_of(api: &Steward) -> PolicyDraft {
    draft(&api.export_register().unwrap())
}

fn section<'a>(draft: &'a PolicyDraft, id: &str) -> &'a steward_docs::policy::PolicySection {
    draft
        .sections
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("the draft has {id}"))
}

fn texts(section: &steward_docs::policy::PolicySection) -> Vec<String> {
    section
        .blocks
        .iter()
        .map(|b| b.spans.iter().map(|s| s.text.as_str()).collect())
        .collect()
}

fn edit(section_id: &str, mode: PolicyEditMode, text: &str) -> PolicyEditInput {
    PolicyEditInput {
        section_id: section_id.into(),
        mode,
        text: text.into(),
    }
}

#[test]
fn added_text_follows_the_generated_text_and_survives_a_change_of_the_register() {
    let mut api = demo();
    // The demo adds a promise to "Who we share your data with".
    let sharing = texts(section(&draft_of(&api), "sharing"));
    assert_eq!(
        sharing.last().unwrap(),
        "We never sell, rent or trade your personal data."
    );
    let generated = sharing.len() - 1;

    // The register changes: the section is written again, with the text.
    let recipient = api
        .create_recipient(RecipientInput {
            legal_name: "Riverside Print Shop Ltd".into(),
            country: "GB".into(),
            ..RecipientInput::default()
        })
        .unwrap();
    let activity = api.list_activities().unwrap()[0].id.clone();
    api.create_activity_recipient(steward_api::ActivityRecipientInput {
        activity_id: activity,
        recipient_id: Some(recipient.id),
        role: steward_api::RecipientRole::Processor,
        purpose: "Prints the membership cards.".into(),
        ..Default::default()
    })
    .unwrap();
    let draft = draft_of(&api);
    let sharing = section(&draft, "sharing");
    let now = texts(sharing);
    assert!(now.len() > generated + 1, "{now:#?}");
    assert!(now.iter().any(|t| t.contains("Riverside Print Shop Ltd")));
    assert_eq!(
        now.last().unwrap(),
        "We never sell, rent or trade your personal data."
    );
    let last = sharing.blocks.last().unwrap();
    assert_eq!(last.sources[0].kind, RecordKind::PolicyEdit);
    let edit = sharing
        .edit
        .as_ref()
        .expect("the section says it is edited");
    assert_eq!(edit.mode, PolicyEditMode::Append);
    let md = markdown::render(&draft);
    assert!(md.contains("We never sell, rent or trade your personal data."));
}

#[test]
fn replaced_text_is_the_whole_section_and_placeholders_stay_in_the_checklist() {
    let mut api = demo();
    let before = draft_of(&api);
    let retention_gaps = before
        .checklist
        .iter()
        .filter(|g| g.section == "retention")
        .count();
    assert!(retention_gaps > 0, "the demo lacks a retention rule");

    let saved = api
        .save_policy_edit(&edit(
            "retention",
            PolicyEditMode::Replace,
            "We keep your data only as long as the association needs it:\n\n- membership records: until you leave\n- festival registrations: three months",
        ), None)
        .unwrap();
    let draft = draft_of(&api);
    assert_eq!(
        texts(section(&draft, "retention")),
        vec![
            "We keep your data only as long as the association needs it:",
            "membership records: until you leave",
            "festival registrations: three months",
        ]
    );
    assert!(
        section(&draft, "retention")
            .blocks
            .iter()
            .all(|b| b.spans.iter().all(|s| s.gap.is_none()))
    );
    assert_eq!(
        draft
            .checklist
            .iter()
            .filter(|g| g.section == "retention")
            .count(),
        retention_gaps,
        "the register still lacks the facts"
    );
    let md = markdown::render(&draft);
    assert!(
        md.contains("- membership records: until you leave\n- festival"),
        "{md}"
    );

    // A second save for the section changes its text; removing it brings
    // the generated text back, and restoring undoes the removal.
    let again = api
        .save_policy_edit(
            &edit("retention", PolicyEditMode::Append, "Ask us for details."),
            None,
        )
        .unwrap();
    assert_eq!(again.id, saved.id);
    assert_eq!(api.list_policy_edits().unwrap().len(), 2);
    api.delete_policy_edit(&saved.id, None).unwrap();
    assert_eq!(draft_of(&api).sections, before.sections);
    api.restore_policy_edit(&saved.id).unwrap();
    assert_eq!(
        texts(section(&draft_of(&api), "retention")).last().unwrap(),
        "Ask us for details."
    );
}

#[test]
fn a_section_the_register_says_nothing_for_can_be_written_in_its_place() {
    let mut api = demo();
    // Without the profile's words on de-identified data, the draft has no
    // such section, and offers it for writing.
    let without = |api: &Steward| {
        let mut register = api.export_register().unwrap();
        register.organisation.policy.deidentified_data.clear();
        draft(&register)
    };
    let before = without(&api);
    assert!(before.sections.iter().all(|s| s.id != "deidentified"));
    assert!(
        before
            .unwritten_sections
            .iter()
            .any(|s| s.id == "deidentified")
    );

    api.save_policy_edit(
        &edit(
            "deidentified",
            PolicyEditMode::Append,
            "We publish only totals, such as the number of members.",
        ),
        None,
    )
    .unwrap();
    let draft = without(&api);
    assert!(
        draft
            .unwritten_sections
            .iter()
            .all(|s| s.id != "deidentified")
    );
    let order: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
    let at = order.iter().position(|id| *id == "deidentified").unwrap();
    assert_eq!(
        (order[at - 1], order[at + 1]),
        ("children", "rights"),
        "{order:?}"
    );
    let written = section(&draft, "deidentified");
    assert_eq!(written.heading, "De-identified and aggregated data");
    assert_eq!(
        texts(written),
        vec!["We publish only totals, such as the number of members."]
    );

    let refused = api
        .save_policy_edit(&edit("cookies", PolicyEditMode::Append, "Text"), None)
        .unwrap_err();
    assert_eq!(refused.fields[0].field, "sectionId");
    let empty = api
        .save_policy_edit(&edit("deidentified", PolicyEditMode::Append, "  "), None)
        .unwrap_err();
    assert_eq!(empty.fields[0].field, "text");
    assert_eq!(api.list_policy_edits().unwrap().len(), 2, "nothing written");
}

#[test]
fn a_persons_text_is_never_markup() {
    let mut api = demo();
    let hostile = "<script>alert(1)</script> *bold* [link](https://evil.example) #set text(red)\n# not a heading";
    api.save_policy_edit(&edit("contact", PolicyEditMode::Append, hostile), None)
        .unwrap();
    let draft = draft_of(&api);
    let md = markdown::render(&draft);
    assert!(md.contains("\\<script\\>"), "{md}");
    assert!(!md.contains("\n# not a heading"), "{md}");
    let html = html::render(&draft);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
}

#[test]
fn the_draft_is_compared_with_the_version_last_saved() {
    let clock = std::sync::Arc::new(FixedClock::new(AT.parse().unwrap()));
    let mut api = Steward::open_in_memory(Box::new(clock.clone())).unwrap();
    api.load_demo().unwrap();
    let md = markdown::render(&draft_of(&api));
    let none = changes(&api.export_register().unwrap(), &md);
    assert!(none.saved.is_none() && none.hunks.is_empty());

    let version = api
        .save_policy_version(&md, "Published on the website")
        .unwrap();
    assert_eq!(version.fields.saved_at, "2026-11-22T10:00:00Z");
    let same = changes(&api.export_register().unwrap(), &md);
    assert_eq!(
        same.saved.as_ref().unwrap().note,
        "Published on the website"
    );
    assert_eq!((same.added, same.removed), (0, 0));
    assert!(same.hunks.is_empty());

    // The register changes a little later: the festival's purpose gets its legal basis,
    // and the placeholder in its paragraph goes.
    clock.advance(jiff::SignedDuration::from_mins(5));
    let export = api.export_register().unwrap();
    let festival = export
        .activities
        .iter()
        .find(|a| a.activity.fields.name == "Harvest festival registration")
        .unwrap();
    let mut purpose = festival.purposes[0].clone();
    purpose.fields.legal_basis = Some(steward_api::LegalBasis::Contract);
    api.update_purpose(&purpose.id, purpose.fields, None)
        .unwrap();
    api.save_policy_edit(
        &edit(
            "contact",
            PolicyEditMode::Append,
            "We answer within a week.",
        ),
        None,
    )
    .unwrap();

    let md2 = markdown::render(&draft_of(&api));
    let diff = changes(&api.export_register().unwrap(), &md2);
    assert!(diff.added >= 1 && diff.removed >= 1, "{diff:#?}");
    let added: Vec<&str> = diff
        .hunks
        .iter()
        .flatten()
        .filter(|l| l.change == LineChange::Added)
        .map(|l| l.text.as_str())
        .collect();
    assert!(added.contains(&"We answer within a week."), "{added:#?}");
    let removed: Vec<&str> = diff
        .hunks
        .iter()
        .flatten()
        .filter(|l| l.change == LineChange::Removed)
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        removed.iter().any(|t| t.contains("[To complete:")),
        "the placeholder reads as text, without Markdown escapes: {removed:#?}"
    );
    // Every hunk shows context.
    assert!(
        diff.hunks
            .iter()
            .all(|h| h.iter().any(|l| l.change == LineChange::Same))
    );

    // Saving again, a day later: nothing to show.
    clock.advance(jiff::SignedDuration::from_hours(24));
    api.save_policy_version(&md2, "").unwrap();
    let after = changes(&api.export_register().unwrap(), &md2);
    assert_eq!((after.added, after.removed), (0, 0), "{after:#?}");
    assert_eq!(after.saved.unwrap().saved_at, "2026-11-23T10:05:00Z");
    assert_eq!(api.list_policy_versions().unwrap().len(), 2);
}
