//! The controller from the block above the table.

use super::table::Table;

/// The organisation from the rows above the table: the ICO template's
/// block (a row "Name | Address | Email | Telephone", then a row each for
/// the controller, the DPO and the representative), or label and value
/// pairs ("Name of controller: …", as Steward writes them). A DPO cell
/// that says there is none ("Not required", "None", "not a formal DPO")
/// names no DPO.
pub(super) fn organisation_of(table: &Table) -> steward_core::OrganisationDraft {
    use crate::phrases::{fold, is_no};
    let mut o = steward_core::OrganisationDraft::default();
    let no_one = |text: &str| {
        let f = fold(text);
        text.trim().is_empty()
            || is_no(text)
            || f.starts_with("not ")
            || f.contains("not a formal")
            || f.contains("not appointed")
            || f.contains("not required")
    };
    let block = table.above.iter().position(|row| {
        let f: Vec<String> = row.iter().map(|c| fold(c)).collect();
        f.iter().any(|c| c == "name") && f.iter().any(|c| c == "address")
    });
    if let Some(h) = block {
        let at = |label: &str| table.above[h].iter().position(|c| fold(c) == label);
        let (name, address, email, phone) = (
            at("name"),
            at("address"),
            at("email"),
            at("telephone").or(at("phone")),
        );
        for row in &table.above[h + 1..] {
            let Some(label) = row.iter().find(|c| !c.trim().is_empty()).map(|c| fold(c)) else {
                continue;
            };
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map_or(String::new(), |v| v.trim().to_owned())
            };
            if label.starts_with("controller") || label == "name of controller" {
                o.legal_name = cell(name);
                o.address = cell(address);
                o.contact_email = cell(email);
            } else if label.starts_with("data protection officer") || label == "dpo" {
                if !no_one(&cell(name)) {
                    o.dpo_name = cell(name);
                    o.dpo_contact = [cell(email), cell(phone), cell(address)]
                        .into_iter()
                        .find(|c| !c.is_empty())
                        .unwrap_or_default();
                }
            } else if label.starts_with("representative") {
                let who: Vec<String> = [cell(name), cell(address), cell(email)]
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect();
                if !who.is_empty() && !no_one(&who[0]) {
                    o.eu_representative = who.join(", ");
                }
            }
        }
        return o;
    }
    for (k, v) in &table.controller {
        match fold(k).as_str() {
            "name of controller" | "name" | "organisation" | "organization" | "controller" => {
                o.legal_name = v.clone();
            }
            "address" => o.address = v.clone(),
            "contact" | "email" | "contact email" => o.contact_email = v.clone(),
            "data protection officer" | "dpo" if table.steward_export || !no_one(v) => {
                o.dpo_name = v.clone();
            }
            "dpo contact details" | "dpo contact" => o.dpo_contact = v.clone(),
            "representative" if table.steward_export || !no_one(v) => {
                o.eu_representative = v.clone();
            }
            _ => {}
        }
    }
    // No block: a title such as "Riverside Rowing Club – GDPR register"
    // names the organisation, and an email address above the table is its
    // contact.
    let lines = || {
        table
            .above
            .iter()
            .flatten()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    };
    if o.legal_name.is_empty()
        && let Some(name) = lines().find_map(|l| {
            [" – ", " — ", " - "]
                .iter()
                .find_map(|d| l.split_once(d))
                .map(|(name, _)| name.trim().to_owned())
        })
    {
        o.legal_name = name;
    }
    if o.contact_email.is_empty()
        && let Some(email) = lines().flat_map(|l| l.split_whitespace()).find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let (user, domain) = w.split_once('@')?;
            (!user.is_empty() && domain.contains('.')).then(|| w.to_owned())
        })
    {
        o.contact_email = email;
    }
    o
}
