//! What people write in a register kept by hand, and which of Steward's
//! values it means: "LI", "Art 6(1)(f)" and "Legitamate interest" are the
//! legal basis Legitimate interests; "USA" is the United States; "SCCs" are
//! standard contractual clauses; "nein" and "✗" are no.
//!
//! The phrases are data, not code: `assets/import/phrases.<language>.json`,
//! one file per language in the same shape, all read together. Comparison
//! folds case and punctuation and matches whole words, so "li" is found in
//! "Contract / LI" but not in "public".
//!
//! A cell may name several values ("Vital interests / consent"); the caller
//! decides what several means (for a legal basis: undecided, kept as
//! written).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;
use steward_core::reference;

const FILES: [&str; 3] = [
    include_str!("../../../../assets/import/phrases.en.json"),
    include_str!("../../../../assets/import/phrases.de.json"),
    include_str!("../../../../assets/import/phrases.fr.json"),
];

/// One language's phrases (see the `about` of `phrases.en.json`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    language: String,
    #[allow(dead_code)]
    about: String,
    #[serde(default)]
    columns: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    legal_basis: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    art9_condition: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    transfer_mechanism: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    recipient_role: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    period_unit: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    dpia_status: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    security_measure: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    data_category: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    subject_category: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    numbers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    triggers: Vec<String>,
    #[serde(default)]
    from_the_person: Vec<String>,
    #[serde(default)]
    yes: Vec<String>,
    #[serde(default)]
    no: Vec<String>,
    #[serde(default)]
    unknown: Vec<String>,
    #[serde(default)]
    country: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    rights: Vec<String>,
}

/// A table of values and the phrases (folded) that mean each.
type Table = Vec<(String, Vec<String>)>;

#[derive(Debug, Default)]
struct Phrases {
    columns: Table,
    legal_basis: Table,
    art9_condition: Table,
    transfer_mechanism: Table,
    recipient_role: Table,
    period_unit: Table,
    dpia_status: Table,
    subject_category: Table,
    data_category: Table,
    security_measure: Table,
    numbers: Table,
    triggers: Vec<String>,
    from_the_person: Vec<String>,
    yes: Vec<String>,
    no: Vec<String>,
    unknown: Vec<String>,
    country: Table,
    rights: Vec<String>,
}

fn merge(into: &mut Table, from: BTreeMap<String, Vec<String>>) {
    for (id, phrases) in from {
        let phrases = phrases.iter().map(|p| fold(p)).filter(|p| !p.is_empty());
        match into.iter_mut().find(|(i, _)| *i == id) {
            Some((_, list)) => list.extend(phrases),
            None => into.push((id, phrases.collect())),
        }
    }
}

static PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    let mut all = Phrases::default();
    for text in FILES {
        let file: File = serde_json::from_str(text).expect("assets/import/phrases.*.json is valid");
        merge(&mut all.columns, file.columns);
        merge(&mut all.legal_basis, file.legal_basis);
        merge(&mut all.art9_condition, file.art9_condition);
        merge(&mut all.transfer_mechanism, file.transfer_mechanism);
        merge(&mut all.recipient_role, file.recipient_role);
        merge(&mut all.period_unit, file.period_unit);
        merge(&mut all.dpia_status, file.dpia_status);
        merge(&mut all.security_measure, file.security_measure);
        merge(&mut all.data_category, file.data_category);
        merge(&mut all.subject_category, file.subject_category);
        merge(&mut all.numbers, file.numbers);
        merge(&mut all.country, file.country);
        all.triggers.extend(file.triggers.iter().map(|p| fold(p)));
        all.from_the_person
            .extend(file.from_the_person.iter().map(|p| fold(p)));
        all.yes.extend(file.yes.iter().map(|p| fold_symbols(p)));
        all.no.extend(file.no.iter().map(|p| fold_symbols(p)));
        all.unknown
            .extend(file.unknown.iter().map(|p| fold_symbols(p)));
        all.rights
            .extend(file.rights.iter().map(|p| fold_symbols(p)));
    }
    // Every category by its vocabulary label and id.
    for c in steward_core::vocabulary::subject_categories() {
        merge(
            &mut all.subject_category,
            BTreeMap::from([(c.id.clone(), vec![c.label.clone(), c.id.clone()])]),
        );
    }
    for c in steward_core::vocabulary::data_categories() {
        merge(
            &mut all.data_category,
            BTreeMap::from([(c.id.clone(), vec![c.label.clone(), c.id.clone()])]),
        );
    }
    // Every country by its ISO name, the name people use and its code.
    for c in reference::countries() {
        let mut names = vec![fold(&c.name), c.code.to_lowercase()];
        names.extend(c.common_name.as_deref().map(fold));
        match all.country.iter_mut().find(|(i, _)| *i == c.code) {
            Some((_, list)) => list.extend(names),
            None => all.country.push((c.code.clone(), names)),
        }
    }
    all
});

/// Lower case, with every run of punctuation and spaces as one space:
/// "Art. 6(1)(f) – LI" → "art 6 1 f li".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = if c == '’' || c == '‘' { '\'' } else { c };
        if c.is_alphanumeric() || c == '\'' || c == '&' {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_owned()
}

/// Like [`fold`], but a cell that is only symbols ("✓", "?", "-") keeps them.
fn fold_symbols(text: &str) -> String {
    let folded = fold(text);
    if folded.is_empty() {
        text.trim().to_lowercase()
    } else {
        folded
    }
}

/// The values of `table` that `text` names, in the order they appear in it.
/// A phrase found inside a longer phrase of another value counts for the
/// longer only ("joint controller" is not also "controller").
fn find_in(table: &Table, text: &str) -> Vec<String> {
    let hay = format!(" {} ", fold(text));
    let mut found: Vec<(usize, usize, &str)> = vec![];
    for (id, phrases) in table {
        for phrase in phrases {
            let needle = format!(" {phrase} ");
            let mut from = 0;
            while let Some(at) = hay[from..].find(&needle) {
                let start = from + at;
                found.push((start, start + needle.len(), id));
                from = start + 1;
            }
        }
    }
    let inside = |a: &(usize, usize, &str), b: &(usize, usize, &str)| {
        b.0 <= a.0 && a.1 <= b.1 && (b.1 - b.0) > (a.1 - a.0)
    };
    let mut kept: Vec<(usize, usize, &str)> = found
        .iter()
        .filter(|a| !found.iter().any(|b| inside(a, b)))
        .copied()
        .collect();
    kept.sort();
    let mut ids: Vec<String> = vec![];
    for (_, _, id) in kept {
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_owned());
        }
    }
    ids
}

/// A near miss of one phrase, for a short cell that names nothing exactly
/// ("Legitamate interest"): at most one letter wrong in eight.
fn near_miss(table: &Table, text: &str) -> Option<String> {
    let folded = fold(text);
    if folded.is_empty() || folded.chars().count() > 40 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for (id, phrases) in table {
        for phrase in phrases.iter().filter(|p| p.chars().count() >= 8) {
            let distance = strsim::levenshtein(&folded, phrase);
            if distance <= phrase.chars().count() / 8 && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, id));
            }
        }
    }
    best.map(|(_, id)| id.to_owned())
}

fn find_or_near(table: &Table, text: &str) -> Vec<String> {
    let found = find_in(table, text);
    if found.is_empty() {
        near_miss(table, text).into_iter().collect()
    } else {
        found
    }
}

/// An article reference such as "Art. 6(1)(f)" or "9(2)(a)": the letter.
fn article_letter(text: &str, article: &str, paragraph: &str) -> Vec<char> {
    let compact: String = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let needle = format!("{article}({paragraph})");
    let mut letters = vec![];
    let mut from = 0;
    while let Some(at) = compact[from..].find(&needle) {
        let start = from + at;
        let rest = &compact[start + needle.len()..];
        let rest = rest.strip_prefix('(').unwrap_or(rest);
        // "16(1)(a)" is not "6(1)(a)".
        let before = compact[..start].chars().last();
        if let Some(letter) = rest.chars().next()
            && letter.is_ascii_lowercase()
            && !before.is_some_and(|c| c.is_ascii_digit())
        {
            letters.push(letter);
        }
        from = start + needle.len();
    }
    letters
}

fn with_articles(
    mut ids: Vec<String>,
    text: &str,
    article: &str,
    paragraph: &str,
    ids_by_letter: &[&str],
) -> Vec<String> {
    for letter in article_letter(text, article, paragraph) {
        if let Some(id) = ids_by_letter.get((letter as u8 - b'a') as usize)
            && !ids.iter().any(|i| i == id)
        {
            ids.push((*id).to_owned());
        }
    }
    ids
}

/// The legal bases (Art. 6(1)) a cell names, as `LegalBasis` ids.
pub fn legal_bases(text: &str) -> Vec<String> {
    let ids = find_or_near(&PHRASES.legal_basis, text);
    with_articles(
        ids,
        text,
        "6",
        "1",
        &[
            "consent",
            "contract",
            "legalObligation",
            "vitalInterests",
            "publicTask",
            "legitimateInterests",
        ],
    )
}

/// The Art. 9(2) conditions a cell names, as `Art9Condition` ids.
pub fn art9_conditions(text: &str) -> Vec<String> {
    let ids = find_or_near(&PHRASES.art9_condition, text);
    with_articles(
        ids,
        text,
        "9",
        "2",
        &[
            "explicitConsent",
            "employmentSocialSecurity",
            "vitalInterests",
            "notForProfitBody",
            "manifestlyMadePublic",
            "legalClaims",
            "substantialPublicInterest",
            "healthOrSocialCare",
            "publicHealth",
            "archivingResearchStatistics",
        ],
    )
}

/// The transfer mechanisms a cell names, as `TransferMechanism` ids.
pub fn mechanisms(text: &str) -> Vec<String> {
    find_or_near(&PHRASES.transfer_mechanism, text)
}

/// The recipient roles a text names, as `RecipientRole` ids.
pub fn roles(text: &str) -> Vec<String> {
    find_in(&PHRASES.recipient_role, text)
}

/// Which column of the ICO layout a header names (a key of `columns` in
/// the phrases), comparing the whole header, or each side of a " / "
/// ("Bereich / Business function"), with a trailing "(if applicable)" and
/// question marks ignored.
pub fn column(header: &str) -> Option<String> {
    // The whole header first, its parenthesis included: "Article 6 lawful
    // basis (for Schedule 1)" is not "Article 6 lawful basis".
    let whole = fold(header);
    for (key, phrases) in &PHRASES.columns {
        if phrases.contains(&whole) {
            return Some(key.clone());
        }
    }
    let candidates = std::iter::once(header).chain(header.split(" / "));
    for candidate in candidates {
        let mut text = candidate.trim();
        while let Some(open) = text.rfind(" (")
            && text.ends_with(')')
        {
            // Keep "(Steward)", which names Steward's own columns.
            if text[open..].eq_ignore_ascii_case(" (steward)") {
                break;
            }
            text = text[..open].trim_end();
        }
        let folded = fold(text);
        if folded.is_empty() {
            continue;
        }
        for (key, phrases) in &PHRASES.columns {
            if phrases.contains(&folded) {
                return Some(key.clone());
            }
        }
        // A long header that starts with a long phrase (a template's own
        // wording, shortened or lengthened).
        for (key, phrases) in &PHRASES.columns {
            if phrases.iter().any(|p| {
                p.len() >= 20
                    && (folded.starts_with(p.as_str())
                        || p.starts_with(folded.as_str()) && folded.len() >= 20)
            }) {
                return Some(key.clone());
            }
        }
    }
    None
}

/// A country's ISO code from its name, a common short name or its code,
/// with a parenthesis after it ignored: "USA", "Deutschland (Leipzig)",
/// "United States (US)".
pub fn country(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some((_, inside)) = text.rsplit_once('(')
        && let Some(code) = inside.strip_suffix(')')
        && code.len() == 2
        && reference::country(&code.to_uppercase()).is_some()
    {
        return Some(code.to_uppercase());
    }
    let before = text.split_once('(').map_or(text, |(b, _)| b);
    let folded = fold(before);
    if folded.is_empty() {
        return None;
    }
    PHRASES
        .country
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(code, _)| code.clone())
}

/// The vocabulary's subject category an item names as a whole ("Members
/// (natural persons)" → `members`), its parenthesis ignored.
pub fn subject_category(item: &str) -> Option<String> {
    whole(&PHRASES.subject_category, item)
}

/// The vocabulary's data category an item names as a whole ("E-Mail" →
/// `email-address`), its parenthesis ignored.
pub fn data_category(item: &str) -> Option<String> {
    whole(&PHRASES.data_category, item)
}

/// The security measures a text names, as `SecurityMeasure` ids.
pub fn security_measures(text: &str) -> Vec<String> {
    find_in(&PHRASES.security_measure, text)
}

/// Whether a source names the people themselves ("Membership form",
/// "directly").
pub fn from_the_person(text: &str) -> bool {
    let hay = format!(" {} ", fold(text));
    PHRASES
        .from_the_person
        .iter()
        .any(|p| hay.contains(&format!(" {p} ")))
}

/// Whether `item` names the people's rights the way the ICO template's
/// "Rights available to individuals" column does ("Access, rectification",
/// "All", "Art. 15–21"): Steward states the rights from the legal bases, so
/// such a cell is understood. An item with a reservation ("no erasure
/// while the copyright lasts") is not.
pub fn names_rights(item: &str) -> bool {
    let item = fold_symbols(item);
    !item.is_empty() && PHRASES.rights.contains(&item)
}

/// The value whose phrase is the whole item, its parenthesis ignored.
fn whole(table: &Table, item: &str) -> Option<String> {
    let candidates = [item, item.split_once('(').map_or(item, |(b, _)| b)];
    candidates.iter().find_map(|text| {
        let folded = fold(text);
        table
            .iter()
            .find(|(_, phrases)| phrases.contains(&folded))
            .map(|(id, _)| id.clone())
    })
}

/// The DPIA statuses a text names ("Completed Jan 2024"), as `DpiaStatus`
/// ids.
pub fn dpia_statuses(text: &str) -> Vec<String> {
    find_in(&PHRASES.dpia_status, text)
}

/// Whether a whole cell says yes.
pub fn is_yes(text: &str) -> bool {
    PHRASES.yes.contains(&fold_symbols(text))
}

/// Whether a whole cell says no (or "none", "n/a").
pub fn is_no(text: &str) -> bool {
    let folded = fold_symbols(text);
    PHRASES.no.contains(&folded)
        || PHRASES
            .no
            .iter()
            .any(|n| n.len() > 2 && folded.starts_with(&format!("{n} ")))
}

/// Whether a whole cell says the writer does not know ("?", "TBC").
pub fn is_unknown(text: &str) -> bool {
    PHRASES.unknown.contains(&fold_symbols(text))
}

/// A period at the start of a retention phrase: "2 years", "six months",
/// "10 Jahre", "3 yrs after …". Returns the number, the unit's id and what
/// follows.
pub fn period(text: &str) -> Option<(i64, String, String)> {
    let folded = fold(text);
    let mut words = folded.split(' ');
    let first = words.next()?;
    let value = first.parse::<i64>().ok().or_else(|| {
        PHRASES
            .numbers
            .iter()
            .find(|(_, names)| names.iter().any(|n| n == first))
            .and_then(|(n, _)| n.parse().ok())
    })?;
    let unit_word = words.next()?;
    let unit = PHRASES
        .period_unit
        .iter()
        .find(|(_, names)| names.iter().any(|n| n == unit_word))?
        .0
        .clone();
    let rest: Vec<&str> = words.collect();
    Some((value, unit, rest.join(" ")))
}

/// The event a period runs from, when `rest` (what follows the period)
/// starts with "after", "from the end of"…: the words after it.
pub fn trigger(rest: &str) -> Option<String> {
    let folded = fold(rest);
    let mut best: Option<&str> = None;
    for t in &PHRASES.triggers {
        if folded.starts_with(&format!("{t} ")) && best.is_none_or(|b| t.len() > b.len()) {
            best = Some(t);
        }
    }
    let t = best?;
    // Cut the same number of words from the text as written.
    let skip = t.split(' ').count();
    let words: Vec<&str> = rest.split_whitespace().skip(skip).collect();
    Some(words.join(" ")).filter(|w| !w.is_empty())
}
