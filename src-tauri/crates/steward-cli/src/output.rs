//! How results and errors are printed: plain text for people, JSON for scripts.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;
use steward_api::{Activity, ActivityReview, ApiError, Organisation, Recipient};

/// Writes to standard output like `print!`. A reader that stops early
/// (`steward-cli check | head`) ends the program quietly instead of the
/// panic `print!` gives; any other failure to write is reported.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!($($arg)*))
    };
}

/// [`say!`] with a newline, like `println!`.
#[macro_export]
macro_rules! sayln {
    () => {
        $crate::output::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {{
        $crate::output::write_stdout(format_args!($($arg)*));
        $crate::output::write_stdout(format_args!("\n"));
    }};
}

pub fn write_stdout(args: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_fmt(args) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write the output: {error}");
        std::process::exit(1);
    }
}

pub struct Output {
    pub json: bool,
}

fn or_dash(text: &str) -> &str {
    if text.is_empty() { "—" } else { text }
}

impl Output {
    fn print_json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(text) => sayln!("{text}"),
            Err(error) => eprintln!("error: cannot print JSON: {error}"),
        }
    }

    pub fn message<T: Serialize>(&self, value: &T, text: &str) {
        if self.json {
            self.print_json(value);
        } else {
            sayln!("{text}");
        }
    }

    /// A remark beside the result (on standard error, so that JSON output
    /// stays one document).
    pub fn note(&self, text: &str) {
        eprintln!("note: {text}");
    }

    /// Any record, or list of records: as JSON, or as "field  value" lines.
    pub fn value<T: Serialize>(&self, value: &T) {
        if self.json {
            return self.print_json(value);
        }
        match serde_json::to_value(value) {
            Ok(Value::Array(items)) if items.is_empty() => sayln!("None yet."),
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        sayln!();
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
            sayln!(
                "No processing activities yet. Add one with: steward-cli activity add --name NAME"
            );
        }
        for a in activities {
            sayln!("{}  {:<8}  {}", a.id, a.fields.status.id(), a.fields.name);
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
            sayln!("Complete: the entry holds every element of its record.");
        }
        for m in &review.missing {
            sayln!("missing  {:<14} {}", m.article, m.message);
        }
        let required = if review.record_required {
            "required"
        } else {
            "not required"
        };
        sayln!(
            "record   {required}: {}",
            review.record_required_reasons.join(" ")
        );
        if review.dpia_suggested {
            sayln!("DPIA     likely required by the screening: start one, or record why not.");
        }
    }

    pub fn recipients(&self, recipients: &[Recipient]) {
        if self.json {
            return self.print_json(&recipients);
        }
        if recipients.is_empty() {
            sayln!("No recipients yet. Add one with: steward-cli recipient add --legal-name NAME");
        }
        for r in recipients {
            let country = or_dash(&r.fields.country);
            sayln!("{}  {country:<2}  {}", r.id, r.fields.legal_name);
        }
    }

    pub fn recipient(&self, r: &Recipient) {
        if self.json {
            return self.print_json(r);
        }
        let f = &r.fields;
        sayln!("{}", f.legal_name);
        sayln!("  id            {}", r.id);
        sayln!("  trading name  {}", or_dash(&f.trading_name));
        sayln!("  country       {}", or_dash(&f.country));
        sayln!("  privacy       {}", or_dash(&f.privacy_policy_url));
        let dpa_dates = [("signed", &f.dpa_signed), ("expires", &f.dpa_expires)]
            .iter()
            .filter_map(|(label, date)| date.as_ref().map(|d| format!("{label} {d}")))
            .collect::<Vec<_>>()
            .join(", ");
        sayln!("  DPA           {:?} {dpa_dates}", f.dpa_status);
        sayln!("  EU-U.S. DPF   {:?}", f.dpf);
        for s in &f.sub_processors {
            sayln!("  sub-processor {s}");
        }
        sayln!("  updated       {}", r.updated_at);
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
        return sayln!("{item}");
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
        sayln!("{key:<width$}  {text}");
    }
}
