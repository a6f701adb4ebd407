//! How results and errors are printed: plain text for people, JSON for scripts.

use serde::Serialize;
use steward_api::{Activity, ApiError, Organisation, Recipient};

pub struct Output {
    pub json: bool,
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "—" } else { text }
}

impl Output {
    fn print_json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => println!("{text}"),
            Err(error) => eprintln!("error: cannot print JSON: {error}"),
        }
    }

    pub fn message<T: Serialize>(&self, value: &T, text: &str) {
        if self.json {
            self.print_json(value);
        } else {
            println!("{text}");
        }
    }

    pub fn organisation(&self, org: &Organisation) {
        if self.json {
            return self.print_json(org);
        }
        let rows = [
            ("Legal name", &org.legal_name),
            ("Address", &org.address),
            ("Contact email", &org.contact_email),
            ("DPO name", &org.dpo_name),
            ("DPO contact", &org.dpo_contact),
            ("EU representative", &org.eu_representative),
            ("Supervisory authority", &org.supervisory_authority),
        ];
        for (label, value) in rows {
            println!("{label:<22} {}", or_dash(value).replace('\n', ", "));
        }
    }

    pub fn activities(&self, activities: &[Activity]) {
        if self.json {
            return self.print_json(&activities);
        }
        if activities.is_empty() {
            println!(
                "No processing activities yet. Add one with: steward-cli activity add --name NAME"
            );
        }
        for a in activities {
            println!("{}  {:<8}  {}", a.id, a.status.id(), a.name);
        }
    }

    pub fn activity(&self, a: &Activity) {
        if self.json {
            return self.print_json(a);
        }
        println!("{}", a.name);
        println!("  id           {}", a.id);
        println!("  status       {}", a.status.id());
        let basis = a
            .legal_basis
            .map(|b| format!("{} ({})", b.label(), b.article()));
        println!("  legal basis  {}", basis.as_deref().unwrap_or("—"));
        println!("  description  {}", or_dash(&a.description));
        for p in &a.purposes {
            println!("  purpose      {p}");
        }
        println!("  updated      {}", a.updated_at);
    }

    pub fn recipients(&self, recipients: &[Recipient]) {
        if self.json {
            return self.print_json(&recipients);
        }
        if recipients.is_empty() {
            println!(
                "No recipients yet. Add one with: steward-cli recipient add --legal-name NAME"
            );
        }
        for r in recipients {
            let country = or_dash(&r.fields.country);
            println!("{}  {country:<2}  {}", r.id, r.fields.legal_name);
        }
    }

    pub fn recipient(&self, r: &Recipient) {
        if self.json {
            return self.print_json(r);
        }
        let f = &r.fields;
        println!("{}", f.legal_name);
        println!("  id            {}", r.id);
        println!("  trading name  {}", or_dash(&f.trading_name));
        println!("  country       {}", or_dash(&f.country));
        println!("  privacy       {}", or_dash(&f.privacy_policy_url));
        let dpa_dates = [("signed", &f.dpa_signed), ("expires", &f.dpa_expires)]
            .iter()
            .filter_map(|(label, date)| date.as_ref().map(|d| format!("{label} {d}")))
            .collect::<Vec<_>>()
            .join(", ");
        println!("  DPA           {:?} {dpa_dates}", f.dpa_status);
        println!("  EU-U.S. DPF   {:?}", f.dpf);
        for s in &f.sub_processors {
            println!("  sub-processor {s}");
        }
        println!("  updated       {}", r.updated_at);
    }

    pub fn error(&self, error: &ApiError) {
        if self.json {
            match serde_json::to_string_pretty(error) {
                Ok(text) => eprintln!("{text}"),
                Err(_) => eprintln!("error: {}", error.message),
            }
            return;
        }
        eprintln!("error: {}", error.message);
        for field in &error.fields {
            eprintln!("  {}: {}", field.field, field.message);
        }
    }
}
