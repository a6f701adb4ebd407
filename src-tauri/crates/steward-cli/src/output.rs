//! How results and errors are printed: plain text for people, JSON for scripts.

use serde::Serialize;
use serde_json::Value;
use steward_api::{Activity, ActivityReview, ApiError, Organisation, Recipient};

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

    /// Any record, or list of records: as JSON, or as "field  value" lines.
    pub fn value<T: Serialize>(&self, value: &T) {
        if self.json {
            return self.print_json(value);
        }
        match serde_json::to_value(value) {
            Ok(Value::Array(items)) if items.is_empty() => println!("None yet."),
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        println!();
                    }
                    print_fields(item);
                }
            }
            Ok(item) => print_fields(&item),
            Err(error) => eprintln!("error: cannot print: {error}"),
        }
    }

    pub fn organisation(&self, org: &Organisation) {
        self.value(org);
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
            println!("{}  {:<8}  {}", a.id, a.fields.status.id(), a.fields.name);
        }
    }

    pub fn activity(&self, a: &Activity) {
        self.value(a);
    }

    pub fn review(&self, review: &ActivityReview) {
        if self.json {
            return self.print_json(review);
        }
        if review.missing.is_empty() {
            println!("Complete: the entry holds every element of its record.");
        }
        for m in &review.missing {
            println!("missing  {:<14} {}", m.article, m.message);
        }
        let required = if review.record_required {
            "required"
        } else {
            "not required"
        };
        println!(
            "record   {required}: {}",
            review.record_required_reasons.join(" ")
        );
        if review.dpia_suggested {
            println!("DPIA     likely required by the screening: start one, or record why not.");
        }
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

/// Prints an object's fields one per line, lists joined, empty ones as "—".
fn print_fields(item: &Value) {
    let Value::Object(map) = item else {
        return println!("{item}");
    };
    let width = map.keys().map(String::len).max().unwrap_or(0);
    for (key, value) in map {
        let text = match value {
            Value::Null => "—".to_owned(),
            Value::String(s) => or_dash(s).replace('\n', ", "),
            Value::Array(items) if items.is_empty() => "—".to_owned(),
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        };
        println!("{key:<width$}  {text}");
    }
}
