//! The fixed synthetic register the benchmarks measure.

use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivityStatus, FixedClock, LegalBasis, PurposeInput,
    RecipientInput, RecipientRole, RetentionRuleInput, Steward, SubjectGroupInput, TransferInput,
    TransferMechanism,
};

pub const AT: &str = "2026-11-22T10:00:00Z";

/// A register of `n` activities, each with two purposes, a group of people,
/// a processor shared by ten activities, a transfer and a retention rule.
pub fn register(n: usize) -> Steward {
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
