//! The compliance checks over the whole register (`steward-core::checks`),
//! as of the clock's date, with the findings people have acknowledged; and
//! the dashboard that the home screen shows.

use serde::{Deserialize, Serialize};
use steward_core::checks::{
    self, AcknowledgementFacts, ActivityEntry, RecipientFacts, RegisterFacts, SourceFacts,
    WebsiteFacts,
};
use steward_core::review;
use steward_core::{
    AcknowledgementDraft, ActivityFacts, ActivityRecipientDraft, ActivitySourceDraft,
    ActivityStatus, DpaStatus, EntityKind, Finding, OrganisationDraft, PurposeDraft,
    RetentionRuleDraft, Severity, SubjectGroupDraft, TransferDraft, Validate,
};
use ts_rs::TS;

use crate::record::fields_of;
use crate::{ApiError, ErrorCode, ExportedActivity, RegisterExport, Result, Steward};

const ENTITY: EntityKind = EntityKind::Acknowledgement;
const WHAT: &str = "acknowledgement";

/// A finding that a person acknowledged as a deliberate choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Acknowledgement {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: AcknowledgementDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// The activities still processing (not retired).
fn live(register: &RegisterExport) -> Vec<&ExportedActivity> {
    register
        .activities
        .iter()
        .filter(|e| e.activity.fields.status != ActivityStatus::Retired)
        .collect()
}

/// An activity's rows as the drafts `steward-core` reads.
struct Rows {
    purposes: Vec<PurposeDraft>,
    groups: Vec<SubjectGroupDraft>,
    recipients: Vec<ActivityRecipientDraft>,
    transfers: Vec<TransferDraft>,
    retention: Vec<RetentionRuleDraft>,
    sources: Vec<ActivitySourceDraft>,
}

impl Rows {
    fn of(e: &ExportedActivity) -> Rows {
        fn drafts<R, D: Clone>(rows: &[R], fields: impl Fn(&R) -> &D) -> Vec<D> {
            rows.iter().map(|r| fields(r).clone()).collect()
        }
        Rows {
            purposes: drafts(&e.purposes, |p| &p.fields),
            groups: drafts(&e.subject_groups, |p| &p.fields),
            recipients: drafts(&e.recipients, |p| &p.fields),
            transfers: drafts(&e.transfers, |p| &p.fields),
            retention: drafts(&e.retention_rules, |p| &p.fields),
            sources: drafts(&e.sources, |p| &p.fields),
        }
    }

    fn facts<'a>(
        &'a self,
        e: &'a ExportedActivity,
        organisation: &'a OrganisationDraft,
    ) -> ActivityFacts<'a> {
        ActivityFacts {
            activity: &e.activity.fields,
            organisation,
            purposes: &self.purposes,
            subject_groups: &self.groups,
            recipients: &self.recipients,
            transfers: &self.transfers,
            retention: &self.retention,
        }
    }
}

/// Every finding of every check on `register` as of `today`, most severe
/// first, then in the order of the checks and of the register; each marked
/// when one of the register's acknowledgements covers it. Retired activities
/// are not checked: they are no longer processing.
pub fn findings_of(register: &RegisterExport, today: jiff::civil::Date) -> Vec<Finding> {
    let live = live(register);
    let rows: Vec<Rows> = live.iter().map(|e| Rows::of(e)).collect();
    let activities: Vec<ActivityEntry<'_>> = live
        .iter()
        .zip(&rows)
        .map(|(e, rows)| ActivityEntry {
            id: &e.activity.id,
            facts: rows.facts(e, &register.organisation),
            sources: &rows.sources,
        })
        .collect();
    let recipients: Vec<RecipientFacts<'_>> = register
        .recipients
        .iter()
        .map(|r| RecipientFacts {
            id: &r.id,
            recipient: &r.fields,
        })
        .collect();
    let source_organisations: Vec<SourceFacts<'_>> = register
        .source_organisations
        .iter()
        .map(|s| SourceFacts {
            id: &s.id,
            source: &s.fields,
        })
        .collect();
    let website_third_parties: Vec<WebsiteFacts<'_>> = register
        .website_third_parties
        .iter()
        .map(|w| WebsiteFacts {
            id: &w.id,
            third_party: &w.fields,
        })
        .collect();
    let mut findings = checks::check(
        &RegisterFacts {
            organisation: &register.organisation,
            activities: &activities,
            recipients: &recipients,
            source_organisations: &source_organisations,
            website_third_parties: &website_third_parties,
        },
        today,
    );
    let acks: Vec<AcknowledgementFacts<'_>> = register
        .acknowledgements
        .iter()
        .map(|a| AcknowledgementFacts {
            id: &a.id,
            base: &a.base,
            at: &a.updated_at,
            acknowledgement: &a.fields,
        })
        .collect();
    checks::apply_acknowledgements(&mut findings, &acks);
    findings.sort_by_key(|f| f.severity);
    findings
}

/// How many findings of one severity are open (not acknowledged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SeverityCount {
    pub severity: Severity,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusCount {
    pub status: ActivityStatus,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeadlineKind {
    /// An activity's next review.
    Review,
    /// The end of a processor's data-processing agreement.
    DpaExpiry,
}

/// A date coming up within [`UPCOMING_DAYS`] (or passed, if the check
/// reports it too).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// `activity` or `recipient`.
    pub record_kind: String,
    pub record_id: String,
    pub record: String,
    /// The field that holds the date.
    pub field: String,
    /// ISO 8601 date.
    pub date: String,
    /// Days from today; negative when it has passed.
    pub days: i32,
}

/// Whether an activity must be in the record (Art. 30(5)), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Applicability {
    pub activity_id: String,
    pub activity: String,
    pub record_required: bool,
    pub reasons: Vec<String>,
}

/// The home screen: where the register stands and what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    /// ISO 8601 date the checks were run for.
    pub today: String,
    /// Activities by status, in the order draft, active, retired.
    pub activities_by_status: Vec<StatusCount>,
    /// Open findings by severity, most severe first (every severity, even
    /// when zero).
    pub open_by_severity: Vec<SeverityCount>,
    /// Every finding, open and acknowledged, most severe first.
    pub findings: Vec<Finding>,
    /// Reviews and DPA expiries within the next [`UPCOMING_DAYS`] days, or
    /// passed, soonest first.
    pub deadlines: Vec<Deadline>,
    /// Live activities that nobody owns.
    pub without_owner: Vec<Applicability>,
    /// Art. 30(5) for every live activity.
    pub applicability: Vec<Applicability>,
}

/// How far ahead the dashboard lists deadlines.
pub const UPCOMING_DAYS: i32 = 90;

impl Steward {
    fn today(&self) -> jiff::civil::Date {
        self.clock.now().to_zoned(jiff::tz::TimeZone::UTC).date()
    }

    /// Every finding of every check, most severe first, then in the order
    /// of the checks and of the register.
    pub fn list_findings(&self) -> Result<Vec<Finding>> {
        Ok(findings_of(
            &self.export_register_with_bases()?,
            self.today(),
        ))
    }

    /// Marks a finding that the checks report now as a deliberate choice,
    /// for `reason`. It is kept in the history like any change.
    pub fn acknowledge_finding(
        &mut self,
        finding: &Finding,
        reason: &str,
    ) -> Result<Acknowledgement> {
        let asked = AcknowledgementDraft::of(finding, reason);
        let current = self.list_findings()?;
        let Some(found) = current.iter().find(|f| asked.covers(f)) else {
            return Err(ApiError::new(
                ErrorCode::NotFound,
                "The checks no longer report this finding: it may have been fixed. Refresh the list.",
            ));
        };
        if found.acknowledgement.is_some() {
            return Err(ApiError::new(
                ErrorCode::Validation,
                "This finding is acknowledged already: withdraw that acknowledgement first to give another reason.",
            ));
        }
        let valid = asked.validate()?;
        let id = self.insert_record(ENTITY, &fields_of(ENTITY, &valid)?)?;
        self.record(ENTITY, &id, WHAT)
    }

    /// Takes an acknowledgement back: its finding is open again.
    pub fn withdraw_acknowledgement(
        &mut self,
        id: &str,
        base: Option<&str>,
    ) -> Result<Acknowledgement> {
        let ack: Acknowledgement = self.record(ENTITY, id, WHAT)?;
        self.delete_record(ENTITY, id, WHAT, base)?;
        Ok(ack)
    }

    pub fn list_acknowledgements(&self) -> Result<Vec<Acknowledgement>> {
        self.records(ENTITY)
    }

    /// The home screen's figures, as of the clock's date.
    pub fn get_dashboard(&self) -> Result<Dashboard> {
        let register = self.export_register_with_bases()?;
        let today = self.today();
        let findings = findings_of(&register, today);
        let organisation = &register.organisation;

        let activities_by_status = ActivityStatus::ALL
            .into_iter()
            .map(|status| StatusCount {
                status,
                count: register
                    .activities
                    .iter()
                    .filter(|e| e.activity.fields.status == status)
                    .count(),
            })
            .collect();
        let open_by_severity = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|severity| SeverityCount {
                severity,
                count: findings
                    .iter()
                    .filter(|f| f.severity == severity && f.acknowledgement.is_none())
                    .count(),
            })
            .collect();

        let live = live(&register);
        let days_until = |date: &str| -> Option<(jiff::civil::Date, i32)> {
            let d: jiff::civil::Date = date.parse().ok()?;
            let days = today.until(d).ok()?.get_days();
            (days <= UPCOMING_DAYS).then_some((d, days))
        };
        let mut deadlines = vec![];
        for e in &live {
            if let Some((date, days)) = e
                .activity
                .fields
                .next_review
                .as_deref()
                .and_then(days_until)
            {
                deadlines.push(Deadline {
                    kind: DeadlineKind::Review,
                    record_kind: "activity".into(),
                    record_id: e.activity.id.clone(),
                    record: e.activity.fields.name.clone(),
                    field: "nextReview".into(),
                    date: date.to_string(),
                    days,
                });
            }
        }
        for r in &register.recipients {
            let used = live.iter().any(|e| {
                e.recipients
                    .iter()
                    .any(|l| l.fields.recipient_id.as_deref() == Some(&r.id))
            });
            if r.fields.dpa_status != DpaStatus::Signed || !used {
                continue;
            }
            if let Some((date, days)) = r.fields.dpa_expires.as_deref().and_then(days_until) {
                deadlines.push(Deadline {
                    kind: DeadlineKind::DpaExpiry,
                    record_kind: "recipient".into(),
                    record_id: r.id.clone(),
                    record: r.fields.legal_name.clone(),
                    field: "dpaExpires".into(),
                    date: date.to_string(),
                    days,
                });
            }
        }
        deadlines.sort_by(|a, b| (a.days, &a.record).cmp(&(b.days, &b.record)));

        let mut applicability = vec![];
        for e in &live {
            let r = review::review(Rows::of(e).facts(e, organisation));
            applicability.push(Applicability {
                activity_id: e.activity.id.clone(),
                activity: e.activity.fields.name.clone(),
                record_required: r.record_required,
                reasons: r.record_required_reasons,
            });
        }
        let without_owner = live
            .iter()
            .zip(&applicability)
            .filter(|(e, _)| e.activity.fields.owner.trim().is_empty())
            .map(|(_, a)| a.clone())
            .collect();

        Ok(Dashboard {
            today: today.to_string(),
            activities_by_status,
            open_by_severity,
            findings,
            deadlines,
            without_owner,
            applicability,
        })
    }
}
