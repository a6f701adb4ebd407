//! Reading the materialised register: the current, non-deleted rows, and the
//! op log behind them.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, Row, params};
use serde_json::Value;
use steward_core::{ActivityStatus, EntityKind, HlcStamp, LegalBasis};

use crate::write::{Op, from_column};
use crate::{Result, Store, StoreError};

/// The organisation profile as stored; empty strings are "not recorded".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StoredOrganisation {
    pub legal_name: String,
    pub address: String,
    pub contact_email: String,
    pub dpo_name: String,
    pub dpo_contact: String,
    pub eu_representative: String,
    pub supervisory_authority: String,
    /// `None` until the profile is first saved.
    pub updated_at: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredActivity {
    pub id: String,
    pub name: String,
    pub description: String,
    pub purposes: Vec<String>,
    pub legal_basis: Option<LegalBasis>,
    pub status: ActivityStatus,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

const ACTIVITY_COLUMNS: &str =
    "id, name, description, purposes, legal_basis, status, created_at, updated_at";

fn timestamp(text: &str) -> Result<Timestamp> {
    text.parse()
        .map_err(|e| StoreError::Corrupt(format!("timestamp {text:?}: {e}")))
}

fn activity_from_row(row: &Row<'_>) -> rusqlite::Result<[Option<String>; 8]> {
    Ok([
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ])
}

fn activity_from_columns(c: [Option<String>; 8]) -> Result<StoredActivity> {
    let [
        id,
        name,
        description,
        purposes,
        legal_basis,
        status,
        created_at,
        updated_at,
    ] = c;
    let purposes_spec = EntityKind::Activity
        .field("purposes")
        .ok_or_else(|| StoreError::Corrupt("activity has no purposes field".into()))?;
    let purposes = match from_column(purposes_spec, purposes)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => vec![],
    };
    let legal_basis = match legal_basis {
        None => None,
        Some(id) => Some(
            LegalBasis::from_id(&id)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown legal basis {id:?}")))?,
        ),
    };
    let status = status.unwrap_or_default();
    Ok(StoredActivity {
        id: id.unwrap_or_default(),
        name: name.unwrap_or_default(),
        description: description.unwrap_or_default(),
        purposes,
        legal_basis,
        status: ActivityStatus::from_id(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown status {status:?}")))?,
        created_at: timestamp(&created_at.unwrap_or_default())?,
        updated_at: timestamp(&updated_at.unwrap_or_default())?,
    })
}

impl Store {
    pub fn organisation(&self) -> Result<StoredOrganisation> {
        let row = self
            .conn()
            .query_row(
                "SELECT legal_name, address, contact_email, dpo_name, dpo_contact,
                        eu_representative, supervisory_authority, updated_at
                 FROM organisation WHERE id = ?1 AND deleted = 0",
                [&self.identity().organisation_id],
                |r| {
                    Ok((
                        StoredOrganisation {
                            legal_name: r.get(0)?,
                            address: r.get(1)?,
                            contact_email: r.get(2)?,
                            dpo_name: r.get(3)?,
                            dpo_contact: r.get(4)?,
                            eu_representative: r.get(5)?,
                            supervisory_authority: r.get(6)?,
                            updated_at: None,
                        },
                        r.get::<_, String>(7)?,
                    ))
                },
            )
            .optional()?;
        match row {
            None => Ok(StoredOrganisation::default()),
            Some((mut org, updated_at)) => {
                org.updated_at = Some(timestamp(&updated_at)?);
                Ok(org)
            }
        }
    }

    /// The activities that are not deleted, by name (case-insensitive).
    pub fn activities(&self) -> Result<Vec<StoredActivity>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE deleted = 0
             ORDER BY name COLLATE NOCASE, id"
        ))?;
        let rows = stmt.query_map([], activity_from_row)?;
        rows.map(|r| activity_from_columns(r?)).collect()
    }

    /// One activity, deleted or not, with whether it is deleted.
    pub fn activity(&self, id: &str) -> Result<Option<(StoredActivity, bool)>> {
        let row = self
            .conn()
            .query_row(
                &format!("SELECT {ACTIVITY_COLUMNS}, deleted FROM activities WHERE id = ?1"),
                [id],
                |r| Ok((activity_from_row(r)?, r.get::<_, i64>(8)? != 0)),
            )
            .optional()?;
        row.map(|(columns, deleted)| Ok((activity_from_columns(columns)?, deleted)))
            .transpose()
    }

    /// Every op recorded for one row, oldest first.
    pub fn ops_for_row(&self, entity: EntityKind, row_id: &str) -> Result<Vec<Op>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT op_id, device, seq, entity, row_id, field, value, hlc_wall, hlc_counter, parents
             FROM ops WHERE entity = ?1 AND row_id = ?2
             ORDER BY hlc_wall, hlc_counter, device",
        )?;
        let rows = stmt.query_map(params![entity.id(), row_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, u32>(8)?,
                r.get::<_, String>(9)?,
            ))
        })?;
        rows.map(|row| {
            let (op_id, device, seq, entity, row_id, field, value, wall_ms, counter, parents) =
                row?;
            let corrupt = |what: &str, e: serde_json::Error| {
                StoreError::Corrupt(format!("{what} of op {op_id}: {e}"))
            };
            Ok(Op {
                value: serde_json::from_str(&value).map_err(|e| corrupt("value", e))?,
                parents: serde_json::from_str(&parents).map_err(|e| corrupt("parents", e))?,
                stamp: HlcStamp { wall_ms, counter },
                op_id,
                device,
                seq,
                entity,
                row_id,
                field,
            })
        })
        .collect()
    }

    /// How many ops the log holds, from every device.
    pub fn op_count(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM ops", [], |r| r.get(0))?)
    }

    /// The current heads of one field of one row.
    pub fn heads_of(&self, entity: EntityKind, row_id: &str, field: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT op_id FROM heads WHERE entity = ?1 AND row_id = ?2 AND field = ?3 ORDER BY op_id",
        )?;
        let rows = stmt.query_map(params![entity.id(), row_id, field], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
    }
}
