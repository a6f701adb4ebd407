//! The draft as one self-contained HTML page: styles inline, no script, no
//! external resource. Every span is escaped as HTML text; placeholders are
//! marked (`<mark class="placeholder">`); the addresses records hold (a
//! web page, an e-mail address) are links, and no other text is.

use super::{Group, PolicyDraft, Span, groups};

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.55;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}h1{font-size:1.8rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1.05rem}mark.placeholder{background:#fff3cd;color:#7a4b00;font-weight:600}.effective{color:#555;font-style:italic}";

/// The whole page.
pub fn render(draft: &PolicyDraft) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        attribute(&draft.language),
        text(&draft.title),
        text(&draft.title)
    ));
    if let Some(effective) = &draft.effective {
        out.push_str(&format!("<p class=\"effective\">{}</p>\n", text(effective)));
    }
    for section in &draft.sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            attribute(&section.id),
            text(&section.heading)
        ));
        for group in groups(&section.blocks) {
            match group {
                Group::Paragraph(spans) => out.push_str(&format!("<p>{}</p>\n", inline(spans))),
                Group::Subheading(spans) => out.push_str(&format!("<h3>{}</h3>\n", inline(spans))),
                Group::List(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", inline(item)));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn inline(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let escaped = text(&span.text).replace('\n', "<br>");
        if span.gap.is_some() {
            out.push_str(&format!("<mark class=\"placeholder\">{escaped}</mark>"));
        } else if let Some(href) = &span.link {
            out.push_str(&format!("<a href=\"{}\">{escaped}</a>", attribute(href)));
        } else {
            out.push_str(&escaped);
        }
    }
    out
}

fn text(value: &str) -> String {
    html_escape::encode_text(value).into_owned()
}

fn attribute(value: &str) -> String {
    html_escape::encode_double_quoted_attribute(value).into_owned()
}
