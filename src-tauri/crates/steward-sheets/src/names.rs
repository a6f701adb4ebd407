//! Organisation names as people write them, matched to the register's and
//! the processor catalogue's: "Mailchimp" is "The Rocket Science Group LLC
//! (Mailchimp)", "Mailchip" is a typo of it, "Eventbrite Inc" is
//! "Eventbrite, Inc.". A match links the row to the record that exists
//! instead of creating a second one.

use crate::phrases::fold;

/// Words that say what kind of company a name is, not which one.
const LEGAL_FORMS: [&str; 24] = [
    "the",
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "co",
    "corp",
    "corporation",
    "company",
    "e v",
    "ev",
    "ab",
    "as",
    "oy",
    "srl",
];

/// A name reduced to what identifies it: folded, without legal forms.
pub fn key(name: &str) -> String {
    let folded = fold(&name.replace('.', ""));
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w))
        .collect();
    words.join(" ")
}

/// The names a record is known by, as [`key`]s: each given name, and what
/// its parentheses hold ("The Rocket Science Group LLC (Mailchimp)").
pub fn aliases(names: &[&str]) -> Vec<String> {
    let mut out = vec![];
    for name in names {
        out.push(key(name));
        if let (Some(open), Some(close)) = (name.find('('), name.rfind(')'))
            && open < close
        {
            out.push(key(&name[open + 1..close]));
            out.push(key(&name[..open]));
        }
    }
    out.retain(|k| !k.is_empty());
    out
}

/// How well `written` names a record known by `names`: 1.0 the same name,
/// less for a typo; `None` when it is another organisation. A typo counts
/// only in names long enough for one letter not to make another name.
pub fn similarity(written: &str, names: &[&str]) -> Option<f64> {
    let written = key(written);
    if written.is_empty() {
        return None;
    }
    aliases(names)
        .iter()
        .map(|alias| {
            if *alias == written {
                1.0
            } else if written.chars().count() >= 6 && alias.chars().count() >= 6 {
                strsim::normalized_damerau_levenshtein(&written, alias)
            } else {
                0.0
            }
        })
        .filter(|s| *s >= 0.85)
        .max_by(f64::total_cmp)
}

/// The best of `candidates` (each with the names it is known by) for
/// `written`, if any names it.
pub fn best<'a, T>(
    written: &str,
    candidates: impl IntoIterator<Item = (&'a T, Vec<&'a str>)>,
) -> Option<&'a T> {
    candidates
        .into_iter()
        .filter_map(|(c, names)| similarity(written, &names).map(|s| (c, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_people_write_match_the_records_they_mean() {
        let mailchimp = ["The Rocket Science Group LLC (Mailchimp)", "Mailchimp"];
        for written in [
            "Mailchimp",
            "mailchimp",
            "MailChimp ",
            "Mailchip",
            "Rocket Science Group",
        ] {
            assert!(similarity(written, &mailchimp).is_some(), "{written}");
        }
        assert!(similarity("Eventbrite Inc", &["Eventbrite, Inc."]).is_some());
        for other in ["Mailgun", "Google", "Chimp", "The Group", ""] {
            assert!(similarity(other, &mailchimp).is_none(), "{other}");
        }
        // Short names match only exactly: "Zoom" is not "Xoom".
        assert!(similarity("Xoom", &["Zoom"]).is_none());
        assert!(similarity("zoom", &["Zoom Video Communications, Inc. (Zoom)"]).is_some());
    }
}
