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
    api.update_purpose(&purpose.id, fields).unwrap();
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
    api.update_recipient(&recipient.id, fields).unwrap();
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
