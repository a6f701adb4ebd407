//! The legal rules about the controller, as tables: which controllers need
//! a representative in the EU (Art. 27) and have a lead authority
//! (Art. 56), and which destinations are transfers (Chapter V, EDPB
//! Guidelines 05/2021) for a controller in the EU, in the United States and
//! in China — the three seed organisations are in the latter two.

use steward_core::controller::{Flow, GdprReach, Scope, is_transfer, scope};

#[test]
fn which_controllers_need_a_representative_and_have_a_lead_authority() {
    use GdprReach::*;
    // country, reach, needs a representative, has a lead authority
    let table: &[(&str, Option<GdprReach>, bool, bool)] = &[
        ("DE", None, false, true),
        ("IE", Some(EuEstablishment), false, true),
        ("NO", None, false, true),
        ("US", Some(OffersToPeopleInEu), true, false),
        ("US", Some(MonitorsPeopleInEu), true, false),
        ("CN", Some(OffersAndMonitors), true, false),
        ("GB", Some(OffersToPeopleInEu), true, false),
        ("CH", Some(EuEstablishment), false, true),
        ("US", Some(NotApplicable), false, false),
        // Nothing recorded: nothing is asked for and nothing withheld.
        ("", None, false, true),
        ("US", None, false, true),
    ];
    for &(country, reach, representative, lead) in table {
        let s = scope(country, reach);
        assert_eq!(
            s.needs_representative(),
            representative,
            "{country} {reach:?}: representative"
        );
        assert_eq!(s.has_lead_authority(), lead, "{country} {reach:?}: lead");
    }
}

#[test]
fn which_destinations_are_transfers_for_an_eu_a_us_and_a_chinese_controller() {
    let eu = scope("FR", None);
    let us = scope("US", Some(GdprReach::OffersToPeopleInEu));
    let cn = scope("CN", Some(GdprReach::OffersAndMonitors));
    let outside = scope("US", Some(GdprReach::NotApplicable));
    assert_eq!(eu, Scope::Established);
    // flow, then: a transfer for the EU, the US and the Chinese controller
    type Row = (Flow<'static>, Option<bool>, Option<bool>, Option<bool>);
    let table: &[Row] = &[
        // A person in the EU gives their data to the controller: never a
        // transfer (the person is not an exporter).
        (Flow::FromThePerson, Some(false), Some(false), Some(false)),
        // A processor in the United States.
        (
            Flow::ToRecipientIn("US"),
            Some(true),
            Some(true),
            Some(true),
        ),
        // A processor in China.
        (
            Flow::ToRecipientIn("CN"),
            Some(true),
            Some(true),
            Some(true),
        ),
        // A processor in Germany: inside the EEA.
        (
            Flow::ToRecipientIn("DE"),
            Some(false),
            Some(false),
            Some(false),
        ),
        // Réunion is France: not a third country.
        (
            Flow::ToRecipientIn("RE"),
            Some(false),
            Some(false),
            Some(false),
        ),
        // The United Kingdom has an adequacy decision, but sending data
        // there is still a transfer (one that needs no other safeguard).
        (
            Flow::ToRecipientIn("GB"),
            Some(true),
            Some(true),
            Some(true),
        ),
        // A country code nobody knows: Steward does not guess.
        (Flow::ToRecipientIn("XX"), None, None, None),
    ];
    for &(flow, for_eu, for_us, for_cn) in table {
        assert_eq!(is_transfer(eu, flow), for_eu, "EU controller, {flow:?}");
        assert_eq!(is_transfer(us, flow), for_us, "US controller, {flow:?}");
        assert_eq!(
            is_transfer(cn, flow),
            for_cn,
            "Chinese controller, {flow:?}"
        );
        assert_eq!(
            is_transfer(outside, flow),
            Some(false),
            "the GDPR does not apply, {flow:?}"
        );
    }
}
