//! Reference data for the user interface: the countries a recipient or a
//! transfer can name.

use serde::{Deserialize, Serialize};
use steward_core::reference;
use ts_rs::TS;

use crate::{Result, Steward};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: String,
}

impl Steward {
    /// Every ISO 3166-1 country, sorted by the name people use.
    pub fn list_countries(&self) -> Result<Vec<CountryOption>> {
        let mut countries: Vec<CountryOption> = reference::countries()
            .iter()
            .map(|c| CountryOption {
                code: c.code.clone(),
                name: c.display_name().to_owned(),
            })
            .collect();
        countries.sort_by_key(|c| c.name.to_lowercase());
        Ok(countries)
    }
}
