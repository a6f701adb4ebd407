//! What an activity shares: the recipients it discloses data to, with the
//! role each plays *for this activity* (Art. 30(1)(d)), and its transfers
//! outside the EEA with their Chapter V mechanism (Art. 30(1)(e)).

use serde::{Deserialize, Serialize};

use crate::recipient::check_country;
use crate::reference;
use crate::text::{self, TextRule};
use crate::validation::{Invalid, Validate};

/// The role a recipient plays for one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum RecipientRole {
    #[default]
    Processor,
    SubProcessor,
    /// Art. 26: needs the essence of the arrangement.
    JointController,
    IndependentController,
    PublicAuthority,
    /// A team inside the organisation.
    Internal,
}

/// What a user submits to link a recipient (or an internal team) to an activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "ActivityRecipientInput")
)]
pub struct ActivityRecipientDraft {
    pub activity_id: String,
    /// A recipient of the register; `null` for an internal team.
    pub recipient_id: Option<String>,
    pub internal_team: String,
    pub role: RecipientRole,
    /// For joint controllers: the essence of the Art. 26 arrangement.
    pub arrangement: String,
    /// What the recipient does with the data for this activity.
    pub purpose: String,
}

const TEAM: TextRule = TextRule::line("Internal team", 200);
const ARRANGEMENT: TextRule = TextRule::paragraph("Arrangement", 2000);
const PURPOSE: TextRule = TextRule::paragraph("Purpose", 1000);

impl Validate for ActivityRecipientDraft {
    fn validate(&self) -> Result<ActivityRecipientDraft, Invalid> {
        let mut invalid = Invalid::default();
        let recipient_id = text::optional_id(&self.recipient_id);
        let internal_team = text::check("internalTeam", &self.internal_team, TEAM, &mut invalid);
        let arrangement = text::check("arrangement", &self.arrangement, ARRANGEMENT, &mut invalid);
        let purpose = text::check("purpose", &self.purpose, PURPOSE, &mut invalid);
        match (self.role, &recipient_id, internal_team.is_empty()) {
            (RecipientRole::Internal, _, true) => invalid.push(
                "internalTeam",
                "Name the internal team that receives the data, e.g. 'Events team'.",
            ),
            (RecipientRole::Internal, Some(_), false) => invalid.push(
                "recipientId",
                "An internal team is not an outside recipient: remove the recipient, or choose another role.",
            ),
            (role, None, _) if role != RecipientRole::Internal => invalid.push(
                "recipientId",
                "Choose the recipient from the register (add it there first if it is new).",
            ),
            _ => {}
        }
        if self.role == RecipientRole::JointController && arrangement.is_empty() {
            invalid.push(
                "arrangement",
                "Joint controllers must set out their responsibilities (Art. 26): describe the essence of the arrangement.",
            );
        }
        invalid.into_result(ActivityRecipientDraft {
            activity_id: self.activity_id.trim().to_owned(),
            recipient_id,
            internal_team,
            role: self.role,
            arrangement,
            purpose,
        })
    }
}

/// The legal ground of a transfer outside the EEA (GDPR Chapter V).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum TransferMechanism {
    Adequacy,
    /// Adequacy for the USA, for organisations certified under the DPF.
    Dpf,
    PublicAuthorityInstrument,
    Bcrs,
    Sccs,
    SupervisoryAuthorityClauses,
    CodeOfConduct,
    Certification,
    AuthorisedContractualClauses,
    AdministrativeArrangement,
    ExplicitConsent,
    ContractWithSubject,
    ContractInSubjectsInterest,
    PublicInterest,
    LegalClaims,
    VitalInterests,
    PublicRegister,
    /// Art. 49(1) second subparagraph: needs documented safeguards.
    CompellingLegitimateInterests,
}

impl TransferMechanism {
    pub const ALL: [TransferMechanism; 18] = [
        TransferMechanism::Adequacy,
        TransferMechanism::Dpf,
        TransferMechanism::PublicAuthorityInstrument,
        TransferMechanism::Bcrs,
        TransferMechanism::Sccs,
        TransferMechanism::SupervisoryAuthorityClauses,
        TransferMechanism::CodeOfConduct,
        TransferMechanism::Certification,
        TransferMechanism::AuthorisedContractualClauses,
        TransferMechanism::AdministrativeArrangement,
        TransferMechanism::ExplicitConsent,
        TransferMechanism::ContractWithSubject,
        TransferMechanism::ContractInSubjectsInterest,
        TransferMechanism::PublicInterest,
        TransferMechanism::LegalClaims,
        TransferMechanism::VitalInterests,
        TransferMechanism::PublicRegister,
        TransferMechanism::CompellingLegitimateInterests,
    ];

    /// The article it rests on.
    pub fn article(self) -> &'static str {
        use TransferMechanism::*;
        match self {
            Adequacy | Dpf => "Art. 45",
            PublicAuthorityInstrument => "Art. 46(2)(a)",
            Bcrs => "Art. 46(2)(b), Art. 47",
            Sccs => "Art. 46(2)(c)",
            SupervisoryAuthorityClauses => "Art. 46(2)(d)",
            CodeOfConduct => "Art. 46(2)(e)",
            Certification => "Art. 46(2)(f)",
            AuthorisedContractualClauses => "Art. 46(3)(a)",
            AdministrativeArrangement => "Art. 46(3)(b)",
            ExplicitConsent => "Art. 49(1)(a)",
            ContractWithSubject => "Art. 49(1)(b)",
            ContractInSubjectsInterest => "Art. 49(1)(c)",
            PublicInterest => "Art. 49(1)(d)",
            LegalClaims => "Art. 49(1)(e)",
            VitalInterests => "Art. 49(1)(f)",
            PublicRegister => "Art. 49(1)(g)",
            CompellingLegitimateInterests => "Art. 49(1), second subparagraph",
        }
    }

    /// Whether it is an Art. 46 safeguard, after which a transfer impact
    /// assessment is expected (Schrems II).
    pub fn is_article_46(self) -> bool {
        self.article().starts_with("Art. 46")
    }
}

/// What a user submits to record a transfer of an activity's data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(export, rename = "TransferInput")
)]
pub struct TransferDraft {
    pub activity_id: String,
    /// The recipient abroad, from the register.
    pub recipient_id: Option<String>,
    /// ISO 3166-1 alpha-2 of the destination.
    pub country: String,
    pub mechanism: Option<TransferMechanism>,
    /// The safeguards, as Art. 30(1)(e) requires them documented for the
    /// second-subparagraph derogation; supplementary measures otherwise.
    pub safeguards: String,
    pub tia_done: bool,
    pub tia_date: Option<String>,
    pub notes: String,
}

const SAFEGUARDS: TextRule = TextRule::paragraph("Safeguards", 5000);
const NOTES: TextRule = TextRule::paragraph("Notes", 5000);

impl Validate for TransferDraft {
    fn validate(&self) -> Result<TransferDraft, Invalid> {
        let mut invalid = Invalid::default();
        let country = check_country("country", &self.country, &mut invalid);
        // Rules about the destination apply only to a country we know; an
        // unknown code has its own message already.
        let destination = reference::country(&country).filter(|_| !country.is_empty());
        if country.is_empty() {
            invalid.push("country", "Choose the country the data goes to.");
        } else if let Some(c) = destination
            && (c.eea || c.gdpr_territory_of.is_some())
        {
            invalid.push(
                "country",
                format!(
                    "{} is inside the EEA, where the GDPR applies: sending data there is not a transfer. Record the recipient on the activity instead.",
                    c.display_name()
                ),
            );
        }
        match self.mechanism {
            None => invalid.push(
                "mechanism",
                "Choose the legal ground of the transfer (adequacy, DPF, SCCs, BCRs or a derogation): Chapter V GDPR requires one.",
            ),
            Some(TransferMechanism::Dpf)
                if destination.is_some_and(|c| c.code != "US" && !c.eea && c.gdpr_territory_of.is_none()) =>
            {
                invalid.push(
                "mechanism",
                    "The EU-U.S. Data Privacy Framework covers transfers to the United States only: choose another mechanism.",
                )
            }
            _ => {}
        }
        let safeguards = text::check("safeguards", &self.safeguards, SAFEGUARDS, &mut invalid);
        if self.mechanism == Some(TransferMechanism::CompellingLegitimateInterests)
            && safeguards.is_empty()
        {
            invalid.push(
                "safeguards",
                "Transfers on compelling legitimate interests need their safeguards documented (Art. 49(1), Art. 30(1)(e)): describe them.",
            );
        }
        let tia_date = text::check_date(
            "tiaDate",
            "Transfer impact assessment date",
            self.tia_date.as_deref(),
            &mut invalid,
        );
        if tia_date.is_some() && !self.tia_done {
            invalid.push("tiaDone", "A date is given for the transfer impact assessment: mark it as done, or remove the date.");
        }
        let notes = text::check("notes", &self.notes, NOTES, &mut invalid);
        invalid.into_result(TransferDraft {
            activity_id: self.activity_id.trim().to_owned(),
            recipient_id: text::optional_id(&self.recipient_id),
            country,
            mechanism: self.mechanism,
            safeguards,
            tia_done: self.tia_done,
            tia_date,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{Case, check_cases};

    #[test]
    fn activity_recipient_rules() {
        let cases: &[Case<ActivityRecipientDraft>] = &[
            ("valid processor", |_| {}, &[]),
            (
                "no recipient",
                |l| l.recipient_id = None,
                &[("recipientId", "Choose the recipient")],
            ),
            (
                "joint controller without arrangement",
                |l| l.role = RecipientRole::JointController,
                &[("arrangement", "Art. 26")],
            ),
            (
                "internal team",
                |l| {
                    l.role = RecipientRole::Internal;
                    l.recipient_id = None;
                    l.internal_team = "Events team".into();
                },
                &[],
            ),
            (
                "internal without team",
                |l| l.role = RecipientRole::Internal,
                &[("internalTeam", "Name the internal team")],
            ),
            (
                "internal team with a recipient",
                |l| {
                    l.role = RecipientRole::Internal;
                    l.internal_team = "Events team".into();
                },
                &[("recipientId", "not an outside recipient")],
            ),
        ];
        check_cases(
            || ActivityRecipientDraft {
                activity_id: "a".into(),
                recipient_id: Some("r".into()),
                role: RecipientRole::Processor,
                ..ActivityRecipientDraft::default()
            },
            cases,
        );
    }

    #[test]
    fn transfer_rules() {
        let cases: &[Case<TransferDraft>] = &[
            ("valid DPF transfer", |_| {}, &[]),
            (
                "no mechanism",
                |t| t.mechanism = None,
                &[("mechanism", "Chapter V")],
            ),
            (
                "bad country",
                |t| t.country = "America".into(),
                &[("country", "ISO 3166-1")],
            ),
            (
                "no country",
                |t| t.country.clear(),
                &[("country", "Choose the country")],
            ),
            (
                "inside the EEA",
                |t| t.country = "no".into(),
                &[("country", "inside the EEA")],
            ),
            (
                "EU territory",
                |t| t.country = "RE".into(),
                &[("country", "inside the EEA")],
            ),
            (
                "DPF outside the USA",
                |t| {
                    t.country = "CA".into();
                },
                &[("mechanism", "United States only")],
            ),
            (
                "compelling interests without safeguards",
                |t| t.mechanism = Some(TransferMechanism::CompellingLegitimateInterests),
                &[("safeguards", "documented")],
            ),
            (
                "TIA date but not done",
                |t| t.tia_date = Some("2026-01-10".into()),
                &[("tiaDone", "mark it as done")],
            ),
            (
                "SCCs with a TIA",
                |t| {
                    t.mechanism = Some(TransferMechanism::Sccs);
                    t.tia_done = true;
                    t.tia_date = Some("2026-01-10".into());
                },
                &[],
            ),
        ];
        check_cases(
            || TransferDraft {
                activity_id: "a".into(),
                recipient_id: Some("r".into()),
                country: "us".into(),
                mechanism: Some(TransferMechanism::Dpf),
                ..TransferDraft::default()
            },
            cases,
        );
    }

    #[test]
    fn mechanisms_name_their_article() {
        assert!(TransferMechanism::Sccs.is_article_46());
        assert!(!TransferMechanism::Dpf.is_article_46());
        assert!(
            TransferMechanism::ALL
                .iter()
                .all(|m| m.article().starts_with("Art. "))
        );
    }
}
