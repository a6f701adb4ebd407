//! The schema of the op log: which entities exist and which fields each has.
//!
//! Every write to the register is recorded as operations on `(entity, row,
//! field)`. The field names below are part of the change-file format that
//! devices exchange (see `sync-design.md`): they are stable identifiers, never
//! renamed, and they double as the column names of the materialised tables.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::activity::{ActivityRole, ActivityStatus, LegalBasis, ProvisionRequirement};
use crate::controller::GdprReach;
use crate::dpia::{DpiaCriterion, DpiaStatus};
use crate::links::{RecipientRole, TransferMechanism};
use crate::policy_settings::{ConfirmedNone, OtherDisclosure};
use crate::policy_text::PolicyEditMode;
use crate::recipient::{DpaStatus, DpfStatus};
use crate::retention::{EndAction, PeriodUnit};
use crate::security::SecurityMeasure;
use crate::subjects::{Art9Condition, SourceKind};
use crate::website::ThirdPartyKind;

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

/// The values a text field (or each item of a list field) may take when
/// they come from a fixed set: the identifiers of one of the register's
/// enums, as its serde names them.
#[derive(Clone, Copy)]
pub struct Choice {
    accepts: fn(&str) -> bool,
    values: fn() -> &'static [&'static str],
}

impl Choice {
    const fn of<T: DeserializeOwned>() -> Choice {
        Choice {
            accepts: accepts::<T>,
            values: variants::<T>,
        }
    }

    /// Whether `id` is one of the values.
    pub fn accepts(&self, id: &str) -> bool {
        (self.accepts)(id)
    }

    /// Every value this version knows, in the enum's order.
    pub fn values(&self) -> &'static [&'static str] {
        (self.values)()
    }
}

impl std::fmt::Debug for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Choice").field(&self.values()).finish()
    }
}

impl PartialEq for Choice {
    fn eq(&self, other: &Choice) -> bool {
        self.values() == other.values()
    }
}

impl Eq for Choice {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: FieldKind,
    /// A retired field is no longer written by the API, but it stays in the
    /// schema: old ops (from this device's history or from another device's
    /// change file) still carry it, and a data upgrade reads it.
    pub retired: bool,
    /// For a field whose text (or whose list's items) is one of a fixed set
    /// of identifiers: that set. A newer Steward may know more of them.
    pub choice: Option<Choice>,
}

impl FieldSpec {
    /// Whether this version can read `value` for the field: it has the
    /// field's kind and, for a [`Choice`], is one of its values. A value
    /// that a newer Steward wrote may not be (a new status, say): the op
    /// log keeps it, and the register shows the latest value this version
    /// can read until a version that knows it opens the database.
    pub fn readable(&self, value: &Value) -> bool {
        let known = |text: &str| self.choice.is_none_or(|c| c.accepts(text));
        match (self.kind, value) {
            (FieldKind::Text | FieldKind::OptionalText, Value::String(s)) => known(s),
            (FieldKind::OptionalText | FieldKind::OptionalInteger, Value::Null) => true,
            (FieldKind::TextList, Value::Array(items)) => {
                items.iter().all(|item| item.as_str().is_some_and(known))
            }
            (FieldKind::Bool, Value::Bool(_)) => true,
            (FieldKind::OptionalInteger, Value::Number(n)) => n.is_i64(),
            _ => false,
        }
    }

    /// What a field's value is, for people: "text", "one of: draft, active,
    /// retired", "a list of …".
    pub fn describe(&self) -> String {
        let choice = self.choice.map(|c| c.values().join(", "));
        match (self.kind, choice) {
            (FieldKind::Text, None) => "text".into(),
            (FieldKind::Text, Some(values)) => format!("one of: {values}"),
            (FieldKind::OptionalText, None) => "text or null".into(),
            (FieldKind::OptionalText, Some(values)) => format!("null or one of: {values}"),
            (FieldKind::TextList, None) => "a list of texts".into(),
            (FieldKind::TextList, Some(values)) => format!("a list, each one of: {values}"),
            (FieldKind::Bool, _) => "true or false".into(),
            (FieldKind::OptionalInteger, _) => "a whole number or null".into(),
        }
    }
}

const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        retired: false,
        choice: None,
    }
}

/// A field whose value (or each item) is an identifier of the enum `T`.
const fn one_of<T: DeserializeOwned>(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        choice: Some(Choice::of::<T>()),
        ..field(name, kind)
    }
}

const fn retired(name: &'static str, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        retired: true,
        ..field(name, kind)
    }
}

/// Whether `id` deserialises as one of `T`'s unit variants.
fn accepts<T: DeserializeOwned>(id: &str) -> bool {
    let de = serde::de::value::StrDeserializer::<serde::de::value::Error>::new(id);
    T::deserialize(de).is_ok()
}

/// The identifiers of `T`'s variants, as serde names them: read from the
/// list a derived `Deserialize` hands to `deserialize_enum`, so that no
/// second copy of them is kept by hand.
fn variants<T: DeserializeOwned>() -> &'static [&'static str] {
    use serde::de::{self, Visitor};

    struct Names(Option<&'static [&'static str]>);

    impl<'de> de::Deserializer<'de> for &mut Names {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not an enum"))
        }

        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = Some(variants);
            Err(de::Error::custom("names read"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct identifier ignored_any
        }
    }

    let mut names = Names(None);
    let _ = T::deserialize(&mut names);
    names.0.unwrap_or(&[])
}

/// The pseudo-field whose operations delete (`true`) or restore (`false`) a
/// row. A delete names as parents the heads of every field it saw.
pub const DELETED_FIELD: &str = "$deleted";

const ORGANISATION_FIELDS: &[FieldSpec] = &[
    field("legal_name", FieldKind::Text),
    field("address", FieldKind::Text),
    field("country", FieldKind::Text),
    one_of::<GdprReach>("gdpr_reach", FieldKind::OptionalText),
    field("contact_email", FieldKind::Text),
    field("dpo_name", FieldKind::Text),
    field("dpo_contact", FieldKind::Text),
    field("eu_representative", FieldKind::Text),
    field("supervisory_authority", FieldKind::Text),
    field("employee_count", FieldKind::OptionalInteger),
    one_of::<SecurityMeasure>("security_measures", FieldKind::TextList),
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
    one_of::<OtherDisclosure>("other_disclosures", FieldKind::TextList),
    one_of::<ConfirmedNone>("confirmed_none", FieldKind::TextList),
];

const ACTIVITY_FIELDS: &[FieldSpec] = &[
    field("name", FieldKind::Text),
    field("description", FieldKind::Text),
    // The walking skeleton's purposes and single legal basis; a data upgrade
    // moves them into purpose rows (see steward-api's `upgrade`).
    retired("purposes", FieldKind::TextList),
    retired("legal_basis", FieldKind::OptionalText),
    one_of::<ActivityStatus>("status", FieldKind::Text),
    field("business_function", FieldKind::Text),
    field("owner", FieldKind::Text),
    field("systems", FieldKind::TextList),
    field("data_location", FieldKind::Text),
    field("next_review", FieldKind::OptionalText),
    one_of::<ActivityRole>("role", FieldKind::Text),
    field("controller_name", FieldKind::Text),
    field("controller_contact", FieldKind::Text),
    one_of::<ProvisionRequirement>("provision_requirement", FieldKind::Text),
    field("provision_consequence", FieldKind::Text),
    field("automated_decisions", FieldKind::Bool),
    field("profiling", FieldKind::Bool),
    field("adm_logic", FieldKind::Text),
    one_of::<DpiaCriterion>("dpia_criteria", FieldKind::TextList),
    one_of::<DpiaStatus>("dpia_status", FieldKind::Text),
    field("dpia_reference", FieldKind::Text),
    field("dpia_notes", FieldKind::Text),
    field("occasional", FieldKind::Bool),
    field("risk_to_rights", FieldKind::Bool),
    one_of::<SecurityMeasure>("security_measures", FieldKind::TextList),
    field("security_notes", FieldKind::Text),
];

const PURPOSE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("description", FieldKind::Text),
    one_of::<LegalBasis>("legal_basis", FieldKind::OptionalText),
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
    one_of::<DpaStatus>("dpa_status", FieldKind::Text),
    field("dpa_signed", FieldKind::OptionalText),
    field("dpa_expires", FieldKind::OptionalText),
    field("sub_processors", FieldKind::TextList),
    one_of::<DpfStatus>("dpf", FieldKind::Text),
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
    one_of::<ThirdPartyKind>("kind", FieldKind::Text),
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
    one_of::<RecipientRole>("role", FieldKind::Text),
    field("arrangement", FieldKind::Text),
    field("purpose", FieldKind::Text),
];

const TRANSFER_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("recipient_id", FieldKind::OptionalText),
    field("country", FieldKind::Text),
    one_of::<TransferMechanism>("mechanism", FieldKind::OptionalText),
    field("safeguards", FieldKind::Text),
    field("tia_done", FieldKind::Bool),
    field("tia_date", FieldKind::OptionalText),
    field("notes", FieldKind::Text),
];

const RETENTION_RULE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("data_category", FieldKind::Text),
    field("period_value", FieldKind::OptionalInteger),
    one_of::<PeriodUnit>("period_unit", FieldKind::OptionalText),
    field("criterion", FieldKind::Text),
    field("trigger_event", FieldKind::Text),
    field("justification", FieldKind::Text),
    one_of::<EndAction>("end_action", FieldKind::Text),
];

const SUBJECT_GROUP_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    field("subject_category", FieldKind::Text),
    field("data_categories", FieldKind::TextList),
    one_of::<Art9Condition>("art9_condition", FieldKind::OptionalText),
    field("art10_basis", FieldKind::Text),
];

const ACTIVITY_SOURCE_FIELDS: &[FieldSpec] = &[
    field("activity_id", FieldKind::Text),
    one_of::<SourceKind>("kind", FieldKind::Text),
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
    one_of::<PolicyEditMode>("mode", FieldKind::Text),
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
