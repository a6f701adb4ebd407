//! One fixture register where every check passes, and one mutation per
//! check that must make it fire.

use super::*;
use crate::activity::ActivityDraft;
use crate::dpia::{DpiaCriterion, DpiaStatus};
use crate::links::{ActivityRecipientDraft, TransferDraft};
use crate::organisation::OrganisationDraft;
use crate::purpose::PurposeDraft;
use crate::retention::{PeriodUnit, RetentionRuleDraft};
use crate::security::SecurityMeasure;
use crate::subjects::{ActivitySourceDraft, SourceKind, SubjectGroupDraft};
use crate::website::WebsiteThirdPartyDraft;

/// A register of one activity with one processor, as owned data.
#[derive(Clone)]
struct Fixture {
    organisation: OrganisationDraft,
    activity: ActivityDraft,
    purposes: Vec<PurposeDraft>,
    groups: Vec<SubjectGroupDraft>,
    links: Vec<ActivityRecipientDraft>,
    transfers: Vec<TransferDraft>,
    retention: Vec<RetentionRuleDraft>,
    sources: Vec<ActivitySourceDraft>,
    processor: RecipientDraft,
    vendor: SourceOrganisationDraft,
    tracker: WebsiteThirdPartyDraft,
}

const TODAY: &str = "2026-11-22";

/// Every check passes on this one.
fn complete() -> Fixture {
    Fixture {
        organisation: OrganisationDraft {
            legal_name: "Commons Foundation".into(),
            country: "DE".into(),
            contact_email: "privacy@commons.example".into(),
            security_measures: vec![SecurityMeasure::AccessControl],
            ..OrganisationDraft::default()
        },
        activity: ActivityDraft {
            name: "Newsletter".into(),
            owner: "Communications lead".into(),
            next_review: Some("2027-03-01".into()),
            ..ActivityDraft::default()
        },
        purposes: vec![
            PurposeDraft {
                description: "Send the newsletter".into(),
                legal_basis: Some(LegalBasis::Consent),
                consent_record: "Double opt-in log".into(),
                ..PurposeDraft::default()
            },
            PurposeDraft {
                description: "Measure opens".into(),
                legal_basis: Some(LegalBasis::LegitimateInterests),
                legitimate_interest: "Improving what we send".into(),
                lia_reference: "LIA-2026-01".into(),
                ..PurposeDraft::default()
            },
        ],
        groups: vec![SubjectGroupDraft {
            subject_category: "subscribers".into(),
            data_categories: vec!["email-address".into()],
            ..SubjectGroupDraft::default()
        }],
        links: vec![ActivityRecipientDraft {
            recipient_id: Some("r1".into()),
            role: RecipientRole::Processor,
            ..ActivityRecipientDraft::default()
        }],
        transfers: vec![TransferDraft {
            recipient_id: Some("r1".into()),
            country: "US".into(),
            mechanism: Some(TransferMechanism::Dpf),
            ..TransferDraft::default()
        }],
        retention: vec![RetentionRuleDraft {
            data_category: "email-address".into(),
            period_value: Some(2),
            period_unit: Some(PeriodUnit::Years),
            ..RetentionRuleDraft::default()
        }],
        sources: vec![ActivitySourceDraft {
            kind: SourceKind::Organisation,
            source_organisation_id: Some("s1".into()),
            notice: "The sign-up page of the partner links to our privacy policy.".into(),
            ..ActivitySourceDraft::default()
        }],
        vendor: SourceOrganisationDraft {
            name: "Partner Network".into(),
            ..SourceOrganisationDraft::default()
        },
        tracker: WebsiteThirdPartyDraft {
            provider: "Matomo".into(),
            kind: crate::website::ThirdPartyKind::Cookie,
            purpose: "Web analytics".into(),
            consent_required: true,
            ..WebsiteThirdPartyDraft::default()
        },
        processor: RecipientDraft {
            legal_name: "Mailer Inc.".into(),
            country: "US".into(),
            dpa_status: DpaStatus::Signed,
            dpa_signed: Some("2025-01-01".into()),
            dpa_expires: Some("2028-01-01".into()),
            dpf: DpfStatus::Yes,
            ..RecipientDraft::default()
        },
    }
}

fn findings(f: &Fixture) -> Vec<Finding> {
    let entry = [ActivityEntry {
        id: "a1",
        facts: ActivityFacts {
            activity: &f.activity,
            organisation: &f.organisation,
            purposes: &f.purposes,
            subject_groups: &f.groups,
            recipients: &f.links,
            transfers: &f.transfers,
            retention: &f.retention,
        },
        sources: &f.sources,
    }];
    let sources = [SourceFacts {
        id: "s1",
        source: &f.vendor,
    }];
    let recipients = [RecipientFacts {
        id: "r1",
        recipient: &f.processor,
    }];
    check(
        &RegisterFacts {
            organisation: &f.organisation,
            activities: &entry,
            recipients: &recipients,
            source_organisations: &sources,
            website_third_parties: &[WebsiteFacts {
                id: "w1",
                third_party: &f.tracker,
            }],
        },
        TODAY.parse().unwrap(),
    )
}

#[test]
fn a_complete_register_raises_nothing() {
    assert_eq!(findings(&complete()), vec![]);
}

/// One row per check: a change to the complete register, and the
/// finding it must raise (check, severity, field).
#[test]
fn each_check_fires_on_its_fixture() {
    type Mutation = fn(&mut Fixture);
    let cases: &[(Mutation, &str, Severity, &str)] = &[
        (
            |f| f.organisation.country.clear(),
            "countryNotRecorded",
            Severity::Info,
            "country",
        ),
        (
            |f| {
                f.organisation.country = "US".into();
                f.organisation.gdpr_reach = Some(crate::controller::GdprReach::OffersToPeopleInEu);
            },
            "representativeMissing",
            Severity::Warning,
            "euRepresentative",
        ),
        (
            |f| {
                f.links.clear();
                f.transfers.clear();
            },
            "recipientUnused",
            Severity::Warning,
            "activities",
        ),
        (
            |f| f.tracker.consent_required = false,
            "trackingWithoutConsent",
            Severity::Warning,
            "consentRequired",
        ),
        (
            |f| {
                f.activity.provision_requirement =
                    crate::activity::ProvisionRequirement::ContractPrerequisite
            },
            "consentAsCondition",
            Severity::Warning,
            "provisionRequirement",
        ),
        (
            |f| f.purposes.clear(),
            "missingElement",
            Severity::Error,
            "purposes",
        ),
        (
            |f| f.purposes[0].legal_basis = None,
            "missingElement",
            Severity::Error,
            "legalBasis",
        ),
        (
            |f| f.groups.clear(),
            "missingElement",
            Severity::Error,
            "subjects",
        ),
        (
            |f| f.links.clear(),
            "missingElement",
            Severity::Error,
            "recipients",
        ),
        (
            |f| f.retention.clear(),
            "missingElement",
            Severity::Error,
            "retention",
        ),
        (
            |f| f.organisation.security_measures.clear(),
            "missingElement",
            Severity::Error,
            "security",
        ),
        (
            |f| f.transfers[0].mechanism = None,
            "missingElement",
            Severity::Error,
            "transferMechanism",
        ),
        (
            |f| f.purposes[1].lia_reference.clear(),
            "legitimateInterestsWithoutAssessment",
            Severity::Warning,
            "liaReference",
        ),
        (
            |f| f.purposes[0].consent_record.clear(),
            "consentWithoutRecord",
            Severity::Warning,
            "consentRecord",
        ),
        (
            |f| f.groups[0].data_categories.push("genetic-data".into()),
            "specialDataWithoutCondition",
            Severity::Error,
            "art9Condition",
        ),
        (
            |f| {
                f.groups[0]
                    .data_categories
                    .push("criminal-convictions-offences".into())
            },
            "specialDataWithoutCondition",
            Severity::Error,
            "art10Basis",
        ),
        (
            |f| f.processor.dpa_status = DpaStatus::Sent,
            "processorWithoutDpa",
            Severity::Error,
            "dpaStatus",
        ),
        (
            |f| f.processor.dpa_expires = Some("2026-11-01".into()),
            "processorWithoutDpa",
            Severity::Error,
            "dpaExpires",
        ),
        (
            |f| f.processor.dpa_expires = Some("2027-01-10".into()),
            "processorWithoutDpa",
            Severity::Warning,
            "dpaExpires",
        ),
        (
            |f| f.processor.dpf = DpfStatus::Unknown,
            "dpfRecipientNotCertified",
            Severity::Error,
            "mechanism",
        ),
        (
            |f| f.transfers.clear(),
            "recipientAbroadWithoutTransfer",
            Severity::Error,
            "transfers",
        ),
        (
            |f| f.transfers[0].mechanism = Some(TransferMechanism::Adequacy),
            "adequacyNotRecognised",
            Severity::Error,
            "mechanism",
        ),
        (
            |f| f.sources[0].notice.clear(),
            "sourceWithoutNotice",
            Severity::Warning,
            "notice",
        ),
        (
            |f| f.transfers[0].mechanism = Some(TransferMechanism::Sccs),
            "transferWithoutTia",
            Severity::Warning,
            "tiaDone",
        ),
        (
            |f| {
                f.retention[0].period_value = None;
                f.retention[0].period_unit = None;
                f.retention[0].criterion = "Kept indefinitely".into();
            },
            "retentionWithoutJustification",
            Severity::Warning,
            "justification",
        ),
        (
            |f| f.activity.next_review = Some("2026-10-01".into()),
            "reviewOverdue",
            Severity::Warning,
            "nextReview",
        ),
        (
            |f| {
                f.activity.dpia_criteria = vec![
                    DpiaCriterion::SensitiveData,
                    DpiaCriterion::VulnerableSubjects,
                ];
                f.activity.dpia_status = DpiaStatus::NotScreened;
            },
            "dpiaLikelyRequired",
            Severity::Warning,
            "dpiaStatus",
        ),
        (
            |f| f.activity.owner.clear(),
            "activityWithoutOwner",
            Severity::Info,
            "owner",
        ),
        // As two laptops' merged changes can leave it: a controller named
        // on an activity run as controller.
        (
            |f| f.activity.controller_name = "Partner Network".into(),
            "formRules",
            Severity::Error,
            "controllerName",
        ),
        (
            |f| f.transfers[0].country = "FR".into(),
            "formRules",
            Severity::Error,
            "country",
        ),
        (
            |f| f.processor.legal_name.clear(),
            "formRules",
            Severity::Error,
            "legalName",
        ),
    ];
    // Every check has at least one row.
    for (id, _) in CHECKS {
        assert!(cases.iter().any(|c| c.1 == *id), "no test row for {id}");
    }
    for (mutate, check, severity, field) in cases {
        let mut f = complete();
        mutate(&mut f);
        let found = findings(&f);
        assert!(
            found.iter().any(|x| x.check == *check
                && x.severity == *severity
                && x.field.as_deref() == Some(*field)),
            "{check}/{field} did not fire: {found:#?}"
        );
        assert!(
            found
                .iter()
                .all(|x| !x.message.is_empty() && !x.article.is_empty())
        );
    }
}

/// A processor that no activity uses as a processor needs no DPA.
#[test]
fn a_recipient_that_is_not_a_processor_needs_no_dpa() {
    let mut f = complete();
    f.processor.dpa_status = DpaStatus::Missing;
    f.links[0].role = RecipientRole::IndependentController;
    assert!(
        findings(&f)
            .iter()
            .all(|x| x.check != "processorWithoutDpa")
    );
}

/// Adequacy is a mechanism only where the Commission has decided it; data
/// from the people themselves needs no Art. 14 notice; a recipient in the
/// EEA is no transfer.
#[test]
fn the_checks_stay_quiet_where_the_law_is_satisfied() {
    let mut f = complete();
    f.processor.country = "CH".into();
    f.transfers[0].country = "CH".into();
    f.transfers[0].mechanism = Some(TransferMechanism::Adequacy);
    f.sources[0] = ActivitySourceDraft {
        kind: SourceKind::DataSubject,
        context: "Sign-up form".into(),
        ..ActivitySourceDraft::default()
    };
    assert_eq!(findings(&f), vec![]);
    f.processor.country = "DE".into();
    f.transfers.clear();
    assert_eq!(findings(&f), vec![]);
}

#[test]
fn an_acknowledged_finding_is_marked_with_its_reason() {
    let mut f = complete();
    f.activity.owner.clear();
    let mut found = findings(&f);
    let ack = crate::AcknowledgementDraft::of(&found[0], "The board owns it as a whole.");
    apply_acknowledgements(
        &mut found,
        &[AcknowledgementFacts {
            base: "",
            id: "k1",
            at: "2026-11-22T10:00:00Z",
            acknowledgement: &ack,
        }],
    );
    let marked = found[0].acknowledgement.as_ref().expect("acknowledged");
    assert_eq!(marked.reason, "The board owns it as a whole.");
    assert_eq!(marked.id, "k1");
}
