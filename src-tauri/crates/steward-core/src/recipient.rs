//! Recipients and processors: the organisations personal data is disclosed
//! to (Art. 30(1)(d)), with their data-processing agreement (Art. 28) and
//! EU-U.S. Data Privacy Framework status. An activity links to a recipient
//! with the role it plays *for that activity*; the register entry holds the
//! facts about the organisation itself.

use serde::{Deserialize, Serialize};

use crate::reference;
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// Where the data-processing agreement (Art. 28(3)) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum DpaStatus {
    #[default]
    Missing,
    Draft,
    Sent,
    Signed,
    Expired,
}

/// Whether the recipient is certified under the EU-U.S. Data Privacy
/// Framework (the Art. 45 adequacy decision of 10 July 2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum DpfStatus {
    Yes,
    No,
    #[default]
    Unknown,
}

/// What a user submits to record a recipient or processor. Empty strings and
/// `null` dates mean "not recorded". Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "RecipientInput")
)]
pub struct RecipientDraft {
    pub legal_name: String,
    pub trading_name: String,
    /// ISO 3166-1 alpha-2 code of the country the recipient is established in.
    pub country: String,
    pub address: String,
    pub contact: String,
    pub privacy_policy_url: String,
    pub dpa_status: DpaStatus,
    pub dpa_signed: Option<String>,
    pub dpa_expires: Option<String>,
    /// The recipient's own sub-processors, by name.
    pub sub_processors: Vec<String>,
    pub dpf: DpfStatus,
    /// When the DPF status was last checked on the official list.
    pub dpf_verified: Option<String>,
    pub notes: String,
    /// The processor-catalogue entry this recipient was created from.
    pub catalogue_id: Option<String>,
    /// Where the signed data-processing agreement is kept: a link or a file
    /// reference.
    pub dpa_reference: String,
}

const LEGAL_NAME: TextRule = TextRule::line("Legal name", 200).required();
const TRADING_NAME: TextRule = TextRule::line("Trading name", 200);
const ADDRESS: TextRule = TextRule::paragraph("Address", 1000);
const CONTACT: TextRule = TextRule::line("Contact", 300);
const SUB_PROCESSOR: TextRule = TextRule::line("Sub-processor", 200);
const NOTES: TextRule = TextRule::paragraph("Notes", 5000);

impl Validate for RecipientDraft {
    fn validate(&self) -> Result<RecipientDraft, Invalid> {
        let mut invalid = Invalid::default();
        let legal_name = text::check("legalName", &self.legal_name, LEGAL_NAME, &mut invalid);
        let trading_name = text::check(
            "tradingName",
            &self.trading_name,
            TRADING_NAME,
            &mut invalid,
        );
        let country = check_country("country", &self.country, &mut invalid);
        let address = text::check("address", &self.address, ADDRESS, &mut invalid);
        let contact = text::check("contact", &self.contact, CONTACT, &mut invalid);
        let privacy_policy_url = text::check_https_url(
            "privacyPolicyUrl",
            "Privacy policy URL",
            &self.privacy_policy_url,
            &mut invalid,
        );
        let dpa_signed = text::check_date(
            "dpaSigned",
            "DPA signed date",
            self.dpa_signed.as_deref(),
            &mut invalid,
        );
        let dpa_expires = text::check_date(
            "dpaExpires",
            "DPA expiry date",
            self.dpa_expires.as_deref(),
            &mut invalid,
        );
        if let (Some(signed), Some(expires)) = (&dpa_signed, &dpa_expires)
            && expires < signed
        {
            invalid.push(
                "dpaExpires",
                format!("The DPA cannot expire ({expires}) before it was signed ({signed}): check both dates."),
            );
        }
        let signed_typed = self
            .dpa_signed
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty());
        if self.dpa_status == DpaStatus::Signed && !signed_typed {
            invalid.push(
                "dpaSigned",
                "Give the date the DPA was signed, or choose another DPA status.",
            );
        }
        let sub_processors = text::check_list(
            "subProcessors",
            &self.sub_processors,
            SUB_PROCESSOR,
            &mut invalid,
        );
        let dpf_verified = text::check_date(
            "dpfVerified",
            "DPF verification date",
            self.dpf_verified.as_deref(),
            &mut invalid,
        );
        let notes = text::check("notes", &self.notes, NOTES, &mut invalid);
        let catalogue_id = text::optional_id(&self.catalogue_id);
        let dpa_reference = text::check(
            "dpaReference",
            &self.dpa_reference,
            crate::activity::DOCUMENT_REFERENCE,
            &mut invalid,
        );
        if let Some(id) = &catalogue_id
            && !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            invalid.push(
                "catalogueId",
                format!("\"{id}\" is not a catalogue entry id."),
            );
        }
        invalid.into_result(RecipientDraft {
            legal_name,
            trading_name,
            country,
            address,
            contact,
            privacy_policy_url,
            dpa_status: self.dpa_status,
            dpa_signed,
            dpa_expires,
            sub_processors,
            dpf: self.dpf,
            dpf_verified,
            notes,
            catalogue_id,
            dpa_reference,
        })
    }
}

/// An ISO 3166-1 alpha-2 code, normalised (`uk` → `GB`), or empty.
pub(crate) fn check_country(field: &str, input: &str, invalid: &mut Invalid) -> String {
    let input = input.trim();
    if input.is_empty() {
        return String::new();
    }
    match reference::country(input) {
        Some(country) => country.code.clone(),
        None => {
            invalid.push(
                field,
                format!(
                    "\"{input}\" is not an ISO 3166-1 country code: use two letters, such as DE, US or GB."
                ),
            );
            input.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    fn processor() -> RecipientDraft {
        RecipientDraft {
            legal_name: "The Rocket Science Group LLC".into(),
            trading_name: "Mailchimp".into(),
            country: "US".into(),
            privacy_policy_url: "https://www.intuit.com/privacy/statement/".into(),
            dpa_status: DpaStatus::Signed,
            dpa_signed: Some("2025-03-01".into()),
            dpa_expires: Some("2027-03-01".into()),
            sub_processors: vec!["Amazon Web Services".into()],
            dpf: DpfStatus::Yes,
            dpf_verified: Some("2026-11-01".into()),
            ..RecipientDraft::default()
        }
    }

    #[test]
    fn recipient_rules() {
        let cases: &[Case<RecipientDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no legal name",
                |r| r.legal_name.clear(),
                &[("legalName", "Legal name is required")],
            ),
            (
                "bad country",
                |r| r.country = "USA".into(),
                &[("country", "not an ISO 3166-1 country code")],
            ),
            ("alias country", |r| r.country = "uk".into(), &[]),
            (
                "http url, as many real policies are",
                |r| r.privacy_policy_url = "http://example.org/privacy".into(),
                &[],
            ),
            (
                "javascript url",
                |r| r.privacy_policy_url = "javascript:alert(1)".into(),
                &[("privacyPolicyUrl", "https://")],
            ),
            (
                "ambiguous date",
                |r| r.dpa_signed = Some("03/04/2025".into()),
                &[("dpaSigned", "YYYY-MM-DD")],
            ),
            (
                "impossible date",
                |r| r.dpa_expires = Some("2025-02-30".into()),
                &[("dpaExpires", "YYYY-MM-DD")],
            ),
            (
                "expires before signed",
                |r| r.dpa_expires = Some("2024-12-31".into()),
                &[(
                    "dpaExpires",
                    "cannot expire (2024-12-31) before it was signed (2025-03-01)",
                )],
            ),
            (
                "signed without date",
                |r| r.dpa_signed = None,
                &[("dpaSigned", "date the DPA was signed")],
            ),
            (
                "missing DPA needs no date",
                |r| {
                    r.dpa_status = DpaStatus::Missing;
                    r.dpa_signed = None;
                    r.dpa_expires = None;
                },
                &[],
            ),
            (
                "duplicate sub-processor",
                |r| r.sub_processors.push("amazon web services".into()),
                &[("subProcessors[1]", "repeats")],
            ),
            (
                "control character",
                |r| r.trading_name = "Mail\u{0}chimp".into(),
                &[("tradingName", "control character")],
            ),
        ];
        check_cases(processor, cases);
    }

    #[test]
    fn validation_normalises_country_and_dates() {
        let mut r = processor();
        r.country = " gb ".into();
        r.dpa_signed = Some(" 2025-03-01 ".into());
        r.dpf_verified = Some("".into());
        let valid = r.validate().unwrap();
        assert_eq!(valid.country, "GB");
        assert_eq!(valid.dpa_signed.as_deref(), Some("2025-03-01"));
        assert_eq!(valid.dpf_verified, None);
    }
}
