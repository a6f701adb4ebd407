//! The draft privacy policy as the public reads it: every Art. 13/14
//! element of a complete register appears; removing a fact turns it into a
//! placeholder and a checklist entry naming the field that fixes it; hostile
//! text stays text in Markdown, HTML and PDF; the same register gives the
//! same documents.

use std::path::Path;
use std::process::Command;

use steward_api::{
    ExportedActivity, FixedClock, LegalBasis, PeriodUnit, ProvisionRequirement, RegisterExport,
    RetentionRule, RetentionRuleInput, SourceKind, Steward,
};
use steward_docs::policy::{PolicyDraft, draft, html, markdown};
use steward_docs::{PolicyFormat, policy_document};

const AT: &str = "2026-11-22T10:00:00Z";

fn demo() -> RegisterExport {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    api.load_demo().unwrap();
    api.export_register().unwrap()
}

/// The demo register with the facts it leaves out (on purpose, to show the
/// checklist) filled in: a register that records every element.
fn complete() -> RegisterExport {
    let mut register = demo();
    for activity in &mut register.activities {
        let fields = &mut activity.activity.fields;
        if fields.provision_requirement == ProvisionRequirement::NotStated {
            fields.provision_requirement = ProvisionRequirement::Voluntary;
        }
        for purpose in &mut activity.purposes {
            purpose
                .fields
                .legal_basis
                .get_or_insert(LegalBasis::Contract);
        }
        for source in &mut activity.sources {
            if source.fields.kind == SourceKind::Organisation {
                source.fields.notice = "The registration page links to this policy.".into();
            }
        }
        if activity.retention_rules.is_empty() {
            activity.retention_rules.push(RetentionRule {
                id: format!("{}-retention", activity.activity.id),
                fields: RetentionRuleInput {
                    activity_id: activity.activity.id.clone(),
                    period_value: Some(3),
                    period_unit: Some(PeriodUnit::Months),
                    trigger_event: "The event".into(),
                    ..RetentionRuleInput::default()
                },
                created_at: AT.into(),
                updated_at: AT.into(),
                base: String::new(),
            });
        }
    }
    register
}

fn activity<'a>(register: &'a mut RegisterExport, name: &str) -> &'a mut ExportedActivity {
    register
        .activities
        .iter_mut()
        .find(|a| a.activity.fields.name == name)
        .unwrap_or_else(|| panic!("the demo has {name}"))
}

#[test]
fn a_complete_register_states_every_element_and_leaves_nothing_to_complete() {
    let draft = draft(&complete());
    assert!(draft.checklist.is_empty(), "{:#?}", draft.checklist);
    let md = markdown::render(&draft);
    assert!(!md.contains("To complete"), "{md}");
    for (element, expected) in [
        (
            "13(1)(a) identity",
            "Riverside Community Garden Association",
        ),
        ("13(1)(a) contact", "privacy@riverside-garden.example"),
        ("13(1)(a) representative", "Gartenfreunde Vertretung GmbH"),
        (
            "13(1)(c) purpose",
            "Send the monthly newsletter to subscribers",
        ),
        ("13(1)(c) legal basis", "on the basis of your consent"),
        (
            "13(1)(d) legitimate interest",
            "Running the garden with the help of volunteers.",
        ),
        ("13(1)(e) processor", "Mailchimp: Sends the newsletter"),
        (
            "13(1)(f) transfer",
            "United States (US) (The Rocket Science Group LLC)",
        ),
        (
            "13(1)(f) mechanism",
            "certified under the EU-U.S. Data Privacy Framework",
        ),
        ("13(1)(f) copy", "To obtain a copy of the safeguards"),
        (
            "13(2)(a) period",
            "Donation history: 6 years after the end of the tax year",
        ),
        (
            "13(2)(a) criterion",
            "Email address: Until the subscriber unsubscribes.",
        ),
        ("13(2)(b) access", "get a copy of it (access)"),
        ("13(2)(b) portability", "(portability)"),
        (
            "13(2)(c) withdraw consent",
            "you can withdraw it at any time",
        ),
        (
            "13(2)(d) complaint",
            "You also have the right to complain to a data protection authority",
        ),
        // The demo is a UK association that the GDPR reaches (Art. 3(2)):
        // the ICO is not its lead authority under the GDPR.
        (
            "13(2)(d) another authority",
            "You can also complain to Information Commissioner's Office (ICO).",
        ),
        ("establishment", "We are based in the United Kingdom."),
        (
            "Art. 3(2)",
            "applies to us because we offer our services to people in the European Union",
        ),
        (
            "13(2)(e) requirement",
            "Newsletter: giving us this data is up to you.",
        ),
        (
            "13(2)(f) automated decisions",
            "We do not make decisions about you based solely",
        ),
        (
            "14(1)(d) categories",
            "From Eventbrite, Inc., we receive identity and email address",
        ),
        (
            "14(2)(f) source",
            "Personal data we receive from other organisations",
        ),
        (
            "14(3) how and when people are told",
            "How we tell you: the registration page links to this policy.",
        ),
        (
            "Art. 9 condition, special data only",
            "For health data, which the law protects specially",
        ),
        ("minimum age", "not meant for children under 16"),
        ("response time", "We answer within 30 days."),
        (
            "breach notification",
            "If a breach is likely to put your rights at risk",
        ),
        ("other disclosures", "when the law requires it"),
        ("opt-out", "unsubscribe link"),
        ("changes", "at least 30 days before they apply"),
        (
            "scope",
            "This policy covers riverside-garden.example and the Riverside Harvest Festival.",
        ),
        ("effective date", "Effective from 1 March 2026"),
        ("de-identified data", "yearly totals"),
    ] {
        // Markdown escapes some punctuation; compare with it unescaped.
        let plain = md.replace('\\', "");
        assert!(
            plain.contains(expected),
            "{element}: {expected:?} missing from\n{plain}"
        );
    }
}

/// A mutation of the complete register, the element it removes, and the
/// field the checklist must name to fix it.
type Mutation = (&'static str, &'static str, fn(&mut RegisterExport));

const MUTATIONS: &[Mutation] = &[
    ("Art. 13(1)(a)", "legalName", |r| {
        r.organisation.legal_name.clear()
    }),
    ("Art. 13(1)(a)", "contactEmail", |r| {
        r.organisation.contact_email.clear();
        r.organisation.address.clear();
    }),
    ("Art. 13(1)(c)", "legalBasis", |r| {
        activity(r, "Newsletter").purposes[0].fields.legal_basis = None;
    }),
    ("Art. 13(1)(c)", "purposes", |r| {
        activity(r, "Newsletter").purposes.clear()
    }),
    ("Art. 13(1)(d)", "legitimateInterest", |r| {
        let a = activity(r, "Volunteer coordination");
        let p = a
            .purposes
            .iter_mut()
            .find(|p| p.fields.legal_basis == Some(LegalBasis::LegitimateInterests))
            .unwrap();
        p.fields.legitimate_interest.clear();
    }),
    ("Art. 13(1)(f)", "mechanism", |r| {
        activity(r, "Newsletter").transfers[0].fields.mechanism = None;
    }),
    ("Art. 13(2)(a)", "retentionRules", |r| {
        activity(r, "Newsletter").retention_rules.clear();
    }),
    ("Art. 13(2)(a)", "periodValue", |r| {
        let rule = &mut activity(r, "Newsletter").retention_rules[0].fields;
        rule.period_value = None;
        rule.period_unit = None;
        rule.criterion.clear();
    }),
    ("Art. 13(1)(a)", "euRepresentative", |r| {
        r.organisation.eu_representative.clear();
    }),
    ("Art. 13(2)(e)", "provisionRequirement", |r| {
        activity(r, "Newsletter")
            .activity
            .fields
            .provision_requirement = ProvisionRequirement::NotStated;
    }),
    ("Art. 13(2)(f)", "admLogic", |r| {
        let f = &mut activity(r, "Newsletter").activity.fields;
        f.automated_decisions = true;
        f.adm_logic.clear();
    }),
    ("Art. 14(2)(f)", "sourceOrganisationId", |r| {
        for a in &mut r.activities {
            for s in &mut a.sources {
                if s.fields.kind == SourceKind::Organisation {
                    s.fields.source_organisation_id = None;
                }
            }
        }
    }),
    ("Art. 14(1)(d)", "dataCategories", |r| {
        for a in &mut r.activities {
            if a.sources
                .iter()
                .any(|s| s.fields.kind == SourceKind::Organisation)
            {
                a.subject_groups.clear();
                for s in &mut a.sources {
                    s.fields.data_categories.clear();
                }
            }
        }
    }),
];

fn has_gap(draft: &PolicyDraft, element: &str, field: &str) -> bool {
    draft
        .checklist
        .iter()
        .any(|g| g.element == element && g.fix.field.as_deref() == Some(field))
}

#[test]
fn removing_a_fact_turns_it_into_a_placeholder_and_a_checklist_entry() {
    for (element, field, mutate) in MUTATIONS {
        let mut register = complete();
        mutate(&mut register);
        let draft = draft(&register);
        assert!(
            has_gap(&draft, element, field),
            "{element} ({field}): no checklist entry in {:#?}",
            draft.checklist
        );
        let gap = draft
            .checklist
            .iter()
            .position(|g| g.element == *element && g.fix.field.as_deref() == Some(field))
            .unwrap();
        // The placeholder is in the text, in the section the entry names.
        let section = draft
            .sections
            .iter()
            .find(|s| s.id == draft.checklist[gap].section)
            .unwrap_or_else(|| panic!("{element}: its section is in the draft"));
        let marked = section
            .blocks
            .iter()
            .flat_map(|b| &b.spans)
            .any(|s| s.gap == Some(u32::try_from(gap).unwrap()));
        assert!(
            marked,
            "{element} ({field}): no placeholder in {}",
            section.id
        );
        let md = markdown::render(&draft);
        assert!(md.contains("**\\[To complete: "), "{element}: {md}");
        let page = html::render(&draft);
        assert!(
            page.contains("<mark class=\"placeholder\">[To complete: "),
            "{element}"
        );
        // The fix names a record the app can open.
        let fix = &draft.checklist[gap].fix;
        assert!(
            fix.kind == steward_api::RecordKind::Organisation || !fix.id.is_empty(),
            "{element}: {fix:?}"
        );
    }
}

/// Absence is a placeholder, never a denial: an empty list of transfers,
/// recipients or automated decisions makes the policy say "we do not" only
/// when a person confirmed it in the organisation's policy settings, and a
/// record says otherwise whatever was confirmed.
#[test]
fn the_policy_denies_only_what_a_person_confirmed() {
    use steward_api::ConfirmedNone;
    // Established in the EU: "we do not transfer" is the denial (one outside
    // it says that, apart from itself, no one handles the data abroad).
    let mut register = established("DE", None);
    for activity in &mut register.activities {
        activity.transfers.clear();
        activity.recipients.clear();
        activity.activity.fields.automated_decisions = false;
        activity.activity.fields.profiling = false;
    }
    let denials = [
        (
            ConfirmedNone::Transfers,
            "We do not transfer your personal data to other countries.",
            "Art. 13(1)(f)",
        ),
        (
            ConfirmedNone::Sharing,
            "We do not share your personal data with anyone outside our organisation.",
            "Art. 13(1)(e)",
        ),
        (
            ConfirmedNone::AutomatedDecisions,
            "We do not make decisions about you based solely on automated processing",
            "Art. 13(2)(f)",
        ),
    ];
    register.organisation.policy.confirmed_none.clear();
    let unconfirmed = draft(&register);
    let md = markdown::render(&unconfirmed).replace('\\', "");
    for (_, denial, element) in denials {
        assert!(!md.contains(denial), "{denial}");
        assert!(has_gap(&unconfirmed, element, "confirmedNone"), "{element}");
    }
    assert!(
        md.contains("[To complete: whether personal data goes to other countries"),
        "{md}"
    );

    register.organisation.policy.confirmed_none = ConfirmedNone::ALL.to_vec();
    let confirmed = draft(&register);
    let md = markdown::render(&confirmed).replace('\\', "");
    for (_, denial, element) in denials {
        assert!(md.contains(denial), "{denial}: {md}");
        assert!(!has_gap(&confirmed, element, "confirmedNone"), "{element}");
    }

    // Confirmed, but a record says otherwise: the record wins.
    let mut contradicted = complete();
    contradicted.organisation.policy.confirmed_none = ConfirmedNone::ALL.to_vec();
    let md = markdown::render(&draft(&contradicted)).replace('\\', "");
    assert!(
        !md.contains(denials[0].1),
        "the demo records a transfer: {md}"
    );
    assert!(!md.contains(denials[1].1), "the demo records recipients");
}

/// The complete demo, with its organisation established in `country` for
/// `reach`.
fn established(country: &str, reach: Option<steward_api::GdprReach>) -> RegisterExport {
    let mut register = complete();
    register.organisation.country = country.into();
    register.organisation.gdpr_reach = reach;
    register
}

fn plain_markdown(register: &RegisterExport) -> String {
    markdown::render(&draft(register)).replace('\\', "")
}

/// The three seed organisations are established outside the EU: the policy
/// says where the organisation is and why the GDPR reaches it, asks for the
/// representative Art. 27 requires, names no lead authority it does not
/// have, and tells people that what they give goes abroad.
#[test]
fn a_controller_outside_the_eu_is_stated_as_it_is() {
    use steward_api::GdprReach;
    let us = established("US", Some(GdprReach::OffersToPeopleInEu));
    let md = plain_markdown(&us);
    for expected in [
        "We are based in the United States.",
        "applies to us because we offer our services to people in the European Union.",
        "We are based in the United States, outside the European Union: the personal data you give us goes to an organisation there.",
        "You can also complain to Information Commissioner's Office (ICO).",
        "Our representative in the European Union is Gartenfreunde Vertretung GmbH",
    ] {
        assert!(md.contains(expected), "{expected:?} missing from\n{md}");
    }
    assert!(
        !md.contains("Ours is"),
        "no lead authority outside the EU: {md}"
    );

    // Without its representative, the policy asks for one (Art. 27).
    let mut unrepresented = us.clone();
    unrepresented.organisation.eu_representative.clear();
    let d = draft(&unrepresented);
    assert!(
        has_gap(&d, "Art. 13(1)(a)", "euRepresentative"),
        "{:#?}",
        d.checklist
    );

    // A Chinese project that confirmed it sends nothing abroad: apart from
    // itself, no one handles the data outside the EU; "we do not transfer"
    // would be false, as the data goes to China.
    let mut cn = established("CN", Some(GdprReach::OffersAndMonitors));
    for activity in &mut cn.activities {
        activity.transfers.clear();
    }
    cn.organisation.policy.confirmed_none = vec![steward_api::ConfirmedNone::Transfers];
    let md = plain_markdown(&cn);
    assert!(md.contains("We are based in China."), "{md}");
    assert!(
        md.contains(
            "offer our services to people in the European Union and follow how they use them"
        ),
        "{md}"
    );
    assert!(
        md.contains("Apart from us, no one handles your personal data outside the European Union."),
        "{md}"
    );
    assert!(!md.contains("We do not transfer"), "{md}");

    // Established in the EU: the authority is its own, no representative is
    // asked for, and nothing is said about reaching in from abroad.
    let mut de = established("DE", None);
    de.organisation.eu_representative.clear();
    let d = draft(&de);
    assert!(
        !has_gap(&d, "Art. 13(1)(a)", "euRepresentative"),
        "{:#?}",
        d.checklist
    );
    let md = plain_markdown(&de);
    assert!(md.contains("We are based in Germany."), "{md}");
    assert!(
        md.contains("Ours is Information Commissioner's Office (ICO)."),
        "{md}"
    );
    assert!(!md.contains("applies to us because"), "{md}");
    assert!(
        !md.contains("outside the European Union: the personal data"),
        "{md}"
    );

    // Where each activity keeps its data, when recorded.
    let mut located = de.clone();
    activity(&mut located, "Newsletter")
        .activity
        .fields
        .data_location = "Mailchimp's servers\nin the United States".into();
    let md = plain_markdown(&located);
    assert!(md.contains("Where we keep personal data:"), "{md}");
    assert!(
        md.contains("Newsletter: Mailchimp's servers, in the United States."),
        "{md}"
    );
}

/// A missing contact, authority or name is a placeholder or nothing, never
/// an empty slot in a sentence ("write to us at ."), in every format.
#[test]
fn a_missing_contact_name_or_authority_leaves_no_empty_slot() {
    let mut register = complete();
    register.organisation.contact_email.clear();
    register.organisation.address.clear();
    register.organisation.legal_name.clear();
    register.organisation.supervisory_authority.clear();
    let d = draft(&register);
    // One checklist entry per missing fact, however often it is missing.
    let contact: Vec<_> = d
        .checklist
        .iter()
        .filter(|g| g.fix.field.as_deref() == Some("contactEmail"))
        .collect();
    assert_eq!(contact.len(), 1, "{:#?}", d.checklist);
    // Art. 13(2)(d) asks for the right to complain, not for an authority.
    assert!(
        !d.checklist.iter().any(|g| g.element == "Art. 13(2)(d)"),
        "{:#?}",
        d.checklist
    );
    let md = plain_markdown(&register);
    let page = html::render(&d);
    let at = AT.parse().unwrap();
    let bytes = policy_document(&d, PolicyFormat::Pdf, at).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("policy.pdf");
    std::fs::write(&path, &bytes).unwrap();
    let pdf = tool("pdftotext", &[], &path);
    let pdf = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    for (format, text) in [("Markdown", &md), ("HTML", &page), ("PDF", &pdf)] {
        for empty in [" at .", " at :", "contact :", "Ours is .", "is ."] {
            assert!(!text.contains(empty), "{format}: {empty:?} in\n{text}");
        }
        assert!(
            text.contains("To complete: an email or postal address"),
            "{format}: {text}"
        );
        assert!(
            text.contains("You also have the right to complain"),
            "{format}"
        );
    }
    assert!(
        md.contains("write to us at **[To complete: an email or postal address"),
        "{md}"
    );
}

/// Art. 13(2)(b): the rights stated follow the legal bases recorded: no
/// portability promised for processing on legitimate interests alone, no
/// objection where nothing rests on legitimate interests or a public task.
#[test]
fn the_rights_stated_follow_the_legal_bases() {
    use LegalBasis::*;
    // The bases the purposes use, then: objection stated, portability stated.
    type Row = (&'static [LegalBasis], bool, bool);
    let table: &[Row] = &[
        (&[LegitimateInterests], true, false),
        (&[PublicTask], true, false),
        (&[Consent], false, true),
        (&[Contract], false, true),
        (&[LegalObligation], false, false),
        (&[VitalInterests], false, false),
        (&[Consent, LegitimateInterests], true, true),
        (&[LegalObligation, Contract], false, true),
    ];
    for (bases, objection, portability) in table {
        let mut register = complete();
        let mut i = 0;
        for activity in &mut register.activities {
            for purpose in &mut activity.purposes {
                purpose.fields.legal_basis = Some(bases[i % bases.len()]);
                i += 1;
            }
        }
        let md = plain_markdown(&register);
        assert_eq!(md.contains("(objection)"), *objection, "{bases:?}: {md}");
        assert_eq!(md.contains("(portability)"), *portability, "{bases:?}");
        for always in ["(access);", "(rectification);", "(erasure);"] {
            assert!(md.contains(always), "{bases:?}: {always}");
        }
        // The list ends with a full stop, whichever right is last.
        let last = if *portability {
            "(portability)."
        } else if *objection {
            "(objection)."
        } else {
            "(restriction)."
        };
        assert!(md.contains(last), "{bases:?}: {last} in {md}");
    }
}

/// One legitimate interest behind several uses is stated once, not once
/// per use (OpenInfra's draft repeated its interest twenty times).
#[test]
fn a_legitimate_interest_shared_by_several_uses_is_stated_once() {
    let interest = "Keeping the garden running with volunteers";
    let mut register = complete();
    let mut purposes = vec![];
    for activity in &mut register.activities {
        for purpose in &mut activity.purposes {
            purpose.fields.legal_basis = Some(LegalBasis::LegitimateInterests);
            purpose.fields.legitimate_interest = interest.into();
            purposes.push(purpose.fields.description.clone());
        }
    }
    assert!(purposes.len() > 2);
    let md = plain_markdown(&register);
    assert_eq!(md.matches(interest).count(), 1, "{md}");
    assert!(md.contains(&format!(
        "Wherever we rely on our legitimate interests below, our interest is: {interest}."
    )));

    // Two interests, one of them shared: the shared one names its uses.
    let other = "Thanking donors";
    let last = register.activities.last_mut().unwrap();
    last.purposes[0].fields.legitimate_interest = other.into();
    let md = plain_markdown(&register);
    assert_eq!(md.matches(interest).count(), 1, "{md}");
    assert!(
        md.contains(&format!("Our legitimate interest: {other}.")),
        "{md}"
    );
    assert!(md.contains("Our legitimate interest in \u{201c}"), "{md}");
}

/// A retention rule several activities share is one line naming the data
/// of each, not one line per activity.
#[test]
fn a_retention_rule_shared_by_activities_is_one_line() {
    let rule = "As long as reasonably necessary for the purpose";
    let mut register = complete();
    let mut names = vec![];
    for activity in register.activities.iter_mut().take(2) {
        names.push(activity.activity.fields.name.clone());
        for r in &mut activity.retention_rules {
            r.fields.period_value = None;
            r.fields.period_unit = None;
            r.fields.criterion = rule.into();
        }
    }
    let md = plain_markdown(&register);
    assert_eq!(md.matches(rule).count(), 1, "{md}");
    for name in &names {
        assert!(md.contains(&format!("({name})")), "{name}: {md}");
    }
}

/// Art. 14(1)(d): what a source organisation supplies is what was recorded
/// for that source, never the activity's other data; nothing recorded is a
/// placeholder.
#[test]
fn a_source_supplies_only_the_data_recorded_for_it() {
    let mut register = complete();
    let mut cleared = None;
    for activity in &mut register.activities {
        for source in &mut activity.sources {
            if source.fields.kind == SourceKind::Organisation && cleared.is_none() {
                source.fields.data_categories.clear();
                cleared = Some(source.id.clone());
            }
        }
    }
    assert!(cleared.is_some(), "the demo has a source organisation");
    let draft = draft(&register);
    assert!(
        has_gap(&draft, "Art. 14(1)(d)", "dataCategories"),
        "{:#?}",
        draft.checklist
    );
    let md = markdown::render(&draft).replace('\\', "");
    assert!(
        md.contains("[To complete: which kinds of personal data"),
        "{md}"
    );
}

const HOSTILE: &str = "<script>alert('x')</script> **bold** [link](javascript:alert(1)) & &amp; `tick` \\ {age} #set page(\"a5\")";

fn hostile() -> RegisterExport {
    let mut register = complete();
    register.organisation.legal_name = format!("Org {HOSTILE}");
    register.organisation.security_notes = format!("# Heading?\n- item?\n{HOSTILE}");
    let a = activity(&mut register, "Newsletter");
    a.purposes[0].fields.description = format!("Purpose {HOSTILE}");
    register.recipients[0].fields.trading_name = format!("Recipient {HOSTILE}");
    register.source_organisations[0].fields.name = format!("Source {HOSTILE}");
    register
}

#[test]
fn hostile_text_renders_literally_in_markdown_and_html() {
    use pulldown_cmark::{Event, Parser, Tag};
    let draft = draft(&hostile());
    let md = markdown::render(&draft);
    let mut text = String::new();
    for event in Parser::new(&md) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML in the Markdown: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("a link to {dest_url}"),
            // The draft's only strong text is placeholders; it has none.
            Event::Start(Tag::Strong) => panic!("strong text from user text"),
            _ => {}
        }
    }
    for who in ["Org", "Purpose", "Recipient", "Source"] {
        assert!(text.contains(&format!("{who} {HOSTILE}")), "{who}: {text}");
    }
    assert!(text.contains("# Heading?\n- item?\n"), "{text}");

    let page = html::render(&draft);
    assert!(!page.contains("<script>"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{page}"
    );
    assert!(
        page.contains("&amp;amp;"),
        "an entity in user text stays text"
    );
    assert!(!page.contains("href=\"javascript"), "{page}");
}

/// The HTML links the addresses records hold (a recipient's or a website
/// third party's privacy policy, the contact and DPO e-mail addresses) and
/// nothing else: an address typed inside free text stays text, so that no
/// text a person typed becomes a link by accident or by design.
#[test]
fn the_html_links_the_addresses_records_hold_and_nothing_else() {
    let mut register = complete();
    register.organisation.policy.cookie_controls =
        "See https://evil.example/cookies or write to someone@evil.example.".into();
    register.organisation.dpo_name = "Dana Protector".into();
    register.organisation.dpo_contact = "dpo@riverside-garden.example".into();
    let page = html::render(&draft(&register));
    assert!(
        page.contains("<a href=\"mailto:privacy@riverside-garden.example\">privacy@riverside-garden.example</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"mailto:dpo@riverside-garden.example\">"),
        "{page}"
    );
    assert!(page.contains("See https://evil.example/cookies"), "{page}");
    assert!(!page.contains("href=\"https://evil.example"), "{page}");
    assert!(!page.contains("mailto:someone@evil.example"), "{page}");
    // Markdown stays plain text, the address included.
    let md = markdown::render(&draft(&register));
    assert!(!md.contains("](mailto:"), "{md}");
}

/// Runs a poppler or qpdf tool (installed by .dev/install-deps).
fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(name);
    command.args(args).arg(pdf);
    if name == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (bash .dev/install-deps): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_pdf_is_valid_and_prints_hostile_text_as_typed() {
    let at = AT.parse().unwrap();
    let bytes = policy_document(&draft(&hostile()), PolicyFormat::Pdf, at).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("policy.pdf");
    std::fs::write(&path, &bytes).unwrap();
    tool("qpdf", &["--check"], &path);
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2b");
    let text = tool("pdftotext", &[], &path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Privacy policy of Org <script>alert('x')</script>",
        "**bold** [link](javascript:alert(1)) & &amp; `tick` \\ {age} #set page(\"a5\")",
        "Your rights",
        "Transfers to other countries",
        "# Heading? - item?",
    ] {
        assert!(flat.contains(expected), "{expected:?} missing from\n{flat}");
    }
}

#[test]
fn the_same_register_gives_the_same_documents() {
    let at = AT.parse().unwrap();
    for format in [
        PolicyFormat::Markdown,
        PolicyFormat::Html,
        PolicyFormat::Pdf,
    ] {
        let one = policy_document(&draft(&complete()), format, at).unwrap();
        let two = policy_document(&draft(&complete()), format, at).unwrap();
        assert!(one == two, "{format:?} differs between two runs");
    }
}

#[test]
fn the_demo_draft_lists_what_the_demo_lacks() {
    let draft = draft(&demo());
    let elements: Vec<&str> = draft.checklist.iter().map(|g| g.element.as_str()).collect();
    // The demo leaves out a legal basis and a retention rule (festival) and
    // whether giving data is required: the checklist shows each.
    assert!(elements.contains(&"Art. 13(1)(c)"), "{elements:?}");
    assert!(elements.contains(&"Art. 13(2)(a)"), "{elements:?}");
    assert!(elements.contains(&"Art. 13(2)(e)"), "{elements:?}");
    // The checks' finding that makes the policy incomplete comes last: no
    // notice is recorded for the data Eventbrite sends (Art. 14(3)). It has
    // no placeholder: the policy text itself is not missing anything.
    let last = draft.checklist.last().unwrap();
    assert_eq!(
        (last.element.as_str(), last.fix.field.as_deref()),
        ("Art. 14(3)", Some("notice"))
    );
    assert!(last.message.contains("Eventbrite"), "{}", last.message);
    // Every other checklist entry is shown exactly once in the text.
    let mut shown: Vec<u32> = draft
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .flat_map(|b| &b.spans)
        .filter_map(|s| s.gap)
        .collect();
    shown.sort_unstable();
    let all: Vec<u32> = (0..u32::try_from(draft.checklist.len() - 1).unwrap()).collect();
    assert_eq!(shown, all);
}
