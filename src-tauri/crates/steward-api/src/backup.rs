//! The whole register as one JSON document: the backup, and the format other
//! tools exchange with Steward.
//!
//! **Format `steward-register`, version 4.** A JSON object with `format`,
//! `formatVersion`, `exportedAt` (RFC 3339), the `organisation` profile (its
//! input fields), and the registers `recipients`, `sourceOrganisations`,
//! `websiteThirdParties`, `activities`, `acknowledgements` (findings of
//! the checks acknowledged with a reason), `policyEdits` and
//! `policyVersions`; each activity carries its rows
//! (`purposes`, `subjectGroups`, `sources`, `recipients`, `transfers`,
//! `retentionRules`). Every record has the fields the API returns for it,
//! with its `id`, `createdAt` and `updatedAt`; links between records are
//! ids within the document. Records are in the API's list order (by name;
//! an activity's rows oldest first), so the same register exported at the
//! same time gives the same bytes. An import keeps every id and value; the
//! records' `createdAt`/`updatedAt` become the time of the import, as the op
//! log records it. Deleted records and the change history
//! are not part of it: the op log's change files carry history (issue 6).
//! A new field or record kind raises `formatVersion`; a reader refuses a
//! newer version rather than dropping what it does not know, and reads
//! every older one. Version 2 added the organisation's policy settings
//! (`policyScope` … `otherDisclosures`); a version 1 file has none.
//! Version 3 added `notice` to an activity's sources and the
//! `acknowledgements`; older files have neither (empty). Version 4 added
//! the privacy policy's `policyEdits` (a person's own text for a section)
//! and `policyVersions` (the policy as saved); older files have none.
//! Version 5 added the organisation's `confirmedNone` (what a person
//! confirmed it does not do at all); older files have none (empty).
//! Version 6 added the organisation's `country` and `gdprReach` (where it
//! is established and why the GDPR applies to it); older files have
//! neither (not recorded).

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use steward_core::{EntityKind, FieldError, Invalid, OrganisationDraft, Validate};
use ts_rs::TS;

use crate::checks::Acknowledgement;
use crate::policy::{PolicyEdit, PolicyVersion};
use crate::record::fields_of;
use crate::{
    Activity, ActivityRecipient, ActivitySource, ApiError, ErrorCode, Purpose, Recipient, Result,
    RetentionRule, SourceOrganisation, Steward, SubjectGroup, Transfer, WebsiteThirdParty,
};

pub const FORMAT: &str = "steward-register";
pub const FORMAT_VERSION: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct RegisterExport {
    pub format: String,
    pub format_version: u32,
    pub exported_at: String,
    pub organisation: OrganisationDraft,
    pub recipients: Vec<Recipient>,
    pub source_organisations: Vec<SourceOrganisation>,
    pub website_third_parties: Vec<WebsiteThirdParty>,
    pub activities: Vec<ExportedActivity>,
    #[serde(default)]
    pub acknowledgements: Vec<Acknowledgement>,
    #[serde(default)]
    pub policy_edits: Vec<PolicyEdit>,
    #[serde(default)]
    pub policy_versions: Vec<PolicyVersion>,
}

/// An activity with every row that belongs to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportedActivity {
    #[serde(flatten)]
    #[ts(flatten)]
    pub activity: Activity,
    pub purposes: Vec<Purpose>,
    pub subject_groups: Vec<SubjectGroup>,
    pub sources: Vec<ActivitySource>,
    pub recipients: Vec<ActivityRecipient>,
    pub transfers: Vec<Transfer>,
    pub retention_rules: Vec<RetentionRule>,
}

/// What an import created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportSummary {
    pub activities: usize,
    pub recipients: usize,
    pub source_organisations: usize,
    pub website_third_parties: usize,
    /// Purposes, groups of people, sources, recipients of activities,
    /// transfers and retention rules together.
    pub activity_rows: usize,
}

/// One record to write: its kind, its id, and its validated fields as op
/// values.
struct Pending {
    kind: EntityKind,
    id: String,
    fields: Vec<(&'static str, serde_json::Value)>,
}

/// The export without the records' bases.
fn without_bases(mut export: RegisterExport) -> RegisterExport {
    fn clear<T>(records: &mut [T], base: impl Fn(&mut T) -> &mut String) {
        for r in records {
            base(r).clear();
        }
    }
    clear(&mut export.recipients, |r| &mut r.base);
    clear(&mut export.source_organisations, |r| &mut r.base);
    clear(&mut export.website_third_parties, |r| &mut r.base);
    clear(&mut export.acknowledgements, |r| &mut r.base);
    clear(&mut export.policy_edits, |r| &mut r.base);
    clear(&mut export.policy_versions, |r| &mut r.base);
    for a in &mut export.activities {
        a.activity.base.clear();
        clear(&mut a.purposes, |r| &mut r.base);
        clear(&mut a.subject_groups, |r| &mut r.base);
        clear(&mut a.sources, |r| &mut r.base);
        clear(&mut a.recipients, |r| &mut r.base);
        clear(&mut a.transfers, |r| &mut r.base);
        clear(&mut a.retention_rules, |r| &mut r.base);
    }
    export
}

/// Validates one record of the document; errors are reported under `path`.
fn check<D: Validate + Serialize>(
    kind: EntityKind,
    path: &str,
    id: &str,
    draft: &D,
    errors: &mut Vec<FieldError>,
    pending: &mut Vec<Pending>,
) -> Result<()> {
    match draft.validate() {
        Ok(valid) => pending.push(Pending {
            kind,
            id: id.to_owned(),
            fields: fields_of(kind, &valid)?,
        }),
        Err(invalid) => errors.extend(invalid.errors.into_iter().map(|e| FieldError {
            field: format!("{path}.{}", e.field),
            message: e.message,
        })),
    }
    Ok(())
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        ApiError::new(
            ErrorCode::Validation,
            format!(
                "This file is not a Steward register export (line {}, column {}: {e}). Nothing was imported.",
                e.line(),
                e.column()
            ),
        )
    })
}

impl Steward {
    /// The whole register, stamped with the clock's time. The records'
    /// `base` (what a form read them at) is this register's own business
    /// and not part of the document.
    pub fn export_register(&self) -> Result<RegisterExport> {
        Ok(without_bases(self.export_register_with_bases()?))
    }

    /// The whole register as the app's screens read it: each record with
    /// the base a save or delete from that screen sends back.
    pub fn export_register_with_bases(&self) -> Result<RegisterExport> {
        let mut activities = vec![];
        for activity in self.list_activities()? {
            let id = activity.id.clone();
            activities.push(ExportedActivity {
                purposes: self.list_purposes(&id)?,
                subject_groups: self.list_subject_groups(&id)?,
                sources: self.list_activity_sources(&id)?,
                recipients: self.list_activity_recipients(&id)?,
                transfers: self.list_transfers(&id)?,
                retention_rules: self.list_retention_rules(&id)?,
                activity,
            });
        }
        Ok(RegisterExport {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            exported_at: self.clock.now().to_string(),
            organisation: self.get_organisation()?.fields,
            recipients: self.list_recipients()?,
            source_organisations: self.list_source_organisations()?,
            website_third_parties: self.list_website_third_parties()?,
            activities,
            acknowledgements: self.list_acknowledgements()?,
            policy_edits: self.list_policy_edits()?,
            policy_versions: self.list_policy_versions()?,
        })
    }

    /// The export as pretty-printed JSON text, ending with a newline.
    pub fn export_register_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(&self.export_register()?)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        text.push('\n');
        Ok(text)
    }

    /// Reads an export made by [`Self::export_register_json`] into this
    /// register, which must be empty. Every record is validated and every
    /// link checked first; then everything is written in one change, with
    /// the records' ids, or nothing is.
    pub fn import_register_json(&mut self, text: &str) -> Result<ImportSummary> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Header {
            format: String,
            format_version: u32,
        }
        let header: Header = parse(text)?;
        if header.format != FORMAT {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!(
                    "This file is a \"{}\" document, not a Steward register export. Nothing was imported.",
                    header.format
                ),
            ));
        }
        if header.format_version > FORMAT_VERSION {
            return Err(ApiError::new(
                ErrorCode::Validation,
                format!(
                    "This export was made by a newer Steward (format version {}; this one reads up to {FORMAT_VERSION}). Update Steward, then import it. Nothing was imported.",
                    header.format_version
                ),
            ));
        }
        let export: RegisterExport = parse(text)?;
        let has_records = !self.list_activities()?.is_empty()
            || !self.list_recipients()?.is_empty()
            || !self.list_source_organisations()?.is_empty()
            || !self.list_website_third_parties()?.is_empty();
        if has_records {
            return Err(ApiError::new(
                ErrorCode::Validation,
                "A register export can only be imported into an empty register: this one already has records. Start Steward with a new database file to import it. Nothing was imported.",
            ));
        }
        self.import_register(export, false, &HashSet::new())
    }

    /// Adds the records of `export` to this register, which may hold
    /// records already: the spreadsheet import uses it. The records must
    /// have new ids; their links may also name recipients and source
    /// organisations already here. The organisation's fields fill only the
    /// profile's empty ones. All or nothing, like the JSON import.
    pub fn import_additions(&mut self, export: RegisterExport) -> Result<ImportSummary> {
        self.import_additions_updating(export, &HashSet::new())
    }

    /// [`Steward::import_additions`], where the records whose ids are in
    /// `updating` are the register's own, written again with the values of
    /// `export` (only the fields that differ become changes): a spreadsheet
    /// imported a second time updates what its first import made.
    pub fn import_additions_updating(
        &mut self,
        export: RegisterExport,
        updating: &HashSet<String>,
    ) -> Result<ImportSummary> {
        let mut organisation = serde_json::to_value(self.get_organisation()?.fields)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let incoming = serde_json::to_value(&export.organisation)
            .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        if let (Some(current), Some(incoming)) =
            (organisation.as_object_mut(), incoming.as_object())
        {
            for (key, value) in incoming {
                let empty = |v: &serde_json::Value| match v {
                    serde_json::Value::Null => true,
                    serde_json::Value::String(s) => s.is_empty(),
                    serde_json::Value::Array(a) => a.is_empty(),
                    _ => false,
                };
                if current.get(key).is_none_or(empty) && !empty(value) {
                    current.insert(key.clone(), value.clone());
                }
            }
        }
        let export = RegisterExport {
            organisation: serde_json::from_value(organisation)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?,
            ..export
        };
        self.import_register(export, true, updating)
    }

    fn import_register(
        &mut self,
        export: RegisterExport,
        additive: bool,
        updating: &HashSet<String>,
    ) -> Result<ImportSummary> {
        let records = export.recipients.len()
            + export.source_organisations.len()
            + export.website_third_parties.len()
            + export
                .activities
                .iter()
                .map(|a| {
                    1 + a.purposes.len()
                        + a.subject_groups.len()
                        + a.sources.len()
                        + a.recipients.len()
                        + a.transfers.len()
                        + a.retention_rules.len()
                })
                .sum::<usize>();
        // A record is about seven changes: a backup first when that is many.
        self.backup_before_import(records * 7)?;
        let mut errors = vec![];
        let mut pending = vec![];
        // A register whose profile was never filled in exports an empty one.
        let organisation = if export.organisation == OrganisationDraft::default() {
            Ok(OrganisationDraft::default())
        } else {
            export.organisation.validate()
        };
        if let Err(invalid) = &organisation {
            errors.extend(invalid.errors.iter().map(|e| FieldError {
                field: format!("organisation.{}", e.field),
                message: e.message.clone(),
            }));
        }
        for (i, r) in export.recipients.iter().enumerate() {
            let path = format!("recipients[{i}]");
            check(
                EntityKind::Recipient,
                &path,
                &r.id,
                &r.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        for (i, s) in export.source_organisations.iter().enumerate() {
            let path = format!("sourceOrganisations[{i}]");
            check(
                EntityKind::SourceOrganisation,
                &path,
                &s.id,
                &s.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        for (i, w) in export.website_third_parties.iter().enumerate() {
            let path = format!("websiteThirdParties[{i}]");
            check(
                EntityKind::WebsiteThirdParty,
                &path,
                &w.id,
                &w.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        for (i, a) in export.acknowledgements.iter().enumerate() {
            let path = format!("acknowledgements[{i}]");
            check(
                EntityKind::Acknowledgement,
                &path,
                &a.id,
                &a.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        for (i, e) in export.policy_edits.iter().enumerate() {
            let path = format!("policyEdits[{i}]");
            check(
                EntityKind::PolicyEdit,
                &path,
                &e.id,
                &e.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        for (i, v) in export.policy_versions.iter().enumerate() {
            let path = format!("policyVersions[{i}]");
            check(
                EntityKind::PolicyVersion,
                &path,
                &v.id,
                &v.fields,
                &mut errors,
                &mut pending,
            )?;
        }
        let (existing_recipients, existing_sources) = if additive {
            (self.list_recipients()?, self.list_source_organisations()?)
        } else {
            (vec![], vec![])
        };
        let recipient_ids: HashSet<&str> = export
            .recipients
            .iter()
            .map(|r| r.id.as_str())
            .chain(existing_recipients.iter().map(|r| r.id.as_str()))
            .collect();
        let source_ids: HashSet<&str> = export
            .source_organisations
            .iter()
            .map(|s| s.id.as_str())
            .chain(existing_sources.iter().map(|s| s.id.as_str()))
            .collect();
        let mut link = |path: String, target: Option<&str>, known: &HashSet<&str>| {
            if let Some(id) = target
                && !known.contains(id)
            {
                errors.push(FieldError {
                    field: path,
                    message: format!("Links to {id}, which is not in the file."),
                });
            }
        };
        for (i, s) in export.source_organisations.iter().enumerate() {
            link(
                format!("sourceOrganisations[{i}].recipientId"),
                s.fields.recipient_id.as_deref(),
                &recipient_ids,
            );
        }
        for (i, w) in export.website_third_parties.iter().enumerate() {
            link(
                format!("websiteThirdParties[{i}].recipientId"),
                w.fields.recipient_id.as_deref(),
                &recipient_ids,
            );
        }
        for (i, a) in export.activities.iter().enumerate() {
            let at = format!("activities[{i}]");
            for (j, l) in a.recipients.iter().enumerate() {
                link(
                    format!("{at}.recipients[{j}].recipientId"),
                    l.fields.recipient_id.as_deref(),
                    &recipient_ids,
                );
            }
            for (j, t) in a.transfers.iter().enumerate() {
                link(
                    format!("{at}.transfers[{j}].recipientId"),
                    t.fields.recipient_id.as_deref(),
                    &recipient_ids,
                );
            }
            for (j, s) in a.sources.iter().enumerate() {
                link(
                    format!("{at}.sources[{j}].sourceOrganisationId"),
                    s.fields.source_organisation_id.as_deref(),
                    &source_ids,
                );
            }
        }

        let mut activity_rows = 0;
        for (i, a) in export.activities.iter().enumerate() {
            let at = format!("activities[{i}]");
            let activity_id = a.activity.id.as_str();
            check(
                EntityKind::Activity,
                &at,
                activity_id,
                &a.activity.fields,
                &mut errors,
                &mut pending,
            )?;
            // Rows are filed under the activity that holds them, whatever
            // activity id they carry.
            macro_rules! rows {
                ($list:expr, $kind:expr, $name:literal) => {
                    for (j, row) in $list.iter().enumerate() {
                        let mut draft = row.fields.clone();
                        draft.activity_id = activity_id.to_owned();
                        let path = format!("{at}.{}[{j}]", $name);
                        check($kind, &path, &row.id, &draft, &mut errors, &mut pending)?;
                        activity_rows += 1;
                    }
                };
            }
            rows!(a.purposes, EntityKind::Purpose, "purposes");
            rows!(a.subject_groups, EntityKind::SubjectGroup, "subjectGroups");
            rows!(a.sources, EntityKind::ActivitySource, "sources");
            rows!(a.recipients, EntityKind::ActivityRecipient, "recipients");
            rows!(a.transfers, EntityKind::Transfer, "transfers");
            rows!(
                a.retention_rules,
                EntityKind::RetentionRule,
                "retentionRules"
            );
        }

        let mut seen = HashSet::new();
        for p in &pending {
            let taken =
                additive && !updating.contains(&p.id) && self.store.row(p.kind, &p.id)?.is_some();
            if p.id.trim().is_empty() || !seen.insert(p.id.as_str()) || taken {
                errors.push(FieldError {
                    field: "id".into(),
                    message: format!(
                        "The id \"{}\" is empty, used by two records or already in the register: every record needs its own id.",
                        p.id
                    ),
                });
            }
        }
        let organisation = match (organisation, errors.is_empty()) {
            (Ok(organisation), true) => organisation,
            _ => return Err(Invalid { errors }.into()),
        };

        let organisation_fields = fields_of(EntityKind::Organisation, &organisation)?;
        let organisation_id = self.store.identity().organisation_id.clone();
        let current = self.get_organisation()?.fields;
        let now = self.clock.now();
        self.store.write(now, |w| {
            if organisation != OrganisationDraft::default() && organisation != current {
                w.set(
                    EntityKind::Organisation,
                    &organisation_id,
                    &organisation_fields,
                )?;
            }
            for p in &pending {
                w.set(p.kind, &p.id, &p.fields)?;
            }
            Ok::<_, ApiError>(())
        })?;
        Ok(ImportSummary {
            activities: export.activities.len(),
            recipients: export.recipients.len(),
            source_organisations: export.source_organisations.len(),
            website_third_parties: export.website_third_parties.len(),
            activity_rows,
        })
    }
}
