//! The rest of an activity's record through the API: purposes with a legal
//! basis each, the activity's own details, the completeness review and
//! Art. 30(5), duplicating an activity, the views across activities, and
//! the upgrade of a walking-skeleton database's purposes.

use std::path::Path;

use steward_api::{
    ActivityInput, ActivityRecipientInput, ActivityStatus, DpiaCriterion, DpiaStatus, ErrorCode,
    FixedClock, LegalBasis, OrganisationInput, PurposeInput, RecipientRole, RecordKind,
    RetentionRuleInput, SecurityMeasure, Steward, SubjectGroupInput, TransferInput,
    TransferMechanism,
};
use steward_store::Store;

fn clock() -> Box<FixedClock> {
    Box::new(FixedClock::new("2026-11-22T10:00:00Z".parse().unwrap()))
}

fn open(path: &Path) -> Steward {
    Steward::open(path, clock()).unwrap()
}

fn op_count(path: &Path) -> i64 {
    Store::open(path, "2026-12-01T09:00:00Z".parse().unwrap())
        .unwrap()
        .op_count()
        .unwrap()
}

fn newsletter(api: &mut Steward) -> String {
    api.create_activity(ActivityInput {
        name: "Newsletter".into(),
        status: ActivityStatus::Active,
        ..ActivityInput::default()
    })
    .unwrap()
    .id
}

fn consent_purpose(activity_id: &str) -> PurposeInput {
    PurposeInput {
        activity_id: activity_id.into(),
        description: "Send the monthly newsletter".into(),
        legal_basis: Some(LegalBasis::Consent),
        consent_record: "Double opt-in, logged by the mailing tool".into(),
        ..PurposeInput::default()
    }
}

#[test]
fn purposes_carry_their_own_legal_basis() {
    let mut api = Steward::open_in_memory(clock()).unwrap();
    let activity = newsletter(&mut api);
    let consent = api.create_purpose(consent_purpose(&activity)).unwrap();
    let li = api
        .create_purpose(PurposeInput {
            activity_id: activity.clone(),
            description: "Measure how many subscribers open it".into(),
            legal_basis: Some(LegalBasis::LegitimateInterests),
            legitimate_interest: "Improving what we write".into(),
            lia_reference: "LIA 2026-03, board drive".into(),
            ..PurposeInput::default()
        })
        .unwrap();
    let listed = api.list_purposes(&activity).unwrap();
    assert_eq!(listed, vec![consent.clone(), li.clone()], "oldest first");

    let mut edit = li.fields.clone();
    edit.legal_basis = Some(LegalBasis::Consent);
    let error = api.update_purpose(&li.id, edit, None).unwrap_err();
    assert_eq!(error.code, ErrorCode::Validation);
    assert_eq!(error.fields[0].field, "legitimateInterest");

    api.delete_purpose(&consent.id, None).unwrap();
    assert_eq!(api.list_purposes(&activity).unwrap(), vec![li.clone()]);
    api.restore_purpose(&consent.id).unwrap();
    assert_eq!(api.list_purposes(&activity).unwrap().len(), 2);
    assert!(
        !api.get_history(RecordKind::Purpose, &li.id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn refused_purposes_and_details_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let mut api = open(&db);
    let activity = newsletter(&mut api);
    drop(api);
    let before = op_count(&db);
    let mut api = open(&db);

    let mut no_text = consent_purpose(&activity);
    no_text.description = "\u{0}".into();
    let error = api.create_purpose(no_text).unwrap_err();
    assert_eq!(error.fields[0].field, "description");

    let mut orphan = consent_purpose(&activity);
    orphan.activity_id = "00000000-0000-4000-8000-000000000000".into();
    let error = api.create_purpose(orphan).unwrap_err();
    assert_eq!(error.fields[0].field, "activityId");

    let mut details = api.get_activity(&activity).unwrap().fields;
    details.dpia_status = DpiaStatus::Completed;
    details.automated_decisions = true;
    details.next_review = Some("next spring".into());
    let error = api.update_activity(&activity, details, None).unwrap_err();
    let fields: Vec<&str> = error.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["nextReview", "admLogic", "dpiaReference"]);
    drop(api);
    assert_eq!(op_count(&db), before);
}

#[test]
fn the_review_lists_what_is_missing_until_the_entry_is_complete() {
    let mut api = Steward::open_in_memory(clock()).unwrap();
    let activity = newsletter(&mut api);
    let elements = |api: &Steward| -> Vec<String> {
        api.get_activity_review(&activity)
            .unwrap()
            .missing
            .into_iter()
            .map(|m| m.element)
            .collect()
    };
    assert_eq!(
        elements(&api),
        [
            "controller",
            "purposes",
            "subjects",
            "recipients",
            "retention",
            "security"
        ]
    );

    api.update_organisation(
        OrganisationInput {
            legal_name: "Commons e.V.".into(),
            contact_email: "privacy@commons.example".into(),
            employee_count: Some(4),
            security_measures: vec![SecurityMeasure::Backups],
            ..OrganisationInput::default()
        },
        None,
    )
    .unwrap();
    api.create_purpose(consent_purpose(&activity)).unwrap();
    api.create_subject_group(SubjectGroupInput {
        activity_id: activity.clone(),
        subject_category: "mailing-list-subscribers".into(),
        data_categories: vec!["email-address".into()],
        ..SubjectGroupInput::default()
    })
    .unwrap();
    api.create_activity_recipient(ActivityRecipientInput {
        activity_id: activity.clone(),
        internal_team: "Communications".into(),
        role: RecipientRole::Internal,
        ..ActivityRecipientInput::default()
    })
    .unwrap();
    api.create_transfer(TransferInput {
        activity_id: activity.clone(),
        country: "US".into(),
        mechanism: Some(TransferMechanism::Sccs),
        ..TransferInput::default()
    })
    .unwrap();
    assert_eq!(elements(&api), ["retention"]);
    api.create_retention_rule(RetentionRuleInput {
        activity_id: activity.clone(),
        data_category: "email-address".into(),
        criterion: "Until the person unsubscribes".into(),
        ..RetentionRuleInput::default()
    })
    .unwrap();
    let review = api.get_activity_review(&activity).unwrap();
    assert!(review.missing.is_empty(), "{:?}", review.missing);
    assert!(
        review.record_required,
        "a monthly newsletter is not occasional"
    );

    let mut details = api.get_activity(&activity).unwrap().fields;
    details.occasional = true;
    details.dpia_criteria = vec![
        DpiaCriterion::LargeScale,
        DpiaCriterion::SystematicMonitoring,
    ];
    api.update_activity(&activity, details, None).unwrap();
    let review = api.get_activity_review(&activity).unwrap();
    assert!(!review.record_required);
    assert!(review.dpia_suggested);
    let all = api.list_activity_reviews().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].activity_id, activity);
    assert_eq!(all[0].review, review);
}

#[test]
fn duplicating_an_activity_copies_everything_that_belongs_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let mut api = open(&db);
    api.load_demo().unwrap();
    let newsletter = api
        .list_activities()
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Newsletter")
        .unwrap();

    let copy = api.duplicate_activity(&newsletter.id).unwrap();
    assert_eq!(copy.fields.name, "Newsletter (copy)");
    assert_eq!(copy.fields.status, ActivityStatus::Draft);
    assert_eq!(copy.fields.systems, newsletter.fields.systems);
    let strip = |v: Vec<steward_api::Purpose>| -> Vec<PurposeInput> {
        v.into_iter()
            .map(|p| PurposeInput {
                activity_id: String::new(),
                ..p.fields
            })
            .collect()
    };
    assert_eq!(
        strip(api.list_purposes(&copy.id).unwrap()),
        strip(api.list_purposes(&newsletter.id).unwrap())
    );
    for (original, copied) in [
        (
            api.list_transfers(&newsletter.id).unwrap().len(),
            api.list_transfers(&copy.id).unwrap().len(),
        ),
        (
            api.list_activity_recipients(&newsletter.id).unwrap().len(),
            api.list_activity_recipients(&copy.id).unwrap().len(),
        ),
        (
            api.list_retention_rules(&newsletter.id).unwrap().len(),
            api.list_retention_rules(&copy.id).unwrap().len(),
        ),
        (
            api.list_subject_groups(&newsletter.id).unwrap().len(),
            api.list_subject_groups(&copy.id).unwrap().len(),
        ),
    ] {
        assert!(original > 0);
        assert_eq!(original, copied);
    }

    // The recipient is shared, not copied, and now serves both activities.
    let mailchimp = &api.list_recipients().unwrap()[0];
    let uses = api.list_recipient_uses(&mailchimp.id).unwrap();
    let names: Vec<&str> = uses.iter().map(|u| u.activity_name.as_str()).collect();
    assert_eq!(names, ["Newsletter", "Newsletter (copy)"]);
    assert_eq!(uses[0].roles, [RecipientRole::Processor]);
    assert_eq!(uses[0].transfer_countries, ["US"]);

    // Across activities: the Transfers and Retention views.
    assert_eq!(api.list_all_transfers().unwrap().len(), 2);
    let rules = api.list_all_retention_rules().unwrap().len();
    api.delete_activity(&copy.id, None).unwrap();
    assert_eq!(api.list_all_transfers().unwrap().len(), 1);
    assert_eq!(api.list_all_retention_rules().unwrap().len(), rules - 1);
}

/// The skeleton kept one list of purposes and one basis per activity. Opening
/// its database moves each purpose into a row with that basis, through the
/// op log, once; the deleted activity's purposes come back with its undo.
#[test]
fn skeleton_purposes_become_rows_with_their_basis() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("skeleton.sqlite3");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../tests/fixtures/skeleton-v1.sqlite3"
        ),
        &db,
    )
    .unwrap();
    let mut api = open(&db);
    let activities = api.list_activities().unwrap();
    let members = activities
        .iter()
        .find(|a| a.fields.name == "Member administration")
        .unwrap();
    let purposes = api.list_purposes(&members.id).unwrap();
    let described: Vec<(&str, Option<LegalBasis>)> = purposes
        .iter()
        .map(|p| (p.fields.description.as_str(), p.fields.legal_basis))
        .collect();
    assert_eq!(
        described,
        [
            (
                "Manage memberships and plot allocations",
                Some(LegalBasis::Contract)
            ),
            ("Collect annual membership fees", Some(LegalBasis::Contract)),
        ]
    );
    let festival = activities
        .iter()
        .find(|a| a.fields.name == "Harvest festival registration")
        .unwrap();
    assert_eq!(
        api.list_purposes(&festival.id).unwrap()[0]
            .fields
            .legal_basis,
        None
    );
    let history = api.get_history(RecordKind::Activity, &members.id).unwrap();
    assert_eq!(
        history[0].field.as_deref(),
        Some("legalBasis"),
        "the upgrade is in the activity's history"
    );

    // The deleted newsletter keeps its purposes for the undo.
    let newsletter = "31e98511-d18b-49e7-9e8d-8229ef904245";
    api.restore_activity(newsletter).unwrap();
    assert_eq!(
        api.list_purposes(newsletter).unwrap()[0].fields.legal_basis,
        Some(LegalBasis::Consent)
    );

    drop(api);
    let ops = op_count(&db);
    let api = open(&db);
    drop(api);
    assert_eq!(op_count(&db), ops, "the upgrade runs once");
}
