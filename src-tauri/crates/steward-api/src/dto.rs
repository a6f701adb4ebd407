//! The data transfer objects of the API: what front ends send and receive.
//!
//! They serialise as camelCase JSON and are exported to TypeScript
//! (`ui/src/ipc/bindings/`) by ts-rs when the tests run; CI fails if the
//! committed bindings differ. Dates are RFC 3339 strings in UTC.

use serde::{Deserialize, Serialize};
use steward_core::{ActivityDraft, ActivityStatus, LegalBasis, OrganisationDraft};
use steward_store::StoredOrganisation;
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
    pub legal_name: String,
    pub address: String,
    pub contact_email: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub eu_representative: String,
    pub supervisory_authority: String,
    /// When the profile was last saved; `null` if never.
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrganisationInput {
    pub legal_name: String,
    pub address: String,
    pub contact_email: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub eu_representative: String,
    pub supervisory_authority: String,
}

/// A processing activity as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activity {
    pub id: String,
    pub name: String,
    pub description: String,
    pub purposes: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub status: ActivityStatus,
    pub created_at: String,
    pub updated_at: String,
}

/// What a user submits to create or edit a processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityInput {
    pub name: String,
    pub description: String,
    pub purposes: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub status: ActivityStatus,
}

impl From<ActivityInput> for ActivityDraft {
    fn from(input: ActivityInput) -> ActivityDraft {
        ActivityDraft {
            name: input.name,
            description: input.description,
            purposes: input.purposes,
            legal_basis: input.legal_basis,
            status: input.status,
        }
    }
}

impl From<OrganisationInput> for OrganisationDraft {
    fn from(input: OrganisationInput) -> OrganisationDraft {
        OrganisationDraft {
            legal_name: input.legal_name,
            address: input.address,
            contact_email: input.contact_email,
            dpo_name: input.dpo_name,
            dpo_contact: input.dpo_contact,
            eu_representative: input.eu_representative,
            supervisory_authority: input.supervisory_authority,
        }
    }
}

impl From<StoredOrganisation> for Organisation {
    fn from(stored: StoredOrganisation) -> Organisation {
        Organisation {
            legal_name: stored.legal_name,
            address: stored.address,
            contact_email: stored.contact_email,
            dpo_name: stored.dpo_name,
            dpo_contact: stored.dpo_contact,
            eu_representative: stored.eu_representative,
            supervisory_authority: stored.supervisory_authority,
            updated_at: stored.updated_at.map(|t| t.to_string()),
        }
    }
}
