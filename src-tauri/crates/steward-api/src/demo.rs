//! The demo register: a fictional small nonprofit that a newcomer can explore
//! on first start. It goes through the same validation and write path as
//! anything a user types, so it is always a valid register.

use steward_core::{
    ActivityDraft, ActivityRecipientDraft, ActivitySourceDraft, ActivityStatus, Art9Condition,
    ConfirmedNone, DpaStatus, EndAction, GdprReach, LegalBasis, OrganisationDraft, OtherDisclosure,
    PeriodUnit, PolicyEditDraft, PolicyEditMode, PolicySettings, PurposeDraft, RecipientRole,
    RetentionRuleDraft, SecurityMeasure, SourceKind, SourceOrganisationDraft, SubjectGroupDraft,
    TransferDraft, TransferMechanism,
};

use crate::{ApiError, ErrorCode, Result, Steward};

fn organisation() -> OrganisationDraft {
    OrganisationDraft {
        legal_name: "Riverside Community Garden Association".into(),
        address: "12 Mill Lane\nRiverside RV1 2AB\nUnited Kingdom".into(),
        // A UK association whose festival welcomes visitors from the EU: the
        // GDPR reaches it (Art. 3(2)(a)), so it names a representative there.
        country: "GB".into(),
        gdpr_reach: Some(GdprReach::OffersToPeopleInEu),
        contact_email: "privacy@riverside-garden.example".into(),
        dpo_name: String::new(),
        dpo_contact: String::new(),
        eu_representative: "Gartenfreunde Vertretung GmbH, Hauptstraße 5, 10115 Berlin, Germany"
            .into(),
        supervisory_authority: "Information Commissioner's Office (ICO)".into(),
        employee_count: Some(2),
        security_measures: vec![
            SecurityMeasure::AccessControl,
            SecurityMeasure::Backups,
            SecurityMeasure::Training,
        ],
        security_notes:
            "Board laptops use full-disk encryption; shared passwords live in a password manager."
                .into(),
        policy: PolicySettings {
            policy_scope: vec![
                "riverside-garden.example".into(),
                "the Riverside Harvest Festival".into(),
            ],
            policy_effective_date: Some("2026-03-01".into()),
            minimum_age: Some(16),
            rights_response_days: Some(30),
            breach_notification: "If a breach is likely to put your rights at risk, we email you without delay, say what happened and what we are doing about it.".into(),
            cookie_controls: "Our website sets no cookies of its own. You can block or delete cookies in your browser's settings.".into(),
            communications_opt_out: "Every newsletter has an unsubscribe link at the bottom; you can also email us.".into(),
            deidentified_data: "We publish yearly totals of members and volunteers that identify no one.".into(),
            policy_change_notice: "We announce changes in the newsletter and on our website at least 30 days before they apply.".into(),
            other_disclosures: vec![OtherDisclosure::LegalRequests, OtherDisclosure::Emergencies],
            // The garden's board confirmed it: no activity decides by
            // machine alone.
            confirmed_none: vec![ConfirmedNone::AutomatedDecisions],
        },
    }
}

/// A retention rule: data category, period, trigger event, justification.
type DemoRetention = (
    &'static str,
    Option<(i64, PeriodUnit)>,
    &'static str,
    &'static str,
);

/// One demo activity and the rows that belong to it.
struct DemoActivity {
    activity: ActivityDraft,
    purposes: Vec<(&'static str, Option<LegalBasis>, &'static str)>,
    groups: Vec<(&'static str, &'static [&'static str], Option<Art9Condition>)>,
    team: &'static str,
    /// Where the people give us their data (Art. 13).
    collected: &'static str,
    processor: Option<&'static str>,
    retention: Vec<DemoRetention>,
}

fn activity(name: &str, description: &str, function: &str, systems: &[&str]) -> ActivityDraft {
    ActivityDraft {
        name: name.into(),
        description: description.into(),
        status: ActivityStatus::Active,
        business_function: function.into(),
        owner: "Secretary of the board".into(),
        systems: systems.iter().map(|s| (*s).to_string()).collect(),
        data_location: "United Kingdom".into(),
        next_review: Some("2027-03-31".into()),
        ..ActivityDraft::default()
    }
}

fn activities() -> Vec<DemoActivity> {
    use LegalBasis::*;
    vec![
        DemoActivity {
            activity: activity(
                "Member administration",
                "Keeping the register of members, their plots and their annual fees.",
                "Membership",
                &["Membership spreadsheet"],
            ),
            purposes: vec![
                (
                    "Manage memberships and plot allocations",
                    Some(Contract),
                    "",
                ),
                ("Collect annual membership fees", Some(Contract), ""),
            ],
            groups: vec![(
                "members",
                &[
                    "identity",
                    "email-address",
                    "postal-address",
                    "membership-details",
                    "payment-details",
                ],
                None,
            )],
            team: "Board",
            collected: "The membership application form",
            processor: None,
            retention: vec![(
                "membership-details",
                Some((2, PeriodUnit::Years)),
                "the end of the membership",
                "Lets us settle open fees and answer questions from former members.",
            )],
        },
        DemoActivity {
            activity: activity(
                "Volunteer coordination",
                "Scheduling volunteers for work days and keeping an emergency contact for each.",
                "Volunteering",
                &["Shared calendar"],
            ),
            purposes: vec![
                (
                    "Plan volunteer work days",
                    Some(LegitimateInterests),
                    "Running the garden with the help of volunteers.",
                ),
                (
                    "Reach a volunteer's emergency contact if they are hurt on site",
                    Some(VitalInterests),
                    "",
                ),
            ],
            groups: vec![(
                "volunteers",
                &[
                    "identity",
                    "phone-number",
                    "emergency-contact",
                    "health-data",
                ],
                Some(Art9Condition::VitalInterests),
            )],
            team: "Volunteer coordinators",
            collected: "The volunteer sign-up sheet",
            processor: None,
            retention: vec![(
                "emergency-contact",
                None,
                "the volunteer's last work day",
                "Deleted once the person no longer volunteers: it is only needed on site.",
            )],
        },
        DemoActivity {
            activity: activity(
                "Donations and Gift Aid",
                "Recording donations, thanking donors and claiming Gift Aid from the tax authority.",
                "Fundraising",
                &["Donation ledger"],
            ),
            purposes: vec![
                ("Record and acknowledge donations", Some(Contract), ""),
                (
                    "Keep the records tax law requires for Gift Aid claims",
                    Some(LegalObligation),
                    "",
                ),
            ],
            groups: vec![(
                "donors",
                &[
                    "identity",
                    "postal-address",
                    "donation-history",
                    "tax-information",
                ],
                None,
            )],
            team: "Treasurer",
            collected: "The donation and Gift Aid form",
            processor: None,
            retention: vec![(
                "donation-history",
                Some((6, PeriodUnit::Years)),
                "the end of the tax year of the donation",
                "HMRC requires Gift Aid records for six years.",
            )],
        },
        DemoActivity {
            activity: activity(
                "Newsletter",
                "A monthly email about the garden, sent to people who signed up on the website.",
                "Communications",
                &["Mailchimp"],
            ),
            purposes: vec![(
                "Send the monthly newsletter to subscribers",
                Some(Consent),
                "Double opt-in sign-up form; Mailchimp keeps the time and IP of each confirmation.",
            )],
            groups: vec![(
                "mailing-list-subscribers",
                &["email-address", "identity"],
                None,
            )],
            team: "Communications team",
            collected: "The newsletter sign-up form on the website",
            processor: Some("mailchimp"),
            retention: vec![(
                "email-address",
                None,
                "the subscriber unsubscribes",
                "Removed at once when someone unsubscribes.",
            )],
        },
    ]
}

impl Steward {
    /// Loads the demo register into an empty register and answers the
    /// first-start offer.
    pub fn load_demo(&mut self) -> Result<()> {
        if !self.list_activities()?.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Validation,
                "The demo register can only be loaded into an empty register: this one already has activities.",
            ));
        }
        self.update_organisation(organisation(), None)?;
        for demo in activities() {
            let activity_id = self.create_activity(demo.activity)?.id;
            for (description, legal_basis, note) in demo.purposes {
                let (interest, consent) = match legal_basis {
                    Some(LegalBasis::LegitimateInterests) => (note, ""),
                    Some(LegalBasis::Consent) => ("", note),
                    _ => ("", ""),
                };
                self.create_purpose(PurposeDraft {
                    activity_id: activity_id.clone(),
                    description: description.into(),
                    legal_basis,
                    legitimate_interest: interest.into(),
                    lia_reference: String::new(),
                    consent_record: consent.into(),
                })?;
            }
            for (subjects, data, art9_condition) in demo.groups {
                self.create_subject_group(SubjectGroupDraft {
                    activity_id: activity_id.clone(),
                    subject_category: subjects.into(),
                    data_categories: data.iter().map(|d| (*d).to_string()).collect(),
                    art9_condition,
                    art10_basis: String::new(),
                })?;
            }
            self.create_activity_source(ActivitySourceDraft {
                activity_id: activity_id.clone(),
                kind: SourceKind::DataSubject,
                context: demo.collected.into(),
                ..ActivitySourceDraft::default()
            })?;
            self.create_activity_recipient(ActivityRecipientDraft {
                activity_id: activity_id.clone(),
                internal_team: demo.team.into(),
                role: RecipientRole::Internal,
                ..ActivityRecipientDraft::default()
            })?;
            if let Some(catalogue_id) = demo.processor {
                let mut recipient = self.add_recipient_from_catalogue(catalogue_id)?;
                recipient.fields.dpa_status = DpaStatus::Signed;
                recipient.fields.dpa_signed = Some("2025-01-15".into());
                recipient.fields.dpa_reference =
                    "Accepted online with the account terms; PDF in the board's shared drive"
                        .into();
                let recipient = self.update_recipient(&recipient.id, recipient.fields, None)?;
                self.create_activity_recipient(ActivityRecipientDraft {
                    activity_id: activity_id.clone(),
                    recipient_id: Some(recipient.id.clone()),
                    role: RecipientRole::Processor,
                    purpose: "Sends the newsletter and keeps the list of subscribers.".into(),
                    ..ActivityRecipientDraft::default()
                })?;
                self.create_transfer(TransferDraft {
                    activity_id: activity_id.clone(),
                    recipient_id: Some(recipient.id),
                    country: recipient.fields.country,
                    mechanism: Some(TransferMechanism::Dpf),
                    ..TransferDraft::default()
                })?;
            }
            for (category, period, trigger, justification) in demo.retention {
                self.create_retention_rule(RetentionRuleDraft {
                    activity_id: activity_id.clone(),
                    data_category: category.into(),
                    period_value: period.map(|p| p.0),
                    period_unit: period.map(|p| p.1),
                    criterion: if period.is_none() {
                        format!("Until {trigger}")
                    } else {
                        String::new()
                    },
                    trigger_event: trigger.into(),
                    justification: justification.into(),
                    end_action: EndAction::Erase,
                })?;
            }
        }
        let mut draft = activity(
            "Harvest festival registration",
            "Registrations for the autumn harvest festival, taken through an event-registration service.",
            "Events",
            &[],
        );
        draft.status = ActivityStatus::Draft;
        draft.occasional = true;
        let festival = self.create_activity(draft)?;
        self.create_purpose(PurposeDraft {
            activity_id: festival.id.clone(),
            description: "Manage festival registrations and capacity".into(),
            ..PurposeDraft::default()
        })?;
        // Attendees register with a ticketing vendor, which passes their
        // details on (Art. 14).
        let vendor = self.create_source_organisation(SourceOrganisationDraft {
            name: "Eventbrite, Inc.".into(),
            country: "US".into(),
            contact: "privacy@eventbrite.com".into(),
            privacy_policy_url:
                "https://www.eventbrite.com/help/en-us/articles/460838/eventbrite-privacy-policy/"
                    .into(),
            ..SourceOrganisationDraft::default()
        })?;
        self.create_activity_source(ActivitySourceDraft {
            activity_id: festival.id,
            kind: SourceKind::Organisation,
            source_organisation_id: Some(vendor.id),
            data_categories: vec!["identity".into(), "email-address".into()],
            ..ActivitySourceDraft::default()
        })?;
        // The board's own promise, which no record states: added to the
        // generated section, so it survives every regeneration.
        self.save_policy_edit(
            &PolicyEditDraft {
                section_id: "sharing".into(),
                mode: PolicyEditMode::Append,
                text: "We never sell, rent or trade your personal data.".into(),
            },
            None,
        )?;
        self.dismiss_demo()
    }
}
