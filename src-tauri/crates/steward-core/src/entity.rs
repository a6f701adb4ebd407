//! The schema of the op log: which entities exist and which fields each has.
//!
//! Every write to the register is recorded as operations on `(entity, row,
//! field)`. The field names below are part of the change-file format that
//! devices exchange (see `sync-design.md`): they are stable identifiers, never
//! renamed, and they double as the column names of the materialised tables.

use serde::{Deserialize, Serialize};

/// How a field's value is encoded in an operation (JSON) and in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A JSON string; stored as `TEXT NOT NULL` (empty means "not recorded").
    Text,
    /// A JSON string or `null`; stored as nullable `TEXT`.
    OptionalText,
    /// A JSON array of strings; stored as JSON text.
    TextList,
    /// A JSON boolean; stored as `INTEGER NOT NULL` 0 or 1.
    Bool,
    /// A JSON integer or `null`; stored as nullable `INTEGER`.
    OptionalInteger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: FieldKind,
    /// A retired field is no longer written by the API, but it stays in the
    /// schema: old ops (from this device's history or from another device's
    /// change file) still carry it, and a data upgrade reads it.
    pub retired: bool,
}

const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        retired: false,
    }
}

const fn retired(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        retired: true,
    }
}

/// The pseudo-field whose operations delete (`true`) or restore (`false`) a
/// row. A delete names as parents the heads of every field it saw.
pub const DELETED_FIELD: &str = "$deleted";

const ORGANISATION_FIELDS: &[FieldSpec] = &[
    field("legal_name", FieldKind::Text),
    field("address", FieldKind::Text),
    field("contact_email", FieldKind::Text),
    field("dpo_name", FieldKind::Text),
    field("dpo_contact", FieldKind::Text),
    field("eu_representative", FieldKind::Text),
    field("supervisory_authority", FieldKind::Text),
    field("employee_count", FieldKind::OptionalInteger),
    field("security_measures", FieldKind::TextList),
    field("security_notes", FieldKind::Text),
    field("policy_scope", FieldKind::TextList),
    field("policy_effective_date", FieldKind::OptionalText),
    field("minimum_age", FieldKind::OptionalInteger),
    field("rights_response_days", FieldKind::OptionalInteger),
    field("breach_notification", FieldKind::Text),
    field("cookie_controls", FieldKind::Text),
    field("communications_opt_out", FieldKind::Text),
    field("deidentified_data", FieldKind::Text),
    field("policy_change_notice", FieldKind::Text),
    field("other_disclosures", FieldKind::TextList),
];

const ACTIVITY_FIELDS: &[FieldSpec] = &[
    field("name", FieldKind::Text),
    field("description", FieldKind::Text),
    // The walking skeleton's purposes and single legal basis; a data upgrade
    // moves them into purpose rows (see steward-api's `upgrade`).
    retired("purposes", FieldKind::TextList),
    retired("legal_basis", FieldKind::OptionalText),
    field("status", FieldKind::Text),
    field("business_function", FieldKind::Text),
    field("owner", FieldKind::Text),
    field("systems", FieldKind::TextList),
    field("data_location", FieldKind::Text),
    field("next_review", FieldKind::OptionalText),
    field("role", FieldKind::Text),
    field("controller_name", FieldKind::Text),
    field("controller_contact", FieldKind::Text),
    field("provision_requirement", FieldKind::Text),
    field("provision_consequence", FieldKind::Text),
    field("automated_decisions", FieldKind::Bool),
    field("profiling", FieldKind::Bool),
    field("adm_logic", FieldKind::Text),
    field("dpia_criteria", FieldKind::TextList),
    field("dpia_status", FieldKind::Text),
    field("dpia_reference", FieldKind::Text),
    field("dpia_notes", FieldKind::Text),
    field("occasional", FieldKind::Bool),
    field("risk_to_rights", FieldKind::Bool),
    field("security_measures", FieldKind::TextList),
    field("security_notes", FieldKind::Text),
];

const PURPOSE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("description", FieldKind::Text),
    field("legal_basis", FieldKind::OptionalText),
    field("legitimate_interest", FieldKind::Text),
    field("lia_reference", FieldKind::Text),
    field("consent_record", FieldKind::Text),
];

const RECIPIENT_FIELDS: &[FieldSpec] = &[
    field("legal_name", FieldKind::Text),
    field("trading_name", FieldKind::Text),
    field("country", FieldKind::Text),
    field("address", FieldKind::Text),
    field("contact", FieldKind::Text),
    field("privacy_policy_url", FieldKind::Text),
    field("dpa_status", FieldKind::Text),
    field("dpa_signed", FieldKind::OptionalText),
    field("dpa_expires", FieldKind::OptionalText),
    field("sub_processors", FieldKind::TextList),
    field("dpf", FieldKind::Text),
    field("dpf_verified", FieldKind::OptionalText),
    field("notes", FieldKind::Text),
    field("catalogue_id", FieldKind::OptionalText),
    field("dpa_reference", FieldKind::Text),
];

const SOURCE_ORGANISATION_FIELDS: &[FieldSpec] = &[
    field("name", FieldKind::Text),
    field("country", FieldKind::Text),
    field("contact", FieldKind::Text),
    field("privacy_policy_url", FieldKind::Text),
    field("notes", FieldKind::Text),
    field("recipient_id", FieldKind::OptionalText),
];

const WEBSITE_THIRD_PARTY_FIELDS: &[FieldSpec] = &[
    field("provider", FieldKind::Text),
    field("kind", FieldKind::Text),
    field("purpose", FieldKind::Text),
    field("data_collected", FieldKind::Text),
    field("duration", FieldKind::Text),
    field("consent_required", FieldKind::Bool),
    field("privacy_policy_url", FieldKind::Text),
    field("notes", FieldKind::Text),
    field("recipient_id", FieldKind::OptionalText),
];

const ACTIVITY_RECIPIENT_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("recipient_id", FieldKind::OptionalText),
    field("internal_team", FieldKind::Text),
    field("role", FieldKind::Text),
    field("arrangement", FieldKind::Text),
    field("purpose", FieldKind::Text),
];

const TRANSFER_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("recipient_id", FieldKind::OptionalText),
    field("country", FieldKind::Text),
    field("mechanism", FieldKind::OptionalText),
    field("safeguards", FieldKind::Text),
    field("tia_done", FieldKind::Bool),
    field("tia_date", FieldKind::OptionalText),
    field("notes", FieldKind::Text),
];

const RETENTION_RULE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("data_category", FieldKind::Text),
    field("period_value", FieldKind::OptionalInteger),
    field("period_unit", FieldKind::OptionalText),
    field("criterion", FieldKind::Text),
    field("trigger_event", FieldKind::Text),
    field("justification", FieldKind::Text),
    field("end_action", FieldKind::Text),
];

const SUBJECT_GROUP_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("subject_category", FieldKind::Text),
    field("data_categories", FieldKind::TextList),
    field("art9_condition", FieldKind::OptionalText),
    field("art10_basis", FieldKind::Text),
];

const ACTIVITY_SOURCE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("kind", FieldKind::Text),
    field("context", FieldKind::Text),
    field("source_organisation_id", FieldKind::OptionalText),
    field("data_categories", FieldKind::TextList),
    field("publicly_accessible", FieldKind::Bool),
    field("notice", FieldKind::Text),
];

const ACKNOWLEDGEMENT_FIELDS: &[FieldSpec] = &[
    field("check_id", FieldKind::Text),
    field("record_id", FieldKind::Text),
    field("finding_field", FieldKind::OptionalText),
    field("finding", FieldKind::Text),
    field("reason", FieldKind::Text),
];

const POLICY_EDIT_FIELDS: &[FieldSpec] = &[
    field("section_id", FieldKind::Text),
    field("mode", FieldKind::Text),
    field("text", FieldKind::Text),
];

const POLICY_VERSION_FIELDS: &[FieldSpec] = &[
    field("saved_at", FieldKind::Text),
    field("note", FieldKind::Text),
    field("markdown", FieldKind::Text),
];

/// The kinds of record in the register. Serialised (in the API, e.g. to ask
/// for a record's history) in camelCase; in the op log by [`EntityKind::id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export, rename = "RecordKind"))]
pub enum EntityKind {
    Organisation,
    Activity,
    Recipient,
    SourceOrganisation,
    WebsiteThirdParty,
    ActivityRecipient,
    Transfer,
    RetentionRule,
    SubjectGroup,
    ActivitySource,
    Purpose,
    /// A finding of the compliance checks that a person has acknowledged.
    Acknowledgement,
    /// A person's own text for a section of the privacy policy.
    PolicyEdit,
    /// The privacy policy as it was saved at a time.
    PolicyVersion,
}

impl EntityKind {
    pub const ALL: [EntityKind; 14] = [
        EntityKind::Organisation,
        EntityKind::Activity,
        EntityKind::Recipient,
        EntityKind::SourceOrganisation,
        EntityKind::WebsiteThirdParty,
        EntityKind::ActivityRecipient,
        EntityKind::Transfer,
        EntityKind::RetentionRule,
        EntityKind::SubjectGroup,
        EntityKind::ActivitySource,
        EntityKind::Purpose,
        EntityKind::Acknowledgement,
        EntityKind::PolicyEdit,
        EntityKind::PolicyVersion,
    ];

    /// The stable identifier written into operations.
    pub fn id(self) -> &'static str {
        match self {
            EntityKind::Organisation => "organisation",
            EntityKind::Activity => "activity",
            EntityKind::Recipient => "recipient",
            EntityKind::SourceOrganisation => "source_organisation",
            EntityKind::WebsiteThirdParty => "website_third_party",
            EntityKind::ActivityRecipient => "activity_recipient",
            EntityKind::Transfer => "transfer",
            EntityKind::RetentionRule => "retention_rule",
            EntityKind::SubjectGroup => "subject_group",
            EntityKind::ActivitySource => "activity_source",
            EntityKind::Purpose => "purpose",
            EntityKind::Acknowledgement => "acknowledgement",
            EntityKind::PolicyEdit => "policy_edit",
            EntityKind::PolicyVersion => "policy_version",
        }
    }

    /// The kinds of row that belong to one activity (they have an
    /// `activity_id` field), in the order an activity page shows them.
    pub const ACTIVITY_PARTS: [EntityKind; 6] = [
        EntityKind::Purpose,
        EntityKind::SubjectGroup,
        EntityKind::ActivitySource,
        EntityKind::ActivityRecipient,
        EntityKind::Transfer,
        EntityKind::RetentionRule,
    ];

    pub fn from_id(id: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|e| e.id() == id)
    }

    /// The materialised table holding the current value of each row.
    pub fn table(self) -> &'static str {
        match self {
            EntityKind::Organisation => "organisation",
            EntityKind::Activity => "activities",
            EntityKind::Recipient => "recipients",
            EntityKind::SourceOrganisation => "source_organisations",
            EntityKind::WebsiteThirdParty => "website_third_parties",
            EntityKind::ActivityRecipient => "activity_recipients",
            EntityKind::Transfer => "transfers",
            EntityKind::RetentionRule => "retention_rules",
            EntityKind::SubjectGroup => "subject_groups",
            EntityKind::ActivitySource => "activity_sources",
            EntityKind::Purpose => "purposes",
            EntityKind::Acknowledgement => "acknowledgements",
            EntityKind::PolicyEdit => "policy_edits",
            EntityKind::PolicyVersion => "policy_versions",
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            EntityKind::Organisation => ORGANISATION_FIELDS,
            EntityKind::Activity => ACTIVITY_FIELDS,
            EntityKind::Recipient => RECIPIENT_FIELDS,
            EntityKind::SourceOrganisation => SOURCE_ORGANISATION_FIELDS,
            EntityKind::WebsiteThirdParty => WEBSITE_THIRD_PARTY_FIELDS,
            EntityKind::ActivityRecipient => ACTIVITY_RECIPIENT_FIELDS,
            EntityKind::Transfer => TRANSFER_FIELDS,
            EntityKind::RetentionRule => RETENTION_RULE_FIELDS,
            EntityKind::SubjectGroup => SUBJECT_GROUP_FIELDS,
            EntityKind::ActivitySource => ACTIVITY_SOURCE_FIELDS,
            EntityKind::Purpose => PURPOSE_FIELDS,
            EntityKind::Acknowledgement => ACKNOWLEDGEMENT_FIELDS,
            EntityKind::PolicyEdit => POLICY_EDIT_FIELDS,
            EntityKind::PolicyVersion => POLICY_VERSION_FIELDS,
        }
    }

    pub fn field(self, name: &str) -> Option<FieldSpec> {
        self.fields().iter().copied().find(|f| f.name == name)
    }
}

/// The camelCase name a field has in the API (`legal_name` → `legalName`).
pub fn api_name(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_parts_name_their_activity() {
        for e in EntityKind::ALL {
            assert_eq!(
                e.field("activity_id").is_some(),
                EntityKind::ACTIVITY_PARTS.contains(&e),
                "{}",
                e.id()
            );
        }
    }

    #[test]
    fn identifiers_are_unique_and_round_trip() {
        for e in EntityKind::ALL {
            assert_eq!(EntityKind::from_id(e.id()), Some(e));
            let mut names: Vec<&str> = e.fields().iter().map(|f| f.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), e.fields().len(), "{} repeats a field", e.id());
            assert!(
                names.iter().all(|n| !n.starts_with('$')),
                "{}: $ is reserved",
                e.id()
            );
        }
    }
}
