//! The register in the ICO controller-template layout: exported as XLSX and
//! CSV, imported back with a preview, all or nothing, with errors that name
//! the cell, and without letting a formula or a zip bomb through.

use steward_api::{FixedClock, Steward};
use steward_sheets::ico::{self, ICO_COLUMNS};
use steward_sheets::ico_import::{Limits, SheetError, import_ico, read_csv, read_xlsx};

const AT: &str = "2026-11-22T10:00:00Z";

fn empty() -> Steward {
    Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap()
}

fn demo() -> Steward {
    let mut api = empty();
    api.load_demo().unwrap();
    api
}

fn sheet_of(api: &Steward) -> Vec<Vec<String>> {
    ico::rows(&api.export_register().unwrap())
}

#[test]
fn xlsx_round_trip_gives_the_same_register() {
    let source = demo();
    let register = source.export_register().unwrap();
    let bytes = ico::xlsx(&register).unwrap();

    let mut target = empty();
    let preview = import_ico(&mut target, &bytes, true, true).unwrap();
    assert_eq!(preview.activities.len(), 5);
    assert_eq!(
        preview.activities[0].row, 8,
        "data starts below the block and header"
    );
    assert!(
        preview
            .new_recipients
            .contains(&"The Rocket Science Group LLC".to_owned())
    );
    assert_eq!(sheet_of(&target), sheet_of(&source));
    let org = target.get_organisation().unwrap().fields;
    assert_eq!(org.legal_name, register.organisation.legal_name);
    assert_eq!(
        org.eu_representative,
        register.organisation.eu_representative
    );
    // What the layout carries for the recipient: its name, country and DPA.
    let mailchimp = &target.list_recipients().unwrap()[0];
    assert_eq!(mailchimp.fields.country, "US");
    assert!(!mailchimp.fields.dpa_reference.is_empty());
}

#[test]
fn csv_round_trip_gives_the_same_register() {
    let source = demo();
    let bytes = ico::csv(&source.export_register().unwrap()).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with(&format!("{},{}", ICO_COLUMNS[0], ICO_COLUMNS[1])));
    let mut target = empty();
    import_ico(&mut target, &bytes, false, true).unwrap();
    assert_eq!(sheet_of(&target), sheet_of(&source));
}

#[test]
fn the_xlsx_has_the_controller_block_and_the_ico_columns_in_order() {
    let bytes = ico::xlsx(&demo().export_register().unwrap()).unwrap();
    let table = read_xlsx(&bytes, &Limits::default()).unwrap();
    assert_eq!(
        table.controller[0],
        (
            "Name of controller".to_owned(),
            "Riverside Community Garden Association".to_owned()
        )
    );
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Template").unwrap();
    let header: Vec<String> = range
        .rows()
        .nth(ico::XLSX_HEADER_ROW as usize - 1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..30], ICO_COLUMNS.map(String::from).as_slice());
}

#[test]
fn a_formula_comes_out_inert() {
    let mut api = demo();
    let activity = api.list_activities().unwrap()[0].id.clone();
    let formula = "=HYPERLINK(\"https://evil.example\",\"Click\")";
    let mut fields = api.get_activity(&activity).unwrap().fields;
    fields.business_function = formula.into();
    api.update_activity(&activity, fields, None).unwrap();
    let register = api.export_register().unwrap();

    let csv = String::from_utf8(ico::csv(&register).unwrap()).unwrap();
    let mut reader = ::csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a spreadsheet would run {cell:?}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK"), "{csv}");

    // XLSX: a string cell, never a formula element in the sheet's XML.
    let xlsx = ico::xlsx(&register).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.clone())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(!xml.contains("<f>"), "the sheet holds a formula");

    // And both come back as the text that was typed.
    for (bytes, is_xlsx) in [(csv.into_bytes(), false), (xlsx, true)] {
        let mut target = empty();
        import_ico(&mut target, &bytes, is_xlsx, true).unwrap();
        assert!(
            target
                .list_activities()
                .unwrap()
                .iter()
                .any(|a| a.fields.business_function == formula)
        );
    }
}

const HEADER: &str = "Business function,Purpose of processing,Name and contact details of joint controller,Categories of individuals,Categories of personal data,Categories of recipients,Link to contract with processor,Names of third countries,Safeguards,Retention schedule,Security,Article 6 lawful basis for processing personal data";

/// A phrase Steward does not recognise refuses nothing: the row comes in
/// with what was understood, and the rest is kept as written, in the
/// activity's description, each piece named by row and column with the
/// reason.
#[test]
fn what_is_not_understood_is_kept_as_written_by_row_and_column() {
    let csv = format!(
        "{HEADER}\n\
         Membership,Keep the member list,,Members,Name; Email address,Board (Internal),,,,,,Contract\n\
         Events,Sell tickets,,Attendees,Name,Ticket Co (Vendor),,Atlantis,,,,Because we can\n"
    );
    let mut api = empty();
    let preview = import_ico(&mut api, csv.as_bytes(), false, true).unwrap();
    assert_eq!(preview.activities.len(), 2);
    assert!(preview.activities[0].kept_as_written.is_empty());
    let kept: Vec<(usize, &str, &str)> = preview.activities[1]
        .kept_as_written
        .iter()
        .map(|k| (k.row, k.column.as_str(), k.text.as_str()))
        .collect();
    assert!(
        kept.contains(&(3, "Categories of recipients", "Ticket Co (Vendor)")),
        "{kept:?}"
    );
    assert!(
        kept.iter().any(|(r, c, t)| *r == 3
            && c.starts_with("Names of third countries")
            && *t == "Atlantis")
    );
    assert!(
        kept.contains(&(3, ICO_COLUMNS[11], "Because we can")),
        "{kept:?}"
    );
    let events = api
        .list_activities()
        .unwrap()
        .into_iter()
        .find(|a| a.fields.name == "Sell tickets")
        .unwrap();
    for text in ["Atlantis", "Because we can"] {
        assert!(
            events.fields.description.contains(text),
            "{text}: {}",
            events.fields.description
        );
    }
    // A recipient whose role Steward cannot read is recorded (as a
    // processor), listed to check, and not also kept in the description.
    let ticket_co = preview.activities[1]
        .kept_as_written
        .iter()
        .find(|k| k.text == "Ticket Co (Vendor)")
        .unwrap();
    assert!(ticket_co.typed, "{ticket_co:?}");
    assert!(!events.fields.description.contains("Ticket Co"));
    assert!(
        api.list_recipients()
            .unwrap()
            .iter()
            .any(|r| r.fields.legal_name == "Ticket Co")
    );
    // No basis is guessed for "Because we can"; the member list's is read.
    let register = api.export_register().unwrap();
    let basis = |name: &str| {
        register
            .activities
            .iter()
            .find(|a| a.activity.fields.name == name)
            .unwrap()
            .purposes[0]
            .fields
            .legal_basis
    };
    assert_eq!(basis("Sell tickets"), None);
    assert_eq!(
        basis("Keep the member list"),
        Some(steward_api::LegalBasis::Contract)
    );
}

/// What the register's rules refuse (here: Legitimate interests with no
/// interest named, Art. 13(1)(d)) is taken out and kept as written, named
/// by the cell the rule is about.
#[test]
fn what_the_rules_refuse_is_kept_as_written_at_its_cell() {
    let csv = format!(
        "{HEADER},Article 9 basis,Legitimate interests for the processing\n\
         Fundraising,Thank donors,,Donors,Name,,,,,,,Legitimate interests (Art. 6(1)(f)),,\n"
    );
    let mut api = empty();
    let preview = import_ico(&mut api, csv.as_bytes(), false, true).unwrap();
    let kept = &preview.activities[0].kept_as_written;
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!((kept[0].row, kept[0].column.as_str()), (2, ICO_COLUMNS[13]));
    assert!(kept[0].text.contains("Legitimate interests"));
    assert!(kept[0].reason.contains("Say which legitimate interest"));
    let register = api.export_register().unwrap();
    assert_eq!(register.activities[0].purposes[0].fields.legal_basis, None);
}

#[test]
fn a_preview_changes_nothing_and_an_import_adds_to_a_register() {
    let mut api = demo();
    let before = api.list_activities().unwrap().len();
    let csv = format!(
        "{HEADER}\n\
         Communications,Send the annual report,,Members,Name; Email address,The Rocket Science Group LLC (Processor),,,,,,Legitimate interests\n"
    );
    // Legitimate interests without the interest is kept as written.
    let preview = import_ico(&mut api, csv.as_bytes(), false, false).unwrap();
    assert_eq!(preview.activities[0].kept_as_written.len(), 1);
    let csv = csv.replace("Legitimate interests\n", "Contract\n");
    let preview = import_ico(&mut api, csv.as_bytes(), false, false).unwrap();
    assert_eq!(preview.activities[0].name, "Send the annual report");
    assert!(
        preview.new_recipients.is_empty(),
        "an existing recipient is linked, not created again"
    );
    assert_eq!(api.list_activities().unwrap().len(), before);
    import_ico(&mut api, csv.as_bytes(), false, true).unwrap();
    assert_eq!(api.list_activities().unwrap().len(), before + 1);
    assert_eq!(api.list_recipients().unwrap().len(), 1);
}

/// Names as people write them link to what exists: the demo's Mailchimp
/// (recorded as The Rocket Science Group LLC) under a typo, a service of
/// the processor catalogue with its facts, and only an unknown name makes a
/// bare new recipient. The preview says which name became which record.
#[test]
fn names_written_differently_link_to_the_register_and_the_catalogue() {
    let mut api = demo();
    let before = api.list_recipients().unwrap().len();
    let csv = format!(
        "{HEADER}\n\
         Communications,Send the annual report,,Members,Name; Email address,Mailchip (Processor); Zoom (Processor); Acme Printing Ltd (Processor),,,,,,Contract\n"
    );
    let preview = import_ico(&mut api, csv.as_bytes(), false, true).unwrap();
    let linked: Vec<(&str, &str, bool)> = preview
        .linked
        .iter()
        .map(|l| (l.written.as_str(), l.record.as_str(), l.from_catalogue))
        .collect();
    assert!(
        linked.contains(&("Mailchip", "The Rocket Science Group LLC", false)),
        "{linked:?}"
    );
    assert!(
        linked.contains(&("Zoom", "Zoom Communications, Inc.", true)),
        "{linked:?}"
    );
    assert_eq!(
        preview.new_recipients,
        vec!["Zoom Communications, Inc.", "Acme Printing Ltd"]
    );
    let recipients = api.list_recipients().unwrap();
    assert_eq!(recipients.len(), before + 2);
    let zoom = recipients
        .iter()
        .find(|r| r.fields.catalogue_id.as_deref() == Some("zoom"))
        .expect("Zoom comes with the catalogue's facts");
    assert_eq!(zoom.fields.country, "US");
}

#[test]
fn files_beyond_the_limits_are_refused_before_parsing() {
    let register = demo().export_register().unwrap();
    let xlsx = ico::xlsx(&register).unwrap();
    let small = Limits {
        max_unzipped: 1_000,
        ..Limits::default()
    };
    match read_xlsx(&xlsx, &small) {
        Err(SheetError::File(m)) => assert!(m.contains("unpacks to more than"), "{m}"),
        other => panic!("{other:?}"),
    }
    let few = Limits {
        max_rows: 3,
        ..Limits::default()
    };
    let csv = ico::csv(&register).unwrap();
    match read_csv(&csv, &few) {
        Err(SheetError::File(m)) => assert!(m.contains("at most 3"), "{m}"),
        other => panic!("{other:?}"),
    }
    let short = Limits {
        max_cell: 10,
        ..Limits::default()
    };
    assert!(matches!(read_csv(&csv, &short), Err(SheetError::Cells(_))));
    match read_csv(b"name,purpose\nx,y\n", &Limits::default()) {
        Err(SheetError::File(m)) => assert!(m.contains("No header row"), "{m}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        read_xlsx(b"PK not really a zip", &Limits::default()),
        Err(SheetError::File(_))
    ));
}

/// A minimal workbook with one sheet whose XML is `sheet` and whose shared
/// texts are `strings`, zipped as Excel does.
fn workbook(sheet: &str, strings: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Template" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings),
    ];
    for (name, body) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
const SHEET_TAIL: &str = "</sheetData></worksheet>";
const NO_STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"#;

/// The 4.8 KB spreadsheet that made calamine ask for 512 GiB and abort:
/// one cell in A1, one in XFD1048576. Refused by name, in a few KB.
#[test]
fn a_workbook_with_a_cell_at_the_far_corner_is_refused_without_allocating() {
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Business function</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>{SHEET_TAIL}"#
    );
    let bytes = workbook(&sheet, NO_STRINGS);
    assert!(bytes.len() < 5_000, "{} bytes", bytes.len());
    match read_xlsx(&bytes, &Limits::default()) {
        Err(SheetError::File(m)) => {
            assert!(m.contains("row 1048576, column 16384"), "{m}");
            assert!(m.contains("at most"), "{m}");
        }
        other => panic!("{other:?}"),
    }
    // The same through the whole import, as the app and the CLI call it:
    // refused, nothing written.
    let mut api = empty();
    assert!(import_ico(&mut api, &bytes, true, true).is_err());
    assert!(api.list_activities().unwrap().is_empty());
}

/// Found by the fuzzer: a cell reference no spreadsheet has (a column of
/// a hundred letters, a row of twelve digits) made calamine's position
/// arithmetic overflow. Refused by name before calamine reads the sheet.
#[test]
fn a_workbook_with_a_cell_reference_beyond_any_sheet_is_refused() {
    for reference in [
        format!("A{}8", "I".repeat(100)),
        "A999999999999".to_owned(),
        "XFE1".to_owned(),
        "A1048577".to_owned(),
    ] {
        let sheet = format!(
            r#"{SHEET_HEAD}<row r="1"><c r="{reference}" t="inlineStr"><is><t>Business function</t></is></c></row>{SHEET_TAIL}"#
        );
        match read_xlsx(&workbook(&sheet, NO_STRINGS), &Limits::default()) {
            Err(SheetError::File(m)) => {
                assert!(m.contains("which no spreadsheet has"), "{reference}: {m}")
            }
            other => panic!("{reference}: {other:?}"),
        }
    }
    // The same after XML an XML parser stops at but calamine reads past
    // (found by the fuzzer a second time).
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1" spans="1:1" spans="1:2"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A{}8" t="inlineStr"><is><t>y</t></is></c></row>{SHEET_TAIL}"#,
        "I".repeat(100)
    );
    match read_xlsx(&workbook(&sheet, NO_STRINGS), &Limits::default()) {
        Err(SheetError::File(m)) => assert!(m.contains("which no spreadsheet has"), "{m}"),
        other => panic!("{other:?}"),
    }
    // The extent and whole-row references a real workbook carries pass.
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:$XFD$1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Business function</t></is></c></row></sheetData></worksheet>"#;
    if let Err(SheetError::File(m)) = read_xlsx(&workbook(sheet, NO_STRINGS), &Limits::default()) {
        assert!(!m.contains("which no spreadsheet has"), "{m}");
    }
}

/// A shared-strings part that declares four billion texts (calamine
/// reserves room for them before reading one) is refused first.
#[test]
fn a_workbook_declaring_billions_of_texts_is_refused() {
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4000000000" uniqueCount="4000000000"><si><t>a</t></si></sst>"#;
    let sheet = format!(r#"{SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>{SHEET_TAIL}"#);
    match read_xlsx(&workbook(&sheet, strings), &Limits::default()) {
        Err(SheetError::File(m)) => assert!(m.contains("4000000000 different texts"), "{m}"),
        other => panic!("{other:?}"),
    }
}

/// A sheet written as people write it (starting at B3, with gaps) is read
/// at its real positions.
#[test]
fn cells_are_read_where_they_are() {
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="3"><c r="B3" t="inlineStr"><is><t>Business function</t></is></c><c r="C3" t="inlineStr"><is><t>Purpose of processing</t></is></c></row><row r="5"><c r="B5" t="inlineStr"><is><t>Events</t></is></c><c r="D5" t="n"><v>3</v></c></row>{SHEET_TAIL}"#
    );
    let bytes = workbook(&sheet, NO_STRINGS);
    // The ICO header must start in column A: this one does not, so the
    // table is not found; but nothing was misplaced or refused for size.
    match read_xlsx(&bytes, &Limits::default()) {
        Err(SheetError::File(m)) => assert!(m.contains("No header row"), "{m}"),
        other => panic!("{other:?}"),
    }
}

/// An ODS whose one cell says it repeats 16,384 columns in a row repeated
/// a million times: calamine would build 16 billion cells. Refused by
/// name before calamine reads it.
#[test]
fn an_ods_whose_repeats_spread_over_billions_of_cells_is_refused() {
    use std::io::Write;
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Template"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>Business function</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(steward_sheets::ico_import::is_ods(&bytes));
    let mut api = empty();
    let error = import_ico(&mut api, &bytes, true, true).unwrap_err();
    assert!(
        error.to_string().contains("spread over")
            && error.to_string().contains("Nothing was imported"),
        "{error}"
    );
    assert!(api.list_activities().unwrap().is_empty());
}
