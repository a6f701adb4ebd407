//! User actions on the organisation profile.

use serde_json::json;
use steward_core::{EntityKind, OrganisationDraft, Validate};

use crate::{Organisation, OrganisationInput, Result, Steward};

impl Steward {
    pub fn get_organisation(&self) -> Result<Organisation> {
        Ok(self.store.organisation()?.into())
    }

    pub fn update_organisation(&mut self, input: OrganisationInput) -> Result<Organisation> {
        let d = OrganisationDraft::from(input).validate()?;
        let row_id = self.store.identity().organisation_id.clone();
        let now = self.clock.now();
        self.store.write(now, |w| {
            w.set(
                EntityKind::Organisation,
                &row_id,
                &[
                    ("legal_name", json!(d.legal_name)),
                    ("address", json!(d.address)),
                    ("contact_email", json!(d.contact_email)),
                    ("dpo_name", json!(d.dpo_name)),
                    ("dpo_contact", json!(d.dpo_contact)),
                    ("eu_representative", json!(d.eu_representative)),
                    ("supervisory_authority", json!(d.supervisory_authority)),
                ],
            )
        })?;
        self.get_organisation()
    }
}
