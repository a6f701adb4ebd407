//! Source organisations: other organisations that give us personal data
//! about people (an event-registration vendor, a community partner). The
//! privacy notice must name each source (Art. 14(2)(f)).

use serde::{Deserialize, Serialize};

use crate::recipient::check_country;
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "SourceOrganisationInput")
)]
pub struct SourceOrganisationDraft {
    pub name: String,
    /// ISO 3166-1 alpha-2, or empty.
    pub country: String,
    pub contact: String,
    pub privacy_policy_url: String,
    pub notes: String,
    /// The same organisation in the recipients register, when it is also
    /// one (Eventbrite both collects registrations for us and processes them).
    pub recipient_id: Option<String>,
}

const NAME: TextRule = TextRule::line("Name", 200).required();
const CONTACT: TextRule = TextRule::line("Contact", 300);
const NOTES: TextRule = TextRule::paragraph("Notes", 5000);

impl Validate for SourceOrganisationDraft {
    fn validate(&self) -> Result<SourceOrganisationDraft, Invalid> {
        let mut invalid = Invalid::default();
        let valid = SourceOrganisationDraft {
            name: text::check("name", &self.name, NAME, &mut invalid),
            country: check_country("country", &self.country, &mut invalid),
            contact: text::check("contact", &self.contact, CONTACT, &mut invalid),
            privacy_policy_url: text::check_https_url(
                "privacyPolicyUrl",
                "Privacy policy URL",
                &self.privacy_policy_url,
                &mut invalid,
            ),
            notes: text::check("notes", &self.notes, NOTES, &mut invalid),
            recipient_id: text::optional_id(&self.recipient_id),
        };
        invalid.into_result(valid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    #[test]
    fn source_organisation_rules() {
        let cases: &[Case<SourceOrganisationDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no name",
                |s| s.name.clear(),
                &[("name", "Name is required")],
            ),
            (
                "bad country",
                |s| s.country = "Germany".into(),
                &[("country", "ISO 3166-1")],
            ),
            (
                "insecure link",
                |s| s.privacy_policy_url = "ftp://x.org".into(),
                &[("privacyPolicyUrl", "https://")],
            ),
        ];
        check_cases(
            || SourceOrganisationDraft {
                name: "Local user group Berlin".into(),
                country: "DE".into(),
                ..SourceOrganisationDraft::default()
            },
            cases,
        );
    }
}
