//! Website third parties: cookies, pixels, embedded services and scripts on
//! the organisation's websites that collect data about visitors. Privacy
//! notices (and cookie banners) list them with what they collect and for
//! how long.

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ThirdPartyKind {
    #[default]
    Cookie,
    Pixel,
    /// Embedded content: videos, maps, forms.
    Embed,
    Script,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "WebsiteThirdPartyInput")
)]
pub struct WebsiteThirdPartyDraft {
    /// Who runs it, e.g. "YouTube (Google Ireland Limited)".
    pub provider: String,
    pub kind: ThirdPartyKind,
    pub purpose: String,
    pub data_collected: String,
    /// How long its cookies or data last, e.g. "13 months" or "session".
    pub duration: String,
    /// Whether it may only run after the visitor consents (ePrivacy Art. 5(3)).
    pub consent_required: bool,
    pub privacy_policy_url: String,
    pub notes: String,
    /// The provider in the recipients register, if it is there.
    pub recipient_id: Option<String>,
}

const PROVIDER: TextRule = TextRule::line("Provider", 200).required();
const PURPOSE: TextRule = TextRule::paragraph("Purpose", 1000);
const DATA: TextRule = TextRule::paragraph("Data collected", 1000);
const DURATION: TextRule = TextRule::line("Duration", 200);
const NOTES: TextRule = TextRule::paragraph("Notes", 5000);

impl Validate for WebsiteThirdPartyDraft {
    fn validate(&self) -> Result<WebsiteThirdPartyDraft, Invalid> {
        let mut invalid = Invalid::default();
        let valid = WebsiteThirdPartyDraft {
            provider: text::check("provider", &self.provider, PROVIDER, &mut invalid),
            kind: self.kind,
            purpose: text::check("purpose", &self.purpose, PURPOSE, &mut invalid),
            data_collected: text::check("dataCollected", &self.data_collected, DATA, &mut invalid),
            duration: text::check("duration", &self.duration, DURATION, &mut invalid),
            consent_required: self.consent_required,
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
    fn website_third_party_rules() {
        let cases: &[Case<WebsiteThirdPartyDraft>] = &[
            ("valid", |_| {}, &[]),
            (
                "no provider",
                |w| w.provider = " ".into(),
                &[("provider", "Provider is required")],
            ),
            (
                "multi-line duration",
                |w| w.duration = "13\nmonths".into(),
                &[("duration", "line break")],
            ),
            (
                "script link",
                |w| w.privacy_policy_url = "javascript:alert(1)".into(),
                &[("privacyPolicyUrl", "https://")],
            ),
        ];
        check_cases(
            || WebsiteThirdPartyDraft {
                provider: "Google reCAPTCHA".into(),
                kind: ThirdPartyKind::Script,
                purpose: "Keep spam out of our forms".into(),
                consent_required: false,
                privacy_policy_url: "https://policies.google.com/privacy".into(),
                ..WebsiteThirdPartyDraft::default()
            },
            cases,
        );
    }
}
