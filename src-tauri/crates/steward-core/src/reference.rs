//! Reference data shipped with Steward and embedded at compile time: the
//! ISO 3166-1 country list (`assets/reference/countries.json`). Embedding
//! keeps this crate free of IO while letting the data be updated as a file.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    pub code: String,
    /// The ISO short name, e.g. "Korea, Republic of".
    pub name: String,
    /// The name people use, where it differs, e.g. "South Korea".
    pub common_name: Option<String>,
    pub eu: bool,
    pub eea: bool,
    /// For territories where the GDPR applies as part of a member state
    /// (Réunion → FR): sending data there is not a transfer.
    pub gdpr_territory_of: Option<String>,
}

impl Country {
    /// The name to show a person.
    pub fn display_name(&self) -> &str {
        self.common_name.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Deserialize)]
struct CountryFile {
    countries: Vec<Country>,
    aliases: BTreeMap<String, String>,
}

static COUNTRIES: LazyLock<CountryFile> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../../assets/reference/countries.json"))
        .unwrap_or_else(|e| panic!("assets/reference/countries.json is invalid: {e}"))
});

/// The country with this ISO 3166-1 alpha-2 code, accepting lower case and
/// the EU's own aliases (`UK` → `GB`, `EL` → `GR`).
pub fn country(code: &str) -> Option<&'static Country> {
    let upper = code.trim().to_ascii_uppercase();
    let code = COUNTRIES.aliases.get(&upper).cloned().unwrap_or(upper);
    COUNTRIES.countries.iter().find(|c| c.code == code)
}

pub fn countries() -> &'static [Country] {
    &COUNTRIES.countries
}

/// Whether an adequacy decision covers a whole country or only some
/// recipients, sectors or processing there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AdequacyScope {
    Full,
    Partial,
}

/// One of the Commission's Art. 45 adequacy decisions
/// (`assets/reference/adequacy.json`, documented in its README).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdequacyDecision {
    /// ISO code; `None` for an international organisation.
    pub country: Option<String>,
    pub organisation: Option<String>,
    pub scope: AdequacyScope,
    /// What is covered, in words a user can check against the recipient.
    pub note: String,
    pub decision: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AdequacyFile {
    valid_as_of: String,
    decisions: Vec<AdequacyDecision>,
}

static ADEQUACY: LazyLock<AdequacyFile> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../../assets/reference/adequacy.json"))
        .unwrap_or_else(|e| panic!("assets/reference/adequacy.json is invalid: {e}"))
});

/// The adequacy decision for the country with this code (aliases accepted),
/// if there is one.
pub fn adequacy(code: &str) -> Option<&'static AdequacyDecision> {
    let code = &country(code)?.code;
    ADEQUACY
        .decisions
        .iter()
        .find(|d| d.country.as_deref() == Some(code.as_str()))
}

/// The date of the latest source the adequacy list was checked against.
pub fn adequacy_valid_as_of() -> &'static str {
    &ADEQUACY.valid_as_of
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_country_list_is_complete_and_resolves_aliases() {
        assert_eq!(countries().len(), 249);
        assert_eq!(countries().iter().filter(|c| c.eu).count(), 27);
        assert_eq!(countries().iter().filter(|c| c.eea).count(), 30);
        assert_eq!(adequacy("ch").map(|d| d.scope), Some(AdequacyScope::Full));
        assert_eq!(adequacy("UK").map(|d| d.scope), Some(AdequacyScope::Full));
        assert_eq!(
            adequacy("US").map(|d| d.scope),
            Some(AdequacyScope::Partial)
        );
        assert!(adequacy("IN").is_none());
        assert!(adequacy_valid_as_of().starts_with("20"));
        assert_eq!(country("uk").map(|c| c.code.as_str()), Some("GB"));
        assert_eq!(country("EL").map(|c| c.code.as_str()), Some("GR"));
        assert_eq!(country(" de ").map(|c| c.code.as_str()), Some("DE"));
        assert!(country("XX").is_none());
        assert!(country("").is_none());
        assert_eq!(
            country("KR").map(Country::display_name),
            Some("South Korea")
        );
        assert_eq!(country("FR").map(Country::display_name), Some("France"));
    }
}
