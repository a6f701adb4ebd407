//! The rows turned into records: what each cell became, what the
//! register's rules refused and was kept as written, and the preview.

use steward_api::{FieldError, RegisterExport};

use super::organisation::organisation_of;
use super::table::{Table, column_name};
use super::{CellError, IcoPreview, PreviewActivity, SheetError, file_error};
use crate::ico::col;
use crate::ico_rows::{Builder, KeptCell};

/// Heads what the sheet said that no field took, in an activity's
/// description.
const KEPT_HEADING: &str = "From the spreadsheet, kept as written (to review):";

pub(super) struct Plan {
    pub(super) export: RegisterExport,
    pub(super) preview: IcoPreview,
    /// Row of each activity of the export, in order.
    rows: Vec<usize>,
    /// The cells of each activity's row, by the layout's columns, and the
    /// columns the layout has no place for.
    cells: Vec<RowCells>,
}

/// A row's cells by the layout's columns, and the columns (header, text)
/// the layout has no place for.
type RowCells = (Vec<String>, Vec<(String, String)>);

/// A row that is not an activity: one cell says something, and it is not
/// a purpose (a section heading such as "CLIENT SERVICES", a note).
fn not_an_activity(cells: &[String], extras: &[(String, String)]) -> Option<String> {
    let said: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .chain(extras.iter().map(|(_, t)| t.trim()))
        .filter(|c| !c.is_empty())
        .collect();
    let purpose = cells
        .get(col::PURPOSE - 1)
        .is_some_and(|c| !c.trim().is_empty());
    let name = cells
        .get(col::NAME - 1)
        .is_some_and(|c| !c.trim().is_empty());
    match said.as_slice() {
        [only] if !purpose && !name => Some((*only).to_owned()),
        _ => None,
    }
}

impl Plan {
    pub(super) fn new(
        table: &Table,
        current: &RegisterExport,
        leave_out: &[usize],
    ) -> Result<Plan, SheetError> {
        let mut builder = Builder {
            current,
            recipients: vec![],
            sources: vec![],
            errors: vec![],
            row: 0,
            kept: vec![],
            steward_export: table.steward_export,
            linked: vec![],
        };
        let mut activities = vec![];
        let mut rows = vec![];
        let mut preview = vec![];
        let mut skipped = vec![];
        let mut row_cells = vec![];
        for ((row, cells), extras) in table.rows.iter().zip(&table.extras) {
            builder.row = *row;
            if leave_out.contains(row) {
                skipped.push(KeptCell {
                    row: *row,
                    column: String::new(),
                    text: cells
                        .iter()
                        .map(|c| c.trim())
                        .find(|c| !c.is_empty())
                        .unwrap_or_default()
                        .to_owned(),
                    reason: "Left out: unticked in the preview.".into(),
                    typed: false,
                });
                continue;
            }
            if !table.steward_export
                && let Some(text) = not_an_activity(cells, extras)
            {
                skipped.push(KeptCell {
                    row: *row,
                    column: String::new(),
                    text,
                    reason: "Not an activity: a heading or a note, left out.".into(),
                    typed: false,
                });
                continue;
            }
            builder.kept.clear();
            let activity = builder.activity(cells, extras);
            let kept = std::mem::take(&mut builder.kept);
            row_cells.push((cells.clone(), extras.clone()));
            preview.push(PreviewActivity {
                row: *row,
                name: activity.activity.fields.name.clone(),
                purposes: activity.purposes.len(),
                subject_groups: activity.subject_groups.len(),
                recipients: activity.recipients.len(),
                transfers: activity.transfers.len(),
                retention_rules: activity.retention_rules.len(),
                kept_as_written: kept,
                updates: false,
                changes: vec![],
            });
            rows.push(*row);
            activities.push(activity);
        }
        if !builder.errors.is_empty() {
            return Err(SheetError::Cells(builder.errors));
        }
        let organisation = organisation_of(table);
        let preview = IcoPreview {
            activities: preview,
            new_recipients: vec![],
            new_source_organisations: vec![],
            linked: builder.linked,
            skipped_rows: skipped,
            cells: 0,
            cells_kept_as_written: 0,
        };
        Ok(Plan {
            export: RegisterExport {
                format: steward_api::FORMAT.into(),
                format_version: steward_api::FORMAT_VERSION,
                exported_at: String::new(),
                organisation,
                recipients: builder.recipients,
                source_organisations: builder.sources,
                website_third_parties: vec![],
                activities,
                acknowledgements: vec![],
                policy_edits: vec![],
                policy_versions: vec![],
            },
            preview,
            rows,
            cells: row_cells,
        })
    }

    /// Takes out of the plan what the register's rules refuse, keeping it
    /// as written with the rule's message. False when an error names
    /// nothing that can be taken out.
    pub(super) fn set_aside(&mut self, fields: &[FieldError]) -> bool {
        let Ok(mut value) = serde_json::to_value(&self.export) else {
            return false;
        };
        // Removals from the end, so that the indexes of the rest hold.
        let mut paths: Vec<(Vec<Step>, &FieldError)> =
            fields.iter().map(|f| (steps(&f.field), f)).collect();
        paths.sort_by(|a, b| b.0.cmp(&a.0));
        paths.dedup_by(|a, b| {
            a.0.len() >= 2 && b.0.len() >= 2 && a.0[..a.0.len() - 1] == b.0[..b.0.len() - 1]
        });
        let mut changed = false;
        for (path, error) in paths {
            let (row, column) = self.cell_of(&error.field);
            let activity = match path.first() {
                Some(Step::Index(name, i)) if name == "activities" => Some(*i),
                _ => None,
            };
            let kept = |text: String| KeptCell {
                row,
                column: column_name(column),
                text,
                reason: error.message.clone(),
                typed: false,
            };
            let path = match path.split_first() {
                Some((Step::Field(o), rest)) if o == "organisation" => rest.to_vec(),
                _ => path,
            };
            let taken = match path.as_slice() {
                // A row of an activity (a purpose's basis, a transfer…):
                // a purpose loses its basis and what goes with it, any
                // other row is taken out whole.
                [Step::Index(_, a), Step::Index(part, j), ..] => {
                    let list = &mut value["activities"][*a][part.as_str()];
                    if part == "purposes" {
                        let p = &mut list[*j];
                        let text = [
                            serde_json::from_value::<steward_api::LegalBasis>(
                                p["legalBasis"].clone(),
                            )
                            .ok()
                            .map(|b| format!("lawful basis {}", b.label())),
                            p["legitimateInterest"]
                                .as_str()
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned),
                            p["liaReference"]
                                .as_str()
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned),
                            p["consentRecord"]
                                .as_str()
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned),
                        ]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("; ");
                        // The basis as the sheet writes it, where it does.
                        let written = self
                            .cells
                            .get(*a)
                            .and_then(|(cells, _)| cells.get(col::BASIS - 1))
                            .map(|c| c.trim().to_owned())
                            .filter(|c| !c.is_empty());
                        let text = match written {
                            Some(w) if !text.contains(&w) => format!("{w} ({text})"),
                            _ => text,
                        };
                        p["legalBasis"] = serde_json::Value::Null;
                        for f in ["legitimateInterest", "liaReference", "consentRecord"] {
                            p[f] = serde_json::Value::String(String::new());
                        }
                        Some(text)
                    } else if let Some(items) = list.as_array_mut()
                        && *j < items.len()
                    {
                        let item = items.remove(*j);
                        // The cell as the sheet has it, where there is one.
                        let written = self
                            .cells
                            .get(*a)
                            .and_then(|(cells, _)| cells.get(column - 1))
                            .map(|c| c.trim().to_owned())
                            .filter(|c| !c.is_empty());
                        Some(written.unwrap_or_else(|| describe(&item)))
                    } else {
                        None
                    }
                }
                // A field of the organisation (the controller block).
                [Step::Field(field)] if value["organisation"].get(field.as_str()).is_some() => {
                    // A rule that asks for an empty field is about the one
                    // that needs it: the DPO's name needs their contact.
                    let field = match field.as_str() {
                        "dpoContact" if value["organisation"]["dpoContact"] == "" => "dpoName",
                        other => other,
                    };
                    let target = &mut value["organisation"][field];
                    let old = target.take();
                    *target = serde_json::Value::String(String::new());
                    Some(describe(&old))
                }
                // A field of an activity, a recipient or the organisation:
                // emptied.
                [first, Step::Field(field)] | [first, Step::Field(field), ..] => {
                    let target = match first {
                        Step::Index(name, i) => &mut value[name.as_str()][*i],
                        Step::Field(name) => &mut value[name.as_str()],
                    };
                    let old = target[field.as_str()].take();
                    target[field.as_str()] = match &old {
                        serde_json::Value::String(_) => serde_json::Value::String(String::new()),
                        serde_json::Value::Array(_) => serde_json::Value::Array(vec![]),
                        serde_json::Value::Bool(_) => serde_json::Value::Bool(false),
                        _ => serde_json::Value::Null,
                    };
                    Some(describe(&old))
                }
                _ => None,
            };
            let Some(text) = taken.filter(|t| !t.is_empty()) else {
                continue;
            };
            changed = true;
            if let Some(a) = activity
                && let Some(p) = self.preview.activities.get_mut(a)
            {
                p.kept_as_written.push(kept(text));
            } else {
                self.preview.skipped_rows.push(kept(text));
            }
        }
        if !changed {
            return false;
        }
        match serde_json::from_value(value) {
            Ok(export) => {
                self.export = export;
                true
            }
            Err(_) => false,
        }
    }

    /// Writes what was kept into each activity's description, counts the
    /// rows and the cells again and names the new records.
    pub(super) fn finish(&mut self) {
        // A cell counts as kept as written when every item of it is in
        // what was kept from its column; kept in part, it counts as typed
        // (as `tests/fixtures/registers/README.md` counts).
        let (mut said, mut kept_whole) = (0, 0);
        for ((cells, extras), preview) in self.cells.iter().zip(&self.preview.activities) {
            let kept_from = |column: &str| -> Vec<String> {
                preview
                    .kept_as_written
                    .iter()
                    .filter(|k| k.column == column && !k.typed)
                    .map(|k| crate::phrases::fold(&k.text))
                    .collect()
            };
            let whole = |column: &str, text: &str| {
                let kept = kept_from(column);
                !kept.is_empty()
                    && crate::ico_rows::list(text)
                        .iter()
                        .all(|item| kept.iter().any(|k| k.contains(&crate::phrases::fold(item))))
            };
            for (i, cell) in cells.iter().enumerate() {
                if cell.trim().is_empty() {
                    continue;
                }
                said += 1;
                if whole(&column_name(i + 1), cell) {
                    kept_whole += 1;
                }
            }
            for (header, text) in extras {
                said += 1;
                if whole(header, text) {
                    kept_whole += 1;
                }
            }
        }
        self.preview.cells = said;
        self.preview.cells_kept_as_written = kept_whole;
        for (activity, preview) in self
            .export
            .activities
            .iter_mut()
            .zip(&mut self.preview.activities)
        {
            preview.purposes = activity.purposes.len();
            preview.subject_groups = activity.subject_groups.len();
            preview.recipients = activity.recipients.len();
            preview.transfers = activity.transfers.len();
            preview.retention_rules = activity.retention_rules.len();
            // What went into a field on an assumption is shown for checking,
            // not copied into the description.
            let kept: Vec<_> = preview
                .kept_as_written
                .iter()
                .filter(|k| !k.typed)
                .collect();
            if kept.is_empty() {
                continue;
            }
            let description = &mut activity.activity.fields.description;
            // A second import of the sheet replaces what the first kept.
            if let Some(at) = description.find(KEPT_HEADING) {
                description.truncate(at);
                description.truncate(description.trim_end().len());
            }
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str(KEPT_HEADING);
            for k in kept {
                description.push_str(&format!(
                    "\n- {}: {}",
                    k.column,
                    k.text.replace('\n', " / ")
                ));
            }
        }
        // Recipients that no link or transfer names any more are not added.
        let named: Vec<&str> = self
            .export
            .activities
            .iter()
            .flat_map(|a| {
                a.recipients
                    .iter()
                    .filter_map(|r| r.fields.recipient_id.as_deref())
                    .chain(
                        a.transfers
                            .iter()
                            .filter_map(|t| t.fields.recipient_id.as_deref()),
                    )
            })
            .collect();
        let named: std::collections::HashSet<String> =
            named.into_iter().map(str::to_owned).collect();
        self.export.recipients.retain(|r| named.contains(&r.id));
        self.preview.new_recipients = self
            .export
            .recipients
            .iter()
            .map(|r| r.fields.legal_name.clone())
            .collect();
        self.preview.new_source_organisations = self
            .export
            .source_organisations
            .iter()
            .map(|s| s.fields.name.clone())
            .collect();
    }

    /// The validators' errors (paths into the export) as cells.
    pub(super) fn cell_errors(&self, fields: &[FieldError], message: &str) -> SheetError {
        if fields.is_empty() {
            return file_error(message.to_owned());
        }
        let cells = fields
            .iter()
            .map(|f| {
                let (row, column) = self.cell_of(&f.field);
                CellError {
                    row,
                    column,
                    column_name: column_name(column),
                    message: f.message.clone(),
                }
            })
            .collect();
        SheetError::Cells(cells)
    }

    fn cell_of(&self, path: &str) -> (usize, usize) {
        let index = |s: &str| {
            s.split_once('[')
                .and_then(|(_, rest)| rest.split_once(']'))
                .and_then(|(n, _)| n.parse::<usize>().ok())
        };
        let parts: Vec<&str> = path.split('.').collect();
        let row = if parts[0].starts_with("activities[") {
            index(parts[0]).and_then(|i| self.rows.get(i).copied())
        } else {
            None
        }
        .unwrap_or(0);
        let part = parts.get(1).map(|p| p.split('[').next().unwrap_or(p));
        let field = parts.last().copied().unwrap_or_default();
        let column = match (part, field) {
            (Some("purposes"), "legalBasis") => col::BASIS,
            (Some("purposes"), "legitimateInterest") => col::INTERESTS,
            (Some("purposes"), "liaReference") => col::LIA,
            (Some("purposes"), "consentRecord") => col::CONSENT,
            (Some("purposes"), _) => col::PURPOSE,
            (Some("subjectGroups"), "dataCategories") => col::DATA,
            (Some("subjectGroups"), "art9Condition") => col::ART9,
            (Some("subjectGroups"), _) => col::INDIVIDUALS,
            (Some("sources"), _) => col::SOURCE,
            (Some("recipients"), _) => col::RECIPIENTS,
            (Some("transfers"), "mechanism" | "safeguards") => col::SAFEGUARDS,
            (Some("transfers"), _) => col::COUNTRIES,
            (Some("retentionRules"), _) => col::RETENTION,
            (_, "businessFunction") => col::FUNCTION,
            (_, "description") => col::DESCRIPTION,
            (_, "owner") => col::OWNER,
            (_, "systems") => col::SYSTEMS,
            (_, "dataLocation") => col::LOCATION,
            (_, "securityMeasures" | "securityNotes") => col::SECURITY,
            (_, "automatedDecisions" | "profiling" | "admLogic") => col::AUTOMATED,
            (_, "dpiaStatus") => col::DPIA_PROGRESS,
            (_, "dpiaReference") => col::DPIA_LINK,
            _ => col::NAME,
        };
        (row, column)
    }
}

/// One step of a validator's path: `activities[3]` or `legalBasis`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Index(String, usize),
    Field(String),
}

fn steps(path: &str) -> Vec<Step> {
    path.split('.')
        .map(|part| match part.split_once('[') {
            Some((name, rest)) => match rest.trim_end_matches(']').parse() {
                Ok(i) => Step::Index(name.to_owned(), i),
                Err(_) => Step::Field(part.to_owned()),
            },
            None => Step::Field(part.to_owned()),
        })
        .collect()
}

/// A value taken out of the plan, in words: its texts joined.
fn describe(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => items
            .iter()
            .map(describe)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| {
                !k.ends_with("Id")
                    && *k != "id"
                    && *k != "createdAt"
                    && *k != "updatedAt"
                    && *k != "base"
            })
            .map(|(_, v)| describe(v))
            .filter(|s| !s.is_empty() && s != "false")
            .collect::<Vec<_>>()
            .join(", "),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}
