//! The findings of the compliance checks (`steward_api::findings_of`) as the
//! documents show them: the RoPA's summary lists the open ones and the
//! acknowledged ones with their reasons; the privacy policy's checklist
//! lists those that make what the policy says untrue or incomplete.

use serde::Serialize;
use steward_api::{Finding, RecordKind, RegisterExport, Severity};

use crate::policy::{PolicyGap, RecordLink};

/// An open finding in the RoPA's summary.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct OpenFinding {
    severity: &'static str,
    record: String,
    article: String,
    message: String,
}

/// An acknowledged finding with its reason, for the auditor.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AcknowledgedFinding {
    record: String,
    article: String,
    message: String,
    reason: String,
    /// The date it was acknowledged.
    date: String,
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Suggestion",
    }
}

/// The open and the acknowledged findings of `register` as of `today`.
pub(crate) fn for_report(
    register: &RegisterExport,
    today: jiff::civil::Date,
) -> (Vec<OpenFinding>, Vec<AcknowledgedFinding>) {
    let mut open = vec![];
    let mut acknowledged = vec![];
    for f in steward_api::findings_of(register, today) {
        match f.acknowledgement {
            // The same problem on several records is one row naming them.
            None => match open.iter_mut().find(|o: &&mut OpenFinding| {
                o.severity == severity_label(f.severity)
                    && o.article == f.article
                    && o.message == f.message
            }) {
                Some(same) => {
                    same.record.push_str(", ");
                    same.record.push_str(&f.record);
                }
                None => open.push(OpenFinding {
                    severity: severity_label(f.severity),
                    record: f.record,
                    article: f.article,
                    message: f.message,
                }),
            },
            Some(a) => acknowledged.push(AcknowledgedFinding {
                record: f.record,
                article: f.article,
                message: f.message,
                date: a.at.get(..10).unwrap_or(&a.at).to_owned(),
                reason: a.reason,
            }),
        }
    }
    (open, acknowledged)
}

/// The checks whose findings make the policy untrue or incomplete, and the
/// policy section each concerns. None of them depends on the date.
const POLICY_CHECKS: &[(&str, &str)] = &[
    ("sourceWithoutNotice", "received"),
    ("recipientAbroadWithoutTransfer", "sharing"),
    ("adequacyNotRecognised", "transfers"),
    ("dpfRecipientNotCertified", "transfers"),
];

/// Checklist entries for the open findings of [`POLICY_CHECKS`].
pub(crate) fn for_policy(register: &RegisterExport) -> Vec<PolicyGap> {
    // The checks listed do not read the date; any will do.
    let today = jiff::civil::date(2000, 1, 1);
    steward_api::findings_of(register, today)
        .into_iter()
        .filter(|f| f.acknowledgement.is_none())
        .filter_map(|f| {
            let section = POLICY_CHECKS.iter().find(|(c, _)| *c == f.check)?.1;
            Some(PolicyGap {
                element: f.article.clone(),
                section: section.to_owned(),
                fix: link_of(&f),
                message: f.message,
            })
        })
        .collect()
}

fn link_of(f: &Finding) -> RecordLink {
    let activity = f.kind == "activity";
    RecordLink {
        kind: match f.kind.as_str() {
            "activity" => RecordKind::Activity,
            "organisation" => RecordKind::Organisation,
            _ => RecordKind::Recipient,
        },
        id: f.record_id.clone(),
        activity_id: activity.then(|| f.record_id.clone()),
        name: f.record.clone(),
        field: f.field.clone(),
    }
}
