//! Reading the ICO layout back (see [`crate::ico`]): a CSV or XLSX file
//! becomes new records, first shown as a preview, then added in one change
//! or not at all. Errors name the row and column of the cell to fix.
//!
//! **Bounded.** A file is refused before parsing when it is larger than
//! [`Limits::max_file`]; an XLSX (a zip archive) when any part unpacks to
//! more than [`Limits::max_unzipped`] (measured by unpacking, not by
//! trusting the archive's headers); a table with more than
//! [`Limits::max_rows`] rows or a cell longer than [`Limits::max_cell`]
//! characters is refused too.

use std::io::Read;

use serde::Serialize;
use steward_api::{FieldError, RegisterExport, Steward};

use crate::ico::{ICO_COLUMNS, STEWARD_COLUMNS, col};
use crate::ico_rows::Builder;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file: usize,
    pub max_unzipped: u64,
    pub max_rows: usize,
    pub max_cell: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file: 20 << 20,
            max_unzipped: 100 << 20,
            max_rows: 5_000,
            // Excel's own limit for one cell.
            max_cell: 32_767,
        }
    }
}

/// A cell to fix: its row and column as the spreadsheet numbers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CellError {
    pub row: usize,
    pub column: usize,
    pub column_name: String,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "row {}, column {} ({}): {}",
            self.row, self.column, self.column_name, self.message
        )
    }
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetError {
    /// The file as a whole cannot be read.
    File(String),
    /// These cells must be fixed.
    Cells(Vec<CellError>),
}

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SheetError::File(m) => write!(f, "{m} Nothing was imported."),
            SheetError::Cells(cells) => {
                writeln!(f, "Nothing was imported; fix these cells and import again:")?;
                for c in cells {
                    writeln!(f, "- {c}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for SheetError {}

/// For the app: the cells to fix become the error's fields, each named by
/// its row and column.
impl From<SheetError> for steward_api::ApiError {
    fn from(e: SheetError) -> Self {
        use steward_api::{ApiError, ErrorCode};
        match e {
            SheetError::File(m) => {
                ApiError::new(ErrorCode::Validation, format!("{m} Nothing was imported."))
            }
            SheetError::Cells(cells) => {
                let mut error = ApiError::new(
                    ErrorCode::Validation,
                    format!(
                        "Nothing was imported: {} cell{} of the spreadsheet need{} fixing.",
                        cells.len(),
                        if cells.len() == 1 { "" } else { "s" },
                        if cells.len() == 1 { "s" } else { "" }
                    ),
                );
                error.fields = cells
                    .into_iter()
                    .map(|c| FieldError {
                        field: format!("row {}, column {} ({})", c.row, c.column, c.column_name),
                        message: c.message,
                    })
                    .collect();
                error
            }
        }
    }
}

fn file_error(message: impl Into<String>) -> SheetError {
    SheetError::File(message.into())
}

/// A table read from a file: the controller block above the header, and
/// the data rows with their row numbers.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub controller: Vec<(String, String)>,
    pub rows: Vec<(usize, Vec<String>)>,
}

pub(crate) fn column_name(column: usize) -> String {
    ICO_COLUMNS
        .iter()
        .chain(STEWARD_COLUMNS.iter())
        .nth(column - 1)
        .map_or_else(|| format!("column {column}"), |c| (*c).to_owned())
}

/// Finds the header row and keeps what is above it and below it.
fn table(grid: Vec<Vec<String>>, limits: &Limits) -> Result<Table, SheetError> {
    let header = grid
        .iter()
        .position(|r| {
            r.first().is_some_and(|c| c.trim() == ICO_COLUMNS[0])
                && r.get(1).is_some_and(|c| c.trim() == ICO_COLUMNS[1])
        })
        .ok_or_else(|| {
            file_error(format!(
                "No header row was found: the ICO layout starts its table with the columns \"{}\" and \"{}\".",
                ICO_COLUMNS[0], ICO_COLUMNS[1]
            ))
        })?;
    if grid.len() - header - 1 > limits.max_rows {
        return Err(file_error(format!(
            "The table has {} rows; at most {} can be imported at once.",
            grid.len() - header - 1,
            limits.max_rows
        )));
    }
    let mut out = Table::default();
    for row in &grid[..header] {
        if let (Some(k), Some(v)) = (row.first(), row.get(1)) {
            out.controller
                .push((k.trim().to_owned(), v.trim().to_owned()));
        }
    }
    for (i, row) in grid.into_iter().enumerate().skip(header + 1) {
        for (c, cell) in row.iter().enumerate() {
            if cell.chars().count() > limits.max_cell {
                return Err(SheetError::Cells(vec![CellError {
                    row: i + 1,
                    column: c + 1,
                    column_name: column_name(c + 1),
                    message: format!("The cell is longer than {} characters.", limits.max_cell),
                }]));
            }
        }
        if row.iter().any(|c| !c.trim().is_empty()) {
            out.rows.push((i + 1, row));
        }
    }
    Ok(out)
}

/// Reads a CSV file (UTF-8, comma-separated, as [`crate::ico::csv`] writes).
pub fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Table, SheetError> {
    if bytes.len() > limits.max_file {
        return Err(file_error(format!(
            "The file is larger than {} MB.",
            limits.max_file >> 20
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut grid = vec![];
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| file_error(format!("Line {} is not valid CSV: {e}.", i + 1)))?;
        if grid.len() > limits.max_rows + 50 {
            return Err(file_error(format!(
                "The table has more than {} rows; at most that many can be imported at once.",
                limits.max_rows
            )));
        }
        grid.push(
            record
                .iter()
                .map(|c| match c.strip_prefix('\'') {
                    // The export's neutralised formula-like cells.
                    Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                        rest.to_owned()
                    }
                    _ => c.to_owned(),
                })
                .collect(),
        );
    }
    table(grid, limits)
}

/// Rows above the table (the controller block) that a sheet may have.
const HEADER_ROWS: usize = 200;
/// Columns a sheet may use: the ICO layout's 30, Steward's own, notes.
const MAX_COLUMNS: usize = 200;
/// Parts of a workbook (sheets, styles, relations…).
const MAX_PARTS: usize = 500;
/// Different texts a workbook may declare (as many as a full table's cells).
const MAX_SHARED_STRINGS: u64 = 1_000_000;

/// Fills `buf` from `reader` as far as it goes; returns how much was read.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// The `uniqueCount` (or else `count`) a shared-strings part declares in
/// its first bytes.
fn declared_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    ["uniqueCount=\"", "count=\""].iter().find_map(|key| {
        let start = text.find(key)? + key.len();
        let digits: String = text[start..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        // More digits than a u64 holds is more than any limit.
        Some(digits.parse().unwrap_or(u64::MAX))
    })
}

/// Reads the first worksheet of an XLSX file.
pub fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Table, SheetError> {
    use calamine::Reader;
    if bytes.len() > limits.max_file {
        return Err(file_error(format!(
            "The file is larger than {} MB.",
            limits.max_file >> 20
        )));
    }
    let not_xlsx = |e: &dyn std::fmt::Display| {
        file_error(format!(
            "This is not an XLSX workbook that can be read ({e})."
        ))
    };
    // Unpack every part once, counting, before the XML parser sees it.
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    if archive.len() > MAX_PARTS {
        return Err(file_error(format!(
            "This workbook has {} parts; a spreadsheet of a register has far fewer.",
            archive.len()
        )));
    }
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).map_err(|e| not_xlsx(&e))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        // The list of shared texts declares its length, and calamine
        // reserves room for that many before reading them.
        let mut head = vec![0u8; 4096];
        let read = read_up_to(&mut part, &mut head).map_err(|e| not_xlsx(&e))?;
        head.truncate(read);
        if name.ends_with("sharedStrings.xml")
            && let Some(count) = declared_count(&head)
            && count > MAX_SHARED_STRINGS
        {
            return Err(file_error(format!(
                "This workbook declares {count} different texts; a register's table holds at most {MAX_SHARED_STRINGS}."
            )));
        }
        let unpacked = read as u64
            + std::io::copy(
                &mut part.take(limits.max_unzipped + 1),
                &mut std::io::sink(),
            )
            .map_err(|e| not_xlsx(&e))?;
        if unpacked > limits.max_unzipped {
            return Err(file_error(format!(
                "The part {name} of this workbook unpacks to more than {} MB.",
                limits.max_unzipped >> 20
            )));
        }
    }
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| not_xlsx(&e))?;
    let first = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or_else(|| file_error("The workbook has no worksheet."))?;
    // Cell by cell, into a grid no larger than a register's table can be:
    // calamine's own `worksheet_range` sizes one dense grid from the cells'
    // extent, so two cells at A1 and XFD1048576 asked for 512 GiB.
    let (max_rows, max_columns) = (limits.max_rows + HEADER_ROWS, MAX_COLUMNS);
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| not_xlsx(&e))?;
    let mut grid: Vec<Vec<String>> = vec![];
    while let Some(cell) = cells.next_cell().map_err(|e| not_xlsx(&e))? {
        let (row, column) = cell.get_position();
        let value = calamine::Data::from(cell.get_value().clone()).to_string();
        if value.is_empty() {
            continue;
        }
        let (row, column) = (row as usize, column as usize);
        if row >= max_rows || column >= max_columns {
            return Err(file_error(format!(
                "The worksheet has a value at row {}, column {}: a register's table has at most {} rows and {} columns. Delete what lies outside the table and import again.",
                row + 1,
                column + 1,
                max_rows,
                max_columns
            )));
        }
        if value.chars().count() > limits.max_cell {
            return Err(SheetError::Cells(vec![CellError {
                row: row + 1,
                column: column + 1,
                column_name: column_name(column + 1),
                message: format!("The cell is longer than {} characters.", limits.max_cell),
            }]));
        }
        if grid.len() <= row {
            grid.resize_with(row + 1, Vec::new);
        }
        let line = &mut grid[row];
        if line.len() <= column {
            line.resize(column + 1, String::new());
        }
        line[column] = value;
    }
    table(grid, limits)
}

/// What an import would create, for the person to check first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IcoPreview {
    pub activities: Vec<PreviewActivity>,
    /// Recipients not in the register yet, by name.
    pub new_recipients: Vec<String>,
    pub new_source_organisations: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewActivity {
    pub row: usize,
    pub name: String,
    pub purposes: usize,
    pub subject_groups: usize,
    pub recipients: usize,
    pub transfers: usize,
    pub retention_rules: usize,
}

/// Reads `bytes` (an XLSX workbook when `xlsx`, else CSV) and checks every
/// row with the register's validators. With `apply`, adds the records in
/// one change; without, changes nothing. Either way, returns the preview.
pub fn import_ico(
    api: &mut Steward,
    bytes: &[u8],
    xlsx: bool,
    apply: bool,
) -> Result<IcoPreview, SheetError> {
    let limits = Limits::default();
    let table = if xlsx {
        read_xlsx(bytes, &limits)?
    } else {
        read_csv(bytes, &limits)?
    };
    let current = api
        .export_register()
        .map_err(|e| file_error(e.to_string()))?;
    let plan = Plan::new(&table, &current)?;
    // Validation runs in a throw-away register first, so that a preview
    // already shows every error.
    let mut scratch = Steward::open_in_memory(Box::new(steward_api::FixedClock::new(
        jiff::Timestamp::UNIX_EPOCH,
    )))
    .map_err(|e| file_error(e.to_string()))?;
    let validate_in = |api: &mut Steward, export: RegisterExport| {
        api.import_additions(export)
            .map_err(|e| plan.cell_errors(&e.fields, &e.message))
    };
    let mut dry = plan.export.clone();
    dry.recipients.extend(current.recipients.iter().cloned());
    dry.source_organisations
        .extend(current.source_organisations.iter().cloned());
    validate_in(&mut scratch, dry)?;
    if apply {
        validate_in(api, plan.export.clone())?;
    }
    Ok(plan.preview)
}

struct Plan {
    export: RegisterExport,
    preview: IcoPreview,
    /// Row of each activity of the export, in order.
    rows: Vec<usize>,
}

impl Plan {
    fn new(table: &Table, current: &RegisterExport) -> Result<Plan, SheetError> {
        let mut builder = Builder {
            current,
            recipients: vec![],
            sources: vec![],
            errors: vec![],
            row: 0,
        };
        let mut activities = vec![];
        let mut rows = vec![];
        let mut preview = vec![];
        for (row, cells) in &table.rows {
            builder.row = *row;
            let activity = builder.activity(cells);
            preview.push(PreviewActivity {
                row: *row,
                name: activity.activity.fields.name.clone(),
                purposes: activity.purposes.len(),
                subject_groups: activity.subject_groups.len(),
                recipients: activity.recipients.len(),
                transfers: activity.transfers.len(),
                retention_rules: activity.retention_rules.len(),
            });
            rows.push(*row);
            activities.push(activity);
        }
        if !builder.errors.is_empty() {
            return Err(SheetError::Cells(builder.errors));
        }
        let mut organisation = steward_core::OrganisationDraft::default();
        for (k, v) in &table.controller {
            match k.as_str() {
                "Name of controller" => organisation.legal_name = v.clone(),
                "Address" => organisation.address = v.clone(),
                "Contact" => organisation.contact_email = v.clone(),
                "Data Protection Officer" => organisation.dpo_name = v.clone(),
                "DPO contact details" => organisation.dpo_contact = v.clone(),
                "Representative" => organisation.eu_representative = v.clone(),
                _ => {}
            }
        }
        let preview = IcoPreview {
            activities: preview,
            new_recipients: builder
                .recipients
                .iter()
                .map(|r| r.fields.legal_name.clone())
                .collect(),
            new_source_organisations: builder
                .sources
                .iter()
                .map(|s| s.fields.name.clone())
                .collect(),
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
        })
    }

    /// The validators' errors (paths into the export) as cells.
    fn cell_errors(&self, fields: &[FieldError], message: &str) -> SheetError {
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
