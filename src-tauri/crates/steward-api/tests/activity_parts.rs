//! What an activity shares and keeps, through the API: a processor from the
//! catalogue linked to an activity, a transfer to the USA under the DPF, a
//! retention rule — and the refusals, each naming its field and writing
//! nothing.

use std::path::Path;

use steward_api::{
    ActivityInput, ActivityRecipientInput, ErrorCode, FixedClock, PeriodUnit, RecipientRole,
    RecordKind, RetentionRuleInput, Steward, TransferInput, TransferMechanism,
};
use steward_core::ActivityStatus;
use steward_store::Store;

fn open(path: &Path) -> Steward {
    Steward::open(
        path,
        Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap())),
    )
    .unwrap()
}

fn summit(api: &mut Steward) -> String {
    api.create_activity(ActivityInput {
        name: "Summit registration".into(),
        status: ActivityStatus::Active,
        ..ActivityInput::default()
    })
    .unwrap()
    .id
}

#[test]
fn a_processor_with_a_dpf_transfer_and_a_retention_rule() {
    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("s.sqlite3"));
    let activity = summit(&mut api);
    let eventbrite = api.add_recipient_from_catalogue("eventbrite").unwrap();

    let link = api
        .create_activity_recipient(ActivityRecipientInput {
            activity_id: activity.clone(),
            recipient_id: Some(eventbrite.id.clone()),
            role: RecipientRole::Processor,
            purpose: "Runs registration and payment".into(),
            ..ActivityRecipientInput::default()
        })
        .unwrap();
    let transfer = api
        .create_transfer(TransferInput {
            activity_id: activity.clone(),
            recipient_id: Some(eventbrite.id.clone()),
            country: "us".into(),
            mechanism: Some(TransferMechanism::Dpf),
            ..TransferInput::default()
        })
        .unwrap();
    let rule = api
        .create_retention_rule(RetentionRuleInput {
            activity_id: activity.clone(),
            data_category: "contact-email".into(),
            period_value: Some(2),
            period_unit: Some(PeriodUnit::Years),
            trigger_event: "the end of the summit".into(),
            ..RetentionRuleInput::default()
        })
        .unwrap();

    assert_eq!(api.list_activity_recipients(&activity).unwrap(), vec![link]);
    assert_eq!(
        api.list_transfers(&activity).unwrap(),
        vec![transfer.clone()]
    );
    assert_eq!(transfer.fields.country, "US");
    assert_eq!(
        api.list_retention_rules(&activity).unwrap(),
        vec![rule.clone()]
    );
    let json = serde_json::to_value(&rule).unwrap();
    assert_eq!(
        (json["periodValue"].clone(), json["periodUnit"].clone()),
        (2.into(), "years".into())
    );

    let mut longer = rule.fields.clone();
    longer.period_value = Some(3);
    api.update_retention_rule(&rule.id, longer, None).unwrap();
    let history = api
        .get_history(RecordKind::RetentionRule, &rule.id)
        .unwrap();
    assert_eq!(
        (history[0].old.as_deref(), history[0].new.as_deref()),
        (Some("2"), Some("3"))
    );

    // Records of another activity are not listed with this one.
    let other = api
        .create_activity(ActivityInput {
            name: "Newsletter".into(),
            ..ActivityInput::default()
        })
        .unwrap();
    assert!(api.list_transfers(&other.id).unwrap().is_empty());
}

#[test]
fn refused_links_name_the_field_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let mut api = open(&db);
    let activity = summit(&mut api);
    let deleted = summit(&mut api);
    api.delete_activity(&deleted, None).unwrap();
    drop(api);
    let ops_before = Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap())
        .unwrap()
        .op_count()
        .unwrap();

    let mut api = open(&db);
    let transfer = |activity_id: &str, mechanism, recipient_id: Option<&str>| TransferInput {
        activity_id: activity_id.into(),
        recipient_id: recipient_id.map(str::to_owned),
        country: "US".into(),
        mechanism,
        ..TransferInput::default()
    };
    let cases = [
        (
            "transfer without mechanism",
            transfer(&activity, None, None),
            "mechanism",
        ),
        (
            "transfer of a deleted activity",
            transfer(&deleted, Some(TransferMechanism::Sccs), None),
            "activityId",
        ),
        (
            "transfer to an unknown recipient",
            transfer(
                &activity,
                Some(TransferMechanism::Sccs),
                Some("00000000-0000-4000-8000-000000000000"),
            ),
            "recipientId",
        ),
    ];
    for (label, input, field) in cases {
        let error = api.create_transfer(input).unwrap_err();
        assert_eq!(error.code, ErrorCode::Validation, "{label}");
        assert_eq!(error.fields[0].field, field, "{label}");
    }
    let rule = api
        .create_retention_rule(RetentionRuleInput {
            activity_id: activity.clone(),
            data_category: "identity".into(),
            ..RetentionRuleInput::default()
        })
        .unwrap_err();
    assert_eq!(rule.fields[0].field, "periodValue");
    let link = api
        .create_activity_recipient(ActivityRecipientInput {
            activity_id: activity.clone(),
            role: RecipientRole::JointController,
            ..ActivityRecipientInput::default()
        })
        .unwrap_err();
    let fields: Vec<&str> = link.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["recipientId", "arrangement"]);
    assert_eq!(
        api.list_transfers(&deleted).unwrap_err().code,
        ErrorCode::NotFound
    );
    drop(api);
    assert_eq!(
        Store::open(&db, "2026-12-01T09:00:00Z".parse().unwrap())
            .unwrap()
            .op_count()
            .unwrap(),
        ops_before
    );
}

#[test]
fn whose_data_what_data_and_where_it_comes_from() {
    use steward_api::{
        ActivitySourceInput, Art9Condition, SourceKind, SourceOrganisationInput, SubjectGroupInput,
    };

    let dir = tempfile::tempdir().unwrap();
    let mut api = open(&dir.path().join("s.sqlite3"));
    let activity = summit(&mut api);
    let group = api
        .create_subject_group(SubjectGroupInput {
            activity_id: activity.clone(),
            subject_category: "event-attendees".into(),
            data_categories: vec![
                "identity".into(),
                "contact-email".into(),
                "dietary-requirements".into(),
            ],
            art9_condition: Some(Art9Condition::ExplicitConsent),
            ..SubjectGroupInput::default()
        })
        .unwrap();
    assert_eq!(api.list_subject_groups(&activity).unwrap(), vec![group]);

    let eventbrite = api
        .create_source_organisation(SourceOrganisationInput {
            name: "Eventbrite".into(),
            ..Default::default()
        })
        .unwrap();
    let received = api
        .create_activity_source(ActivitySourceInput {
            activity_id: activity.clone(),
            kind: SourceKind::Organisation,
            source_organisation_id: Some(eventbrite.id.clone()),
            data_categories: vec!["identity".into(), "professional".into()],
            ..ActivitySourceInput::default()
        })
        .unwrap();
    let json = serde_json::to_value(&received).unwrap();
    assert_eq!(json["kind"], "organisation");
    assert_eq!(json["publiclyAccessible"], false);

    api.delete_source_organisation(&eventbrite.id, None)
        .unwrap();
    let error = api
        .update_activity_source(&received.id, received.fields.clone(), None)
        .unwrap_err();
    assert_eq!(error.fields[0].field, "sourceOrganisationId");
}
