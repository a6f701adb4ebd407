//! The phrases people write, read into Steward's words.

use steward_sheets::phrases::*;

#[test]
fn legal_bases_by_words_abbreviation_article_and_typo() {
    for (text, want) in [
        ("Legitimate interests", vec!["legitimateInterests"]),
        ("LI", vec!["legitimateInterests"]),
        ("Art 6(1)(f)", vec!["legitimateInterests"]),
        ("Art. 6 (1) (b) – contract (membership)", vec!["contract"]),
        ("consent", vec!["consent"]),
        ("Legal obligation (HMRC)", vec!["legalObligation"]),
        ("public task", vec!["publicTask"]),
        ("Vital interests", vec!["vitalInterests"]),
        ("Legitamate interest", vec!["legitimateInterests"]),
        ("Cons.", vec!["consent"]),
        (
            "Vital interests / consent",
            vec!["vitalInterests", "consent"],
        ),
        ("Berechtigtes Interesse", vec!["legitimateInterests"]),
        ("Public?", vec![]),
        ("Art 16(1)(a)", vec![]),
    ] {
        assert_eq!(legal_bases(text), want, "{text}");
    }
}

#[test]
fn mechanisms_roles_and_countries() {
    assert_eq!(mechanisms("EU-US Data Privacy Framework"), ["dpf"]);
    assert_eq!(mechanisms("DPF + SCCs"), ["dpf", "sccs"]);
    assert_eq!(
        mechanisms("EU SCCs + UK Addendum"),
        ["sccs", "supervisoryAuthorityClauses"]
    );
    assert_eq!(mechanisms("IDTA"), ["supervisoryAuthorityClauses"]);
    assert_eq!(mechanisms("?"), Vec::<String>::new());
    assert_eq!(roles("web analytics, processor"), ["processor"]);
    assert_eq!(roles("joint controller"), ["jointController"]);
    assert_eq!(roles("sub-processor"), ["subProcessor"]);
    assert_eq!(country("USA").as_deref(), Some("US"));
    assert_eq!(country("UK").as_deref(), Some("GB"));
    assert_eq!(country("Deutschland (Leipzig)").as_deref(), Some("DE"));
    assert_eq!(country("United States (US)").as_deref(), Some("US"));
    assert_eq!(country("Norway").as_deref(), Some("NO"));
    assert_eq!(country("ie").as_deref(), Some("IE"));
    assert_eq!(country("Atlantis"), None);
}

#[test]
fn yes_no_unknown_periods_and_triggers() {
    for y in ["Yes", "Y", "✓", "ja", "OUI"] {
        assert!(is_yes(y), "{y}");
    }
    for n in [
        "No",
        "N",
        "✗",
        "nein",
        "n/a",
        "None",
        "keine / none (EU only)",
    ] {
        assert!(is_no(n), "{n}");
    }
    for u in ["?", "TBC", "n/k", "don't know"] {
        assert!(is_unknown(u), "{u}");
    }
    assert_eq!(period("2 years"), Some((2, "years".into(), String::new())));
    assert_eq!(
        period("10 Jahre"),
        Some((10, "years".into(), String::new()))
    );
    assert_eq!(
        period("six months after the event"),
        Some((6, "months".into(), "after the event".into()))
    );
    assert_eq!(period("until unsubscribe"), None);
    assert_eq!(
        trigger("after the end of the tax year").as_deref(),
        Some("the tax year")
    );
    assert_eq!(trigger("after they leave").as_deref(), Some("they leave"));
}

#[test]
fn headers_people_write() {
    for (header, key) in [
        ("Business function", "function"),
        ("Bereich / Business function", "function"),
        ("Purpose of processing", "purpose"),
        ("Whose data?", "individuals"),
        (
            "Names of third countries or international organisations that personal data are transferred to (if applicable)",
            "countries",
        ),
        ("Names of third countries", "countries"),
        (
            "Article 9 condition for processing special category data",
            "art9",
        ),
        ("Activity name (Steward)", "name"),
        ("Retention schedule (if possible)", "retention"),
        ("The source of the personal data (if applicable)", "source"),
    ] {
        assert_eq!(column(header).as_deref(), Some(key), "{header}");
    }
    assert_eq!(column("Notizen"), None);
}
