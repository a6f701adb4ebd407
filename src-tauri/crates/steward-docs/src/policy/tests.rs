//! Unit tests of the renderers' escaping; the draft itself is tested
//! through the register in `tests/policy.rs`.

use super::markdown::escape;

/// The text a CommonMark parser reads back from `markdown`, and whether it
/// found any syntax other than paragraphs, text and breaks.
fn read_back(markdown: &str) -> (String, Vec<String>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut syntax = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) => text.push_str(&t),
            Event::HardBreak | Event::SoftBreak => text.push('\n'),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            other => syntax.push(format!("{other:?}")),
        }
    }
    (text, syntax)
}

#[test]
fn markdown_escaping_keeps_every_character_literal() {
    let cases = [
        "*bold* _it_ `code` [link](https://evil.example) <script>alert(1)</script>",
        "# Heading",
        "- item",
        "+ item",
        "1. first",
        "2) second",
        "> quote",
        "=== setext",
        "---",
        "a & b &amp; c &#169;",
        "| table | cell |",
        "~~strike~~ ![img](x.png) \\ back\\slash",
        "line one\n# line two\n- line three\n    indented",
        "{{ template }} ${x} %s",
        "https://example.org/a_b_c?x=1&y=2",
    ];
    for case in cases {
        let (text, syntax) = read_back(&escape(case));
        let expected: String = case
            .split('\n')
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(text, expected, "escaped as {:?}", escape(case));
        assert!(syntax.is_empty(), "{case:?} became {syntax:?}");
    }
}
