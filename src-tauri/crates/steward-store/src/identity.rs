//! This installation's identity and local settings, kept in `meta`.
//!
//! On first start a random device id and organisation id are created and
//! persisted; the hybrid logical clock and the device's op sequence start at
//! zero, and the device is named after the operating system's user and host
//! (see [`crate::location::default_device_name`]), so that no two laptops
//! share a name until someone renames one. The device id changes only when
//! a merge finds that this laptop was restored from an old copy (see
//! `restored.rs`): it is how other laptops tell this one's changes apart.

use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use crate::Result;

/// Who this installation is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub device_id: String,
    pub organisation_id: String,
    pub device_name: String,
}

pub(crate) const DEVICE_ID: &str = "device_id";
pub(crate) const ORGANISATION_ID: &str = "organisation_id";
pub(crate) const HLC_WALL: &str = "hlc_wall";
pub(crate) const HLC_COUNTER: &str = "hlc_counter";
pub(crate) const NEXT_SEQ: &str = "next_seq";
const DEMO_OFFER: &str = "demo_offer";
/// The name every laptop had before devices were named after their user
/// and host; a database that still has it is renamed when it opens.
const SHARED_DEFAULT_NAME: &str = "This device";

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub(crate) fn load_or_create(conn: &mut Connection, default_name: &str) -> Result<Identity> {
    let tx = conn.transaction()?;
    let device_id = match get(&tx, DEVICE_ID)? {
        Some(id) => id,
        None => {
            let device_id = Uuid::new_v4().to_string();
            set(&tx, DEVICE_ID, &device_id)?;
            set(&tx, ORGANISATION_ID, &Uuid::new_v4().to_string())?;
            set(&tx, HLC_WALL, "0")?;
            set(&tx, HLC_COUNTER, "0")?;
            set(&tx, NEXT_SEQ, "1")?;
            set(&tx, DEMO_OFFER, "pending")?;
            tx.execute(
                "INSERT INTO devices (device, name) VALUES (?1, ?2)",
                params![device_id, default_name],
            )?;
            device_id
        }
    };
    tx.execute(
        "UPDATE devices SET name = ?2 WHERE device = ?1 AND name = ?3",
        params![device_id, default_name, SHARED_DEFAULT_NAME],
    )?;
    let organisation_id = get(&tx, ORGANISATION_ID)?.unwrap_or_default();
    let device_name: String = tx
        .query_row(
            "SELECT name FROM devices WHERE device = ?1",
            [&device_id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| default_name.to_string());
    tx.commit()?;
    Ok(Identity {
        device_id,
        organisation_id,
        device_name,
    })
}

impl crate::Store {
    /// The names of the devices whose ops this database holds, by device id.
    pub fn device_names(&self) -> Result<std::collections::BTreeMap<String, String>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT device, name FROM devices")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Renames this device: the name the history shows as the author of its
    /// changes (and that other devices see once changes are exchanged).
    pub fn set_device_name(&mut self, name: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO devices (device, name) VALUES (?1, ?2)
             ON CONFLICT (device) DO UPDATE SET name = excluded.name",
            params![self.identity.device_id, name],
        )?;
        self.identity.device_name = name.to_owned();
        Ok(())
    }

    /// Whether the first-start offer of a demo register is still unanswered.
    pub fn demo_offer_pending(&self) -> Result<bool> {
        Ok(get(self.conn(), DEMO_OFFER)?.as_deref() == Some("pending"))
    }

    /// Records that the user answered the demo offer (either way).
    pub fn answer_demo_offer(&self) -> Result<()> {
        set(self.conn(), DEMO_OFFER, "answered")
    }
}

impl crate::Store {
    /// Moves this laptop to a new device id, keeping its name: after a
    /// restore from a backup, the changes made under the old id since the
    /// backup may exist on other laptops, and new changes must not reuse
    /// their sequence numbers. The old id's changes stay, as another
    /// device's.
    pub fn take_new_device_id(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        let new_device = Uuid::new_v4().to_string();
        tx.execute(
            "INSERT INTO devices (device, name) VALUES (?1, ?2)",
            params![new_device, self.identity.device_name],
        )?;
        set(&tx, DEVICE_ID, &new_device)?;
        set(&tx, NEXT_SEQ, "1")?;
        tx.commit()?;
        self.identity.device_id = new_device;
        Ok(())
    }
}
