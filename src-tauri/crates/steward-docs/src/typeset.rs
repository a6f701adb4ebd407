//! The one PDF pipeline of Steward's documents: a Typst template and its
//! data (JSON) in, PDF/A-2b bytes out. The record of processing activities
//! and the privacy policy both go through [`pdf`].

use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::{DocsError, world};

/// Typesets `template` with `data` as its `data.json`. Strings the shipped
/// fonts cannot draw are replaced first (see [`world::drawable`]).
pub(crate) fn pdf(
    template: &str,
    mut data: serde_json::Value,
    generated_at: jiff::Timestamp,
    ident: &str,
) -> Result<Vec<u8>, DocsError> {
    only_drawable(&mut data);
    let json = serde_json::to_vec(&data).map_err(|e| DocsError(e.to_string()))?;
    let world = world::ReportWorld::new(template, json, generated_at);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| DocsError(diagnostics(&errors)))?;
    // The layout's memo cache is not needed to write the PDF: free it first,
    // so that the two do not add up to the peak.
    drop(world);
    typst::comemo::evict(0);
    let pdf_options = PdfOptions {
        ident: typst::foundations::Smart::Custom(ident.into()),
        timestamp: Some(world::pdf_timestamp(generated_at)),
        // PDF/A-2b: archivable, every font embedded, an XMP `pdfaid` record.
        standards: PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| DocsError(e.message().to_string()))?,
        ..PdfOptions::default()
    };
    let pdf =
        typst_pdf::pdf(&document, &pdf_options).map_err(|errors| DocsError(diagnostics(&errors)));
    drop(document);
    // Typst memoises layout across compilations; the app makes a document
    // now and then, so the cache would only hold memory until it quits.
    typst::comemo::evict(0);
    pdf
}

/// Rewrites every string of the data with [`world::drawable`].
fn only_drawable(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            if let std::borrow::Cow::Owned(fixed) = world::drawable(s) {
                *s = fixed;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(only_drawable),
        serde_json::Value::Object(map) => map.values_mut().for_each(only_drawable),
        _ => {}
    }
}

fn diagnostics(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
