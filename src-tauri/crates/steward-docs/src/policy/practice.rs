//! The sections on what we do with the data: uses and legal bases
//! (Art. 13(1)(c)–(d)), whether giving data is required (13(2)(e)),
//! automated decisions (13(2)(f)), sharing (13(1)(e)), transfers
//! (13(1)(f)), retention (13(2)(a)) and security.

use steward_api::{
    ConfirmedNone, LegalBasis, ProvisionRequirement, RecipientRole, RecordKind, SecurityMeasure,
    TransferMechanism,
};

use super::{PolicySection, RecordLink, SectionBuilder, Span, Writer, data_words, link, live};
use steward_api::ExportedActivity;
use steward_core::controller::Scope;
use steward_core::vocabulary::SpecialCategory;
use steward_core::words::{country_name, id_of};

pub(super) fn write(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    uses(w, sections);
    required(w, sections);
    automated(w, sections);
    sharing(w, sections);
    transfers(w, sections);
    retention(w, sections);
    security(w, sections);
}

/// An interest that several uses rely on: stated once, after the list.
struct SharedInterest {
    interest: String,
    purposes: Vec<String>,
    sources: Vec<RecordLink>,
}

/// The legitimate interests that more than one purpose states, in the
/// order they first appear.
fn shared_interests(w: &Writer<'_>) -> Vec<SharedInterest> {
    let mut all: Vec<SharedInterest> = vec![];
    for activity in live(w.register) {
        for purpose in &activity.purposes {
            let p = &purpose.fields;
            if p.legal_basis != Some(LegalBasis::LegitimateInterests)
                || p.legitimate_interest.trim().is_empty()
            {
                continue;
            }
            let here = link::part(RecordKind::Purpose, &purpose.id, activity, None);
            let key = p.legitimate_interest.trim().to_lowercase();
            match all
                .iter_mut()
                .find(|s| s.interest.trim().to_lowercase() == key)
            {
                Some(shared) => {
                    shared.purposes.push(p.description.clone());
                    shared.sources.push(here);
                }
                None => all.push(SharedInterest {
                    interest: p.legitimate_interest.clone(),
                    purposes: vec![p.description.clone()],
                    sources: vec![here],
                }),
            }
        }
    }
    all
}

fn uses(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("uses");
    let interests = shared_interests(w);
    let shared: Vec<&SharedInterest> = interests.iter().filter(|i| i.purposes.len() > 1).collect();
    let is_shared = |interest: &str| {
        let key = interest.trim().to_lowercase();
        shared
            .iter()
            .any(|s| s.interest.trim().to_lowercase() == key)
    };
    for interest in &shared {
        let text = interest.interest.as_str();
        let spans = if shared.len() == 1 && interests.len() == 1 {
            w.fill("uses.interest_all", vec![("interest", text.into())])
        } else {
            let purposes: Vec<String> = interest
                .purposes
                .iter()
                .map(|p| format!("\u{201c}{p}\u{201d}"))
                .collect();
            w.fill(
                "uses.interest_for",
                vec![
                    ("purposes", w.list(&purposes).into()),
                    ("interest", text.into()),
                ],
            )
        };
        s.paragraph(spans, interest.sources.clone());
    }
    s.paragraph(w.fill("uses.lead", vec![]), vec![]);
    for activity in live(w.register) {
        let name = activity.activity.fields.name.as_str();
        let none = activity.purposes.is_empty();
        activity_heading(
            w,
            &mut s,
            activity,
            none.then_some(("Art. 13(1)(c)", "uses.missing_purposes", "purposes")),
        );
        for purpose in &activity.purposes {
            let p = &purpose.fields;
            let here = link::part(RecordKind::Purpose, &purpose.id, activity, None);
            let basis: Vec<Span> = match p.legal_basis {
                Some(basis) => vec![Span::text(w.get(&format!("legal_basis.{}", id_of(&basis))))],
                None => w.gap(
                    "Art. 13(1)(c)",
                    "uses.missing_basis",
                    vec![
                        ("purpose", p.description.as_str().into()),
                        ("activity", name.into()),
                    ],
                    link::part(
                        RecordKind::Purpose,
                        &purpose.id,
                        activity,
                        Some("legalBasis"),
                    ),
                ),
            };
            let mut spans = w.fill(
                "uses.item",
                vec![
                    ("purpose", p.description.as_str().into()),
                    ("basis", basis.into()),
                ],
            );
            if p.legal_basis == Some(LegalBasis::LegitimateInterests)
                && !is_shared(&p.legitimate_interest)
            {
                let interest: Vec<Span> = if p.legitimate_interest.is_empty() {
                    w.gap(
                        "Art. 13(1)(d)",
                        "uses.missing_interest",
                        vec![
                            ("purpose", p.description.as_str().into()),
                            ("activity", name.into()),
                        ],
                        link::part(
                            RecordKind::Purpose,
                            &purpose.id,
                            activity,
                            Some("legitimateInterest"),
                        ),
                    )
                } else {
                    vec![Span::text(&p.legitimate_interest)]
                };
                super::text::push_text(&mut spans, " ");
                spans.extend(w.fill("uses.interest", vec![("interest", interest.into())]));
            }
            s.item(spans, vec![here]);
        }
        for group in &activity.subject_groups {
            let Some(condition) = group.fields.art9_condition else {
                continue;
            };
            // Only the specially protected categories of the group: its
            // other data is not what Art. 9 is about. Without one from the
            // vocabulary, the person's own words are the best guess; with
            // neither, the condition protects nothing the policy can name.
            let categories = &group.fields.data_categories;
            let of = |special: bool| -> Vec<String> {
                categories
                    .iter()
                    .filter(|id| match steward_core::vocabulary::data_category(id) {
                        Some(c) => special && c.special == Some(SpecialCategory::Art9),
                        None => !special,
                    })
                    .cloned()
                    .collect()
            };
            let mut special = of(true);
            if special.is_empty() {
                special = of(false);
            }
            if special.is_empty() {
                continue;
            }
            let data = data_words(&special);
            s.item(
                w.fill(
                    "uses.special",
                    vec![
                        ("data", w.list(&data).into()),
                        (
                            "condition",
                            w.get(&format!("art9.{}", id_of(&condition))).into(),
                        ),
                    ],
                ),
                vec![link::part(
                    RecordKind::SubjectGroup,
                    &group.id,
                    activity,
                    None,
                )],
            );
        }
    }
    if s.blocks_len() > 1 {
        s.finish(sections);
    }
}

/// Starts an activity's part of a per-activity section: its name as a
/// subheading and, when it has no rows of the section's kind, a placeholder
/// (`missing`: the element, the sentence saying what to record, the field).
fn activity_heading(
    w: &mut Writer<'_>,
    s: &mut SectionBuilder,
    activity: &ExportedActivity,
    missing: Option<(&str, &str, &str)>,
) {
    let name = activity.activity.fields.name.as_str();
    s.subheading(name, vec![link::activity(activity, None)]);
    if let Some((element, key, field)) = missing {
        let gap = w.gap(
            element,
            key,
            vec![("activity", name.into())],
            link::activity(activity, Some(field)),
        );
        s.item(gap, vec![link::activity(activity, None)]);
    }
}

fn required(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("required");
    for activity in live(w.register) {
        // Art. 13(2)(e) applies to data collected from the person only.
        let from_person = activity
            .sources
            .iter()
            .any(|s| s.fields.kind == steward_api::SourceKind::DataSubject);
        if !from_person {
            continue;
        }
        let f = &activity.activity.fields;
        let here = vec![link::activity(activity, Some("provisionRequirement"))];
        let requirement: Vec<Span> = if f.provision_requirement == ProvisionRequirement::NotStated {
            w.gap(
                "Art. 13(2)(e)",
                "required.missing",
                vec![("activity", f.name.as_str().into())],
                link::activity(activity, Some("provisionRequirement")),
            )
        } else {
            vec![Span::text(w.get(&format!(
                "requirement.{}",
                id_of(&f.provision_requirement)
            )))]
        };
        let mut spans = w.fill(
            "required.item",
            vec![
                ("activity", f.name.as_str().into()),
                ("requirement", requirement.into()),
            ],
        );
        if !f.provision_consequence.is_empty() {
            super::text::push_text(&mut spans, " ");
            spans.extend(w.fill(
                "required.consequence",
                vec![(
                    "consequence",
                    super::in_sentence(&f.provision_consequence).into(),
                )],
            ));
        }
        s.item(spans, here);
    }
    s.finish(sections);
}

fn automated(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("automated");
    for activity in live(w.register) {
        let f = &activity.activity.fields;
        let here = vec![link::activity(activity, Some("automatedDecisions"))];
        if f.automated_decisions {
            let logic: Vec<Span> = if f.adm_logic.is_empty() {
                w.gap(
                    "Art. 13(2)(f)",
                    "automated.missing",
                    vec![("activity", f.name.as_str().into())],
                    link::activity(activity, Some("admLogic")),
                )
            } else {
                vec![Span::text(&f.adm_logic)]
            };
            let key = if f.profiling {
                "automated.item_profiling"
            } else {
                "automated.item"
            };
            s.item(
                w.fill(
                    key,
                    vec![
                        ("activity", f.name.as_str().into()),
                        ("logic", logic.into()),
                    ],
                ),
                here,
            );
        } else if f.profiling {
            s.item(
                w.fill(
                    "automated.profiling_only",
                    vec![("activity", f.name.as_str().into())],
                ),
                here,
            );
        }
    }
    if s.is_empty() {
        let all = live(w.register).map(|a| link::activity(a, None)).collect();
        none_or_gap(
            w,
            &mut s,
            ConfirmedNone::AutomatedDecisions,
            "automated.none",
            all,
        );
    }
    s.finish(sections);
}

/// The sentence `denial` (with `sources`) when a person confirmed that the
/// organisation does none of `what`; otherwise a placeholder citing the
/// article that asks for the fact, with a checklist entry that leads to the
/// confirmation.
fn none_or_gap(
    w: &mut Writer<'_>,
    s: &mut SectionBuilder,
    what: ConfirmedNone,
    denial: &str,
    sources: Vec<RecordLink>,
) {
    let confirmation = || link::organisation(Some("confirmedNone"));
    if w.register
        .organisation
        .policy
        .confirmed_none
        .contains(&what)
    {
        s.paragraph(w.fill(denial, vec![]), sources);
    } else {
        let (article, key) = match what {
            ConfirmedNone::AutomatedDecisions => ("Art. 13(2)(f)", "automated.unconfirmed"),
            ConfirmedNone::Sharing => ("Art. 13(1)(e)", "sharing.unconfirmed"),
            ConfirmedNone::Transfers => ("Art. 13(1)(f)", "transfers.unconfirmed"),
        };
        let gap = w.gap(article, key, vec![], confirmation());
        s.paragraph(gap, vec![confirmation()]);
    }
}

/// One organisation that receives data, with what for and from which
/// activities.
struct Receiver {
    name: String,
    role: RecipientRole,
    purposes: Vec<String>,
    sources: Vec<RecordLink>,
}

fn sharing(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let register = w.register;
    let mut receivers: Vec<Receiver> = Vec::new();
    let mut teams: Vec<String> = Vec::new();
    let mut team_sources: Vec<RecordLink> = Vec::new();
    for activity in live(register) {
        for row in &activity.recipients {
            let f = &row.fields;
            let here = link::part(RecordKind::ActivityRecipient, &row.id, activity, None);
            let recipient = f
                .recipient_id
                .as_deref()
                .and_then(|id| register.recipients.iter().find(|r| r.id == id));
            let Some(recipient) = recipient else {
                if !f.internal_team.is_empty() && !teams.contains(&f.internal_team) {
                    teams.push(f.internal_team.clone());
                }
                team_sources.push(here);
                continue;
            };
            let name = if recipient.fields.trading_name.is_empty() {
                recipient.fields.legal_name.clone()
            } else {
                recipient.fields.trading_name.clone()
            };
            let purpose = if f.purpose.is_empty() {
                activity.activity.fields.name.clone()
            } else {
                f.purpose.clone()
            };
            let role = match f.role {
                RecipientRole::SubProcessor => RecipientRole::Processor,
                other => other,
            };
            let index = match receivers
                .iter()
                .position(|r| r.name == name && r.role == role)
            {
                Some(i) => i,
                None => {
                    receivers.push(Receiver {
                        name: name.clone(),
                        role,
                        purposes: vec![],
                        sources: vec![link::record(RecordKind::Recipient, &recipient.id, &name)],
                    });
                    receivers.len() - 1
                }
            };
            let receiver = &mut receivers[index];
            if !receiver.purposes.contains(&purpose) {
                receiver.purposes.push(purpose);
            }
            receiver.sources.push(here);
        }
    }
    let mut s = w.section("sharing");
    let (processors, others): (Vec<&Receiver>, Vec<&Receiver>) = receivers
        .iter()
        .partition(|r| r.role == RecipientRole::Processor);
    if !processors.is_empty() {
        s.paragraph(w.fill("sharing.processors", vec![]), vec![]);
        for r in processors {
            s.item(
                w.fill(
                    "sharing.processor_item",
                    vec![
                        ("recipient", r.name.as_str().into()),
                        ("purposes", w.list(&r.purposes).into()),
                    ],
                ),
                r.sources.clone(),
            );
        }
    }
    if !others.is_empty() {
        s.paragraph(w.fill("sharing.others", vec![]), vec![]);
        for r in others {
            let role = w
                .get(&format!("recipient_role.{}", id_of(&r.role)))
                .to_owned();
            s.item(
                w.fill(
                    "sharing.other_item",
                    vec![
                        ("recipient", r.name.as_str().into()),
                        ("role", role.into()),
                        ("purposes", w.list(&r.purposes).into()),
                    ],
                ),
                r.sources.clone(),
            );
        }
    }
    if !teams.is_empty() {
        s.paragraph(
            w.fill("sharing.internal", vec![("teams", w.list(&teams).into())]),
            team_sources,
        );
    }
    let other = &register.organisation.policy.other_disclosures;
    if s.is_empty() {
        let confirmation = vec![link::organisation(Some("confirmedNone"))];
        none_or_gap(
            w,
            &mut s,
            ConfirmedNone::Sharing,
            "sharing.none",
            confirmation,
        );
    }
    if !other.is_empty() {
        s.paragraph(w.fill("sharing.other_disclosures", vec![]), vec![]);
        for disclosure in other {
            s.item(
                w.fill(&format!("other_disclosure.{}", disclosure.id()), vec![]),
                vec![link::organisation(Some("otherDisclosures"))],
            );
        }
    }
    s.finish(sections);
}

fn transfers(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let register = w.register;
    let org = &register.organisation;
    let mut s = w.section("transfers");
    // A person who gives their data to an organisation abroad makes no
    // transfer, but should know where it goes (see `steward_core::controller`).
    let abroad = matches!(w.scope(), Scope::Reaching { .. }) && !org.country.is_empty();
    if abroad {
        s.paragraph(
            w.fill(
                "transfers.controller_abroad",
                vec![("country", w.country(&org.country).into())],
            ),
            vec![link::organisation(Some("country"))],
        );
    }
    // One line per destination and safeguard, naming every recipient that
    // shares them; a transfer without its safeguard is a line of its own,
    // with the placeholder that leads to it.
    let mut lines: Vec<Destination> = Vec::new();
    for activity in live(register) {
        for transfer in &activity.transfers {
            let f = &transfer.fields;
            let here = link::part(RecordKind::Transfer, &transfer.id, activity, None);
            let recipient = f
                .recipient_id
                .as_deref()
                .and_then(|id| register.recipients.iter().find(|r| r.id == id));
            let mechanism: Vec<Span> = match f.mechanism {
                Some(m) => vec![Span::text(&mechanism_words(w, m, &f.safeguards))],
                None => w.gap(
                    "Art. 13(1)(f)",
                    "transfers.missing",
                    vec![
                        ("country", country_name(&f.country).into()),
                        ("activity", activity.activity.fields.name.as_str().into()),
                    ],
                    link::part(
                        RecordKind::Transfer,
                        &transfer.id,
                        activity,
                        Some("mechanism"),
                    ),
                ),
            };
            let same = lines.iter().position(|d| {
                f.mechanism.is_some()
                    && d.country == f.country
                    && d.mechanism == mechanism
                    && d.named == recipient.is_some()
            });
            let line = match same {
                Some(i) => &mut lines[i],
                None => {
                    lines.push(Destination {
                        country: f.country.clone(),
                        mechanism,
                        named: recipient.is_some(),
                        recipients: vec![],
                        sources: vec![],
                    });
                    lines.last_mut().expect("just pushed")
                }
            };
            line.sources.push(here);
            if let Some(r) = recipient
                && !line.recipients.contains(&r.fields.legal_name)
            {
                line.recipients.push(r.fields.legal_name.clone());
                line.sources.push(link::record(
                    RecordKind::Recipient,
                    &r.id,
                    &r.fields.legal_name,
                ));
            }
        }
    }
    let any = !lines.is_empty();
    if any {
        s.paragraph(w.fill("transfers.lead", vec![]), vec![]);
    }
    for line in lines {
        let country = country_name(&line.country);
        let spans = if line.named {
            w.fill(
                "transfers.item",
                vec![
                    ("country", country.into()),
                    ("recipients", w.list(&line.recipients).into()),
                    ("mechanism", line.mechanism.into()),
                ],
            )
        } else {
            w.fill(
                "transfers.item_no_recipient",
                vec![
                    ("country", country.into()),
                    ("mechanism", line.mechanism.into()),
                ],
            )
        };
        s.item(spans, line.sources);
    }
    if any {
        let contact = super::about::contact_or_gap(w);
        s.paragraph(
            w.fill("transfers.copy", vec![("contact", contact.into())]),
            vec![link::organisation(Some("contactEmail"))],
        );
    } else {
        let all = live(register).map(|a| link::activity(a, None)).collect();
        let denial = if abroad {
            "transfers.none_from_abroad"
        } else {
            "transfers.none"
        };
        none_or_gap(w, &mut s, ConfirmedNone::Transfers, denial, all);
    }
    stored(w, &mut s);
    s.finish(sections);
}

/// A destination and its safeguard, with the recipients that share them.
struct Destination {
    country: String,
    mechanism: Vec<Span>,
    /// Whether the transfers name their recipients.
    named: bool,
    recipients: Vec<String>,
    sources: Vec<RecordLink>,
}

/// Where each activity keeps its data, as recorded.
fn stored(w: &mut Writer<'_>, s: &mut SectionBuilder) {
    let mut led = false;
    for activity in live(w.register) {
        let fields = &activity.activity.fields;
        if fields.data_location.is_empty() {
            continue;
        }
        if !led {
            s.paragraph(w.fill("transfers.stored_lead", vec![]), vec![]);
            led = true;
        }
        s.item(
            w.fill(
                "transfers.stored_item",
                vec![
                    ("activity", fields.name.as_str().into()),
                    (
                        "location",
                        super::about::one_line(&fields.data_location).into(),
                    ),
                ],
            ),
            vec![link::activity(activity, Some("dataLocation"))],
        );
    }
}

/// The mechanism in words; the recorded safeguards follow when given.
fn mechanism_words(w: &Writer<'_>, mechanism: TransferMechanism, safeguards: &str) -> String {
    let words = w
        .get(&format!("mechanism.{}", id_of(&mechanism)))
        .to_owned();
    if safeguards.is_empty() {
        words
    } else {
        format!("{words} ({safeguards})")
    }
}

/// A rule in words ("6 years after the end of the tax year", or the
/// person's criterion); `None` when the rule says neither.
fn rule_words(w: &Writer<'_>, f: &steward_api::RetentionRuleInput) -> Option<String> {
    match (f.period_value, f.period_unit) {
        (Some(n), Some(unit)) => {
            let unit_id = id_of(&unit);
            let key = if n == 1 {
                format!("period.{}", unit_id.trim_end_matches('s'))
            } else {
                format!("period.{unit_id}")
            };
            let period = super::flatten(&w.fill(&key, vec![("n", n.to_string().into())]));
            let after = if f.trigger_event.is_empty() {
                String::new()
            } else {
                super::flatten(&w.fill(
                    "retention.after",
                    vec![("trigger", super::in_sentence(&f.trigger_event).into())],
                ))
            };
            Some(format!("{period}{after}"))
        }
        _ if !f.criterion.is_empty() => Some(f.criterion.clone()),
        _ => None,
    }
}

/// The data a rule is about, as an item starts it.
fn rule_data(w: &Writer<'_>, f: &steward_api::RetentionRuleInput, activity: &str) -> String {
    if f.data_category.is_empty() {
        return super::flatten(&w.fill("retention.all_data", vec![("activity", activity.into())]));
    }
    let words = data_words(std::slice::from_ref(&f.data_category));
    let word = words.into_iter().next().unwrap_or_default();
    // The first word of an item starts with a capital.
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn retention(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("retention");
    // A rule that several activities share is one line naming the data of
    // each (OpenInfra's draft said "as long as reasonably necessary" nine
    // times); the rest stay under their activity.
    let mut shared: Vec<(String, Vec<String>, Vec<RecordLink>)> = vec![];
    for activity in live(w.register) {
        let name = activity.activity.fields.name.as_str();
        for rule in &activity.retention_rules {
            let Some(words) = rule_words(w, &rule.fields) else {
                continue;
            };
            let data = format!("{} ({name})", rule_data(w, &rule.fields, name));
            let here = link::part(RecordKind::RetentionRule, &rule.id, activity, None);
            let key = words.to_lowercase();
            match shared.iter_mut().find(|(w, _, _)| w.to_lowercase() == key) {
                Some((_, data_of, links)) => {
                    data_of.push(data);
                    links.push(here);
                }
                None => shared.push((words, vec![data], vec![here])),
            }
        }
    }
    let activities: std::collections::HashSet<&str> =
        live(w.register).map(|a| a.activity.id.as_str()).collect();
    shared.retain(|(_, _, links)| {
        let in_activities: std::collections::HashSet<&str> = links
            .iter()
            .filter_map(|l| l.activity_id.as_deref())
            .collect();
        in_activities.len() > 1 && activities.len() > 1
    });
    let is_shared = |words: &str| {
        let key = words.to_lowercase();
        shared.iter().any(|(w, _, _)| w.to_lowercase() == key)
    };
    for (words, data, links) in &shared {
        let mut data = data.clone();
        // Only the first item starts with a capital.
        for item in data.iter_mut().skip(1) {
            *item = super::in_sentence(item);
        }
        let spans = w.fill(
            "retention.item",
            vec![
                ("data", w.list(&data).into()),
                ("rule", words.as_str().into()),
            ],
        );
        s.item(spans, links.clone());
    }
    for activity in live(w.register) {
        let name = activity.activity.fields.name.as_str();
        let own: Vec<_> = activity
            .retention_rules
            .iter()
            .filter(|r| rule_words(w, &r.fields).is_none_or(|words| !is_shared(&words)))
            .collect();
        let none = activity.retention_rules.is_empty();
        if own.is_empty() && !none {
            continue;
        }
        activity_heading(
            w,
            &mut s,
            activity,
            none.then_some(("Art. 13(2)(a)", "retention.missing", "retentionRules")),
        );
        for rule in own {
            let f = &rule.fields;
            let here = vec![link::part(
                RecordKind::RetentionRule,
                &rule.id,
                activity,
                None,
            )];
            let data = rule_data(w, f, name);
            let spans = match rule_words(w, f) {
                Some(words) => w.fill(
                    "retention.item",
                    vec![("data", data.into()), ("rule", words.into())],
                ),
                None => {
                    let gap = w.gap(
                        "Art. 13(2)(a)",
                        "retention.missing",
                        vec![("activity", name.into())],
                        link::part(
                            RecordKind::RetentionRule,
                            &rule.id,
                            activity,
                            Some("periodValue"),
                        ),
                    );
                    let mut spans = vec![Span::text(&format!("{data}: "))];
                    spans.extend(gap);
                    spans
                }
            };
            s.item(spans, here);
        }
    }
    s.finish(sections);
}

fn security(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let register = w.register;
    let org = &register.organisation;
    let mut s = w.section("security");
    let mut measures: Vec<(SecurityMeasure, Vec<RecordLink>)> = Vec::new();
    let mut note =
        |m: SecurityMeasure, from: RecordLink| match measures.iter_mut().find(|(k, _)| *k == m) {
            Some((_, links)) => links.push(from),
            None => measures.push((m, vec![from])),
        };
    for m in &org.security_measures {
        note(*m, link::organisation(Some("securityMeasures")));
    }
    for activity in live(register) {
        for m in &activity.activity.fields.security_measures {
            note(*m, link::activity(activity, Some("securityMeasures")));
        }
    }
    measures.sort_by_key(|(m, _)| SecurityMeasure::ALL.iter().position(|a| a == m));
    let listed: Vec<_> = measures
        .into_iter()
        .filter(|(m, _)| w.phrases.has(&format!("security_measure.{}", id_of(m))))
        .collect();
    if !listed.is_empty() {
        s.paragraph(w.fill("security.lead", vec![]), vec![]);
        for (m, sources) in listed {
            s.item(
                w.fill(&format!("security_measure.{}", id_of(&m)), vec![]),
                sources,
            );
        }
    }
    if !org.security_notes.is_empty() {
        s.paragraph(
            w.fill(
                "security.notes",
                vec![("text", org.security_notes.as_str().into())],
            ),
            vec![link::organisation(Some("securityNotes"))],
        );
    }
    if !org.policy.breach_notification.is_empty() {
        s.paragraph(
            w.fill(
                "security.breach",
                vec![("text", org.policy.breach_notification.as_str().into())],
            ),
            vec![link::organisation(Some("breachNotification"))],
        );
    }
    s.finish(sections);
}
