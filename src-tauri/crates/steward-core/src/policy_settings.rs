//! The organisation-wide facts a privacy policy states that are not
//! processing records: what the policy covers, from when, the minimum age,
//! how fast requests are answered, and the organisation's own words for
//! breaches, cookies, opting out and changes. They are part of the
//! organisation profile (flattened into [`OrganisationDraft`](crate::OrganisationDraft))
//! so that they sync and keep their history like every other field.
//!
//! Not here: the policy text itself (steward-docs and `assets/policy`).

use serde::{Deserialize, Serialize};

use crate::text::{self, TextRule};
use crate::validation::Invalid;

/// Disclosures an organisation may make outside any one activity, which
/// its policy states when they are recorded here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum OtherDisclosure {
    /// To courts, police or regulators when the law requires it.
    LegalRequests,
    /// To protect someone's life or safety (Art. 6(1)(d)).
    Emergencies,
    /// To a successor organisation in a merger or transfer of activities.
    Mergers,
}

impl OtherDisclosure {
    pub const ALL: [OtherDisclosure; 3] = [
        OtherDisclosure::LegalRequests,
        OtherDisclosure::Emergencies,
        OtherDisclosure::Mergers,
    ];

    /// The stable id, also the key of its sentence in the policy text.
    pub fn id(self) -> &'static str {
        match self {
            OtherDisclosure::LegalRequests => "legalRequests",
            OtherDisclosure::Emergencies => "emergencies",
            OtherDisclosure::Mergers => "mergers",
        }
    }
}

/// What a person confirmed the organisation does not do at all. A policy
/// denies something ("we do not transfer your data to other countries")
/// only when it is confirmed here and no record says otherwise; an empty
/// register is not a denial, so without it the policy shows a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ConfirmedNone {
    /// No decision based solely on automated processing, no profiling
    /// (Art. 22).
    AutomatedDecisions,
    /// No one outside the organisation receives personal data.
    Sharing,
    /// No personal data goes to other countries.
    Transfers,
}

impl ConfirmedNone {
    pub const ALL: [ConfirmedNone; 3] = [
        ConfirmedNone::AutomatedDecisions,
        ConfirmedNone::Sharing,
        ConfirmedNone::Transfers,
    ];
}

/// The policy settings of the organisation profile. Every field may be
/// left empty: the policy then leaves out what it would say, or (for what
/// the law requires) shows a placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PolicySettings {
    /// The websites, apps and events the policy covers, e.g. "openinfra.org".
    pub policy_scope: Vec<String>,
    /// The date from which the policy applies (YYYY-MM-DD).
    pub policy_effective_date: Option<String>,
    /// The age below which the organisation does not knowingly collect data.
    pub minimum_age: Option<i64>,
    /// How many days the organisation takes to answer a request about
    /// rights; `null`: the legal maximum of one month (Art. 12(3)).
    pub rights_response_days: Option<i64>,
    /// How people are told of a breach that affects them.
    pub breach_notification: String,
    /// How people can control or refuse cookies.
    pub cookie_controls: String,
    /// How people stop emails and other communications.
    pub communications_opt_out: String,
    /// What the organisation does with de-identified or aggregated data.
    pub deidentified_data: String,
    /// How people learn of changes to the policy.
    pub policy_change_notice: String,
    /// Disclosures made outside any one activity.
    pub other_disclosures: Vec<OtherDisclosure>,
    /// What a person confirmed the organisation does not do at all.
    pub confirmed_none: Vec<ConfirmedNone>,
}

const SCOPE_ITEM: TextRule = TextRule::line("Policy scope", 200);
const BREACH: TextRule = TextRule::paragraph("Breach notification", 2000);
const COOKIES: TextRule = TextRule::paragraph("Cookie controls", 2000);
const OPT_OUT: TextRule = TextRule::paragraph("Opting out of communications", 2000);
const DEIDENTIFIED: TextRule = TextRule::paragraph("De-identified data", 2000);
const CHANGES: TextRule = TextRule::paragraph("Changes to the policy", 2000);
const MAX_SCOPE: usize = 50;

impl PolicySettings {
    /// Checks the settings, reporting under their camelCase field names,
    /// and returns them normalised.
    pub(crate) fn checked(&self, invalid: &mut Invalid) -> PolicySettings {
        let policy_scope = text::check_list("policyScope", &self.policy_scope, SCOPE_ITEM, invalid);
        if policy_scope.len() > MAX_SCOPE {
            invalid.push(
                "policyScope",
                format!("List at most {MAX_SCOPE} sites, apps or events: group the smaller ones."),
            );
        }
        let policy_effective_date = text::check_date(
            "policyEffectiveDate",
            "Effective date",
            self.policy_effective_date.as_deref(),
            invalid,
        );
        if self.minimum_age.is_some_and(|age| !(1..=21).contains(&age)) {
            invalid.push(
                "minimumAge",
                "The minimum age must be a whole number of years from 1 to 21: leave it empty if you set none.",
            );
        }
        if self
            .rights_response_days
            .is_some_and(|days| !(1..=31).contains(&days))
        {
            invalid.push(
                "rightsResponseDays",
                "The response time must be from 1 to 31 days (the law allows one month, Art. 12(3)): leave it empty to say \"one month\".",
            );
        }
        PolicySettings {
            policy_scope,
            policy_effective_date,
            minimum_age: self.minimum_age,
            rights_response_days: self.rights_response_days,
            breach_notification: text::check(
                "breachNotification",
                &self.breach_notification,
                BREACH,
                invalid,
            ),
            cookie_controls: text::check("cookieControls", &self.cookie_controls, COOKIES, invalid),
            communications_opt_out: text::check(
                "communicationsOptOut",
                &self.communications_opt_out,
                OPT_OUT,
                invalid,
            ),
            deidentified_data: text::check(
                "deidentifiedData",
                &self.deidentified_data,
                DEIDENTIFIED,
                invalid,
            ),
            policy_change_notice: text::check(
                "policyChangeNotice",
                &self.policy_change_notice,
                CHANGES,
                invalid,
            ),
            other_disclosures: OtherDisclosure::ALL
                .into_iter()
                .filter(|d| self.other_disclosures.contains(d))
                .collect(),
            confirmed_none: ConfirmedNone::ALL
                .into_iter()
                .filter(|c| self.confirmed_none.contains(c))
                .collect(),
        }
    }
}
