//! The controller as it is: where it is established and why the GDPR
//! applies to it (Art. 3), and what follows from that. Many organisations
//! Steward serves are established outside the EU and reach people in it (a
//! US foundation's conference, a Chinese project's mailing list); the law
//! treats them differently:
//!
//! - a controller **established in the EU or EEA** (Art. 3(1)) names its
//!   lead supervisory authority (Art. 56) and needs no representative;
//! - a controller **outside it that offers goods or services to people in
//!   the EU, or monitors their behaviour there** (Art. 3(2)) must name a
//!   representative in the EU (Art. 27(1)), unless its processing is only
//!   occasional, includes no large-scale special-category or criminal data
//!   and is unlikely to put people at risk (Art. 27(2)); it has no lead
//!   authority, so people complain where they live or work (Art. 77(1));
//! - **what is a transfer** (Chapter V) follows the EDPB's three criteria
//!   (Guidelines 05/2021): an exporter subject to the GDPR for the
//!   processing discloses the data to an importer in a third country,
//!   whether or not the importer is itself subject to the GDPR. So a person
//!   in the EU who gives their data to a controller abroad makes no
//!   transfer (the person is no exporter), while that controller's
//!   disclosure to any recipient in a third country, its own country
//!   included, is one.
//!
//! Pure functions of recorded facts: nothing here is stored.

use serde::{Deserialize, Serialize};

use crate::reference;

/// Why the GDPR applies to the organisation, as a person recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum GdprReach {
    /// It has an establishment in the EU or EEA (Art. 3(1)).
    EuEstablishment,
    /// Established outside it, it offers goods or services, paid or free,
    /// to people in the EU (Art. 3(2)(a)).
    OffersToPeopleInEu,
    /// Established outside it, it monitors the behaviour of people in the
    /// EU (Art. 3(2)(b)).
    MonitorsPeopleInEu,
    /// Both of the above (Art. 3(2)(a) and (b)).
    OffersAndMonitors,
    /// None of these: the GDPR does not apply to it.
    NotApplicable,
}

impl GdprReach {
    pub const ALL: [GdprReach; 5] = [
        GdprReach::EuEstablishment,
        GdprReach::OffersToPeopleInEu,
        GdprReach::MonitorsPeopleInEu,
        GdprReach::OffersAndMonitors,
        GdprReach::NotApplicable,
    ];

    /// The stable id, also the key of its sentence in the policy text.
    pub fn id(self) -> &'static str {
        match self {
            GdprReach::EuEstablishment => "euEstablishment",
            GdprReach::OffersToPeopleInEu => "offersToPeopleInEu",
            GdprReach::MonitorsPeopleInEu => "monitorsPeopleInEu",
            GdprReach::OffersAndMonitors => "offersAndMonitors",
            GdprReach::NotApplicable => "notApplicable",
        }
    }
}

/// What the law makes of the controller, derived from its country and its
/// [`GdprReach`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Neither the country nor the reach says: Steward assumes nothing
    /// (no representative asked for, no lead authority withheld).
    NotRecorded,
    /// Established in the EU or EEA (Art. 3(1)).
    Established,
    /// Established outside it, reaching people in it (Art. 3(2)).
    Reaching { offers: bool, monitors: bool },
    /// The GDPR does not apply.
    NotApplicable,
}

/// Whether the country (ISO code) is one where the GDPR applies: the EEA and
/// the territories that are part of a member state (Réunion).
pub fn in_gdpr_territory(code: &str) -> bool {
    reference::country(code).is_some_and(|c| c.eea || c.gdpr_territory_of.is_some())
}

/// The scope of the GDPR for a controller established in `country` (an ISO
/// code, or empty when not recorded) that recorded `reach`. A reach that
/// says more than the country wins; a controller in the EEA is established
/// there whatever else it recorded.
pub fn scope(country: &str, reach: Option<GdprReach>) -> Scope {
    if in_gdpr_territory(country) {
        return Scope::Established;
    }
    match reach {
        None => Scope::NotRecorded,
        Some(GdprReach::EuEstablishment) => Scope::Established,
        Some(GdprReach::OffersToPeopleInEu) => Scope::Reaching {
            offers: true,
            monitors: false,
        },
        Some(GdprReach::MonitorsPeopleInEu) => Scope::Reaching {
            offers: false,
            monitors: true,
        },
        Some(GdprReach::OffersAndMonitors) => Scope::Reaching {
            offers: true,
            monitors: true,
        },
        Some(GdprReach::NotApplicable) => Scope::NotApplicable,
    }
}

impl Scope {
    /// Whether the controller must name a representative in the EU
    /// (Art. 27(1)); the exemption of Art. 27(2) is the person's to claim.
    pub fn needs_representative(self) -> bool {
        matches!(self, Scope::Reaching { .. })
    }

    /// Whether a recorded supervisory authority is the controller's own
    /// (lead) authority. A controller with no establishment in the EU has
    /// none (Art. 56 needs a main establishment there).
    pub fn has_lead_authority(self) -> bool {
        matches!(self, Scope::Established | Scope::NotRecorded)
    }
}

/// Where personal data goes, for [`is_transfer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow<'a> {
    /// A person gives their data to the controller itself.
    FromThePerson,
    /// The controller discloses the data to a recipient established in this
    /// country (ISO code).
    ToRecipientIn(&'a str),
}

/// Whether `flow` is a transfer under Chapter V for a controller of this
/// scope. `None` when the destination's country is unknown.
pub fn is_transfer(scope: Scope, flow: Flow<'_>) -> Option<bool> {
    match (scope, flow) {
        (Scope::NotApplicable, _) | (_, Flow::FromThePerson) => Some(false),
        (_, Flow::ToRecipientIn(code)) => {
            reference::country(code).map(|_| !in_gdpr_territory(code))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_in_the_eea_is_established_whatever_the_reach_says() {
        assert_eq!(scope("DE", None), Scope::Established);
        assert_eq!(scope("no", None), Scope::Established);
        assert_eq!(scope("RE", None), Scope::Established, "Réunion is France");
        assert_eq!(
            scope("FR", Some(GdprReach::OffersToPeopleInEu)),
            Scope::Established
        );
        assert_eq!(scope("", None), Scope::NotRecorded);
        assert_eq!(scope("US", None), Scope::NotRecorded);
        assert_eq!(
            scope("CH", Some(GdprReach::EuEstablishment)),
            Scope::Established,
            "a Swiss association with a branch in Germany"
        );
    }
}
