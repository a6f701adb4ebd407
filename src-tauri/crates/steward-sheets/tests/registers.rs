//! The importer against registers written by people, not by Steward:
//! `tests/fixtures/registers/` (see its README), each with what a careful
//! person would record from it. Every file imports with no row refused;
//! the test prints, per file, the share of the cells that said something
//! that went into typed fields.

use std::path::PathBuf;

use steward_api::{FixedClock, Steward};
use steward_sheets::ico_import::{IcoPreview, import_ico};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/registers")
}

fn empty() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(
        "2026-12-07T09:00:00Z".parse().unwrap(),
    )))
    .unwrap()
}

fn expected(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(corpus().join(format!("{name}.expected.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The ICO-layout files (XLSX, ODS and CSV).
const ICO_FILES: [&str; 12] = [
    "kingsditch-hackspace.ods",
    "southside-mutual-aid.ods",
    "ashby-choir.xlsx",
    "northside-food-bank.xlsx",
    "openbits-foundation.csv",
    "riverside-rowing.xlsx",
    "elmfield-tenants.xlsx",
    "hope-street-shop.csv",
    "green-lanes-garden.xlsx",
    "westmoor-youth-orchestra.xlsx",
    "dunmore-history.xlsx",
    "tynecode-conference.csv",
];

fn import(file: &str, api: &mut Steward) -> IcoPreview {
    let bytes = std::fs::read(corpus().join(file)).unwrap();
    // As the app and the CLI tell: a zip archive is a workbook.
    import_ico(api, &bytes, bytes.starts_with(b"PK"), true)
        .unwrap_or_else(|e| panic!("{file} was refused: {e}"))
}

#[test]
fn every_hand_written_register_imports_with_no_row_refused() {
    let mut report = vec![];
    let mut shares = vec![];
    let mut organisation = vec![];
    for file in ICO_FILES {
        let mut api = empty();
        let preview = import(file, &mut api);
        let name = file.rsplit_once('.').unwrap().0;
        let want = expected(name);
        let activities = api.list_activities().unwrap();
        let wanted = want["activities"].as_array().unwrap().len();
        assert!(!activities.is_empty(), "{file}: no activity imported");
        let careful = want["typedCellShare"].as_f64().unwrap();
        report.push(format!(
            "{file:32} {:5.1} % of {:3} cells typed (a careful person: {:5.1} %); {} activities (a careful person: {wanted}); {} rows left out",
            preview.typed_share() * 100.0,
            preview.cells,
            careful * 100.0,
            activities.len(),
            preview.skipped_rows.len(),
        ));
        // A floor under what this importer reaches today, so that a change
        // that understands less fails here. The target is 90 %.
        shares.push((file, preview.typed_share()));
        // The controller block, wherever the sheet keeps it.
        let org = api.get_organisation().unwrap().fields;
        for (key, got) in [
            ("legalName", &org.legal_name),
            ("contactEmail", &org.contact_email),
        ] {
            let want = want["organisation"][key]
                .as_str()
                .unwrap_or_default()
                .trim();
            if !want.is_empty() {
                organisation.push(format!("{file}: {key} {got:?}, a careful person {want:?}"));
                // "Northside Food Bank (CIO, charity no. 1187654)" keeps
                // what the careful person left out.
                if got.trim().starts_with(want) {
                    organisation.pop();
                }
            }
        }
        // What was kept as written is in the activity's description, so
        // that nothing the sheet said is lost (what went into a field on
        // an assumption is in that field, and listed to check).
        for p in &preview.activities {
            let a = activities.iter().find(|a| a.fields.name == p.name).unwrap();
            for k in p.kept_as_written.iter().filter(|k| !k.typed) {
                let first_line = k.text.lines().next().unwrap_or_default();
                assert!(
                    a.fields.description.contains(first_line),
                    "{file} row {}: {:?} is not in the description",
                    p.row,
                    k.text
                );
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(organisation.is_empty(), "{}", organisation.join("\n"));
    for (file, share) in shares {
        assert!(
            share >= FLOOR,
            "{file}: only {:.1} % of the cells typed",
            share * 100.0
        );
    }
}

/// A floor under what this importer reaches today on every file, so that a
/// change that understands less fails here. The target is 90 %.
const FLOOR: f64 = 0.82;

/// Phrases the issue names, in one hand-written file: each lands in its
/// typed field.
#[test]
fn the_openbits_csv_is_understood_field_by_field() {
    let mut api = empty();
    import("openbits-foundation.csv", &mut api);
    let register = api.export_register().unwrap();
    let cla = register
        .activities
        .iter()
        .find(|a| a.activity.fields.business_function == "Legal / CLA")
        .expect("the CLA row");
    assert_eq!(cla.purposes.len(), 1);
    assert_eq!(
        cla.purposes[0].fields.legal_basis,
        Some(steward_api::LegalBasis::Contract)
    );
    let transfer = &cla.transfers[0];
    assert_eq!(transfer.fields.country, "US");
    assert_eq!(
        transfer.fields.mechanism,
        Some(steward_core::TransferMechanism::Dpf)
    );
    let membership = register
        .activities
        .iter()
        .find(|a| a.activity.fields.business_function.ends_with("Membership"))
        .unwrap();
    let bases: Vec<_> = membership
        .purposes
        .iter()
        .map(|p| p.fields.legal_basis)
        .collect();
    use steward_api::LegalBasis::*;
    assert_eq!(
        bases,
        [Some(Contract), Some(Contract), Some(LegalObligation)]
    );
    let years: Vec<_> = membership
        .retention_rules
        .iter()
        .map(|r| (r.fields.period_value, r.fields.trigger_event.clone()))
        .collect();
    assert_eq!(
        years,
        [
            (Some(10), String::new()),
            (Some(1), "end of membership".into())
        ]
    );
    assert!(
        membership.transfers.is_empty(),
        "'keine / none (EU only)' is no transfer"
    );
}
