//! The record of processing activities as an auditor receives it: a PDF
//! whose text holds every Art. 30(1) element of the register, whose
//! structure qpdf accepts, which is the same for the same register and
//! time, and in which hostile text stays text.

use std::path::Path;
use std::process::Command;

use steward_api::{ActivityStatus, FixedClock, OrganisationInput, Steward};
use steward_docs::{Paper, RopaOptions, ropa_for};

const AT: &str = "2026-11-22T10:00:00Z";

fn demo() -> Steward {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    api.load_demo().unwrap();
    api
}

fn default_options() -> RopaOptions {
    RopaOptions::new(Paper::A4, AT.parse().unwrap())
}

fn pdf_of(api: &Steward) -> Vec<u8> {
    ropa_for(api, &default_options()).unwrap()
}

/// Runs a poppler or qpdf tool (installed by .dev/install-deps).
fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (bash .dev/install-deps): {e}"));
    assert!(
        out.status.success(),
        "{name}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_record_holds_every_element_and_passes_qpdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "ropa.pdf", &pdf_of(&demo()));
    tool("qpdf", &["--check"], &pdf);
    // Values wrap in their column: read the text with its runs of blanks and
    // line breaks as single spaces.
    let text = tool("pdftotext", &["-layout"], &pdf);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Record of processing activities",
        "Riverside Community Garden Association",
        "Contents",
        "30(1)(a)",
        "30(1)(b)",
        "30(1)(c)",
        "30(1)(d)",
        "30(1)(e)",
        "30(1)(f)",
        "30(1)(g)",
        "Newsletter",
        "Send the monthly newsletter to subscribers",
        "Send the monthly newsletter to subscribers — Consent",
        "The Rocket Science Group LLC (Mailchimp)",
        "EU-U.S. Data Privacy Framework",
        "United States",
        "HMRC requires Gift Aid records",
        "Health data",
        "Retention schedule",
        "Page 1 of",
        "Generated 2026-11-22 10:00 UTC",
        "All 5 activities of the register",
        // the data-flow diagram: columns and a source → activity → recipient → country chain
        "Data flows",
        "Countries outside the EEA",
        "The people themselves",
        // The controller as it is (Art. 3), and the organisation-wide
        // measures shown with each activity, not "Not recorded".
        "Established in United Kingdom (GB)",
        "Art. 3(2)(a): established outside the EU, it offers goods or services to people in the EU",
        "Organisation-wide: Access control",
    ] {
        assert!(text.contains(expected), "the PDF text lacks {expected:?}");
    }
    assert!(
        !text.contains("Changes since"),
        "no history appendix unless asked for"
    );
}

/// PDF/A-2b: the XMP metadata names the part and conformance level, and the
/// document is tagged (a structure tree) for accessibility.
#[test]
fn the_record_is_pdf_a_2b_and_tagged() {
    let pdf = pdf_of(&demo());
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A part in the XMP"
    );
    assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(raw.contains("/StructTreeRoot"), "the PDF is not tagged");
    assert!(raw.contains("/MarkInfo"));
}

/// A long register continues its tables across pages, with the header row
/// repeated on each; an activity whose elements run over pages names itself
/// at the top of every page it continues on.
#[test]
fn tables_continue_across_pages_with_their_header() {
    let mut api = demo();
    let activity = api.list_activities().unwrap()[0].clone();
    for i in 0..60 {
        api.create_retention_rule(steward_api::RetentionRuleInput {
            activity_id: activity.id.clone(),
            data_category: format!("Archive box {i:02}"),
            criterion: "Until the box is reviewed".into(),
            ..Default::default()
        })
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "long.pdf", &pdf_of(&api));
    let text = tool("pdftotext", &[], &pdf);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| p.contains("Archive box"))
        .collect();
    // The retention schedule repeats its header row on every page.
    let schedule = pages.iter().filter(|p| p.contains("Counted from")).count();
    assert!(schedule >= 2, "the retention schedule should span pages");
    // The activity starts under its header row, then names itself at the top
    // of every further page.
    let activity_pages: Vec<&&str> = pages
        .iter()
        .filter(|p| !p.contains("Counted from"))
        .collect();
    assert!(activity_pages.len() >= 2, "the activity should span pages");
    assert!(activity_pages[0].contains("Recorded"));
    let continued = format!("{} (continued)", activity.fields.name);
    for page in &activity_pages[1..] {
        assert!(
            page.contains(&continued),
            "a page lacks {continued:?}: {page}"
        );
    }
}

#[test]
fn chinese_names_render_with_the_cjk_font() {
    let mut api = demo();
    let mut org: OrganisationInput = api.get_organisation().unwrap().fields;
    org.legal_name = "河畔社区花园协会".into();
    api.update_organisation(org, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "cjk.pdf", &pdf_of(&api));
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("河畔社区花园协会"), "{text}");
    let fonts = tool("pdffonts", &[], &pdf);
    assert!(fonts.contains("NotoSansCJK"), "{fonts}");
    for line in fonts.lines().skip(2) {
        assert!(
            line.contains(" yes yes "),
            "every font is embedded and subset: {line}"
        );
    }
}

/// A character no shipped font can draw (an emoji, a traditional-only
/// hanzi outside the subset) must not make the export fail: it is printed
/// as its code point.
#[test]
fn characters_without_a_glyph_are_printed_as_their_code_point() {
    let mut api = demo();
    let mut org: OrganisationInput = api.get_organisation().unwrap().fields;
    org.legal_name = "Garden 🌱 漢 club".into();
    api.update_organisation(org, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "emoji.pdf", &pdf_of(&api));
    tool("qpdf", &["--check"], &pdf);
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("Garden [U+1F331] [U+6F22] club"), "{text}");
}

#[test]
fn a_selection_keeps_only_the_chosen_activities() {
    let api = demo();
    let all = api.list_activities().unwrap();
    let active = all
        .iter()
        .filter(|a| a.fields.status == ActivityStatus::Active)
        .count();
    assert!(active > 0 && active < all.len(), "the demo mixes statuses");
    let options = RopaOptions {
        statuses: vec![ActivityStatus::Active],
        ..default_options()
    };
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "active.pdf", &ropa_for(&api, &options).unwrap());
    let text = tool("pdftotext", &[], &pdf);
    assert!(
        text.contains(&format!(
            "{active} of {} activities: status active",
            all.len()
        )),
        "{text}"
    );
    for a in &all {
        let heading_count = text.matches(&a.fields.name).count();
        if a.fields.status == ActivityStatus::Active {
            assert!(heading_count > 0, "{} is missing", a.fields.name);
        } else {
            assert_eq!(heading_count, 0, "{} should be left out", a.fields.name);
        }
    }
}

#[test]
fn the_history_appendix_lists_changes_since_the_date() {
    let mut api = demo();
    api.set_device_name("Alex's laptop").unwrap();
    let id = api.list_activities().unwrap()[0].id.clone();
    let mut activity = api.get_activity(&id).unwrap().fields;
    activity.owner = "Treasurer Jo".into();
    api.update_activity(&id, activity, None).unwrap();
    let options = RopaOptions {
        history_since: Some("2026-11-01T00:00:00Z".parse().unwrap()),
        ..default_options()
    };
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(
        dir.path(),
        "history.pdf",
        &ropa_for(&api, &options).unwrap(),
    );
    let text = tool("pdftotext", &[], &pdf);
    assert!(
        text.contains("Changes since 2026-11-01 00:00 UTC"),
        "{text}"
    );
    // The first mention is the table of contents; the second, the appendix.
    let (start, _) = text.match_indices("Changes since").nth(1).unwrap();
    let appendix = &text[start..];
    assert!(
        appendix.contains("Owner: Secretary of the board"),
        "{appendix}"
    );
    assert!(appendix.contains("Treasurer Jo"), "{appendix}");
    assert!(appendix.contains("Alex's laptop"), "{appendix}");
    // Links read as names, not ids.
    assert!(
        appendix.contains("Source organisation: Eventbrite, Inc."),
        "{appendix}"
    );
    assert!(!appendix.contains("Activity id"), "{appendix}");

    let later = RopaOptions {
        history_since: Some("2026-12-01T00:00:00Z".parse().unwrap()),
        ..default_options()
    };
    let pdf = write(dir.path(), "none.pdf", &ropa_for(&api, &later).unwrap());
    let text = tool("pdftotext", &[], &pdf);
    assert!(text.contains("No changes were recorded in this period."));
}

#[test]
fn the_same_register_and_time_give_the_same_bytes() {
    let api = demo();
    assert!(pdf_of(&api) == pdf_of(&api));
}

#[test]
fn hostile_text_is_printed_as_it_was_typed() {
    let mut api = demo();
    let hostile = "Foundation #set text(red) [x] $y$ <script>alert(1)</script> \\ 漢字";
    let mut org: OrganisationInput = api.get_organisation().unwrap().fields;
    org.legal_name = hostile.into();
    api.update_organisation(org, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "hostile.pdf", &pdf_of(&api));
    let text = tool("pdftotext", &[], &pdf);
    assert!(
        text.contains("Foundation #set text(red) [x] $y$ <script>alert(1)</script>"),
        "{text}"
    );
}

/// Writes the demo record to `STEWARD_ARTIFACTS` (or tests/artifacts) for
/// people to look at: `pdftoppm -png` turns it into pages.
#[test]
fn the_demo_record_is_kept_as_an_artefact() {
    let dir = std::env::var_os("STEWARD_ARTIFACTS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/artifacts"));
    std::fs::create_dir_all(&dir).unwrap();
    write(&dir, "ropa-demo.pdf", &pdf_of(&demo()));
}

/// The summary shows what the dashboard shows: the open findings of the
/// checks, and the acknowledged ones with their reasons.
#[test]
fn the_summary_lists_open_and_acknowledged_findings() {
    let mut api = demo();
    let findings = api.list_findings().unwrap();
    let notice = findings
        .iter()
        .find(|f| f.check == "sourceWithoutNotice")
        .unwrap()
        .clone();
    let before = {
        let dir = tempfile::tempdir().unwrap();
        let pdf = write(dir.path(), "ropa.pdf", &pdf_of(&api));
        tool("pdftotext", &[], &pdf)
    };
    assert!(before.contains("Open findings"), "{before}");
    assert!(before.contains("Art. 14(3)"), "{before}");
    assert!(!before.contains("Acknowledged findings"));

    api.acknowledge_finding(&notice, "Eventbrite shows our notice at checkout.")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "ropa.pdf", &pdf_of(&api));
    let after = tool("pdftotext", &[], &pdf).replace('\n', " ");
    assert!(after.contains("Acknowledged findings"), "{after}");
    assert!(
        after.contains("Eventbrite shows our notice at checkout. (2026-11-22)"),
        "{after}"
    );
}

/// The same problem on several records is one row of the summary that
/// names them all, not one row per record.
#[test]
fn the_same_finding_on_several_activities_is_one_row() {
    let mut api = demo();
    for name in ["Choir rehearsals", "Bake sale"] {
        api.create_activity(steward_api::ActivityInput {
            name: name.into(),
            ..steward_api::ActivityInput::default()
        })
        .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = write(dir.path(), "ropa.pdf", &pdf_of(&api));
    let text = tool("pdftotext", &[], &pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let owner = "No one owns this entry: name the person or role who keeps it up to date.";
    assert_eq!(flat.matches(owner).count(), 1, "{flat}");
    assert!(flat.contains("Bake sale, Choir rehearsals"), "{flat}");
}
