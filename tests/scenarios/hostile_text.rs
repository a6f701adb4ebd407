//! User text stays text in every export: the hostile corpus
//! (`tests/fixtures/hostile-strings.txt`) saved into every kind of
//! free-text field (`steward_tests::hostile`), then the policy as Markdown
//! and HTML, the record as a PDF, and the register as CSV and XLSX. Each
//! string comes out as the literal text it is, or (in a spreadsheet) with
//! the one apostrophe that keeps a formula from running; no string becomes
//! markup, a link or a formula. The forms refuse only what no form accepts
//! (control and text-direction characters, a tab in a one-line field), each
//! under the field it concerns. The real window is walked with the same
//! register in `tests/e2e/hostile.rs`.

use std::collections::BTreeSet;

use steward_api::{FixedClock, Steward};
use steward_docs::{Paper, PolicyFormat, RopaOptions};
use steward_tests::hostile::{HostileRegister, hostile_register, hostile_strings};

const AT: &str = "2026-12-01T10:00:00Z";

fn register() -> (Steward, HostileRegister) {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    let hostile = hostile_register(&mut api);
    (api, hostile)
}

/// Whitespace as a reader sees it: runs of it are one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

#[test]
fn the_forms_refuse_only_what_no_form_accepts_and_keep_everything_else() {
    let (_, hostile) = register();
    let strings = hostile_strings();
    for r in &hostile.refused {
        let forbidden = r
            .text
            .chars()
            .any(|c| steward_core::text::forbidden_anywhere(&c.to_string()).is_some())
            || r.text.contains('\t');
        assert!(
            forbidden,
            "{}.{} refused {:?}: {} ({})",
            r.kind, r.field, r.text, r.message, r.error_field
        );
        assert!(
            r.error_field.starts_with(r.field),
            "the refusal names the field: {r:?}"
        );
    }
    // Every string a form could hold was kept somewhere, and in many fields.
    for s in &strings {
        let ok = s
            .chars()
            .all(|c| steward_core::text::forbidden_anywhere(&c.to_string()).is_none());
        // The forms keep text trimmed and in NFC.
        let as_kept = steward_core::text::normalise(s);
        let kept = hostile.saved.iter().filter(|x| x.text == as_kept).count();
        if ok {
            assert!(kept >= 20, "{s:?} was kept in only {kept} fields");
        } else {
            assert_eq!(kept, 0, "{s:?} holds a forbidden character but was kept");
        }
    }
}

/// The tags of an HTML document as written (not escaped text).
fn raw_tags(html: &str) -> Vec<&str> {
    let mut tags = vec![];
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        tags.push(&rest[start..start + len + 1]);
        rest = &rest[start + len + 1..];
    }
    tags
}

#[test]
fn the_policy_shows_every_string_as_text_in_markdown_and_html() {
    let (api, hostile) = register();
    let register = api.export_register().unwrap();
    let draft = steward_docs::policy::draft(&register);
    let at: jiff::Timestamp = AT.parse().unwrap();

    // Markdown: the person's text is text, never markup of its own.
    let markdown = String::from_utf8(
        steward_docs::policy_document(&draft, PolicyFormat::Markdown, at).unwrap(),
    )
    .unwrap();
    let mut rendered = String::new();
    for event in pulldown_cmark::Parser::new(&markdown) {
        use pulldown_cmark::{Event, Tag};
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("user text became HTML in the Markdown: {html:?}")
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                assert!(
                    !dest_url.contains("evil.example")
                        && !dest_url.to_lowercase().contains("javascript:"),
                    "user text became a link: {dest_url}"
                );
            }
            Event::Text(t) | Event::Code(t) => rendered.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => rendered.push(' '),
            _ => {}
        }
    }
    let rendered = squeeze(&rendered);

    // HTML: every tag and attribute is the template's.
    let html =
        String::from_utf8(steward_docs::policy_document(&draft, PolicyFormat::Html, at).unwrap())
            .unwrap();
    // No saved string appears raw where it holds markup (it is escaped),
    // and no link leads to a script.
    for s in hostile.saved.iter().map(|s| s.text.as_str()) {
        if s.contains('<') || s.contains('>') {
            assert!(!html.contains(s), "the HTML holds {s:?} unescaped");
        }
    }
    for tag in raw_tags(&html) {
        let tag = tag.to_lowercase();
        assert!(
            !tag.contains("javascript:") && !tag.contains(" on") && !tag.contains("evil.example"),
            "the HTML has a tag made of user text: {tag}"
        );
    }
    let html_text = squeeze(&unescape_html(&html));

    // The policy states the purposes and the person's own texts: each of
    // those strings is there, literally.
    let mut checked = 0;
    for s in hostile
        .texts_in("purpose", "description")
        .into_iter()
        .chain(hostile.texts_in("policyEdit", "text"))
    {
        let s = squeeze(s);
        assert!(html_text.contains(&s), "the HTML policy lacks {s:?}");
        assert!(
            rendered.contains(&s),
            "the Markdown policy, read, lacks {s:?}"
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} strings were checked");
}

#[test]
fn the_record_pdf_prints_every_name_as_text() {
    let Ok(probe) = std::process::Command::new("pdftotext").arg("-v").output() else {
        panic!("pdftotext (Debian poppler-utils) is needed: bash .dev/install-deps installs it");
    };
    assert!(probe.status.success() || !probe.stderr.is_empty());
    let (api, hostile) = register();
    let options = RopaOptions::new(Paper::A4, AT.parse().unwrap());
    let pdf = steward_docs::ropa_for(&api, &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = squeeze(&String::from_utf8_lossy(&out.stdout));
    // Names of plain printable text (invisible and combining characters
    // are drawn but do not survive text extraction the same way).
    let mut checked = 0;
    for s in hostile.texts_in("activity", "name") {
        if !s.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
            continue;
        }
        let s = squeeze(s);
        assert!(text.contains(&s), "the record lacks the activity {s:?}");
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} names were checked");
}

/// The spreadsheet cells the ICO export writes, read back as text.
fn cells_of_csv(bytes: &[u8]) -> BTreeSet<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

#[test]
fn the_spreadsheets_hold_every_string_as_text_and_no_formula() {
    let (api, hostile) = register();
    let register = api.export_register().unwrap();
    let csv_cells = cells_of_csv(&steward_sheets::ico::csv(&register).unwrap());
    let xlsx = steward_sheets::ico::xlsx(&register).unwrap();
    let table = steward_sheets::ico_import::read_xlsx(&xlsx, &Default::default()).unwrap();
    let xlsx_cells: BTreeSet<String> = table
        .rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().cloned())
        .collect();
    let formula = |s: &str| s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let mut checked = 0;
    for s in hostile.texts_in("activity", "name") {
        let in_csv = if formula(s) {
            format!("'{s}")
        } else {
            s.to_owned()
        };
        assert!(
            csv_cells.contains(&in_csv),
            "the CSV lacks the cell {in_csv:?}"
        );
        assert!(xlsx_cells.contains(s), "the XLSX lacks the cell {s:?}");
        checked += 1;
    }
    assert!(checked >= 40);
    // No cell of the CSV starts a formula.
    assert!(
        csv_cells.iter().all(|c| !formula(c)),
        "a CSV cell starts a formula"
    );
    // The XLSX has no formula at all: its sheet has no <f> element.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        !sheet.contains("<f>") && !sheet.contains("<f "),
        "the XLSX holds a formula"
    );
}
