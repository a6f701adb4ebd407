//! Steward's API: one public method per user action.
//!
//! Every front end — the Tauri shell, `steward-cli`, the tests — goes through
//! [`Steward`]. Its methods take and return DTOs ([`dto`]) that serialise as
//! camelCase JSON and are exported to TypeScript with ts-rs; failures are one
//! [`ApiError`] type that crosses IPC as `{ code, message, fields }`.
//!
//! **Architecture invariant:** the API validates with `steward-core` before
//! every write and writes only through `steward_store::Store::write`, so a
//! rejected input writes nothing. It reads the time only through the
//! [`Clock`] it was given, never from the system directly.

mod activities;
mod activity_parts;
mod backup;
mod backups;
mod catalogue;
mod checks;
pub mod clock;
mod demo;
pub mod dto;
pub mod error;
pub mod files;
mod history;
pub mod instance;
mod organisation;
mod policy;
mod recipients;
mod record;
mod reference;
mod sources;
pub mod sync;
mod upgrade;
mod vocabulary;
mod website;

use std::path::Path;

pub use activities::ActivityReviewRow;
pub use activity_parts::{
    ActivityRecipient, ActivitySource, Purpose, RetentionRule, SubjectGroup, Transfer,
};
pub use backup::{ExportedActivity, FORMAT, FORMAT_VERSION, ImportSummary, RegisterExport};
pub use backups::{
    Backup, BackupCopy, BackupReason, Backups, Recovered, Recovery, RestorePreview, Startup,
    backups_beside, recover, startup,
};
pub use catalogue::{CatalogueEntry, ProcessorCatalogue};
pub use checks::{
    Acknowledgement, Applicability, Dashboard, Deadline, DeadlineKind, SeverityCount, StatusCount,
    UPCOMING_DAYS, findings_of,
};
pub use clock::{Clock, FixedClock, SystemClock};
pub use dto::*;
pub use error::{ApiError, ErrorCode, FieldError};
pub use files::{CHANGE_FILE_LIMIT, REGISTER_JSON_LIMIT, read_bounded};
pub use history::{ChangeKind, HistoryEntry, RegisterChange};
pub use instance::InstanceLock;
pub use policy::{PolicyEdit, PolicyVersion};
pub use recipients::{Recipient, RecipientUse};
pub use reference::CountryOption;
pub use sources::SourceOrganisation;
/// The kinds of record, as the API names them (e.g. to ask for a history).
pub use steward_core::EntityKind as RecordKind;
pub use steward_core::{
    Acknowledged, AcknowledgementDraft as AcknowledgementInput, ActivityReview, Finding,
    MissingElement, Severity,
};
pub use steward_core::{
    ActivityDraft as ActivityInput, ActivityRole, ActivityStatus, ConfirmedNone, DpiaCriterion,
    DpiaStatus, GdprReach, LegalBasis, OrganisationDraft as OrganisationInput, OtherDisclosure,
    PolicyEditDraft as PolicyEditInput, PolicyEditMode, PolicySettings, ProvisionRequirement,
    PurposeDraft as PurposeInput, SecurityMeasure,
};
pub use steward_core::{
    ActivityRecipientDraft as ActivityRecipientInput, ActivitySourceDraft as ActivitySourceInput,
    Art9Condition, DpaStatus, DpfStatus, EndAction, PeriodUnit, RecipientDraft as RecipientInput,
    RecipientRole, RetentionRuleDraft as RetentionRuleInput, SourceKind,
    SourceOrganisationDraft as SourceOrganisationInput, SubjectGroupDraft as SubjectGroupInput,
    ThirdPartyKind, TransferDraft as TransferInput, TransferMechanism,
    WebsiteThirdPartyDraft as WebsiteThirdPartyInput,
};
use steward_store::Store;
pub use steward_store::location::{default_database_path, default_device_name};
pub use sync::{
    ChangeExport, ChangeImport, Conflict, ConflictValue, DeviceStatus, ENCRYPTED_SUFFIX,
    ExportScope, MIN_PASSPHRASE_CHARS, NewerValue, RecordProblem, RefusedFile, RejectedFile,
    Resolution, ResolveConflictInput, SyncReport, SyncStatus, is_encrypted, passphrase_needed,
};
pub use vocabulary::Vocabulary;
pub use website::WebsiteThirdParty;

pub type Result<T, E = ApiError> = std::result::Result<T, E>;

/// An open register and the clock it stamps changes with.
pub struct Steward {
    store: Store,
    clock: Box<dyn Clock>,
    /// Why the last automatic backup failed, if it did: shown with the
    /// backups, never a reason not to open the register.
    backup_problem: Option<String>,
}

impl Steward {
    /// Opens (or creates) the database at `path`, and backs it up if the
    /// newest backup is more than a day old. A damaged file is refused with
    /// [`ErrorCode::Damaged`] (see [`recover`]); a file of another program
    /// or of a newer Steward is refused and left untouched.
    pub fn open(path: &Path, clock: Box<dyn Clock>) -> Result<Steward> {
        let now = clock.now();
        let mut steward = Steward {
            store: Store::open(path, now)?,
            clock,
            backup_problem: None,
        };
        steward.upgrade_data()?;
        steward.backup_if_due();
        Ok(steward)
    }

    /// A fresh, empty register in memory.
    pub fn open_in_memory(clock: Box<dyn Clock>) -> Result<Steward> {
        Ok(Steward {
            store: Store::open_in_memory()?,
            clock,
            backup_problem: None,
        })
    }

    /// The database file, or `None` in memory.
    pub fn database_path(&self) -> Option<&Path> {
        self.store.path()
    }

    /// What the first screen should offer: the demo register on a first start
    /// with an empty database.
    pub fn welcome(&self) -> Result<Welcome> {
        let empty = self
            .store
            .rows(steward_core::EntityKind::Activity)?
            .is_empty()
            && !self.organisation_saved()?;
        Ok(Welcome {
            offer_demo: empty && self.store.demo_offer_pending()?,
        })
    }

    /// Declines the demo register: the offer is not made again.
    pub fn dismiss_demo(&mut self) -> Result<()> {
        Ok(self.store.answer_demo_offer()?)
    }
}
