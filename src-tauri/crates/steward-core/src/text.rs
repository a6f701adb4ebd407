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
