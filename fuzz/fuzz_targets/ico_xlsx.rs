//! The ICO spreadsheet import on workbooks, structure-aware: the fuzzer's
//! bytes are the XML of the worksheet and of the shared texts (split at the
//! first NUL byte), zipped with the rest of a real workbook, so that the
//! mutations reach calamine's XML readers and Steward's bounds instead of
//! dying at the zip's checksum. Bytes that start with "PK" are also tried
//! as a whole file. It may refuse, never panic or allocate without bound
//! (libFuzzer's -rss_limit_mb fails the run on that).

#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use steward_fuzz::preview_ico;
use steward_sheets::ico_import::{Limits, read_xlsx};

const PARTS: [(&str, &str); 4] = [
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
];

fn workbook(sheet: &[u8], strings: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in PARTS {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet).unwrap();
    zip.start_file("xl/sharedStrings.xml", options).unwrap();
    zip.write_all(strings).unwrap();
    zip.finish().unwrap().into_inner()
}

fn check(bytes: &[u8]) {
    let _ = read_xlsx(bytes, &Limits::default());
    preview_ico(bytes, true);
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
    }
    let (sheet, strings) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    check(&workbook(sheet, strings));
});
