//! The record as the template reads it: every value already in words
//! (labels, country names, vocabulary labels, periods), so that the template
//! only lays out text.

use std::collections::HashMap;

use crate::findings;
use serde::Serialize;
use sha2::{Digest, Sha256};
use steward_api::{ActivityReviewRow, ExportedActivity, RegisterChange, RegisterExport};

use crate::RopaOptions;
use crate::flow::{self, ActivityFlows, Panel};
use crate::selection;
use steward_core::words::{
    DPF, MECHANISMS, country_name, data_label, id_of, join, label, subject_label,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Paper {
    /// ISO A4, the paper size of European auditors.
    #[serde(rename = "a4")]
    A4,
    /// US Letter.
    #[serde(rename = "us-letter")]
    Letter,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    paper: Paper,
    generated: String,
    date: DateParts,
    selection: String,
    sha256: String,
    organisation: OrganisationBlock,
    summary: Summary,
    activities: Vec<ActivityBlock>,
    recipients: Vec<RecipientRow>,
    transfers: Vec<TransferRow>,
    retention: Vec<RetentionRow>,
    security: Vec<String>,
    processor_activities: Vec<ProcessorRow>,
    flow: Vec<Panel>,
    history: Option<selection::History>,
}

#[derive(Debug, Clone, Serialize)]
struct DateParts {
    year: i16,
    month: i8,
    day: i8,
}

#[derive(Debug, Clone, Serialize)]
struct OrganisationBlock {
    name: String,
    address: String,
    contact: String,
    /// The country of establishment, and why the GDPR applies (Art. 3).
    country: String,
    reach: String,
    dpo: String,
    representative: String,
    authority: String,
}

/// Why the GDPR applies to the organisation, with its article; empty when
/// not recorded.
fn reach_words(org: &steward_api::OrganisationInput) -> String {
    use steward_core::GdprReach;
    use steward_core::controller::{Scope, scope};
    match (scope(&org.country, org.gdpr_reach), org.gdpr_reach) {
        (Scope::NotRecorded, _) => String::new(),
        (Scope::Established, Some(GdprReach::EuEstablishment)) => {
            "Art. 3(1): it has an establishment in the EU or EEA".into()
        }
        (Scope::Established, _) => "Art. 3(1): it is established in the EEA".into(),
        (Scope::Reaching { offers: true, monitors: true }, _) => {
            "Art. 3(2)(a) and (b): established outside the EU, it offers goods or services to people in the EU and monitors their behaviour".into()
        }
        (Scope::Reaching { offers: true, .. }, _) => {
            "Art. 3(2)(a): established outside the EU, it offers goods or services to people in the EU".into()
        }
        (Scope::Reaching { .. }, _) => {
            "Art. 3(2)(b): established outside the EU, it monitors the behaviour of people in the EU".into()
        }
        (Scope::NotApplicable, _) => "It does not apply: none of the cases of Art. 3".into(),
    }
}

/// The representative, or why none is needed (Art. 27 concerns only
/// organisations outside the EU); empty when not recorded.
fn representative_words(org: &steward_api::OrganisationInput) -> String {
    use steward_core::controller::{Scope, scope};
    if org.eu_representative.is_empty() && scope(&org.country, org.gdpr_reach) == Scope::Established
    {
        "None needed: established in the EU or EEA (Art. 27)".into()
    } else {
        org.eu_representative.clone()
    }
}

#[derive(Debug, Clone, Serialize)]
struct Summary {
    mandatory: usize,
    incomplete: usize,
    /// The open findings of the checks, most severe first.
    open: Vec<findings::OpenFinding>,
    /// The findings acknowledged as deliberate, with their reasons.
    acknowledged: Vec<findings::AcknowledgedFinding>,
}

#[derive(Debug, Clone, Serialize)]
struct ActivityBlock {
    name: String,
    status: String,
    description: String,
    function: String,
    systems: String,
    controller: String,
    purposes: Vec<String>,
    subjects: Vec<String>,
    sources: Vec<String>,
    recipients: Vec<String>,
    transfers: Vec<String>,
    retention: Vec<String>,
    security: Vec<String>,
    provision: String,
    automated: String,
    dpia: String,
    required: String,
}

#[derive(Debug, Clone, Serialize)]
struct RecipientRow {
    name: String,
    country: String,
    dpa: String,
    dpf: String,
    uses: String,
}

#[derive(Debug, Clone, Serialize)]
struct TransferRow {
    activity: String,
    recipient: String,
    country: String,
    mechanism: String,
    tia: String,
}

#[derive(Debug, Clone, Serialize)]
struct RetentionRow {
    activity: String,
    data: String,
    period: String,
    trigger: String,
    end: String,
    why: String,
}

#[derive(Debug, Clone, Serialize)]
struct ProcessorRow {
    name: String,
    controller: String,
    description: String,
}

impl ReportData {
    pub fn new(
        register: &RegisterExport,
        reviews: &[ActivityReviewRow],
        changes: &[RegisterChange],
        options: &RopaOptions,
    ) -> ReportData {
        let (register, selection) = &selection::select(register, options);
        let org = &register.organisation;
        let org_security = security_lines(&org.security_measures, &org.security_notes);
        let recipient_names: HashMap<&str, String> = register
            .recipients
            .iter()
            .map(|r| {
                let f = &r.fields;
                let name = if f.trading_name.is_empty() || f.trading_name == f.legal_name {
                    f.legal_name.clone()
                } else {
                    format!("{} ({})", f.legal_name, f.trading_name)
                };
                (r.id.as_str(), name)
            })
            .collect();
        let source_names: HashMap<&str, &str> = register
            .source_organisations
            .iter()
            .map(|s| (s.id.as_str(), s.fields.name.as_str()))
            .collect();
        let review_of: HashMap<&str, &steward_api::ActivityReview> = reviews
            .iter()
            .map(|r| (r.activity_id.as_str(), &r.review))
            .collect();
        let name_of = |id: &Option<String>| {
            id.as_deref()
                .and_then(|id| recipient_names.get(id).cloned())
                .unwrap_or_default()
        };

        let mut transfers = vec![];
        let mut retention = vec![];
        let mut mandatory = 0;
        let mut incomplete = 0;
        let mut uses: HashMap<String, Vec<String>> = HashMap::new();
        let mut activities = vec![];
        let mut flows = vec![];
        for exported in &register.activities {
            let a = &exported.activity.fields;
            flows.push(activity_flows(exported, &name_of, &source_names));
            if let Some(review) = review_of.get(exported.activity.id.as_str()) {
                if review.record_required {
                    mandatory += 1;
                }
                if !review.missing.is_empty() {
                    incomplete += 1;
                }
            }
            for link in &exported.recipients {
                if let Some(id) = &link.fields.recipient_id {
                    uses.entry(id.clone()).or_default().push(a.name.clone());
                }
            }
            for t in &exported.transfers {
                transfers.push(TransferRow {
                    activity: a.name.clone(),
                    recipient: name_of(&t.fields.recipient_id),
                    country: country_name(&t.fields.country),
                    mechanism: t
                        .fields
                        .mechanism
                        .map(|m| format!("{} — {}", label(&id_of(&m), MECHANISMS), m.article()))
                        .unwrap_or_else(|| "Not decided".into()),
                    tia: match (&t.fields.tia_done, &t.fields.tia_date) {
                        (true, Some(date)) => format!("Done {date}"),
                        (true, None) => "Done".into(),
                        (false, _) => "—".into(),
                    },
                });
            }
            for r in &exported.retention_rules {
                retention.push(retention_row(&a.name, r));
            }
            activities.push(activity_block(
                exported,
                review_of.get(exported.activity.id.as_str()).copied(),
                &org.legal_name,
                &org_security,
                &name_of,
                &source_names,
            ));
        }

        let recipients = register
            .recipients
            .iter()
            .map(|r| {
                let f = &r.fields;
                let dpa_dates = join(
                    &[
                        &f.dpa_signed
                            .as_ref()
                            .map(|d| format!("signed {d}"))
                            .unwrap_or_default(),
                        &f.dpa_expires
                            .as_ref()
                            .map(|d| format!("expires {d}"))
                            .unwrap_or_default(),
                    ],
                    ", ",
                );
                RecipientRow {
                    name: recipient_names
                        .get(r.id.as_str())
                        .cloned()
                        .unwrap_or_default(),
                    country: country_name(&f.country),
                    dpa: join(&[&label(&id_of(&f.dpa_status), &[]), &dpa_dates], ": "),
                    dpf: join(
                        &[
                            &label(&id_of(&f.dpf), DPF),
                            &f.dpf_verified
                                .as_ref()
                                .map(|d| format!("checked {d}"))
                                .unwrap_or_default(),
                        ],
                        ", ",
                    ),
                    uses: uses.get(&r.id).map(|u| u.join(", ")).unwrap_or_default(),
                }
            })
            .collect();

        let processor_activities = register
            .activities
            .iter()
            .filter(|e| e.activity.fields.role == steward_core::ActivityRole::Processor)
            .map(|e| ProcessorRow {
                name: e.activity.fields.name.clone(),
                controller: join(
                    &[
                        &e.activity.fields.controller_name,
                        &e.activity.fields.controller_contact,
                    ],
                    ", ",
                ),
                description: e.activity.fields.description.clone(),
            })
            .collect();

        let included: std::collections::HashSet<&str> = register
            .activities
            .iter()
            .map(|a| a.activity.id.as_str())
            .collect();
        let generated = options.generated_at.to_zoned(jiff::tz::TimeZone::UTC);
        // The fingerprint of the register as of the generation time, so that the
        // same register and time give the same document.
        let mut fingerprinted = register.clone();
        fingerprinted.exported_at = options.generated_at.to_string();
        let digest = Sha256::digest(serde_json::to_vec(&fingerprinted).unwrap_or_default());
        let (open, acknowledged) = findings::for_report(register, generated.date());
        ReportData {
            paper: options.paper,
            generated: selection::minutes(options.generated_at),
            date: DateParts {
                year: generated.year(),
                month: generated.month(),
                day: generated.day(),
            },
            selection: selection.clone(),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
            organisation: OrganisationBlock {
                name: org.legal_name.clone(),
                address: org.address.clone(),
                contact: org.contact_email.clone(),
                country: country_name(&org.country),
                reach: reach_words(org),
                dpo: join(&[&org.dpo_name, &org.dpo_contact], ", "),
                representative: representative_words(org),
                authority: org.supervisory_authority.clone(),
            },
            summary: Summary {
                mandatory,
                incomplete,
                open,
                acknowledged,
            },
            activities,
            recipients,
            transfers,
            retention,
            security: security_lines(&org.security_measures, &org.security_notes),
            processor_activities,
            flow: flow::panels(&flows),
            history: options.history_since.map(|since| {
                selection::history(since, changes, &included, &|id| {
                    recipient_names
                        .get(id)
                        .cloned()
                        .or_else(|| source_names.get(id).map(|n| (*n).to_owned()))
                })
            }),
        }
    }
}

/// Where an activity's data comes from and goes, for the data-flow diagram.
fn activity_flows(
    exported: &ExportedActivity,
    name_of: &dyn Fn(&Option<String>) -> String,
    source_names: &HashMap<&str, &str>,
) -> ActivityFlows {
    let sources = exported
        .sources
        .iter()
        .map(|s| match &s.fields.source_organisation_id {
            Some(id) => source_names
                .get(id.as_str())
                .map_or_else(|| "Another organisation".to_owned(), |n| (*n).to_owned()),
            None => "The people themselves".to_owned(),
        })
        .collect();
    let recipients = exported
        .recipients
        .iter()
        .map(|l| {
            if l.fields.internal_team.is_empty() {
                name_of(&l.fields.recipient_id)
            } else {
                format!("{} (internal)", l.fields.internal_team)
            }
        })
        .collect();
    let transfers = exported
        .transfers
        .iter()
        .map(|t| {
            (
                name_of(&t.fields.recipient_id),
                country_name(&t.fields.country),
            )
        })
        .collect();
    ActivityFlows {
        name: exported.activity.fields.name.clone(),
        sources,
        recipients,
        transfers,
    }
}

fn security_lines(measures: &[steward_core::SecurityMeasure], notes: &str) -> Vec<String> {
    let mut lines: Vec<String> = measures.iter().map(|m| m.label().to_owned()).collect();
    if !notes.is_empty() {
        lines.push(notes.to_owned());
    }
    lines
}

fn retention_row(activity: &str, r: &steward_api::RetentionRule) -> RetentionRow {
    let f = &r.fields;
    let period = match (f.period_value, f.period_unit) {
        (Some(value), Some(unit)) => format!("{value} {}", id_of(&unit)),
        _ => f.criterion.clone(),
    };
    RetentionRow {
        activity: activity.to_owned(),
        data: data_label(&f.data_category),
        period,
        trigger: f.trigger_event.clone(),
        end: label(&id_of(&f.end_action), &[]),
        why: f.justification.clone(),
    }
}

fn activity_block(
    exported: &ExportedActivity,
    review: Option<&steward_api::ActivityReview>,
    controller: &str,
    org_security: &[String],
    name_of: &dyn Fn(&Option<String>) -> String,
    source_names: &HashMap<&str, &str>,
) -> ActivityBlock {
    let a = &exported.activity.fields;
    let purposes = exported
        .purposes
        .iter()
        .map(|p| {
            let f = &p.fields;
            let basis = f.legal_basis.map_or_else(
                || "legal basis not decided".to_owned(),
                |b| format!("{}, {}", b.label(), b.article()),
            );
            let extra = join(&[&f.legitimate_interest, &f.consent_record], "; ");
            if extra.is_empty() {
                format!("{} — {basis}", f.description)
            } else {
                format!("{} — {basis} ({extra})", f.description)
            }
        })
        .collect();
    let subjects = exported
        .subject_groups
        .iter()
        .map(|g| {
            let f = &g.fields;
            let data: Vec<String> = f.data_categories.iter().map(|d| data_label(d)).collect();
            let mut text = format!(
                "{}: {}",
                subject_label(&f.subject_category),
                data.join(", ")
            );
            if let Some(condition) = f.art9_condition {
                text.push_str(&format!(
                    " — Art. 9(2) condition: {}",
                    label(&id_of(&condition), &[])
                ));
            }
            if !f.art10_basis.is_empty() {
                text.push_str(&format!(" — Art. 10 basis: {}", f.art10_basis));
            }
            text
        })
        .collect();
    let sources = exported
        .sources
        .iter()
        .map(|s| {
            let f = &s.fields;
            let from = match &f.source_organisation_id {
                Some(id) => format!(
                    "Received from {}",
                    source_names
                        .get(id.as_str())
                        .copied()
                        .unwrap_or("an organisation")
                ),
                None => format!("From the people themselves ({})", f.context),
            };
            if f.publicly_accessible {
                format!("{from}; publicly accessible")
            } else {
                from
            }
        })
        .collect();
    let recipients = exported
        .recipients
        .iter()
        .map(|l| {
            let f = &l.fields;
            let who = if f.internal_team.is_empty() {
                name_of(&f.recipient_id)
            } else {
                format!("{} (internal)", f.internal_team)
            };
            join(
                &[
                    &who,
                    &label(&id_of(&f.role), &[]),
                    &f.purpose,
                    &f.arrangement,
                ],
                " — ",
            )
        })
        .collect();
    let transfers = exported
        .transfers
        .iter()
        .map(|t| {
            let f = &t.fields;
            let mechanism = f
                .mechanism
                .map(|m| format!("{} ({})", label(&id_of(&m), MECHANISMS), m.article()))
                .unwrap_or_else(|| "mechanism not decided".into());
            join(
                &[
                    &country_name(&f.country),
                    &name_of(&f.recipient_id),
                    &mechanism,
                ],
                " — ",
            )
        })
        .collect();
    let retention = exported
        .retention_rules
        .iter()
        .map(|r| {
            let row = retention_row("", r);
            join(
                &[&row.data, &row.period, &row.trigger, &row.end, &row.why],
                " — ",
            )
        })
        .collect();
    let required = match review {
        Some(r) => format!(
            "{}. {}",
            if r.record_required { "Yes" } else { "No" },
            r.record_required_reasons.join(" ")
        ),
        None => String::new(),
    };
    ActivityBlock {
        name: a.name.clone(),
        status: label(&id_of(&a.status), &[]),
        description: a.description.clone(),
        function: join(&[&a.business_function, &a.owner], " — "),
        systems: join(&[&a.systems.join(", "), &a.data_location], " — "),
        controller: match a.role {
            steward_core::ActivityRole::Controller => controller.to_owned(),
            steward_core::ActivityRole::Processor => format!(
                "Processed on behalf of {}",
                join(&[&a.controller_name, &a.controller_contact], ", ")
            ),
        },
        purposes,
        subjects,
        sources,
        recipients,
        transfers,
        retention,
        // The organisation-wide measures protect every activity too: an
        // activity with none of its own is not unprotected.
        security: {
            let mut lines = security_lines(&a.security_measures, &a.security_notes);
            if !org_security.is_empty() {
                lines.push(format!("Organisation-wide: {}", org_security.join("; ")));
            }
            lines
        },
        provision: join(
            &[
                &label(&id_of(&a.provision_requirement), &[("notStated", "")]),
                &a.provision_consequence,
            ],
            " — ",
        ),
        automated: if a.automated_decisions || a.profiling {
            join(
                &[if a.profiling { "Profiling" } else { "" }, &a.adm_logic],
                " — ",
            )
        } else {
            "None".into()
        },
        dpia: join(
            &[
                &label(&id_of(&a.dpia_status), &[]),
                &a.dpia_reference,
                &a.dpia_notes,
            ],
            " — ",
        ),
        required,
    }
}
