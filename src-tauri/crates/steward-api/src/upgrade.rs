//! Data upgrades: changes to the *meaning* of recorded data that a schema
//! migration cannot make, written through the op log like any user change so
//! that history and sync see them.
//!
//! **Skeleton purposes.** The walking skeleton kept an activity's purposes as
//! a list and one legal basis for all of them. Since schema 6 each purpose is
//! a row with its own basis. On open, every activity whose retired
//! `purposes` list is not empty gets one purpose row per item, carrying the
//! old basis, and its list and basis are cleared, in one change. The new
//! rows' ids derive from the activity id and the item's position (UUID v5),
//! so two devices that upgrade the same activity offline write the same rows
//! with the same values, and merging them raises no conflict.

use serde_json::{Value, json};
use steward_core::EntityKind;
use uuid::Uuid;

use crate::{ApiError, Result, Steward};

/// The namespace of the ids of upgraded purposes (a fixed, random UUID).
const PURPOSE_NAMESPACE: Uuid = Uuid::from_u128(0x6c1e_2f0a_93b4_4d5e_8a7f_1b2c_3d4e_5f60);

/// The id of the purpose upgraded from item `index` of an activity's list.
pub(crate) fn upgraded_purpose_id(activity_id: &str, index: usize) -> String {
    Uuid::new_v5(
        &PURPOSE_NAMESPACE,
        format!("{activity_id}/purposes/{index}").as_bytes(),
    )
    .to_string()
}

impl Steward {
    /// Runs every data upgrade that has something to do. Idempotent.
    pub(crate) fn upgrade_data(&mut self) -> Result<()> {
        let pending: Vec<(String, Vec<Value>, Value)> = self
            .store
            .rows_including_deleted(EntityKind::Activity)?
            .into_iter()
            .filter_map(|row| match row.fields.get("purposes") {
                Some(Value::Array(items)) if !items.is_empty() => Some((
                    row.id,
                    items.clone(),
                    row.fields
                        .get("legal_basis")
                        .cloned()
                        .unwrap_or(Value::Null),
                )),
                _ => None,
            })
            .collect();
        if pending.is_empty() {
            return Ok(());
        }
        let now = self.clock.now();
        self.store.write(now, |w| {
            for (activity_id, purposes, basis) in &pending {
                for (index, description) in purposes.iter().enumerate() {
                    w.set(
                        EntityKind::Purpose,
                        &upgraded_purpose_id(activity_id, index),
                        &[
                            ("activity_id", json!(activity_id)),
                            ("description", description.clone()),
                            ("legal_basis", basis.clone()),
                            ("legitimate_interest", json!("")),
                            ("lia_reference", json!("")),
                            ("consent_record", json!("")),
                        ],
                    )?;
                }
                w.set(
                    EntityKind::Activity,
                    activity_id,
                    &[("purposes", json!([])), ("legal_basis", Value::Null)],
                )?;
            }
            Ok::<_, ApiError>(())
        })
    }
}
