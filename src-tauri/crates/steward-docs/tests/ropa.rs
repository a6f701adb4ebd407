//! The record of processing activities as an auditor receives it: a PDF
//! whose text holds every Art. 30(1) element of the register, whose
//! structure qpdf accepts, which is the same for the same register and
//! time, and in which hostile text stays text.

use std::path::Path;
use std::process::Command;

use steward_api::{FixedClock, OrganisationInput, Steward};
use steward_docs::{Paper, RopaOptions, ropa_pdf};

const AT: &str = "2026-11-22T10:00:00Z";

fn demo() -> Steward {
    let mut api = Steward::open_in_memory(Box::new(FixedClock::new(AT.parse().unwrap()))).unwrap();
    api.load_demo().unwrap();
    api
}

fn pdf_of(api: &Steward) -> Vec<u8> {
    let options = RopaOptions {
        paper: Paper::A4,
        generated_at: AT.parse().unwrap(),
    };
    ropa_pdf(
        &api.export_register().unwrap(),
        &api.list_activity_reviews().unwrap(),
        &options,
    )
    .unwrap()
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
    let text = tool("pdftotext", &["-layout"], &pdf);
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
    ] {
        assert!(text.contains(expected), "the PDF text lacks {expected:?}");
    }
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
    api.update_organisation(org).unwrap();
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
