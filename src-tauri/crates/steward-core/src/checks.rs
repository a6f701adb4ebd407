//! Compliance checks: what in the register is missing or risky, where, and
//! how to fix it. Pure functions over the register with the date passed in;
//! each check is one function in [`CHECKS`] and one row of the tests.
//!
//! A [`Finding`] names the record and the field to fix (in the API's
//! camelCase), so that the app can link to it, and says what to do.

use serde::{Deserialize, Serialize};

use crate::acknowledgement::AcknowledgementDraft;
use crate::activity::{ActivityDraft, LegalBasis};
use crate::controller::{self, Flow, Scope};
use crate::links::{RecipientRole, TransferMechanism};
use crate::organisation::OrganisationDraft;
use crate::recipient::{DpaStatus, DpfStatus, RecipientDraft};
use crate::reference;
use crate::review::{self, ActivityFacts};
use crate::source::SourceOrganisationDraft;
use crate::subjects::{ActivitySourceDraft, SourceKind};
use crate::validation::{FieldError, Invalid, Validate};
use crate::vocabulary::{self, SpecialCategory};
use crate::website::{ThirdPartyKind, WebsiteThirdPartyDraft};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum Severity {
    /// The record or the law asks for something that is not there.
    Error,
    /// Likely a problem; check it.
    Warning,
    /// Good practice.
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Finding {
    /// The check's stable id, e.g. `processorWithoutDpa`.
    pub check: String,
    pub severity: Severity,
    /// The kind of record to open (`activity`, `recipient`, `organisation`).
    pub kind: String,
    pub record_id: String,
    /// The record as a person names it.
    pub record: String,
    /// The field that fixes it, in the API's camelCase, when there is one.
    pub field: Option<String>,
    /// The provision behind the check, e.g. "Art. 28(3)".
    pub article: String,
    /// What is wrong and what to do, in words.
    pub message: String,
    /// Set when a person has acknowledged this finding as a deliberate
    /// choice; it no longer counts as open.
    pub acknowledgement: Option<Acknowledged>,
}

/// Who acknowledged a finding, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Acknowledged {
    /// The acknowledgement record, to withdraw it.
    pub id: String,
    /// The acknowledgement's base (see the API's records), to withdraw it
    /// as seen; empty in documents.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
    pub reason: String,
    /// RFC 3339.
    pub at: String,
}

/// A recorded acknowledgement with its id and time.
#[derive(Debug, Clone, Copy)]
pub struct AcknowledgementFacts<'a> {
    pub id: &'a str,
    pub base: &'a str,
    pub at: &'a str,
    pub acknowledgement: &'a AcknowledgementDraft,
}

/// Marks each finding that an acknowledgement still covers.
pub fn apply_acknowledgements(findings: &mut [Finding], acks: &[AcknowledgementFacts<'_>]) {
    for f in findings {
        f.acknowledgement =
            acks.iter()
                .find(|a| a.acknowledgement.covers(f))
                .map(|a| Acknowledged {
                    id: a.id.into(),
                    base: a.base.into(),
                    reason: a.acknowledgement.reason.clone(),
                    at: a.at.into(),
                });
    }
}

/// A recipient of the register with its id.
#[derive(Debug, Clone, Copy)]
pub struct RecipientFacts<'a> {
    pub id: &'a str,
    pub recipient: &'a RecipientDraft,
}

/// A third party on the organisation's website, with its id.
#[derive(Debug, Clone, Copy)]
pub struct WebsiteFacts<'a> {
    pub id: &'a str,
    pub third_party: &'a WebsiteThirdPartyDraft,
}

/// A source organisation of the register with its id.
#[derive(Debug, Clone, Copy)]
pub struct SourceFacts<'a> {
    pub id: &'a str,
    pub source: &'a SourceOrganisationDraft,
}

/// An activity with its id and its rows.
#[derive(Debug, Clone, Copy)]
pub struct ActivityEntry<'a> {
    pub id: &'a str,
    pub facts: ActivityFacts<'a>,
    /// Where its data comes from.
    pub sources: &'a [ActivitySourceDraft],
}

/// The register as the checks read it.
#[derive(Debug, Clone, Copy)]
pub struct RegisterFacts<'a> {
    pub organisation: &'a OrganisationDraft,
    pub activities: &'a [ActivityEntry<'a>],
    pub recipients: &'a [RecipientFacts<'a>],
    pub source_organisations: &'a [SourceFacts<'a>],
    pub website_third_parties: &'a [WebsiteFacts<'a>],
}

impl RegisterFacts<'_> {
    fn recipient(&self, id: Option<&str>) -> Option<&RecipientDraft> {
        let id = id?;
        self.recipients
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.recipient)
    }
}

/// A DPA that expires within this many days is flagged.
pub const DPA_EXPIRY_WARNING_DAYS: i64 = 60;

type Check = fn(&RegisterFacts<'_>, jiff::civil::Date, &mut Vec<Finding>);

/// Every check, in the order findings are listed.
pub const CHECKS: &[(&str, Check)] = &[
    ("countryNotRecorded", country_not_recorded),
    ("representativeMissing", representative_missing),
    ("missingElement", missing_elements),
    (
        "legitimateInterestsWithoutAssessment",
        legitimate_interests_without_assessment,
    ),
    ("consentWithoutRecord", consent_without_record),
    ("consentAsCondition", consent_as_condition),
    ("trackingWithoutConsent", tracking_without_consent),
    (
        "specialDataWithoutCondition",
        special_data_without_condition,
    ),
    ("processorWithoutDpa", processor_without_dpa),
    ("recipientUnused", recipient_unused),
    (
        "recipientAbroadWithoutTransfer",
        recipient_abroad_without_transfer,
    ),
    ("adequacyNotRecognised", adequacy_not_recognised),
    ("dpfRecipientNotCertified", dpf_recipient_not_certified),
    ("transferWithoutTia", transfer_without_tia),
    (
        "retentionWithoutJustification",
        retention_without_justification,
    ),
    ("sourceWithoutNotice", source_without_notice),
    ("reviewOverdue", review_overdue),
    ("dpiaLikelyRequired", dpia_likely_required),
    ("activityWithoutOwner", activity_without_owner),
    ("formRules", form_rules),
];

/// Runs every check on `register` as of `today`.
pub fn check(register: &RegisterFacts<'_>, today: jiff::civil::Date) -> Vec<Finding> {
    let mut findings = vec![];
    for (_, check) in CHECKS {
        check(register, today, &mut findings);
    }
    findings
}

fn on_activity(
    check: &str,
    severity: Severity,
    e: &ActivityEntry<'_>,
    field: Option<&str>,
    article: &str,
    message: String,
) -> Finding {
    Finding {
        check: check.into(),
        severity,
        kind: "activity".into(),
        record_id: e.id.into(),
        record: e.facts.activity.name.clone(),
        field: field.map(Into::into),
        article: article.into(),
        message,
        acknowledgement: None,
    }
}

fn on_organisation(
    check: &str,
    severity: Severity,
    organisation: &OrganisationDraft,
    field: &str,
    article: &str,
    message: String,
) -> Finding {
    Finding {
        check: check.into(),
        severity,
        kind: "organisation".into(),
        record_id: "organisation".into(),
        record: if organisation.legal_name.is_empty() {
            "The organisation".into()
        } else {
            organisation.legal_name.clone()
        },
        field: Some(field.into()),
        article: article.into(),
        message,
        acknowledgement: None,
    }
}

/// Where the controller is established decides much: whether it needs a
/// representative, which authority leads, what is a transfer.
fn country_not_recorded(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    let org = r.organisation;
    if org.country.is_empty() && org.gdpr_reach.is_none() {
        out.push(on_organisation(
            "countryNotRecorded",
            Severity::Info,
            org,
            "country",
            "Art. 3",
            "Record the country the organisation is established in and why the GDPR applies to it: whether it needs a representative in the EU, which authority leads for it and what counts as a transfer depend on it.".into(),
        ));
    }
}

/// A controller outside the EU that the GDPR reaches (Art. 3(2)) names a
/// representative in the EU (Art. 27), unless exempt (Art. 27(2)).
fn representative_missing(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    let org = r.organisation;
    let Scope::Reaching { offers, monitors } = controller::scope(&org.country, org.gdpr_reach)
    else {
        return;
    };
    if !org.eu_representative.trim().is_empty() {
        return;
    }
    let place = reference::country(&org.country).map_or_else(
        || "outside the EU".to_owned(),
        |c| format!("in {}, outside the EU", c.display_name()),
    );
    let reach = match (offers, monitors) {
        (true, true) => "offers its services to people in the EU and monitors their behaviour",
        (true, false) => "offers its services to people in the EU",
        _ => "monitors the behaviour of people in the EU",
    };
    out.push(on_organisation(
        "representativeMissing",
        Severity::Warning,
        org,
        "euRepresentative",
        "Art. 27",
        format!("The organisation is established {place} and {reach}: name its representative in the EU, whom people and authorities can contact (Art. 27(1)). Only occasional processing that includes no large-scale sensitive or criminal data and is unlikely to put people at risk is exempt (Art. 27(2)): acknowledge this finding if that is the case."),
    ));
}

fn missing_elements(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        for m in review::review(e.facts).missing {
            out.push(on_activity(
                "missingElement",
                Severity::Error,
                e,
                Some(&m.element),
                &m.article,
                m.message,
            ));
        }
    }
}

fn legitimate_interests_without_assessment(
    r: &RegisterFacts<'_>,
    _: jiff::civil::Date,
    out: &mut Vec<Finding>,
) {
    for e in r.activities {
        for p in e.facts.purposes {
            if p.legal_basis == Some(LegalBasis::LegitimateInterests) && p.lia_reference.is_empty()
            {
                out.push(on_activity(
                    "legitimateInterestsWithoutAssessment",
                    Severity::Warning,
                    e,
                    Some("liaReference"),
                    "Art. 6(1)(f)",
                    format!(
                        "\"{}\" relies on legitimate interests without a balancing test: record where the legitimate interests assessment is kept.",
                        p.description
                    ),
                ));
            }
        }
    }
}

fn consent_without_record(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        for p in e.facts.purposes {
            if p.legal_basis == Some(LegalBasis::Consent) && p.consent_record.is_empty() {
                out.push(on_activity(
                    "consentWithoutRecord",
                    Severity::Warning,
                    e,
                    Some("consentRecord"),
                    "Art. 7(1)",
                    format!(
                        "\"{}\" relies on consent: say how consent is recorded, so that it can be shown.",
                        p.description
                    ),
                ));
            }
        }
    }
}

/// Consent is not free when giving the data is a condition of the contract
/// or of becoming a member (Art. 7(4)).
fn consent_as_condition(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    use crate::activity::ProvisionRequirement;
    for e in r.activities {
        let required = matches!(
            e.facts.activity.provision_requirement,
            ProvisionRequirement::Contractual | ProvisionRequirement::ContractPrerequisite
        );
        if !required {
            continue;
        }
        for p in e.facts.purposes {
            if p.legal_basis == Some(LegalBasis::Consent) {
                out.push(on_activity(
                    "consentAsCondition",
                    Severity::Warning,
                    e,
                    Some("provisionRequirement"),
                    "Art. 7(4)",
                    format!(
                        "People must give this data for a contract or to join, yet \"{}\" relies on their consent: consent that is a condition is not freely given. Choose the basis that fits (a contract, legitimate interests), or make giving the data for this purpose optional.",
                        p.description
                    ),
                ));
            }
        }
    }
}

/// Trackers that are not strictly necessary may run only after the
/// visitor's consent (ePrivacy Directive Art. 5(3)).
fn tracking_without_consent(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    const TRACKING: [&str; 6] = [
        "analytic",
        "advert",
        "marketing",
        "track",
        "retarget",
        "statistic",
    ];
    for w in r.website_third_parties {
        let t = w.third_party;
        if t.consent_required {
            continue;
        }
        let purpose = t.purpose.to_lowercase();
        let tracks = t.kind == ThirdPartyKind::Pixel
            || (t.kind != ThirdPartyKind::Other
                && TRACKING.iter().any(|word| purpose.contains(word)));
        if !tracks {
            continue;
        }
        out.push(Finding {
            check: "trackingWithoutConsent".into(),
            severity: Severity::Warning,
            kind: "websiteThirdParty".into(),
            record_id: w.id.into(),
            record: t.provider.clone(),
            field: Some("consentRequired".into()),
            article: "ePrivacy Art. 5(3)".into(),
            message: format!(
                "{} ({}) runs without the visitor's consent: trackers that are not strictly necessary need consent first. Mark it as used only after consent once your banner asks for it, or acknowledge this finding if it is strictly necessary.",
                t.provider, t.purpose
            ),
            acknowledgement: None,
        });
    }
}

fn special_data_without_condition(
    r: &RegisterFacts<'_>,
    _: jiff::civil::Date,
    out: &mut Vec<Finding>,
) {
    for e in r.activities {
        for g in e.facts.subject_groups {
            let has = |kind: SpecialCategory| {
                g.data_categories
                    .iter()
                    .any(|c| vocabulary::data_category(c).is_some_and(|d| d.special == Some(kind)))
            };
            if has(SpecialCategory::Art9) && g.art9_condition.is_none() {
                out.push(on_activity(
                    "specialDataWithoutCondition",
                    Severity::Error,
                    e,
                    Some("art9Condition"),
                    "Art. 9(2)",
                    "Special-category data is kept without an Art. 9(2) condition: choose the condition that allows it.".into(),
                ));
            }
            if has(SpecialCategory::Art10) && g.art10_basis.is_empty() {
                out.push(on_activity(
                    "specialDataWithoutCondition",
                    Severity::Error,
                    e,
                    Some("art10Basis"),
                    "Art. 10",
                    "Criminal-offence data is kept without an Art. 10 basis: name the law that allows it.".into(),
                ));
            }
        }
    }
}

fn on_recipient(
    check: &str,
    severity: Severity,
    r: &RecipientFacts<'_>,
    field: &str,
    article: &str,
    message: String,
) -> Finding {
    Finding {
        check: check.into(),
        severity,
        kind: "recipient".into(),
        record_id: r.id.into(),
        record: r.recipient.legal_name.clone(),
        field: Some(field.into()),
        article: article.into(),
        message,
        acknowledgement: None,
    }
}

/// A recipient no activity sends data to is in no document: either a
/// link is missing or the record is left over.
fn recipient_unused(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for rec in r.recipients {
        let used = r.activities.iter().any(|e| {
            e.facts
                .recipients
                .iter()
                .any(|l| l.recipient_id.as_deref() == Some(rec.id))
                || e.facts
                    .transfers
                    .iter()
                    .any(|t| t.recipient_id.as_deref() == Some(rec.id))
        });
        if !used {
            out.push(on_recipient(
                "recipientUnused",
                Severity::Warning,
                rec,
                "activities",
                "Art. 30(1)(d)",
                format!(
                    "No activity sends data to {}, so no record or policy names it: add it to the activities that use it, or delete it if it is no longer used.",
                    rec.recipient.legal_name
                ),
            ));
        }
    }
}

fn processor_without_dpa(r: &RegisterFacts<'_>, today: jiff::civil::Date, out: &mut Vec<Finding>) {
    for rec in r.recipients {
        let processes = r.activities.iter().any(|e| {
            e.facts.recipients.iter().any(|l| {
                l.recipient_id.as_deref() == Some(rec.id)
                    && matches!(
                        l.role,
                        RecipientRole::Processor | RecipientRole::SubProcessor
                    )
            })
        });
        if !processes {
            continue;
        }
        let d = rec.recipient;
        let expires = d
            .dpa_expires
            .as_deref()
            .and_then(|s| s.parse::<jiff::civil::Date>().ok());
        const CHECK: &str = "processorWithoutDpa";
        match (d.dpa_status, expires) {
            (DpaStatus::Expired, _) => out.push(on_recipient(CHECK, Severity::Error, rec, "dpaStatus", "Art. 28(3)", "The data-processing agreement has expired: sign a new one.".into())),
            (DpaStatus::Signed, Some(end)) if end < today => out.push(on_recipient(CHECK, Severity::Error, rec, "dpaExpires", "Art. 28(3)", format!("The data-processing agreement expired on {end}: renew it."))),
            (DpaStatus::Signed, Some(end)) if today.until(end).map(|s| s.get_days()).unwrap_or(i32::MAX) as i64 <= DPA_EXPIRY_WARNING_DAYS => {
                out.push(on_recipient(CHECK, Severity::Warning, rec, "dpaExpires", "Art. 28(3)", format!("The data-processing agreement expires on {end}: plan its renewal.")))
            }
            (DpaStatus::Signed, _) => {}
            _ => out.push(on_recipient(CHECK, Severity::Error, rec, "dpaStatus", "Art. 28(3)", "A processor handles personal data for you without a signed data-processing agreement: sign one and record it.".into())),
        }
    }
}

fn dpf_recipient_not_certified(
    r: &RegisterFacts<'_>,
    _: jiff::civil::Date,
    out: &mut Vec<Finding>,
) {
    for e in r.activities {
        for t in e.facts.transfers {
            if t.mechanism != Some(TransferMechanism::Dpf) {
                continue;
            }
            let recipient = t
                .recipient_id
                .as_deref()
                .and_then(|id| r.recipients.iter().find(|x| x.id == id));
            let message = match recipient {
                Some(x) if x.recipient.dpf == DpfStatus::Yes => continue,
                Some(x) => format!(
                    "The transfer of {} to {} relies on the EU-U.S. Data Privacy Framework, but {} is not marked as certified: check the DPF list and update the recipient, or choose another mechanism.",
                    e.facts.activity.name, x.recipient.legal_name, x.recipient.legal_name
                ),
                None => format!(
                    "A transfer of {} relies on the EU-U.S. Data Privacy Framework, but names no recipient: the framework covers only certified organisations, so name the recipient.",
                    e.facts.activity.name
                ),
            };
            out.push(on_activity(
                "dpfRecipientNotCertified",
                Severity::Error,
                e,
                Some("mechanism"),
                "Art. 45(3)",
                message,
            ));
        }
    }
}

/// A country whose data-protection law the GDPR does not apply to: sending
/// data there is a transfer (Chapter V).
fn is_third_country(code: &str) -> bool {
    reference::country(code).is_some_and(|c| !c.eea && c.gdpr_territory_of.is_none())
}

fn recipient_abroad_without_transfer(
    r: &RegisterFacts<'_>,
    _: jiff::civil::Date,
    out: &mut Vec<Finding>,
) {
    // For a controller outside the EU too: its disclosure to a recipient in
    // a third country, its own included, is a transfer (see `controller`).
    let scope = controller::scope(&r.organisation.country, r.organisation.gdpr_reach);
    for e in r.activities {
        for link in e.facts.recipients {
            let Some(rec) = r.recipient(link.recipient_id.as_deref()) else {
                continue;
            };
            let recorded = e
                .facts
                .transfers
                .iter()
                .any(|t| t.recipient_id == link.recipient_id);
            let transfer = controller::is_transfer(scope, Flow::ToRecipientIn(&rec.country));
            if transfer == Some(true) && !recorded {
                let country = reference::country(&rec.country)
                    .map_or(rec.country.as_str(), |c| c.display_name());
                out.push(on_activity("recipientAbroadWithoutTransfer", Severity::Error, e, Some("transfers"), "Art. 30(1)(e)", format!("{} is in {country}, outside the EEA, but no transfer to it is recorded: add the transfer with its safeguard.", rec.legal_name)));
            }
        }
    }
}

fn adequacy_not_recognised(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        for t in e.facts.transfers {
            let Some(c) = reference::country(&t.country) else {
                continue;
            };
            if t.mechanism != Some(TransferMechanism::Adequacy) || !is_third_country(&c.code) {
                continue;
            }
            let message = match reference::adequacy(&c.code) {
                None => format!(
                    "A transfer to {} relies on adequacy, but the Commission has no adequacy decision for it: choose SCCs, BCRs or another Art. 46 safeguard, or a derogation.",
                    c.display_name()
                ),
                // The U.S. decision covers DPF-certified organisations only,
                // which the DPF mechanism and its own check express.
                Some(d) if c.code == "US" => format!(
                    "A transfer to the United States relies on adequacy, but {} covers only organisations certified under the EU-U.S. Data Privacy Framework: choose the DPF as mechanism if the recipient is certified, or SCCs.",
                    d.decision
                ),
                Some(_) => continue,
            };
            out.push(on_activity(
                "adequacyNotRecognised",
                Severity::Error,
                e,
                Some("mechanism"),
                "Art. 45(1)",
                message,
            ));
        }
    }
}

fn transfer_without_tia(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        for t in e.facts.transfers {
            if t.mechanism
                .is_some_and(|m| m.article().starts_with("Art. 46"))
                && !t.tia_done
            {
                out.push(on_activity("transferWithoutTia", Severity::Warning, e, Some("tiaDone"), "Art. 46", "A transfer relies on an Art. 46 safeguard without a transfer impact assessment: assess the destination's law and record it.".into()));
            }
        }
    }
}

fn retention_without_justification(
    r: &RegisterFacts<'_>,
    _: jiff::civil::Date,
    out: &mut Vec<Finding>,
) {
    for e in r.activities {
        for rule in e.facts.retention {
            let open_ended = rule.period_value.is_none() && {
                let c = rule.criterion.to_lowercase();
                c.is_empty()
                    || c.contains("indefinite")
                    || c.contains("forever")
                    || c.contains("permanent")
            };
            if open_ended && rule.justification.is_empty() {
                out.push(on_activity("retentionWithoutJustification", Severity::Warning, e, Some("justification"), "Art. 5(1)(e)", "Data is kept without a time limit and without a reason: give a period, or say why it must be kept indefinitely.".into()));
            }
        }
    }
}

fn source_without_notice(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        for s in e.sources {
            if s.kind != SourceKind::Organisation || !s.notice.trim().is_empty() {
                continue;
            }
            let name = s
                .source_organisation_id
                .as_deref()
                .and_then(|id| r.source_organisations.iter().find(|o| o.id == id))
                .map_or("another organisation", |o| o.source.name.as_str());
            out.push(on_activity("sourceWithoutNotice", Severity::Warning, e, Some("notice"), "Art. 14(3)", format!("Data received from {name} has no notice to the people it is about: say how and when they are told (within a month, or at the first contact), or why Art. 14(5) exempts it.")));
        }
    }
}

fn review_overdue(r: &RegisterFacts<'_>, today: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        if let Some(date) = e
            .facts
            .activity
            .next_review
            .as_deref()
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            && date < today
        {
            out.push(on_activity("reviewOverdue", Severity::Warning, e, Some("nextReview"), "Art. 5(2)", format!("The review planned for {date} is overdue: review the entry and set the next date.")));
        }
    }
}

fn dpia_likely_required(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        if review::review(e.facts).dpia_suggested {
            out.push(on_activity("dpiaLikelyRequired", Severity::Warning, e, Some("dpiaStatus"), "Art. 35(1)", format!("{} screening criteria are met: a DPIA is likely required. Carry one out, or record why not.", e.facts.activity.dpia_criteria.len())));
        }
    }
}

fn activity_without_owner(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    for e in r.activities {
        let a: &ActivityDraft = e.facts.activity;
        if a.owner.is_empty() {
            out.push(on_activity(
                "activityWithoutOwner",
                Severity::Info,
                e,
                Some("owner"),
                "Art. 5(2)",
                "No one owns this entry: name the person or role who keeps it up to date.".into(),
            ));
        }
    }
}

#[cfg(test)]
mod tests;

/// A record that its own form would refuse. The API validates every save,
/// so only a merge makes one: two laptops whose changes are each valid can
/// together break a rule that spans fields (one sets the role to controller
/// while the other names the controller). The merge keeps such a record as
/// it is rather than refuse the other laptop's file; this check shows it to
/// a person, with the form's own message, until someone settles it.
fn form_rules(r: &RegisterFacts<'_>, _: jiff::civil::Date, out: &mut Vec<Finding>) {
    fn errors(result: Result<impl Sized, Invalid>) -> Vec<FieldError> {
        result.err().map(|i| i.errors).unwrap_or_default()
    }
    let message = |what: &str, e: &FieldError| {
        format!(
            "{what} breaks a rule of its form since changes from two laptops met: {} Open it and settle it.",
            e.message
        )
    };
    for e in r.activities {
        let f = e.facts;
        let mut found: Vec<(String, FieldError)> = errors(f.activity.validate())
            .into_iter()
            .map(|err| ("This activity".to_owned(), err))
            .collect();
        let mut parts = |what: &str, list: Vec<Vec<FieldError>>| {
            for (i, errs) in list.into_iter().enumerate() {
                found.extend(
                    errs.into_iter()
                        .map(|err| (format!("{what} {}", i + 1), err)),
                );
            }
        };
        parts(
            "Purpose",
            f.purposes.iter().map(|p| errors(p.validate())).collect(),
        );
        parts(
            "Group of people",
            f.subject_groups
                .iter()
                .map(|p| errors(p.validate()))
                .collect(),
        );
        parts(
            "Source",
            e.sources.iter().map(|p| errors(p.validate())).collect(),
        );
        parts(
            "Recipient",
            f.recipients.iter().map(|p| errors(p.validate())).collect(),
        );
        parts(
            "Transfer",
            f.transfers.iter().map(|p| errors(p.validate())).collect(),
        );
        parts(
            "Retention rule",
            f.retention.iter().map(|p| errors(p.validate())).collect(),
        );
        for (what, err) in found {
            out.push(on_activity(
                "formRules",
                Severity::Error,
                e,
                Some(&err.field),
                "Art. 30(1)",
                message(&what, &err),
            ));
        }
    }
    for rec in r.recipients {
        for err in errors(rec.recipient.validate()) {
            out.push(on_recipient(
                "formRules",
                Severity::Error,
                rec,
                &err.field,
                "Art. 30(1)",
                message("This recipient", &err),
            ));
        }
    }
    for src in r.source_organisations {
        for err in errors(src.source.validate()) {
            out.push(Finding {
                check: "formRules".into(),
                severity: Severity::Error,
                kind: "sourceOrganisation".into(),
                record_id: src.id.into(),
                record: src.source.name.clone(),
                field: Some(err.field.clone()),
                article: "Art. 30(1)".into(),
                message: message("This source organisation", &err),
                acknowledgement: None,
            });
        }
    }
}
