//! The draft as Markdown (CommonMark). Every span is escaped, so text from
//! the register reads literally: `*`, `[`, `<script>` and `# ` at the start
//! of a line are shown, not interpreted. Placeholders are bold.

use super::{Group, PolicyDraft, Span, groups};

/// The whole draft, ending with a newline.
pub fn render(draft: &PolicyDraft) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&draft.title)));
    if let Some(effective) = &draft.effective {
        out.push_str(&format!("_{}_\n\n", escape(effective)));
    }
    for section in &draft.sections {
        out.push_str(&format!("## {}\n\n", escape(&section.heading)));
        for group in groups(&section.blocks) {
            match group {
                Group::Paragraph(spans) => out.push_str(&format!("{}\n\n", inline(spans, ""))),
                Group::Subheading(spans) => out.push_str(&format!("### {}\n\n", inline(spans, ""))),
                Group::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", inline(item, "  ")));
                    }
                    out.push('\n');
                }
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Spans as one paragraph; lines after the first are indented by `indent`
/// (to stay inside a list item).
fn inline(spans: &[Span], indent: &str) -> String {
    let mut out = String::new();
    for span in spans {
        let text = escape(&span.text);
        if span.gap.is_some() {
            out.push_str(&format!("**{text}**"));
        } else {
            out.push_str(&text);
        }
    }
    // A line break inside user text (an address) is a hard break.
    out.replace('\n', &format!("\\\n{indent}"))
}

/// `text` with every character that Markdown could read as syntax escaped
/// by a backslash (CommonMark allows escaping any ASCII punctuation), and
/// nothing else, so that the file stays easy to read and edit as text.
/// Parentheses, braces and `!` stay: with `[` and `]` escaped, no link or
/// image can form; `#` is syntax only at a line's start.
/// Line starts are escaped as well: a line of user text must not become a
/// heading, list, quote or rule.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        let mut at_start = true;
        let mut digits = 0usize;
        for c in line.chars() {
            let always = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
            );
            let at_line_start = at_start && matches!(c, '-' | '+' | '=' | ':' | '#');
            let after_digits = digits > 0 && at_start && matches!(c, '.' | ')');
            if always || at_line_start || after_digits {
                out.push('\\');
            }
            out.push(c);
            if c.is_ascii_digit() && at_start {
                digits += 1;
            } else {
                at_start = false;
            }
        }
    }
    out
}
