//! Rules for user-entered text, shared by every entity.
//!
//! Text is trimmed and put in Unicode NFC so that the same name typed on two
//! laptops compares equal. Control characters (other than line breaks where a
//! field allows several lines) and bidirectional overrides are refused: they
//! can hide or reorder what an auditor reads.

use unicode_normalization::UnicodeNormalization;

use crate::validation::Invalid;

/// How much text a field accepts and whether it may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextRule {
    /// The user-facing label, used in messages ("Name", "Contact email").
    pub label: &'static str,
    pub max_chars: usize,
    pub multiline: bool,
    pub required: bool,
}

impl TextRule {
    pub const fn line(label: &'static str, max_chars: usize) -> Self {
        TextRule {
            label,
            max_chars,
            multiline: false,
            required: false,
        }
    }

    pub const fn paragraph(label: &'static str, max_chars: usize) -> Self {
        TextRule {
            label,
            max_chars,
            multiline: true,
            required: false,
        }
    }

    pub const fn required(self) -> Self {
        TextRule {
            required: true,
            ..self
        }
    }
}

/// Trims, normalises to NFC and unifies line breaks to `\n`.
pub fn normalise(input: &str) -> String {
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    unified.trim().nfc().collect()
}

/// Normalises `input` and checks it against `rule`, recording any problem
/// under `field`. Returns the normalised text (also when invalid, so that a
/// caller can keep checking other fields).
pub fn check(field: &str, input: &str, rule: TextRule, invalid: &mut Invalid) -> String {
    let text = normalise(input);
    if rule.required && text.is_empty() {
        invalid.push(
            field,
            format!("{} is required: please fill it in.", rule.label),
        );
        return text;
    }
    let chars = text.chars().count();
    if chars > rule.max_chars {
        invalid.push(
            field,
            format!(
                "{} is too long ({chars} characters): shorten it to at most {} characters.",
                rule.label, rule.max_chars
            ),
        );
    }
    if let Some(bad) = text.chars().find(|c| is_forbidden(*c, rule.multiline)) {
        let what = if is_bidi_control(bad) {
            "an invisible text-direction character"
        } else if bad == '\n' {
            "a line break"
        } else {
            "an invisible control character"
        };
        invalid.push(
            field,
            format!(
                "{} contains {what} (U+{:04X}): remove it, for example by retyping the text instead of pasting it.",
                rule.label, bad as u32
            ),
        );
    }
    text
}

/// The first character of `text` that no field of any form accepts (a
/// control character other than a line break or tab, or a text-direction
/// override), if any: what a change file may never bring in.
pub fn forbidden_anywhere(text: &str) -> Option<char> {
    text.chars().find(|c| is_forbidden(*c, true))
}

fn is_forbidden(c: char, multiline: bool) -> bool {
    if c == '\n' || c == '\t' {
        return !multiline;
    }
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional embedding, override and isolate characters (the "Trojan
/// Source" set), plus the implicit marks that serve no purpose in a register.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Checks each item of a list under `field[i]`: non-empty, within `rule`,
/// and not repeating an earlier item (case-insensitively). Returns the
/// normalised items.
pub fn check_list(
    field: &str,
    items: &[String],
    rule: TextRule,
    invalid: &mut Invalid,
) -> Vec<String> {
    let mut checked: Vec<String> = Vec::with_capacity(items.len());
    for (i, raw) in items.iter().enumerate() {
        let item_field = format!("{field}[{i}]");
        let item = check(&item_field, raw, rule, invalid);
        if item.is_empty() {
            invalid.push(
                &item_field,
                format!(
                    "{} {} is empty: fill it in, or remove this line.",
                    rule.label,
                    i + 1
                ),
            );
        } else if checked
            .iter()
            .any(|c| c.to_lowercase() == item.to_lowercase())
        {
            invalid.push(
                &item_field,
                format!(
                    "{} {} repeats an earlier one: remove the duplicate.",
                    rule.label,
                    i + 1
                ),
            );
        }
        checked.push(item);
    }
    checked
}

/// An optional reference to another record: trimmed, and `None` when empty.
pub fn optional_id(id: &Option<String>) -> Option<String> {
    id.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// An optional calendar date in ISO 8601 form (`YYYY-MM-DD`). Other forms
/// are refused rather than guessed: 03/04/2025 means different days in
/// different countries. Empty means "not recorded". An invalid date is
/// reported and returned as `None`, so that rules comparing dates do not
/// add a second message about it.
pub fn check_date(
    field: &str,
    label: &str,
    input: Option<&str>,
    invalid: &mut Invalid,
) -> Option<String> {
    let text = input.map(str::trim).filter(|t| !t.is_empty())?;
    let well_formed = text.len() == 10
        && text.as_bytes()[4] == b'-'
        && text.as_bytes()[7] == b'-'
        && text.parse::<jiff::civil::Date>().is_ok();
    if !well_formed {
        invalid.push(
            field,
            format!(
                "{label} \"{text}\" is not a date in the form YYYY-MM-DD (for example 2025-04-03)."
            ),
        );
        return None;
    }
    Some(text.to_owned())
}

/// An optional web address, `https://` or `http://` (see [`is_web_url`]):
/// many organisations' privacy policies are still served over http.
pub fn check_https_url(
    field: &str,
    label: &'static str,
    input: &str,
    invalid: &mut Invalid,
) -> String {
    let url = check(field, input, TextRule::line(label, 2000), invalid);
    if !url.is_empty() && !is_web_url(&url) {
        invalid.push(
            field,
            format!("{label} must be a web address starting with https:// (or http://), for example https://example.org/privacy."),
        );
    }
    url
}

/// An absolute `https://` or `http://` URL with a host: a web page, never
/// a script, a file or another scheme.
pub fn is_web_url(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| {
        matches!(u.scheme(), "https" | "http") && u.host_str().is_some_and(|h| !h.is_empty())
    })
}

/// An absolute `https://` URL with a host: the only kind of link Steward
/// stores for opening outside the app.
pub fn is_https_url(text: &str) -> bool {
    url::Url::parse(text)
        .is_ok_and(|u| u.scheme() == "https" && u.host_str().is_some_and(|h| !h.is_empty()))
}

/// A plausible email address: one `@`, a non-empty local part and a domain
/// with a dot and no spaces. Deliberately permissive; deliverability is not
/// something a register can check.
pub fn is_plausible_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_one(input: &str, rule: TextRule) -> Result<String, String> {
        let mut invalid = Invalid::default();
        let text = check("f", input, rule, &mut invalid);
        invalid.into_result(text).map_err(|e| e.to_string())
    }

    #[test]
    fn text_rules() {
        let line = TextRule::line("Name", 10);
        let para = TextRule::paragraph("Notes", 10);
        let cases: &[(&str, TextRule, Result<&str, &str>)] = &[
            ("  Members  ", line, Ok("Members")),
            ("Cafe\u{301}", line, Ok("Caf\u{e9}")),
            ("", line.required(), Err("Name is required")),
            ("   ", line.required(), Err("Name is required")),
            ("", line, Ok("")),
            ("a\nb", line, Err("a line break")),
            ("a\r\nb", para, Ok("a\nb")),
            ("a\u{7}b", para, Err("invisible control character (U+0007)")),
            (
                "abc\u{202E}fed",
                line,
                Err("text-direction character (U+202E)"),
            ),
            ("01234567890", line, Err("too long (11 characters)")),
            ("会员管理", line, Ok("会员管理")),
        ];
        for (input, rule, expected) in cases {
            let got = check_one(input, *rule);
            match (expected, &got) {
                (Ok(want), Ok(have)) => assert_eq!(have, want, "input {input:?}"),
                (Err(want), Err(have)) => {
                    assert!(
                        have.contains(want),
                        "input {input:?}: {have:?} lacks {want:?}"
                    )
                }
                _ => panic!("input {input:?}: expected {expected:?}, got {got:?}"),
            }
        }
    }

    #[test]
    fn dates_must_be_iso_8601() {
        let cases = [
            (Some("2025-04-03"), Ok(Some("2025-04-03"))),
            (Some(" 2025-04-03 "), Ok(Some("2025-04-03"))),
            (None, Ok(None)),
            (Some(""), Ok(None)),
            (Some("03/04/2025"), Err("YYYY-MM-DD")),
            (Some("2025-4-3"), Err("YYYY-MM-DD")),
            (Some("2025-02-29"), Err("YYYY-MM-DD")),
            (Some("2024-02-29"), Ok(Some("2024-02-29"))),
            (Some("2025-04-03T10:00"), Err("YYYY-MM-DD")),
        ];
        for (input, expected) in cases {
            let mut invalid = Invalid::default();
            let got = check_date("d", "Date", input, &mut invalid);
            match expected {
                Ok(want) => {
                    assert!(invalid.errors.is_empty(), "{input:?}: {invalid}");
                    assert_eq!(got.as_deref(), want);
                }
                Err(fragment) => assert!(invalid.to_string().contains(fragment), "{input:?}"),
            }
        }
    }

    #[test]
    fn only_https_links_are_accepted() {
        assert!(is_https_url("https://example.org/privacy"));
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "https://",
            "example.org",
            "mailto:a@b.org",
            "file:///etc/passwd",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses_are_http_or_https_pages() {
        for ok in [
            "https://example.org/privacy",
            "http://www.example.org/privacy.html",
        ] {
            assert!(is_web_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://",
            "example.org",
            "mailto:a@b.org",
            "file:///etc/passwd",
            "ftp://example.org/policy",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn email_plausibility() {
        for ok in ["privacy@example.org", "a.b+c@sub.example.co.uk"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "",
            "privacy",
            "@example.org",
            "a@b",
            "a@@b.org",
            "a b@c.org",
            "a@.org",
            "a@org.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
