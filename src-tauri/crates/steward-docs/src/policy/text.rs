//! The policy's sentences, read from `assets/policy/<language>.toml`, and
//! how recorded facts fill them.
//!
//! A sentence is a template with `{names}`; [`Phrases::fill`] splits it into
//! [`Span`]s so that a placeholder (a missing fact) stays a span of its own
//! that every renderer can mark. Nothing here escapes: the renderers escape
//! every span, ours and the user's alike.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::Span;

include!(concat!(env!("OUT_DIR"), "/policy_languages.rs"));

/// One language's sentences, by `table.key`.
#[derive(Debug)]
pub(crate) struct Phrases {
    entries: BTreeMap<String, String>,
}

/// A value for a `{name}` of a sentence.
#[derive(Clone)]
pub(crate) enum Arg {
    Text(String),
    Spans(Vec<Span>),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<Vec<Span>> for Arg {
    fn from(spans: Vec<Span>) -> Self {
        Arg::Spans(spans)
    }
}

impl Phrases {
    /// The sentences of `language` (an ISO 639-1 code), or `None` when no
    /// `assets/policy/<language>.toml` was built in. Each file is parsed
    /// once, on first use, not on every draft.
    pub(crate) fn of(language: &str) -> Option<&'static Phrases> {
        static PARSED: LazyLock<Vec<(&str, Phrases)>> = LazyLock::new(|| {
            LANGUAGES
                .iter()
                .map(|(code, text)| {
                    let phrases =
                        Phrases::parse(text).expect("the policy text files are checked by a test");
                    (*code, phrases)
                })
                .collect()
        });
        PARSED
            .iter()
            .find(|(code, _)| *code == language)
            .map(|(_, p)| p)
    }

    pub(crate) fn languages() -> impl Iterator<Item = &'static str> {
        LANGUAGES.iter().map(|(code, _)| *code)
    }

    pub(crate) fn parse(text: &str) -> Result<Phrases, String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.to_string())?;
        let mut entries = BTreeMap::new();
        for (section, value) in table {
            let toml::Value::Table(keys) = value else {
                return Err(format!("[{section}] must be a table of sentences"));
            };
            for (key, value) in keys {
                let toml::Value::String(sentence) = value else {
                    return Err(format!("{section}.{key} must be a string"));
                };
                entries.insert(format!("{section}.{key}"), sentence);
            }
        }
        Ok(Phrases { entries })
    }

    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The sentence `key` as it is written. A key missing from the file is
    /// a bug that the language test catches; the key itself is shown then.
    pub(crate) fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.entries.get(key).map_or(key, String::as_str)
    }

    /// Whether `key` exists (for optional entries such as enum values).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    /// The sentence `key` with each `{name}` replaced by its argument. A
    /// name without an argument is left as written.
    pub(crate) fn fill(&self, key: &str, args: Vec<(&str, Arg)>) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut rest = self.get(key);
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            let name = &rest[open + 1..close];
            push_text(&mut spans, &rest[..open]);
            rest = &rest[close + 1..];
            match args.iter().find(|(n, _)| *n == name).map(|(_, a)| a) {
                Some(Arg::Text(text)) => {
                    // A value that ends a sentence itself ("… volunteers.")
                    // takes the place of the sentence's own full stop.
                    if text.ends_with(['.', '!', '?']) && rest.starts_with('.') {
                        rest = &rest[1..];
                    }
                    push_text(&mut spans, text);
                }
                Some(Arg::Spans(more)) => push_spans(&mut spans, more.clone()),
                None => push_text(&mut spans, &format!("{{{name}}}")),
            }
        }
        push_text(&mut spans, rest);
        spans
    }

    /// `items` as a list in words: "a", "a and b", "a, b and c".
    pub(crate) fn list(&self, items: &[String]) -> String {
        let separator = self.get("meta.list_separator");
        let and = self.get("meta.and");
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {and} {last}", init.join(separator)),
        }
    }
}

/// Appends spans: text merges into the last span when that is text too; a
/// placeholder or a link stays a span of its own.
pub(crate) fn push_spans(spans: &mut Vec<Span>, more: Vec<Span>) {
    for span in more {
        if span.gap.is_none() && span.link.is_none() {
            push_text(spans, &span.text);
        } else {
            spans.push(span);
        }
    }
}

/// Appends text, merging it into the last span when that is text too.
pub(crate) fn push_text(spans: &mut Vec<Span>, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.gap.is_none() && last.link.is_none() => last.text.push_str(text),
        _ => spans.push(Span::text(text)),
    }
}

/// The `{names}` a sentence uses, in order.
#[cfg(test)]
fn names(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_sentence_with_the_same_names() {
        let english = Phrases::of("en").expect("English is built in");
        for language in Phrases::languages() {
            let text = LANGUAGES.iter().find(|(c, _)| *c == language).unwrap().1;
            let phrases = Phrases::parse(text).unwrap_or_else(|e| panic!("{language}: {e}"));
            for (key, sentence) in english.keys() {
                assert!(phrases.has(key), "{language}.toml lacks {key}");
                let mut want = names(sentence);
                let mut have = names(phrases.get(key));
                want.sort_unstable();
                have.sort_unstable();
                assert_eq!(have, want, "{language}.toml: {key} uses other names");
            }
            for (key, _) in phrases.keys() {
                assert!(
                    english.has(key),
                    "{language}.toml has {key}, which en.toml lacks"
                );
            }
        }
    }

    #[test]
    fn filling_keeps_placeholders_as_their_own_spans() {
        let phrases = Phrases::parse(
            "[a]\nb = \"Write to {who} at {where}, {unknown}.\"\n[meta]\nand = \"and\"\nlist_separator = \", \"",
        )
        .unwrap();
        let gap = Span {
            text: "[?]".into(),
            gap: Some(0),
            link: None,
        };
        let spans = phrases.fill(
            "a.b",
            vec![
                ("who", "us {where}".into()),
                ("where", vec![gap.clone()].into()),
            ],
        );
        assert_eq!(
            spans,
            vec![
                Span::text("Write to us {where} at "),
                gap,
                Span::text(", {unknown}."),
            ]
        );
        // A name used twice is filled twice; a value's own full stop ends
        // the sentence.
        let twice = Phrases::parse("[a]\nb = \"{x} and {x}.\"").unwrap();
        assert_eq!(
            twice.fill("a.b", vec![("x", "Done.".into())]),
            vec![Span::text("Done. and Done.")]
        );
        assert_eq!(
            phrases.list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(phrases.list(&["a".into()]), "a");
    }
}
