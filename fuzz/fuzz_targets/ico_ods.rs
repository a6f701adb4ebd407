//! The ICO spreadsheet import on ODS spreadsheets (LibreOffice's format),
//! structure-aware: the fuzzer's bytes are the `content.xml` of a real
//! spreadsheet, zipped with its mimetype, so that mutations reach Steward's
//! count of repeated rows and columns and calamine's ODS reader instead of
//! dying at the zip's checksum. Bytes that start with "PK" are also tried
//! as a whole file. It may refuse, never panic or allocate without bound
//! (libFuzzer's -rss_limit_mb fails the run on that).

#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use steward_fuzz::preview_ico;
use steward_sheets::ico_import::{Limits, read_ods};

fn spreadsheet(content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content).unwrap();
    zip.finish().unwrap().into_inner()
}

fn check(bytes: &[u8]) {
    let _ = read_ods(bytes, &Limits::default());
    preview_ico(bytes, true);
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
    }
    check(&spreadsheet(data));
});
