//! User actions on the organisation profile: one row, whose id is the
//! organisation id created with the database.

use steward_core::{EntityKind, OrganisationDraft, Validate};

use crate::record::{dto_of, fields_of};
use crate::{Organisation, Result, Steward};

const ENTITY: EntityKind = EntityKind::Organisation;

impl Steward {
    /// The profile; every field empty (and `updatedAt` null) until first saved.
    pub fn get_organisation(&self) -> Result<Organisation> {
        let id = &self.store.identity().organisation_id;
        match self.store.row(ENTITY, id)? {
            Some((row, false)) => {
                let updated_at = row.updated_at.to_string();
                let base = self.store.base_of(ENTITY, id)?;
                Ok(Organisation {
                    fields: dto_of(ENTITY, row, String::new())?,
                    updated_at: Some(updated_at),
                    base,
                })
            }
            _ => Ok(Organisation {
                fields: OrganisationDraft::default(),
                updated_at: None,
                base: String::new(),
            }),
        }
    }

    /// Saves the profile. With the `base` it was read at (empty for a
    /// profile never saved), only what the person changed is written, and a
    /// field a colleague changed meanwhile becomes a conflict.
    pub fn update_organisation(
        &mut self,
        input: OrganisationDraft,
        base: Option<&str>,
    ) -> Result<Organisation> {
        let valid = input.validate()?;
        let fields = fields_of(ENTITY, &valid)?;
        let id = self.store.identity().organisation_id.clone();
        let now = self.clock.now();
        match crate::record::seen(base)? {
            None => {
                self.store.write(now, |w| w.set(ENTITY, &id, &fields))?;
            }
            Some(seen) => {
                self.store
                    .write(now, |w| w.set_seen(ENTITY, &id, &fields, &seen))?;
            }
        }
        self.get_organisation()
    }

    /// Whether the profile was ever saved.
    pub(crate) fn organisation_saved(&self) -> Result<bool> {
        let id = &self.store.identity().organisation_id;
        Ok(self.store.row(ENTITY, id)?.is_some())
    }
}
