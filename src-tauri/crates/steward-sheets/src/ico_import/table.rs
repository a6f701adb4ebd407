//! The header row found by its words, wherever it is, and each column
//! mapped to the layout's by its header.

use super::{CellError, Limits, SheetError, file_error};
use crate::ico::{ICO_COLUMNS, STEWARD_COLUMNS};

/// the data rows with their row numbers, each in the layout's column order
/// ([`crate::ico::ICO_COLUMNS`] then Steward's own) whatever order the
/// file had them in.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub controller: Vec<(String, String)>,
    /// The rows above the header, as they are (the ICO template's block
    /// is a small table of its own: Name, Address, Email, Telephone).
    pub above: Vec<Vec<String>>,
    pub rows: Vec<(usize, Vec<String>)>,
    /// Per row (same order as `rows`), the cells of columns the layout has
    /// no place for ("Notes"), or that Steward does not read, by header.
    pub extras: Vec<Vec<(String, String)>>,
    /// The file is Steward's own export (it has Steward's columns): the
    /// columns Steward writes from the register (rights, breaches…) are
    /// not read back.
    pub steward_export: bool,
    /// The sheet row of the header (1-based).
    pub header_row: usize,
}

/// Rows above the table (the controller block) that a sheet may have.
pub(super) const HEADER_ROWS: usize = 200;

pub(crate) fn column_name(column: usize) -> String {
    ICO_COLUMNS
        .iter()
        .chain(STEWARD_COLUMNS.iter())
        .nth(column - 1)
        .map_or_else(|| format!("column {column}"), |c| (*c).to_owned())
}

/// The layout's column (1-based) a key of the phrases' `columns` names.
fn column_of(key: &str) -> Option<usize> {
    const KEYS: [&str; 35] = [
        "function",
        "purpose",
        "joint",
        "individuals",
        "data",
        "recipients",
        "contract",
        "countries",
        "safeguards",
        "retention",
        "security",
        "basis",
        "art9",
        "interests",
        "lia",
        "rights",
        "automated",
        "source",
        "consent",
        "location",
        "dpiaRequired",
        "dpiaProgress",
        "dpiaLink",
        "breach",
        "breachLink",
        "schedule1",
        "schedule1Basis",
        "policyLink",
        "policyFollowed",
        "policyReasons",
        "name",
        "status",
        "description",
        "owner",
        "systems",
    ];
    KEYS.iter().position(|k| *k == key).map(|i| i + 1)
}

/// The columns a header row names: for each cell, the layout's column, or
/// `None` for a column the layout has no place for. A column named twice
/// is read the first time only.
fn header_columns(row: &[String]) -> Vec<Option<usize>> {
    let mut seen = vec![];
    row.iter()
        .map(|cell| {
            let column = crate::phrases::column(cell).and_then(|k| column_of(&k))?;
            if seen.contains(&column) {
                return None;
            }
            seen.push(column);
            Some(column)
        })
        .collect()
}

/// The first row, among the first [`HEADER_ROWS`], that names at least
/// three of the layout's columns: the template's block of controller
/// details, titles and notes may stand above it.
pub(super) fn find_header(grid: &[Vec<String>]) -> Option<(usize, usize)> {
    grid.iter()
        .take(HEADER_ROWS)
        .enumerate()
        .map(|(i, row)| (i, header_columns(row).iter().flatten().count()))
        .find(|(_, known)| *known >= 3)
}

/// Finds the header row and keeps what is above it and below it.
pub(super) fn table(grid: Vec<Vec<String>>, limits: &Limits) -> Result<Table, SheetError> {
    let (header, _) = find_header(&grid).ok_or_else(|| {
        file_error(
            "No header row was found: the table needs a row that names its columns, such as \"Business function\", \"Purpose of processing\" and \"Categories of individuals\" (the ICO template's headers).",
        )
    })?;
    if grid.len() - header - 1 > limits.max_rows {
        return Err(file_error(format!(
            "The table has {} rows; at most {} can be imported at once.",
            grid.len() - header - 1,
            limits.max_rows
        )));
    }
    let columns = header_columns(&grid[header]);
    let headers: Vec<String> = grid[header].iter().map(|h| h.trim().to_owned()).collect();
    let mut out = Table {
        steward_export: columns.contains(&Some(crate::ico::col::NAME))
            && headers.iter().any(|h| h.ends_with("(Steward)")),
        header_row: header + 1,
        ..Table::default()
    };
    out.above = grid[..header].to_vec();
    for row in &grid[..header] {
        // A label and its value: the first two cells that say something.
        let mut said = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
        if let (Some(k), Some(v)) = (said.next(), said.next()) {
            out.controller
                .push((k.trim_end_matches(':').trim().to_owned(), v.to_owned()));
        }
    }
    for (i, row) in grid.into_iter().enumerate().skip(header + 1) {
        let mut cells = vec![String::new(); crate::ico::col::COUNT];
        let mut extras = vec![];
        for (c, cell) in row.into_iter().enumerate() {
            if cell.chars().count() > limits.max_cell {
                return Err(SheetError::Cells(vec![CellError {
                    row: i + 1,
                    column: c + 1,
                    column_name: headers
                        .get(c)
                        .cloned()
                        .unwrap_or_else(|| column_name(c + 1)),
                    message: format!("The cell is longer than {} characters.", limits.max_cell),
                }]));
            }
            if cell.trim().is_empty() {
                continue;
            }
            match columns.get(c).copied().flatten() {
                Some(column) => cells[column - 1] = cell,
                None => {
                    let name = headers
                        .get(c)
                        .filter(|h| !h.is_empty())
                        .cloned()
                        .unwrap_or_else(|| format!("column {}", c + 1));
                    extras.push((name, cell.trim().to_owned()));
                }
            }
        }
        if cells.iter().any(|c| !c.trim().is_empty()) || !extras.is_empty() {
            out.rows.push((i + 1, cells));
            out.extras.push(extras);
        }
    }
    Ok(out)
}
