//! The compliance checks through the API: a gap is reported on the record
//! and field that fix it, and goes away once fixed.

use steward_api::{FixedClock, LegalBasis, Severity, Steward};

fn demo() -> Steward {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    api.load_demo().unwrap();
    api
}

#[test]
fn a_gap_names_its_record_and_field_and_goes_once_fixed() {
    let mut api = demo();
    let findings = api.list_findings().unwrap();
    assert!(
        findings.windows(2).all(|w| w[0].severity <= w[1].severity),
        "most severe first"
    );
    let gap = findings
        .iter()
        .find(|f| f.check == "missingElement" && f.field.as_deref() == Some("legalBasis"))
        .expect("the festival's purpose has no legal basis");
    assert_eq!(gap.record, "Harvest festival registration");
    assert_eq!(gap.kind, "activity");
    assert_eq!(gap.severity, Severity::Error);

    let purpose = api.list_purposes(&gap.record_id).unwrap().remove(0);
    let mut fields = purpose.fields;
    fields.legal_basis = Some(LegalBasis::Contract);
    api.update_purpose(&purpose.id, fields, None).unwrap();
    assert!(
        !api.list_findings()
            .unwrap()
            .iter()
            .any(|f| f.record_id == gap.record_id && f.field.as_deref() == Some("legalBasis"))
    );
}

#[test]
fn an_expiring_dpa_is_reported_on_the_recipient() {
    let mut api = demo();
    let recipient = api.list_recipients().unwrap().remove(0);
    let mut fields = recipient.fields;
    fields.dpa_expires = Some("2026-12-15".into());
    api.update_recipient(&recipient.id, fields, None).unwrap();
    let findings = api.list_findings().unwrap();
    let dpa = findings
        .iter()
        .find(|f| f.check == "processorWithoutDpa")
        .expect("a DPA expiring within 60 days is reported");
    assert_eq!(
        (dpa.kind.as_str(), dpa.record_id.as_str()),
        ("recipient", recipient.id.as_str())
    );
    assert_eq!(dpa.severity, Severity::Warning);
}

#[test]
fn an_acknowledged_finding_stops_counting_is_kept_in_history_and_can_be_withdrawn() {
    let mut api = demo();
    let before = api.get_dashboard().unwrap();
    let open =
        |d: &steward_api::Dashboard| d.open_by_severity.iter().map(|c| c.count).sum::<usize>();
    let finding = before
        .findings
        .iter()
        .find(|f| f.check == "sourceWithoutNotice")
        .expect("the demo's Eventbrite source has no Art. 14 notice")
        .clone();

    // A reason is required, in words.
    let refused = api.acknowledge_finding(&finding, "ok").unwrap_err();
    assert_eq!(refused.fields[0].field, "reason");

    let ack = api
        .acknowledge_finding(
            &finding,
            "Eventbrite's checkout shows our notice; checked 2026-11.",
        )
        .unwrap();
    let after = api.get_dashboard().unwrap();
    assert_eq!(open(&after), open(&before) - 1);
    let marked = after
        .findings
        .iter()
        .find(|f| f.check == "sourceWithoutNotice")
        .unwrap();
    assert_eq!(
        marked.acknowledgement.as_ref().map(|a| a.reason.as_str()),
        Some("Eventbrite's checkout shows our notice; checked 2026-11.")
    );
    // Twice is refused.
    assert!(
        api.acknowledge_finding(&finding, "Again, for another reason.")
            .is_err()
    );

    // The acknowledgement is a change like any other.
    let history = api
        .list_changes_since("2000-01-01T00:00:00Z".parse().unwrap())
        .unwrap();
    assert!(
        history.iter().any(|c| c.kind == "acknowledgement"
            && c.entry
                .new
                .as_deref()
                .is_some_and(|v| v.contains("checkout shows our notice"))),
        "{history:#?}"
    );
    // It travels with the backup.
    let json = api.export_register_json().unwrap();
    let mut copy = Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-11-22T10:00:00Z".parse().unwrap(),
    )))
    .unwrap();
    copy.import_register_json(&json).unwrap();
    assert_eq!(open(&copy.get_dashboard().unwrap()), open(&after));

    api.withdraw_acknowledgement(&ack.id, None).unwrap();
    assert_eq!(open(&api.get_dashboard().unwrap()), open(&before));
}

#[test]
fn a_finding_that_is_gone_cannot_be_acknowledged() {
    let mut api = demo();
    let mut finding = api.list_findings().unwrap().remove(0);
    finding.message = "Something the checks never said.".into();
    let error = api
        .acknowledge_finding(&finding, "A reason that is long enough.")
        .unwrap_err();
    assert_eq!(error.code, steward_api::ErrorCode::NotFound);
}

#[test]
fn the_dashboard_counts_statuses_open_gaps_deadlines_and_applicability() {
    let mut api = demo();
    let activities = api.list_activities().unwrap();
    let d = api.get_dashboard().unwrap();
    assert_eq!(d.today, "2026-11-22");
    assert_eq!(
        d.activities_by_status
            .iter()
            .map(|c| c.count)
            .sum::<usize>(),
        activities.len()
    );
    let open: Vec<_> = d
        .findings
        .iter()
        .filter(|f| f.acknowledgement.is_none())
        .collect();
    assert_eq!(
        d.open_by_severity.iter().map(|c| c.count).sum::<usize>(),
        open.len()
    );
    assert_eq!(d.open_by_severity.len(), 3);
    let live = activities
        .iter()
        .filter(|a| a.fields.status != steward_api::ActivityStatus::Retired)
        .count();
    assert_eq!(d.applicability.len(), live);
    assert!(d.applicability.iter().all(|a| !a.reasons.is_empty()));

    // A review in 30 days and a DPA ending in 10 are listed, soonest first.
    let mut activity = activities[0].clone();
    activity.fields.next_review = Some("2026-12-22".into());
    activity.fields.owner.clear();
    api.update_activity(&activity.id, activity.fields.clone(), None)
        .unwrap();
    let recipient = api
        .list_recipients()
        .unwrap()
        .into_iter()
        .find(|r| r.fields.dpa_status == steward_api::DpaStatus::Signed)
        .expect("the demo has a signed DPA");
    let mut fields = recipient.fields.clone();
    fields.dpa_expires = Some("2026-12-02".into());
    api.update_recipient(&recipient.id, fields, None).unwrap();
    let d = api.get_dashboard().unwrap();
    let dated: Vec<_> = d.deadlines.iter().map(|x| (x.kind, x.days)).collect();
    let review = dated
        .iter()
        .position(|x| *x == (steward_api::DeadlineKind::Review, 30));
    let dpa = dated
        .iter()
        .position(|x| *x == (steward_api::DeadlineKind::DpaExpiry, 10));
    assert!(
        dpa.is_some() && review.is_some() && dpa < review,
        "{dated:?}"
    );
    assert!(d.without_owner.iter().any(|a| a.activity_id == activity.id));
}
