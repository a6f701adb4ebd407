//! Export benchmark with a fixed synthetic register of 50, 200 and 1,000
//! activities: median wall time of the PDF and JSON exports, and the peak
//! resident memory of the process (VmHWM) after each size.
//!
//! Run: `cargo bench -p steward-docs --bench export` (add `-- --quick` for
//! one size and few rounds). Targets (issue 4): 200 activities as a PDF in
//! under 2 s and 300 MB peak on a 2-core machine, cost roughly linear.

use std::time::{Duration, Instant};

use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivityStatus, FixedClock, LegalBasis, PurposeInput,
    RecipientInput, RecipientRole, RetentionRuleInput, Steward, SubjectGroupInput, TransferInput,
    TransferMechanism,
};
use steward_docs::{Paper, RopaOptions, ropa_pdf};

const AT: &str = "2026-11-22T10:00:00Z";

/// A register of `n` activities, each with two purposes, a group of people,
/// a processor shared by ten activities, a transfer and a retention rule.
fn register(n: usize) -> Steward {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    let mut processors = vec![];
    for i in 0..n.div_ceil(10) {
        let r = api
            .create_recipient(RecipientInput {
                legal_name: format!("Service provider {i} Inc."),
                country: "US".into(),
                ..RecipientInput::default()
            })
            .unwrap();
        processors.push(r.id);
    }
    for i in 0..n {
        let id = api
            .create_activity(ActivityInput {
                name: format!("Activity {i:04}"),
                description: "Keeping the records of a programme of the organisation, with the people who take part in it and what they need.".into(),
                status: ActivityStatus::Active,
                business_function: format!("Programme {}", i % 7),
                owner: "Programme lead".into(),
                systems: vec!["CRM".into(), "Mailing tool".into()],
                ..ActivityInput::default()
            })
            .unwrap()
            .id;
        for (description, basis) in [
            ("Run the programme", LegalBasis::Contract),
            (
                "Keep the accounts the law requires",
                LegalBasis::LegalObligation,
            ),
        ] {
            api.create_purpose(PurposeInput {
                activity_id: id.clone(),
                description: description.into(),
                legal_basis: Some(basis),
                ..PurposeInput::default()
            })
            .unwrap();
        }
        api.create_subject_group(SubjectGroupInput {
            activity_id: id.clone(),
            subject_category: "members".into(),
            data_categories: vec![
                "identity".into(),
                "email-address".into(),
                "postal-address".into(),
            ],
            ..SubjectGroupInput::default()
        })
        .unwrap();
        let processor = processors[i / 10].clone();
        api.create_activity_recipient(ActivityRecipientInput {
            activity_id: id.clone(),
            recipient_id: Some(processor.clone()),
            role: RecipientRole::Processor,
            ..ActivityRecipientInput::default()
        })
        .unwrap();
        api.create_transfer(TransferInput {
            activity_id: id.clone(),
            recipient_id: Some(processor),
            country: "US".into(),
            mechanism: Some(TransferMechanism::Sccs),
            ..TransferInput::default()
        })
        .unwrap();
        api.create_retention_rule(RetentionRuleInput {
            activity_id: id,
            data_category: "identity".into(),
            criterion: "Until the person leaves the programme".into(),
            ..RetentionRuleInput::default()
        })
        .unwrap();
    }
    api
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Peak resident set size of this process so far, in MB (Linux).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (sizes, rounds): (&[usize], usize) = if quick {
        (&[50], 3)
    } else {
        (&[50, 200, 1000], 5)
    };
    let options = RopaOptions::new(Paper::A4, AT.parse().unwrap());
    println!("activities  pdf median  pdf size   json median  json size  peak RSS");
    for &n in sizes {
        let api = register(n);
        let export = api.export_register().unwrap();
        let reviews = api.list_activity_reviews().unwrap();
        let mut pdf_times = vec![];
        let mut pdf_len = 0;
        for _ in 0..rounds {
            let start = Instant::now();
            pdf_len = ropa_pdf(&export, &reviews, &[], &options).unwrap().len();
            pdf_times.push(start.elapsed());
        }
        let mut json_times = vec![];
        let mut json_len = 0;
        for _ in 0..rounds {
            let start = Instant::now();
            json_len = api.export_register_json().unwrap().len();
            json_times.push(start.elapsed());
        }
        println!(
            "{n:>10}  {:>7} ms  {:>6} kB  {:>8} ms  {:>6} kB  {:>6.0} MB",
            median(pdf_times).as_millis(),
            pdf_len / 1024,
            median(json_times).as_millis(),
            json_len / 1024,
            peak_mb().unwrap_or(f64::NAN),
        );
    }
}
