//! User actions on the records that belong to one activity: its purposes
//! with their legal bases, whose data and
//! what data (subject groups), where it comes from (sources), the recipients
//! it shares data with (and in which role), its transfers outside the EEA,
//! and its retention rules. Each checks that its activity, and any linked
//! recipient, exists.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use steward_core::{
    ActivityRecipientDraft, ActivitySourceDraft, EntityKind, FieldError, Invalid, PurposeDraft,
    RetentionRuleDraft, SubjectGroupDraft, TransferDraft, Validate,
};
use ts_rs::TS;

use crate::record::{dto_of, fields_of};
use crate::{Result, Steward};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Purpose {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: PurposeDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityRecipient {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ActivityRecipientDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Transfer {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: TransferDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionRule {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: RetentionRuleDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SubjectGroup {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: SubjectGroupDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivitySource {
    pub id: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub fields: ActivitySourceDraft,
    pub created_at: String,
    pub updated_at: String,
    /// The version of the record this was read at: send it back with an
    /// update or a delete, so that only what the person changed is written
    /// and a colleague's change made meanwhile becomes a conflict instead
    /// of being overwritten. Empty in the register's JSON export.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

impl Steward {
    /// The live rows of `entity` that belong to one activity, oldest first.
    fn parts_of<T: DeserializeOwned>(
        &self,
        entity: EntityKind,
        activity_id: &str,
    ) -> Result<Vec<T>> {
        self.get_activity(activity_id)?;
        let rows = self.store.rows_where(entity, "activity_id", activity_id)?;
        self.dtos(entity, rows)
    }

    /// The activity must exist and not be deleted.
    fn check_activity_link(&self, activity_id: &str) -> Result<()> {
        if self.get_activity(activity_id).is_ok() {
            return Ok(());
        }
        Err(Invalid {
            errors: vec![FieldError {
                field: "activityId".into(),
                message: "The activity is not in the register (any more): go back to the list and open it again.".into(),
            }],
        }
        .into())
    }

    pub fn list_purposes(&self, activity_id: &str) -> Result<Vec<Purpose>> {
        self.parts_of(EntityKind::Purpose, activity_id)
    }

    pub fn get_purpose(&self, id: &str) -> Result<Purpose> {
        self.record(EntityKind::Purpose, id, "purpose")
    }

    pub fn create_purpose(&mut self, input: PurposeDraft) -> Result<Purpose> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let id = self.insert_record(
            EntityKind::Purpose,
            &fields_of(EntityKind::Purpose, &valid)?,
        )?;
        self.get_purpose(&id)
    }

    pub fn update_purpose(
        &mut self,
        id: &str,
        input: PurposeDraft,
        base: Option<&str>,
    ) -> Result<Purpose> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let fields = fields_of(EntityKind::Purpose, &valid)?;
        self.update_record(EntityKind::Purpose, id, "purpose", &fields, base)?;
        self.get_purpose(id)
    }

    pub fn delete_purpose(&mut self, id: &str, base: Option<&str>) -> Result<Purpose> {
        let purpose = self.get_purpose(id)?;
        self.delete_record(EntityKind::Purpose, id, "purpose", base)?;
        Ok(purpose)
    }

    pub fn restore_purpose(&mut self, id: &str) -> Result<Purpose> {
        self.restore_record(EntityKind::Purpose, id, "purpose")?;
        self.get_purpose(id)
    }

    /// Every transfer of every activity that is not deleted, by activity.
    pub fn list_all_transfers(&self) -> Result<Vec<Transfer>> {
        self.all_parts(EntityKind::Transfer)
    }

    /// Every retention rule of every activity that is not deleted.
    pub fn list_all_retention_rules(&self) -> Result<Vec<RetentionRule>> {
        self.all_parts(EntityKind::RetentionRule)
    }

    /// The rows of `entity` of every live activity, in the order of the
    /// activities' names, then oldest first.
    fn all_parts<T: DeserializeOwned>(&self, entity: EntityKind) -> Result<Vec<T>> {
        let mut bases = self.store.bases(entity)?;
        let mut out = vec![];
        for activity in self.store.rows(EntityKind::Activity)? {
            for row in self.store.rows_where(entity, "activity_id", &activity.id)? {
                let base = bases.remove(&row.id).unwrap_or_default();
                out.push(dto_of(entity, row, base)?);
            }
        }
        Ok(out)
    }

    pub fn list_activity_recipients(&self, activity_id: &str) -> Result<Vec<ActivityRecipient>> {
        self.parts_of(EntityKind::ActivityRecipient, activity_id)
    }

    pub fn get_activity_recipient(&self, id: &str) -> Result<ActivityRecipient> {
        self.record(
            EntityKind::ActivityRecipient,
            id,
            "recipient of the activity",
        )
    }

    pub fn create_activity_recipient(
        &mut self,
        input: ActivityRecipientDraft,
    ) -> Result<ActivityRecipient> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        let id = self.insert_record(
            EntityKind::ActivityRecipient,
            &fields_of(EntityKind::ActivityRecipient, &valid)?,
        )?;
        self.get_activity_recipient(&id)
    }

    pub fn update_activity_recipient(
        &mut self,
        id: &str,
        input: ActivityRecipientDraft,
        base: Option<&str>,
    ) -> Result<ActivityRecipient> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        let fields = fields_of(EntityKind::ActivityRecipient, &valid)?;
        self.update_record(
            EntityKind::ActivityRecipient,
            id,
            "recipient of the activity",
            &fields,
            base,
        )?;
        self.get_activity_recipient(id)
    }

    pub fn delete_activity_recipient(
        &mut self,
        id: &str,
        base: Option<&str>,
    ) -> Result<ActivityRecipient> {
        let link = self.get_activity_recipient(id)?;
        self.delete_record(
            EntityKind::ActivityRecipient,
            id,
            "recipient of the activity",
            base,
        )?;
        Ok(link)
    }

    pub fn restore_activity_recipient(&mut self, id: &str) -> Result<ActivityRecipient> {
        self.restore_record(
            EntityKind::ActivityRecipient,
            id,
            "recipient of the activity",
        )?;
        self.get_activity_recipient(id)
    }

    pub fn list_transfers(&self, activity_id: &str) -> Result<Vec<Transfer>> {
        self.parts_of(EntityKind::Transfer, activity_id)
    }

    pub fn get_transfer(&self, id: &str) -> Result<Transfer> {
        self.record(EntityKind::Transfer, id, "transfer")
    }

    pub fn create_transfer(&mut self, input: TransferDraft) -> Result<Transfer> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        let id = self.insert_record(
            EntityKind::Transfer,
            &fields_of(EntityKind::Transfer, &valid)?,
        )?;
        self.get_transfer(&id)
    }

    pub fn update_transfer(
        &mut self,
        id: &str,
        input: TransferDraft,
        base: Option<&str>,
    ) -> Result<Transfer> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        self.check_recipient_link(valid.recipient_id.as_deref())?;
        self.update_record(
            EntityKind::Transfer,
            id,
            "transfer",
            &fields_of(EntityKind::Transfer, &valid)?,
            base,
        )?;
        self.get_transfer(id)
    }

    pub fn delete_transfer(&mut self, id: &str, base: Option<&str>) -> Result<Transfer> {
        let transfer = self.get_transfer(id)?;
        self.delete_record(EntityKind::Transfer, id, "transfer", base)?;
        Ok(transfer)
    }

    pub fn restore_transfer(&mut self, id: &str) -> Result<Transfer> {
        self.restore_record(EntityKind::Transfer, id, "transfer")?;
        self.get_transfer(id)
    }

    pub fn list_retention_rules(&self, activity_id: &str) -> Result<Vec<RetentionRule>> {
        self.parts_of(EntityKind::RetentionRule, activity_id)
    }

    pub fn get_retention_rule(&self, id: &str) -> Result<RetentionRule> {
        self.record(EntityKind::RetentionRule, id, "retention rule")
    }

    pub fn create_retention_rule(&mut self, input: RetentionRuleDraft) -> Result<RetentionRule> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let id = self.insert_record(
            EntityKind::RetentionRule,
            &fields_of(EntityKind::RetentionRule, &valid)?,
        )?;
        self.get_retention_rule(&id)
    }

    pub fn update_retention_rule(
        &mut self,
        id: &str,
        input: RetentionRuleDraft,
        base: Option<&str>,
    ) -> Result<RetentionRule> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let fields = fields_of(EntityKind::RetentionRule, &valid)?;
        self.update_record(
            EntityKind::RetentionRule,
            id,
            "retention rule",
            &fields,
            base,
        )?;
        self.get_retention_rule(id)
    }

    pub fn delete_retention_rule(&mut self, id: &str, base: Option<&str>) -> Result<RetentionRule> {
        let rule = self.get_retention_rule(id)?;
        self.delete_record(EntityKind::RetentionRule, id, "retention rule", base)?;
        Ok(rule)
    }

    pub fn restore_retention_rule(&mut self, id: &str) -> Result<RetentionRule> {
        self.restore_record(EntityKind::RetentionRule, id, "retention rule")?;
        self.get_retention_rule(id)
    }

    pub fn list_subject_groups(&self, activity_id: &str) -> Result<Vec<SubjectGroup>> {
        self.parts_of(EntityKind::SubjectGroup, activity_id)
    }

    pub fn get_subject_group(&self, id: &str) -> Result<SubjectGroup> {
        self.record(EntityKind::SubjectGroup, id, "group of people")
    }

    pub fn create_subject_group(&mut self, input: SubjectGroupDraft) -> Result<SubjectGroup> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let id = self.insert_record(
            EntityKind::SubjectGroup,
            &fields_of(EntityKind::SubjectGroup, &valid)?,
        )?;
        self.get_subject_group(&id)
    }

    pub fn update_subject_group(
        &mut self,
        id: &str,
        input: SubjectGroupDraft,
        base: Option<&str>,
    ) -> Result<SubjectGroup> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        let fields = fields_of(EntityKind::SubjectGroup, &valid)?;
        self.update_record(
            EntityKind::SubjectGroup,
            id,
            "group of people",
            &fields,
            base,
        )?;
        self.get_subject_group(id)
    }

    pub fn delete_subject_group(&mut self, id: &str, base: Option<&str>) -> Result<SubjectGroup> {
        let group = self.get_subject_group(id)?;
        self.delete_record(EntityKind::SubjectGroup, id, "group of people", base)?;
        Ok(group)
    }

    pub fn restore_subject_group(&mut self, id: &str) -> Result<SubjectGroup> {
        self.restore_record(EntityKind::SubjectGroup, id, "group of people")?;
        self.get_subject_group(id)
    }

    pub fn list_activity_sources(&self, activity_id: &str) -> Result<Vec<ActivitySource>> {
        self.parts_of(EntityKind::ActivitySource, activity_id)
    }

    pub fn get_activity_source(&self, id: &str) -> Result<ActivitySource> {
        self.record(EntityKind::ActivitySource, id, "source of the activity")
    }

    pub fn create_activity_source(&mut self, input: ActivitySourceDraft) -> Result<ActivitySource> {
        let valid = self.valid_source(input)?;
        let id = self.insert_record(
            EntityKind::ActivitySource,
            &fields_of(EntityKind::ActivitySource, &valid)?,
        )?;
        self.get_activity_source(&id)
    }

    pub fn update_activity_source(
        &mut self,
        id: &str,
        input: ActivitySourceDraft,
        base: Option<&str>,
    ) -> Result<ActivitySource> {
        let valid = self.valid_source(input)?;
        let fields = fields_of(EntityKind::ActivitySource, &valid)?;
        self.update_record(
            EntityKind::ActivitySource,
            id,
            "source of the activity",
            &fields,
            base,
        )?;
        self.get_activity_source(id)
    }

    pub fn delete_activity_source(
        &mut self,
        id: &str,
        base: Option<&str>,
    ) -> Result<ActivitySource> {
        let source = self.get_activity_source(id)?;
        self.delete_record(
            EntityKind::ActivitySource,
            id,
            "source of the activity",
            base,
        )?;
        Ok(source)
    }

    pub fn restore_activity_source(&mut self, id: &str) -> Result<ActivitySource> {
        self.restore_record(EntityKind::ActivitySource, id, "source of the activity")?;
        self.get_activity_source(id)
    }

    fn valid_source(&self, input: ActivitySourceDraft) -> Result<ActivitySourceDraft> {
        let valid = input.validate()?;
        self.check_activity_link(&valid.activity_id)?;
        self.check_link(
            EntityKind::SourceOrganisation,
            valid.source_organisation_id.as_deref(),
            "sourceOrganisationId",
            "The source organisation is not in the register (any more): choose another one.",
        )?;
        Ok(valid)
    }
}
