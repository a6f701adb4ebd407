//! The sections on who we are and what data we get: about this policy
//! (Art. 13(1)(a)–(b)), data collected from you (Art. 13), data received
//! from other organisations (Art. 14(1)(d), 14(2)(f)), and third parties on
//! the website.

use steward_api::{ActivityRole, ExportedActivity, RecordKind, SourceKind};

use super::{PolicySection, RecordLink, Span, Writer, data_words, link, live};
use steward_core::controller::Scope;
use steward_core::words::id_of;

pub(super) fn write(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    intro(w, sections);
    collected(w, sections);
    received(w, sections);
    third_parties(w, sections);
}

fn intro(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let org = &w.register.organisation;
    let mut s = w.section("intro");
    let name = name_or_gap(w);
    let here = vec![link::organisation(None)];
    s.paragraph(
        w.fill("intro.controller", vec![("organisation", name.into())]),
        here.clone(),
    );
    let scope = w.scope();
    if !org.country.is_empty() {
        s.paragraph(
            w.fill(
                "intro.based",
                vec![("country", w.country(&org.country).into())],
            ),
            vec![link::organisation(Some("country"))],
        );
    }
    if let (Scope::Reaching { .. }, Some(reach)) = (scope, org.gdpr_reach) {
        s.paragraph(
            w.fill(&format!("intro.gdpr_{}", reach.id()), vec![]),
            vec![link::organisation(Some("gdprReach"))],
        );
    }
    if org.address.is_empty() && org.contact_email.is_empty() {
        let gap = w.gap(
            "Art. 13(1)(a)",
            "intro.missing_contact",
            vec![],
            link::organisation(Some("contactEmail")),
        );
        s.paragraph(gap, here.clone());
    }
    if !org.address.is_empty() {
        s.paragraph(
            w.fill(
                "intro.address",
                vec![("address", one_line(&org.address).into())],
            ),
            here.clone(),
        );
    }
    if !org.contact_email.is_empty() {
        s.paragraph(
            w.fill(
                "intro.email",
                vec![("email", vec![Span::address(&org.contact_email)].into())],
            ),
            here.clone(),
        );
    }
    if !org.dpo_name.is_empty() {
        s.paragraph(
            w.fill(
                "intro.dpo",
                vec![
                    ("name", org.dpo_name.as_str().into()),
                    ("contact", vec![Span::address(&org.dpo_contact)].into()),
                ],
            ),
            here.clone(),
        );
    }
    // Asked for when the GDPR reaches the organisation from outside the EU
    // (Art. 27); stated whenever recorded.
    let representative = if !org.eu_representative.is_empty() {
        Some(vec![Span::text(&one_line(&org.eu_representative))])
    } else if scope.needs_representative() {
        Some(w.gap(
            "Art. 13(1)(a)",
            "intro.missing_representative",
            vec![],
            link::organisation(Some("euRepresentative")),
        ))
    } else {
        None
    };
    if let Some(representative) = representative {
        s.paragraph(
            w.fill(
                "intro.representative",
                vec![("representative", representative.into())],
            ),
            vec![link::organisation(Some("euRepresentative"))],
        );
    }
    for activity in live(w.register) {
        let fields = &activity.activity.fields;
        if !fields.controller_name.is_empty() && fields.role == ActivityRole::Controller {
            s.paragraph(
                w.fill(
                    "intro.joint",
                    vec![
                        ("activity", fields.name.as_str().into()),
                        ("controller", fields.controller_name.as_str().into()),
                        ("contact", fields.controller_contact.as_str().into()),
                    ],
                ),
                vec![link::activity(activity, None)],
            );
        }
    }
    if !org.policy.policy_scope.is_empty() {
        s.paragraph(
            w.fill(
                "intro.scope",
                vec![("scope", w.list(&org.policy.policy_scope).into())],
            ),
            here,
        );
    }
    s.paragraph(w.fill("intro.definitions", vec![]), vec![]);
    for term in ["term_personal_data", "term_processing", "term_processor"] {
        s.item(w.fill(&format!("intro.{term}"), vec![]), vec![]);
    }
    s.finish(sections);
}

/// The data categories a source provides: its own, or else those of the
/// activity's groups of people.
fn source_data(activity: &ExportedActivity, own: &[String]) -> Vec<String> {
    if !own.is_empty() {
        return data_words(own);
    }
    let all: Vec<String> = activity
        .subject_groups
        .iter()
        .flat_map(|g| g.fields.data_categories.iter().cloned())
        .collect();
    data_words(&all)
}

fn collected(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    // One item per context ("Registering for an event"), gathering the
    // data and the activities of every source with that context.
    struct Context {
        label: String,
        data: Vec<String>,
        sources: Vec<RecordLink>,
        missing: Option<(String, RecordLink)>,
    }
    let mut contexts: Vec<Context> = Vec::new();
    for activity in live(w.register) {
        for source in &activity.sources {
            if source.fields.kind != SourceKind::DataSubject {
                continue;
            }
            let label = if source.fields.context.is_empty() {
                activity.activity.fields.name.clone()
            } else {
                source.fields.context.clone()
            };
            let data = source_data(activity, &source.fields.data_categories);
            let from = link::part(RecordKind::ActivitySource, &source.id, activity, None);
            let key = label.to_lowercase();
            let index = match contexts.iter().position(|c| c.label.to_lowercase() == key) {
                Some(i) => i,
                None => {
                    contexts.push(Context {
                        label,
                        data: vec![],
                        sources: vec![],
                        missing: None,
                    });
                    contexts.len() - 1
                }
            };
            let context = &mut contexts[index];
            if data.is_empty() && context.missing.is_none() {
                let fix = link::part(
                    RecordKind::ActivitySource,
                    &source.id,
                    activity,
                    Some("dataCategories"),
                );
                context.missing = Some((activity.activity.fields.name.clone(), fix));
            }
            for d in data {
                if !context.data.contains(&d) {
                    context.data.push(d);
                }
            }
            if !context
                .sources
                .iter()
                .any(|l| l.activity_id == from.activity_id)
            {
                context.sources.push(from);
            }
        }
    }
    let mut s = w.section("collected");
    if contexts.is_empty() {
        return;
    }
    s.paragraph(w.fill("collected.lead", vec![]), vec![]);
    for context in contexts {
        let data: Vec<Span> = match (context.data.is_empty(), context.missing) {
            (true, Some((_, fix))) => {
                w.gap("Art. 13(1)(c)", "collected.no_categories", vec![], fix)
            }
            _ => vec![Span::text(&w.list(&context.data))],
        };
        s.item(
            w.fill(
                "collected.item",
                vec![("context", context.label.into()), ("data", data.into())],
            ),
            context.sources,
        );
    }
    s.finish(sections);
}

fn received(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("received");
    let register = w.register;
    for activity in live(register) {
        for source in &activity.sources {
            if source.fields.kind != SourceKind::Organisation {
                continue;
            }
            let fields = &source.fields;
            let organisation = fields
                .source_organisation_id
                .as_deref()
                .and_then(|id| register.source_organisations.iter().find(|o| o.id == id));
            let mut sources = vec![link::part(
                RecordKind::ActivitySource,
                &source.id,
                activity,
                None,
            )];
            let name: Vec<Span> = match organisation {
                Some(o) => {
                    sources.push(link::record(
                        RecordKind::SourceOrganisation,
                        &o.id,
                        &o.fields.name,
                    ));
                    vec![Span::text(&o.fields.name)]
                }
                None => w.gap(
                    "Art. 14(2)(f)",
                    "received.missing_source",
                    vec![("activity", activity.activity.fields.name.as_str().into())],
                    link::part(
                        RecordKind::ActivitySource,
                        &source.id,
                        activity,
                        Some("sourceOrganisationId"),
                    ),
                ),
            };
            // Only what was recorded for this source (Art. 14(1)(d)): the
            // activity's other data may come from elsewhere.
            let data = data_words(&fields.data_categories);
            let data: Vec<Span> = if data.is_empty() {
                w.gap(
                    "Art. 14(1)(d)",
                    "received.missing_categories",
                    vec![("source", super::flatten(&name).into())],
                    link::part(
                        RecordKind::ActivitySource,
                        &source.id,
                        activity,
                        Some("dataCategories"),
                    ),
                )
            } else {
                vec![Span::text(&w.list(&data))]
            };
            let mut spans = if fields.context.is_empty() {
                w.fill(
                    "received.item_no_context",
                    vec![("source", name.into()), ("data", data.into())],
                )
            } else {
                w.fill(
                    "received.item",
                    vec![
                        ("source", name.into()),
                        ("data", data.into()),
                        ("context", super::in_sentence(&fields.context).into()),
                    ],
                )
            };
            if fields.publicly_accessible {
                super::text::push_text(&mut spans, " ");
                spans.extend(w.fill("received.public", vec![]));
            }
            // How and when people learn of it (Art. 14(3)), as recorded.
            if !fields.notice.trim().is_empty() {
                super::text::push_text(&mut spans, " ");
                let more = w.fill(
                    "received.notice",
                    vec![("notice", super::in_sentence(fields.notice.trim()).into())],
                );
                super::text::push_spans(&mut spans, more);
            }
            if let Some(url) = organisation
                .map(|o| o.fields.privacy_policy_url.as_str())
                .filter(|u| !u.is_empty())
            {
                super::text::push_text(&mut spans, " ");
                let more = w.fill(
                    "received.policy_link",
                    vec![("url", vec![Span::address(url)].into())],
                );
                super::text::push_spans(&mut spans, more);
            }
            if s.is_empty() {
                s.paragraph(w.fill("received.lead", vec![]), vec![]);
            }
            s.item(spans, sources);
        }
    }
    s.finish(sections);
}

fn third_parties(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let mut s = w.section("third-parties");
    let register = w.register;
    for party in &register.website_third_parties {
        let f = &party.fields;
        let kind = w
            .get(&format!("third_party_kind.{}", id_of(&f.kind)))
            .to_owned();
        let mut spans = w.fill(
            "third_parties.item",
            vec![
                ("provider", f.provider.as_str().into()),
                ("kind", kind.into()),
                ("purpose", f.purpose.as_str().into()),
            ],
        );
        let mut more = |key: &str, args: Vec<(&str, super::Arg)>| {
            super::text::push_text(&mut spans, " ");
            super::text::push_spans(&mut spans, w.fill(key, args));
        };
        if !f.data_collected.is_empty() {
            more(
                "third_parties.collects",
                vec![("data", f.data_collected.as_str().into())],
            );
        }
        if !f.duration.is_empty() {
            more(
                "third_parties.duration",
                vec![("duration", f.duration.as_str().into())],
            );
        }
        if f.consent_required {
            more("third_parties.consent", vec![]);
        }
        if !f.privacy_policy_url.is_empty() {
            more(
                "third_parties.policy_link",
                vec![("url", vec![Span::address(&f.privacy_policy_url)].into())],
            );
        }
        if s.is_empty() {
            s.paragraph(w.fill("third_parties.lead", vec![]), vec![]);
        }
        s.item(
            spans,
            vec![link::record(
                RecordKind::WebsiteThirdParty,
                &party.id,
                &f.provider,
            )],
        );
    }
    let controls = &register.organisation.policy.cookie_controls;
    if !controls.is_empty() {
        s.paragraph(
            w.fill(
                "third_parties.controls",
                vec![("text", controls.as_str().into())],
            ),
            vec![link::organisation(Some("cookieControls"))],
        );
    }
    s.finish(sections);
}

/// A multi-line value (an address) on one line.
/// The organisation's legal name, else a placeholder.
pub(super) fn name_or_gap(w: &mut Writer<'_>) -> Vec<Span> {
    let org = &w.register.organisation;
    if org.legal_name.is_empty() {
        w.gap(
            "Art. 13(1)(a)",
            "intro.missing_name",
            vec![],
            link::organisation(Some("legalName")),
        )
    } else {
        vec![Span::text(&org.legal_name)]
    }
}

/// Where people write to: the email address, else the postal address,
/// else a placeholder (never an empty slot in a sentence).
pub(super) fn contact_or_gap(w: &mut Writer<'_>) -> Vec<Span> {
    let org = &w.register.organisation;
    if !org.contact_email.is_empty() {
        vec![Span::address(&org.contact_email)]
    } else if !org.address.is_empty() {
        vec![Span::text(&one_line(&org.address))]
    } else {
        w.gap(
            "Art. 13(1)(a)",
            "intro.missing_contact",
            vec![],
            link::organisation(Some("contactEmail")),
        )
    }
}

pub(super) fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
