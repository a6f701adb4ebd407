//! Purposes with their legal bases, and the people and data of each group.

use steward_api::{Purpose, PurposeInput, SubjectGroup, SubjectGroupInput};
use steward_core::{Art9Condition, LegalBasis, vocabulary};

use crate::ico::col;
use crate::phrases;

use super::*;

impl Builder<'_> {
    /// The purposes: line *i* of the purpose cell with line *i* of the
    /// basis, interests, LIA and consent cells; one line of those for
    /// several purposes applies to each.
    pub(super) fn purposes(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<Purpose> {
        let lines = |c: usize| -> Vec<String> {
            items(&cell(c))
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect()
        };
        let described: Vec<String> = if self.steward_export {
            lines(col::PURPOSE)
        } else {
            lines(col::PURPOSE)
                .iter()
                .map(|l| strip_numbering(l).to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        };
        let (bases, interests, lias, consents) = (
            lines(col::BASIS),
            lines(col::INTERESTS),
            lines(col::LIA),
            lines(col::CONSENT),
        );
        let by_hand = !self.steward_export;
        let pick = |list: &[String], i: usize| -> String {
            match list.len() {
                1 if by_hand => list[0].clone(),
                _ => list.get(i).cloned().unwrap_or_default(),
            }
        };
        // "Contract / LI" against two purposes: read in order.
        let in_order: Vec<String> = if by_hand && bases.len() == 1 && described.len() > 1 {
            let found = phrases::legal_bases(&bases[0]);
            if found.len() == described.len() {
                found
            } else {
                vec![]
            }
        } else {
            vec![]
        };
        let mut out = vec![];
        for (i, description) in described.iter().enumerate() {
            let basis_text = if by_hand && described.len() == 1 && bases.len() > 1 {
                bases.join("\n")
            } else {
                pick(&bases, i)
            };
            let basis_text = match in_order.get(i) {
                Some(id) => id.clone(),
                None => basis_text,
            };
            let basis_text = strip_numbering(&basis_text).to_owned();
            let legal_basis: Option<LegalBasis> = if self.steward_export {
                self.enum_value(col::BASIS, &basis_text, &[], "a lawful basis")
            } else {
                let found = phrases::legal_bases(&basis_text);
                self.one_of(col::BASIS, &basis_text, found, "lawful basis")
            };
            let interest = pick(&interests, i);
            let lia = pick(&lias, i);
            let consent = pick(&consents, i);
            let is = |b: LegalBasis| legal_basis == Some(b);
            let mut fields = PurposeInput {
                activity_id: activity_id.to_owned(),
                description: description.clone(),
                legal_basis,
                ..PurposeInput::default()
            };
            if self.steward_export || is(LegalBasis::LegitimateInterests) {
                fields.legitimate_interest = interest;
                fields.lia_reference = lia;
            } else if !self.steward_export && i == 0 {
                self.keep(col::INTERESTS, &interest, "A legitimate interest belongs to the basis Legitimate interests, which this purpose does not have.");
                self.keep(col::LIA, &lia, "An assessment of legitimate interests belongs to the basis Legitimate interests.");
            }
            if self.steward_export || is(LegalBasis::Consent) {
                fields.consent_record = consent;
            } else if i == 0 {
                self.keep(
                    col::CONSENT,
                    &consent,
                    "A consent record belongs to the basis Consent.",
                );
            }
            out.push(record!(Purpose, fields));
        }
        if described.is_empty() {
            for c in [col::BASIS, col::INTERESTS, col::LIA, col::CONSENT] {
                self.keep(c, &cell(c), "There is no purpose for it on this row.");
            }
        }
        out
    }

    pub(super) fn subject_groups(
        &mut self,
        activity_id: &str,
        cell: &dyn Fn(usize) -> String,
    ) -> Vec<SubjectGroup> {
        let line = |c: usize, i: usize| items(&cell(c)).get(i).cloned().unwrap_or_default();
        if self.steward_export {
            let mut out = vec![];
            for (i, subjects) in items(&cell(col::INDIVIDUALS)).into_iter().enumerate() {
                if subjects.is_empty() {
                    continue;
                }
                let condition = line(col::ART9, i);
                let fields = SubjectGroupInput {
                    activity_id: activity_id.to_owned(),
                    subject_category: vocabulary::subject_categories()
                        .iter()
                        .find(|s| s.label.eq_ignore_ascii_case(&subjects))
                        .map_or(subjects, |s| s.id.clone()),
                    data_categories: line(col::DATA, i)
                        .split(';')
                        .map(str::trim)
                        .filter(|d| !d.is_empty())
                        .map(|d| {
                            vocabulary::data_categories()
                                .iter()
                                .find(|c| c.label.eq_ignore_ascii_case(d))
                                .map_or_else(|| d.to_owned(), |c| c.id.clone())
                        })
                        .collect(),
                    art9_condition: self.enum_value(
                        col::ART9,
                        &condition,
                        &[],
                        "an Art. 9(2) condition",
                    ),
                    ..SubjectGroupInput::default()
                };
                out.push(record!(SubjectGroup, fields));
            }
            return out;
        }
        // By hand: every group gets the whole list of data, unless the
        // lines pair up one to one.
        let groups = list(&cell(col::INDIVIDUALS));
        let data_lines: Vec<String> = items(&cell(col::DATA))
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect();
        let paired = groups.len() > 1 && data_lines.len() == groups.len();
        let data_ids = |text: &str| -> Vec<String> {
            let mut ids: Vec<String> = vec![];
            for item in list(text) {
                let id = phrases::data_category(&item).unwrap_or(item);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            ids
        };
        let whole = data_ids(&cell(col::DATA));
        let art9 = cell(col::ART9);
        let conditions = phrases::art9_conditions(&art9);
        let mut condition: Option<Art9Condition> = None;
        if !art9.trim().is_empty() && !phrases::is_no(&art9) {
            match conditions.first() {
                Some(first) => {
                    condition =
                        serde_json::from_value(serde_json::Value::String(first.clone())).ok();
                    if conditions.len() > 1 {
                        self.read_to_check(col::ART9, &art9, "Names more than one Art. 9(2) condition; Steward records one per group: the first is set, check it.");
                    }
                }
                None => self.keep(
                    col::ART9,
                    &art9,
                    "Not an Art. 9(2) condition Steward recognises.",
                ),
            }
        }
        let mut out = vec![];
        for (i, group) in groups.iter().enumerate() {
            let subject_category =
                phrases::subject_category(group).unwrap_or_else(|| group.clone());
            let data_categories = if paired {
                data_ids(&data_lines[i])
            } else {
                whole.clone()
            };
            out.push(record!(
                SubjectGroup,
                SubjectGroupInput {
                    activity_id: activity_id.to_owned(),
                    subject_category,
                    data_categories,
                    art9_condition: condition,
                    ..SubjectGroupInput::default()
                }
            ));
        }
        if groups.is_empty() && !whole.is_empty() {
            self.keep(
                col::DATA,
                &cell(col::DATA),
                "No category of people is named for this data.",
            );
        }
        out
    }
}
