//! The closing sections: children, de-identified data, your rights
//! (Art. 13(2)(b)–(d)), communications, changes to the policy, contact.

use steward_api::LegalBasis;

use super::about::{contact_or_gap, name_or_gap, one_line};
use super::{PolicySection, Span, Writer, link, live};

pub(super) fn write(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let policy = &w.register.organisation.policy;
    let mut s = w.section("children");
    if let Some(age) = policy.minimum_age {
        s.paragraph(
            w.fill("children.text", vec![("age", age.to_string().into())]),
            vec![link::organisation(Some("minimumAge"))],
        );
    }
    s.finish(sections);
    own_words(
        w,
        sections,
        "deidentified",
        &policy.deidentified_data,
        "deidentifiedData",
    );
    rights(w, sections);
    own_words(
        w,
        sections,
        "communications",
        &policy.communications_opt_out,
        "communicationsOptOut",
    );
    let mut s = w.section("changes");
    if policy.policy_change_notice.is_empty() {
        s.paragraph(w.fill("changes.default", vec![]), vec![]);
    } else {
        s.paragraph(
            w.fill(
                "changes.text",
                vec![("text", policy.policy_change_notice.as_str().into())],
            ),
            vec![link::organisation(Some("policyChangeNotice"))],
        );
    }
    s.finish(sections);
    contact(w, sections);
}

/// A section that is the organisation's own words from the profile, left
/// out when there are none.
fn own_words(
    w: &mut Writer<'_>,
    sections: &mut Vec<PolicySection>,
    id: &'static str,
    text: &str,
    field: &str,
) {
    let mut s = w.section(id);
    if !text.is_empty() {
        s.paragraph(
            w.fill(&format!("{id}.text"), vec![("text", text.into())]),
            vec![link::organisation(Some(field))],
        );
    }
    s.finish(sections);
}

/// The rights that apply given the legal bases the register records
/// (Art. 15–21): objection only to processing on legitimate interests or a
/// public task (Art. 21(1)), portability only of data processed by consent
/// or contract (Art. 20(1)(a)). Promising a right that does not apply is as
/// false as leaving one out.
pub(crate) fn rights_for(bases: &[LegalBasis]) -> Vec<&'static str> {
    let mut rights = vec!["access", "rectification", "erasure", "restriction"];
    if bases
        .iter()
        .any(|b| matches!(b, LegalBasis::LegitimateInterests | LegalBasis::PublicTask))
    {
        rights.push("objection");
    }
    if bases
        .iter()
        .any(|b| matches!(b, LegalBasis::Consent | LegalBasis::Contract))
    {
        rights.push("portability");
    }
    rights
}

fn rights(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let register = w.register;
    let org = &register.organisation;
    let mut s = w.section("rights");
    s.paragraph(w.fill("rights.lead", vec![]), vec![]);
    let bases: Vec<LegalBasis> = live(register)
        .flat_map(|a| a.purposes.iter().filter_map(|p| p.fields.legal_basis))
        .collect();
    let rights = rights_for(&bases);
    for (i, right) in rights.iter().enumerate() {
        let mut spans = w.fill(&format!("rights.{right}"), vec![]);
        let end = if i + 1 == rights.len() {
            "rights.last_end"
        } else {
            "rights.item_end"
        };
        if let Some(last) = spans.last_mut() {
            last.text.push_str(w.get(end));
        }
        s.item(spans, vec![]);
    }
    let consent: Vec<_> = live(register)
        .flat_map(|a| {
            a.purposes
                .iter()
                .filter(|p| p.fields.legal_basis == Some(LegalBasis::Consent))
                .map(move |p| link::part(steward_api::RecordKind::Purpose, &p.id, a, None))
        })
        .collect();
    if !consent.is_empty() {
        s.paragraph(w.fill("rights.withdraw", vec![]), consent);
    }
    let contact = contact_or_gap(w);
    let time = match org.policy.rights_response_days {
        Some(n) => {
            super::flatten(&w.fill("rights.response_days", vec![("n", n.to_string().into())]))
        }
        None => w.get("rights.response_month").to_owned(),
    };
    s.paragraph(
        w.fill(
            "rights.exercise",
            vec![("contact", contact.into()), ("time", time.into())],
        ),
        vec![link::organisation(Some("rightsResponseDays"))],
    );
    // Art. 13(2)(d) asks for the right to complain, not for an authority: a
    // recorded one is named as the organisation's own only when it leads
    // for it (an organisation outside the EU has no lead authority).
    let mut complaint = w.fill("rights.complaint", vec![]);
    if !org.supervisory_authority.is_empty() {
        let key = if w.scope().has_lead_authority() {
            "rights.own_authority"
        } else {
            "rights.also_authority"
        };
        // The space ends the first sentence: renderers trim a span's start.
        if let Some(last) = complaint.last_mut() {
            last.text.push(' ');
        }
        complaint.extend(w.fill(
            key,
            vec![("authority", org.supervisory_authority.as_str().into())],
        ));
    }
    s.paragraph(
        complaint,
        vec![link::organisation(Some("supervisoryAuthority"))],
    );
    s.finish(sections);
}

fn contact(w: &mut Writer<'_>, sections: &mut Vec<PolicySection>) {
    let org = &w.register.organisation;
    let mut s = w.section("contact");
    if org.legal_name.is_empty() && org.contact_email.is_empty() && org.address.is_empty() {
        return;
    }
    let here = vec![link::organisation(None)];
    let name = name_or_gap(w);
    s.paragraph(
        w.fill("contact.lead", vec![("organisation", name.into())]),
        here.clone(),
    );
    if org.contact_email.is_empty() && org.address.is_empty() {
        s.item(contact_or_gap(w), here.clone());
    }
    if !org.contact_email.is_empty() {
        s.item(
            w.fill(
                "contact.email",
                vec![("email", vec![Span::address(&org.contact_email)].into())],
            ),
            here.clone(),
        );
    }
    if !org.address.is_empty() {
        s.item(
            w.fill(
                "contact.address",
                vec![("address", one_line(&org.address).into())],
            ),
            here.clone(),
        );
    }
    if !org.dpo_name.is_empty() {
        s.item(
            w.fill(
                "contact.dpo",
                vec![
                    ("name", org.dpo_name.as_str().into()),
                    ("contact", vec![Span::address(&org.dpo_contact)].into()),
                ],
            ),
            here,
        );
    }
    s.finish(sections);
}
