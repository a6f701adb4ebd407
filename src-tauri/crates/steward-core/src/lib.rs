//! The vocabulary and rules of Steward's register.
//!
//! This crate says what a processing activity and an organisation profile *are*
//! and which values are acceptable. It is pure: it performs no IO, never reads
//! the clock and knows nothing of SQLite or Tauri. Time and device identity
//! are passed in by the caller (see [`hlc`]).
//!
//! Callers: `steward-store` (entity schemas for the op log), `steward-api`
//! (validation before every write). Not here: persistence, DTOs, formatting
//! of documents.

pub mod acknowledgement;
pub mod activity;
pub mod catalogue;
pub mod checks;
pub mod controller;
pub mod dpia;
pub mod entity;
pub mod forms;
pub mod hlc;
pub mod links;
pub mod organisation;
pub mod policy_settings;
pub mod policy_text;
pub mod purpose;
pub mod recipient;
pub mod reference;
pub mod retention;
pub mod review;
pub mod security;
pub mod source;
pub mod subjects;
pub mod text;
pub mod validation;
pub mod vocabulary;
pub mod website;
pub mod words;

pub use acknowledgement::AcknowledgementDraft;
pub use activity::{ActivityDraft, ActivityRole, ActivityStatus, LegalBasis, ProvisionRequirement};
pub use checks::{Acknowledged, Finding, Severity};
pub use controller::GdprReach;
pub use dpia::{DpiaCriterion, DpiaStatus};
pub use entity::{EntityKind, FieldKind, FieldSpec};
pub use hlc::HlcStamp;
pub use links::{ActivityRecipientDraft, RecipientRole, TransferDraft, TransferMechanism};
pub use organisation::OrganisationDraft;
pub use policy_settings::{ConfirmedNone, OtherDisclosure, PolicySettings};
pub use policy_text::{PolicyEditDraft, PolicyEditMode, PolicyVersionDraft};
pub use purpose::PurposeDraft;
pub use recipient::{DpaStatus, DpfStatus, RecipientDraft};
pub use retention::{EndAction, PeriodUnit, RetentionRuleDraft};
pub use review::{ActivityFacts, ActivityReview, MissingElement};
pub use security::SecurityMeasure;
pub use source::SourceOrganisationDraft;
pub use subjects::{ActivitySourceDraft, Art9Condition, SourceKind, SubjectGroupDraft};
pub use validation::{FieldError, Invalid, Validate};
pub use website::{ThirdPartyKind, WebsiteThirdPartyDraft};
