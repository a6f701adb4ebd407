//! The data transfer objects of the API: what front ends send and receive.
//!
//! They serialise as camelCase JSON and are exported to TypeScript
//! (`ui/src/ipc/bindings/`) by ts-rs when the tests run; CI fails if the
//! committed bindings differ. Dates are RFC 3339 strings in UTC. The input
//! of each kind of record is its `steward-core` draft (exported as
//! `…Input`); what the API returns is the validated draft with the row's id
//! and dates.

use serde::{Deserialize, Serialize};
use steward_core::{ActivityDraft, OrganisationDraft};
use ts_rs::TS;

/// What the first screen should offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Welcome {
    /// True on a first start with an empty database: offer the demo register.
    pub offer_demo: bool,
}

/// The organisation profile. Empty strings are "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Organisation {
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: OrganisationDraft,
    /// When the profile was last saved; `null` if never.
    pub updated_at: Option<String>,
    /// The version the profile was read at (empty if never saved): send it
    /// back with an update (see the records' `base`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// A processing activity as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activity {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ActivityDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}
