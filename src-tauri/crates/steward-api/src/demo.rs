//! The demo register: a fictional small nonprofit that a newcomer can explore
//! on first start. It goes through the same validation and write path as
//! anything a user types, so it is always a valid register.

use steward_core::{ActivityStatus, LegalBasis};

use crate::{ActivityInput, ApiError, ErrorCode, OrganisationInput, Result, Steward};

fn organisation() -> OrganisationInput {
    OrganisationInput {
        legal_name: "Riverside Community Garden Association".into(),
        address: "12 Mill Lane\nRiverside RV1 2AB\nUnited Kingdom".into(),
        contact_email: "privacy@riverside-garden.example".into(),
        dpo_name: String::new(),
        dpo_contact: String::new(),
        eu_representative: "Gartenfreunde Vertretung GmbH, Hauptstraße 5, 10115 Berlin, Germany"
            .into(),
        supervisory_authority: "Information Commissioner's Office (ICO)".into(),
    }
}

fn activity(
    name: &str,
    description: &str,
    purposes: &[&str],
    legal_basis: Option<LegalBasis>,
    status: ActivityStatus,
) -> ActivityInput {
    ActivityInput {
        name: name.into(),
        description: description.into(),
        purposes: purposes.iter().map(|p| (*p).to_string()).collect(),
        legal_basis,
        status,
    }
}

fn activities() -> Vec<ActivityInput> {
    use ActivityStatus::*;
    use LegalBasis::*;
    vec![
        activity(
            "Member administration",
            "Keeping the register of members, their plots and their annual fees.",
            &[
                "Manage memberships and plot allocations",
                "Collect annual membership fees",
            ],
            Some(Contract),
            Active,
        ),
        activity(
            "Volunteer coordination",
            "Scheduling volunteers for work days and keeping an emergency contact for each.",
            &[
                "Plan volunteer work days",
                "Reach a volunteer's emergency contact if they are hurt on site",
            ],
            Some(LegitimateInterests),
            Active,
        ),
        activity(
            "Donations and Gift Aid",
            "Recording donations, thanking donors and claiming Gift Aid from the tax authority.",
            &[
                "Record and acknowledge donations",
                "Keep the records tax law requires for Gift Aid claims",
            ],
            Some(LegalObligation),
            Active,
        ),
        activity(
            "Newsletter",
            "A monthly email about the garden, sent to people who signed up on the website.",
            &["Send the monthly newsletter to subscribers"],
            Some(Consent),
            Active,
        ),
        activity(
            "Harvest festival registration",
            "Registrations for the autumn harvest festival, taken through an event-registration service.",
            &["Manage festival registrations and capacity"],
            None,
            Draft,
        ),
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
        self.update_organisation(organisation())?;
        for input in activities() {
            self.create_activity(input)?;
        }
        self.dismiss_demo()
    }
}
