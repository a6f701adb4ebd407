//! The organisation profile: the controller's identity and contacts that head
//! the record (Art. 30(1)(a)) and every privacy notice (Art. 13(1)(a)–(b)).

use serde::{Deserialize, Serialize};

use crate::controller::{GdprReach, in_gdpr_territory};
use crate::policy_settings::PolicySettings;
use crate::recipient::check_country;
use crate::security::{SecurityMeasure, check_security};
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// What a user submits to set the organisation profile. Empty strings mean
/// "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "OrganisationInput")
)]
pub struct OrganisationDraft {
    pub legal_name: String,
    pub address: String,
    /// The country the organisation is established in (ISO 3166-1 alpha-2),
    /// empty when not recorded.
    #[serde(default)]
    pub country: String,
    /// Why the GDPR applies to it (Art. 3); `null` when not recorded. See
    /// [`crate::controller`] for what follows from it.
    #[serde(default)]
    pub gdpr_reach: Option<GdprReach>,
    pub contact_email: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub eu_representative: String,
    pub supervisory_authority: String,
    /// How many people the organisation employs: with 250 or more, every
    /// activity must be recorded (Art. 30(5)). `null` when not recorded.
    pub employee_count: Option<i64>,
    /// Measures that protect every activity (Art. 32), e.g. backups.
    pub security_measures: Vec<SecurityMeasure>,
    pub security_notes: String,
    /// What the privacy policy states that is not a processing record.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub policy: PolicySettings,
}

const LEGAL_NAME: TextRule = TextRule::line("Legal name", 200).required();
const ADDRESS: TextRule = TextRule::paragraph("Address", 1000);
const CONTACT_EMAIL: TextRule = TextRule::line("Contact email", 254);
const DPO_NAME: TextRule = TextRule::line("DPO name", 200);
const DPO_CONTACT: TextRule = TextRule::line("DPO contact", 300);
const EU_REPRESENTATIVE: TextRule = TextRule::paragraph("EU representative", 1000);
const SUPERVISORY_AUTHORITY: TextRule = TextRule::line("Supervisory authority", 300);

impl Validate for OrganisationDraft {
    fn validate(&self) -> Result<OrganisationDraft, Invalid> {
        let mut invalid = Invalid::default();
        let legal_name = text::check("legalName", &self.legal_name, LEGAL_NAME, &mut invalid);
        let address = text::check("address", &self.address, ADDRESS, &mut invalid);
        let country = check_country("country", &self.country, &mut invalid);
        if in_gdpr_territory(&country)
            && self
                .gdpr_reach
                .is_some_and(|reach| reach != GdprReach::EuEstablishment)
        {
            invalid.push(
                "gdprReach",
                format!(
                    "An organisation established in {country}, in the EEA, is covered by the GDPR through its establishment (Art. 3(1)): choose \"It has an establishment in the EU or EEA\", or correct the country."
                ),
            );
        }
        let contact_email = text::check(
            "contactEmail",
            &self.contact_email,
            CONTACT_EMAIL,
            &mut invalid,
        );
        if !contact_email.is_empty() && !text::is_plausible_email(&contact_email) {
            invalid.push(
                "contactEmail",
                format!(
                    "Contact email \"{contact_email}\" is not an email address: enter one like privacy@example.org."
                ),
            );
        }
        let dpo_name = text::check("dpoName", &self.dpo_name, DPO_NAME, &mut invalid);
        let dpo_contact = text::check("dpoContact", &self.dpo_contact, DPO_CONTACT, &mut invalid);
        if !dpo_name.is_empty() && dpo_contact.is_empty() {
            invalid.push(
                "dpoContact",
                "DPO contact is missing: people must be able to reach the DPO (Art. 37(7)); give an email address or phone number.",
            );
        }
        let eu_representative = text::check(
            "euRepresentative",
            &self.eu_representative,
            EU_REPRESENTATIVE,
            &mut invalid,
        );
        let supervisory_authority = text::check(
            "supervisoryAuthority",
            &self.supervisory_authority,
            SUPERVISORY_AUTHORITY,
            &mut invalid,
        );
        if self
            .employee_count
            .is_some_and(|n| !(0..=10_000_000).contains(&n))
        {
            invalid.push(
                "employeeCount",
                "The number of employees must be a whole number from 0 up: leave it empty if you do not know it.",
            );
        }
        let (security_measures, security_notes) =
            check_security(&self.security_measures, &self.security_notes, &mut invalid);
        let policy = self.policy.checked(&mut invalid);
        invalid.into_result(OrganisationDraft {
            legal_name,
            address,
            country,
            gdpr_reach: self.gdpr_reach,
            contact_email,
            dpo_name,
            dpo_contact,
            eu_representative,
            supervisory_authority,
            employee_count: self.employee_count,
            security_measures,
            security_notes,
            policy,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    fn profile() -> OrganisationDraft {
        OrganisationDraft {
            legal_name: "Friends of the Commons e.V.".into(),
            address: "Gartenstraße 1\n10115 Berlin".into(),
            country: "DE".into(),
            gdpr_reach: None,
            contact_email: "privacy@commons.example".into(),
            dpo_name: "".into(),
            dpo_contact: "".into(),
            eu_representative: "".into(),
            supervisory_authority: "Berliner Beauftragte für Datenschutz".into(),
            employee_count: Some(3),
            security_measures: vec![SecurityMeasure::Backups],
            security_notes: String::new(),
            policy: PolicySettings::default(),
        }
    }

    #[test]
    fn organisation_rules() {
        let cases: &[Case<OrganisationDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no legal name",
                |p| p.legal_name.clear(),
                &[("legalName", "Legal name is required")],
            ),
            (
                "bad email",
                |p| p.contact_email = "privacy at commons".into(),
                &[("contactEmail", "not an email address")],
            ),
            ("no email is fine", |p| p.contact_email.clear(), &[]),
            (
                "DPO without contact",
                |p| p.dpo_name = "Ada".into(),
                &[("dpoContact", "Art. 37(7)")],
            ),
            (
                "DPO with contact",
                |p| {
                    p.dpo_name = "Ada".into();
                    p.dpo_contact = "dpo@commons.example".into();
                },
                &[],
            ),
            (
                "a country by its code or alias",
                |p| p.country = " uk ".into(),
                &[],
            ),
            (
                "a country by its name",
                |p| p.country = "Germany".into(),
                &[("country", "not an ISO 3166-1 country code")],
            ),
            (
                "in the EEA, reaching from outside",
                |p| p.gdpr_reach = Some(GdprReach::OffersToPeopleInEu),
                &[("gdprReach", "Art. 3(1)")],
            ),
            (
                "outside the EEA, reaching in",
                |p| {
                    p.country = "US".into();
                    p.gdpr_reach = Some(GdprReach::OffersAndMonitors);
                },
                &[],
            ),
            (
                "negative headcount",
                |p| p.employee_count = Some(-1),
                &[("employeeCount", "whole number from 0")],
            ),
            (
                "other measures undescribed",
                |p| p.security_measures.push(SecurityMeasure::Other),
                &[("securityNotes", "describe them")],
            ),
            (
                "policy settings",
                |p| {
                    p.policy.policy_scope =
                        vec!["commons.example".into(), "Commons.example ".into()];
                    p.policy.policy_effective_date = Some("1/2/2026".into());
                    p.policy.minimum_age = Some(0);
                    p.policy.rights_response_days = Some(45);
                },
                &[
                    ("policyScope[1]", "repeats an earlier one"),
                    ("policyEffectiveDate", "YYYY-MM-DD"),
                    ("minimumAge", "from 1 to 21"),
                    ("rightsResponseDays", "one month"),
                ],
            ),
            (
                "control character",
                |p| p.supervisory_authority = "CNIL\u{0}".into(),
                &[("supervisoryAuthority", "control character")],
            ),
        ];
        check_cases(profile, cases);
    }
}
