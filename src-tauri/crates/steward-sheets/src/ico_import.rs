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
use crate::ico_rows::{Builder, KeptCell};

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
fn find_header(grid: &[Vec<String>]) -> Option<(usize, usize)> {
    grid.iter()
        .take(HEADER_ROWS)
        .enumerate()
        .map(|(i, row)| (i, header_columns(row).iter().flatten().count()))
        .find(|(_, known)| *known >= 3)
}

/// Finds the header row and keeps what is above it and below it.
fn table(grid: Vec<Vec<String>>, limits: &Limits) -> Result<Table, SheetError> {
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

/// The text of a CSV file: UTF-8 (with or without a byte-order mark), or
/// else Windows-1252, as older Excel saves it.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    }
}

fn parse_csv(text: &str, delimiter: u8, limits: &Limits) -> Result<Vec<Vec<String>>, SheetError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = vec![];
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| file_error(format!("Line {} is not valid CSV: {e}.", i + 1)))?;
        if grid.len() > limits.max_rows + HEADER_ROWS {
            return Err(file_error(format!(
                "The table has more than {} rows; at most that many can be imported at once.",
                limits.max_rows
            )));
        }
        if record.len() > MAX_COLUMNS {
            return Err(file_error(format!(
                "Line {} has {} cells: a register's table has at most {MAX_COLUMNS} columns.",
                i + 1,
                record.len()
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
    Ok(grid)
}

/// Reads a CSV file: UTF-8 or Windows-1252, its cells separated by commas,
/// semicolons or tabs (whichever makes a header row of the layout).
pub fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Table, SheetError> {
    if bytes.len() > limits.max_file {
        return Err(file_error(format!(
            "The file is larger than {} MB.",
            limits.max_file >> 20
        )));
    }
    let text = decode(bytes);
    let mut best: Option<(usize, Vec<Vec<String>>)> = None;
    let mut first_error = None;
    for delimiter in [b',', b';', b'\t'] {
        match parse_csv(&text, delimiter, limits) {
            Ok(grid) => {
                let known = find_header(&grid).map_or(0, |(_, known)| known);
                if best.as_ref().is_none_or(|(k, _)| known > *k) {
                    best = Some((known, grid));
                }
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (best, first_error) {
        (Some((_, grid)), _) => table(grid, limits),
        (None, Some(e)) => Err(e),
        (None, None) => Err(file_error("The file is empty.")),
    }
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

/// Whether a zip archive is an OpenDocument spreadsheet (LibreOffice's
/// own format): its first part, `mimetype`, says so.
pub fn is_ods(bytes: &[u8]) -> bool {
    // The mimetype part is stored first and uncompressed: its name at
    // offset 30, its text right after.
    bytes.get(30..38) == Some(b"mimetype")
        && bytes
            .get(38..38 + 46)
            .is_some_and(|m| m == b"application/vnd.oasis.opendocument.spreadsheet")
}

/// Cells a workbook's tables may spread over once repeated rows and
/// columns are counted: every table a register's could be, and more.
const MAX_SPREAD_CELLS: u64 = 2_000_000;

/// Counts what calamine would build from an ODS `content.xml` before it
/// builds it: a row or a cell may say it repeats a million times, and
/// calamine expands the repeats between the first and the last cell that
/// holds something. Refuses a workbook whose tables spread over more than
/// [`MAX_SPREAD_CELLS`].
fn check_ods_spread(content: &[u8]) -> Result<(), SheetError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buf = vec![];
    let repeats = |e: &quick_xml::events::BytesStart, key: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.parse::<u64>().ok())
            .unwrap_or(1)
            .max(1)
    };
    // Per table: rows from the first to the last that hold something, the
    // widest such row, and the empty rows waiting to be counted.
    let (mut rows, mut width, mut pending) = (0u64, 0u64, 0u64);
    let (mut row_repeat, mut cursor, mut row_width) = (1u64, 0u64, 0u64);
    let mut total = 0u64;
    let too_large = |spread: u64| {
        file_error(format!(
            "This workbook's tables spread over {spread} cells once their repeated rows and columns are counted; a register's table has at most {MAX_SPREAD_CELLS}. Delete what lies outside the table and import again."
        ))
    };
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            file_error(format!(
                "This is not an ODS spreadsheet that can be read ({e})."
            ))
        })?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => (rows, width, pending) = (0, 0, 0),
                "table:table-row" => {
                    (row_repeat, cursor, row_width) =
                        (repeats(e, "table:number-rows-repeated"), 0, 0);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    cursor = cursor.saturating_add(repeats(e, "table:number-columns-repeated"));
                    let holds = matches!(event, Event::Start(_))
                        || e.attributes()
                            .flatten()
                            .any(|a| a.key.as_ref() == "office:value-type");
                    if holds {
                        row_width = cursor;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => {
                    if row_width > 0 {
                        rows = rows.saturating_add(pending).saturating_add(row_repeat);
                        pending = 0;
                        width = width.max(row_width);
                    } else if rows > 0 {
                        pending = pending.saturating_add(row_repeat);
                    }
                    let spread = total.saturating_add(rows.saturating_mul(width));
                    if spread > MAX_SPREAD_CELLS {
                        return Err(too_large(spread));
                    }
                }
                "table:table" => {
                    total = total.saturating_add(rows.saturating_mul(width));
                    (rows, width, pending) = (0, 0, 0);
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Reads an ODS spreadsheet: the first of its sheets that has the
/// layout's header row (a workbook may keep notes or lists on other
/// sheets).
pub fn read_ods(bytes: &[u8], limits: &Limits) -> Result<Table, SheetError> {
    use calamine::Reader;
    let not_ods = |e: &dyn std::fmt::Display| {
        file_error(format!(
            "This is not an ODS spreadsheet that can be read ({e})."
        ))
    };
    check_zip(bytes, limits, "spreadsheet")?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_ods(&e))?;
    let mut content = vec![];
    archive
        .by_name("content.xml")
        .map_err(|e| not_ods(&e))?
        .take(limits.max_unzipped)
        .read_to_end(&mut content)
        .map_err(|e| not_ods(&e))?;
    check_ods_spread(&content)?;
    let mut book: calamine::Ods<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| not_ods(&e))?;
    let names = book.sheet_names();
    let mut first_error = None;
    for name in names.iter().take(MAX_PARTS) {
        let range = book.worksheet_range(name).map_err(|e| not_ods(&e))?;
        let (height, width) = range.get_size();
        if height > limits.max_rows + HEADER_ROWS || width > MAX_COLUMNS {
            first_error.get_or_insert_with(|| {
                file_error(format!(
                    "The sheet \"{name}\" has {height} rows and {width} columns: a register's table has at most {} rows and {MAX_COLUMNS} columns.",
                    limits.max_rows + HEADER_ROWS
                ))
            });
            continue;
        }
        // The grid from row 1 and column A, as the sheet numbers them.
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut grid: Vec<Vec<String>> = vec![vec![]; top];
        for row in range.rows() {
            let mut line = vec![String::new(); left];
            line.extend(row.iter().map(|c| c.to_string()));
            grid.push(line);
        }
        if find_header(&grid).is_some() {
            return table(grid, limits);
        }
    }
    Err(first_error.unwrap_or_else(|| {
        file_error(
            "No sheet of this workbook has a header row: the table needs a row that names its columns, such as \"Business function\", \"Purpose of processing\" and \"Categories of individuals\" (the ICO template's headers).",
        )
    }))
}

/// Checks a zip archive before any XML parser sees it: its size, how many
/// parts it has, and what each unpacks to (by unpacking, not by trusting
/// the archive's headers).
fn check_zip(bytes: &[u8], limits: &Limits, what: &str) -> Result<(), SheetError> {
    if bytes.len() > limits.max_file {
        return Err(file_error(format!(
            "The file is larger than {} MB.",
            limits.max_file >> 20
        )));
    }
    let broken = |e: &dyn std::fmt::Display| {
        file_error(format!("This is not a {what} that can be read ({e})."))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| broken(&e))?;
    if archive.len() > MAX_PARTS {
        return Err(file_error(format!(
            "This workbook has {} parts; a spreadsheet of a register has far fewer.",
            archive.len()
        )));
    }
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|e| broken(&e))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let unpacked = std::io::copy(
            &mut part.take(limits.max_unzipped + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| broken(&e))?;
        if unpacked > limits.max_unzipped {
            return Err(file_error(format!(
                "The part {name} of this workbook unpacks to more than {} MB.",
                limits.max_unzipped >> 20
            )));
        }
    }
    Ok(())
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
    /// Rows that are not activities (a section heading, a note under the
    /// table): left out, each with its text.
    pub skipped_rows: Vec<KeptCell>,
    /// The cells of the table's rows that say something…
    pub cells: usize,
    /// …and how many of them went, whole or in part, into no typed field.
    pub cells_kept_as_written: usize,
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
    /// What no field took: kept as written in the activity's description,
    /// each with the reason.
    pub kept_as_written: Vec<KeptCell>,
}

impl IcoPreview {
    /// The share of the cells that said something that went into typed
    /// fields.
    pub fn typed_share(&self) -> f64 {
        if self.cells == 0 {
            return 1.0;
        }
        1.0 - self.cells_kept_as_written as f64 / self.cells as f64
    }
}

/// Reads `bytes` (a zip archive when `xlsx`: an XLSX workbook, or an ODS
/// spreadsheet when its mimetype says so; else CSV) and checks every
/// row with the register's validators. With `apply`, adds the records in
/// one change; without, changes nothing. Either way, returns the preview.
///
/// A phrase Steward does not recognise never refuses a row: what is
/// understood goes into its field and the rest is kept as written, in the
/// activity's description, and listed in the preview with the reason. So
/// is a value the register's rules refuse (a legitimate-interests purpose
/// with no interest named): the value is taken out and kept as written.
pub fn import_ico(
    api: &mut Steward,
    bytes: &[u8],
    xlsx: bool,
    apply: bool,
) -> Result<IcoPreview, SheetError> {
    import_ico_rows(api, bytes, xlsx, apply, &[])
}

/// [`import_ico`], leaving out the rows (as the sheet numbers them) that
/// the person unticked in the preview: they are listed as left out.
pub fn import_ico_rows(
    api: &mut Steward,
    bytes: &[u8],
    xlsx: bool,
    apply: bool,
    leave_out: &[usize],
) -> Result<IcoPreview, SheetError> {
    let limits = Limits::default();
    let table = if xlsx && is_ods(bytes) {
        read_ods(bytes, &limits)?
    } else if xlsx {
        read_xlsx(bytes, &limits)?
    } else {
        read_csv(bytes, &limits)?
    };
    let current = api
        .export_register()
        .map_err(|e| file_error(e.to_string()))?;
    let mut plan = Plan::new(&table, &current, leave_out)?;
    // Validation runs in a throw-away register first, so that a preview
    // already shows every error; what the rules refuse is taken out of the
    // plan and kept as written, a few rounds at most. A refused import
    // writes nothing, so the one throw-away register serves every round.
    let mut scratch = Steward::open_in_memory(Box::new(steward_api::FixedClock::new(
        jiff::Timestamp::UNIX_EPOCH,
    )))
    .map_err(|e| file_error(e.to_string()))?;
    for round in 0.. {
        let mut dry = plan.export.clone();
        dry.recipients.extend(current.recipients.iter().cloned());
        dry.source_organisations
            .extend(current.source_organisations.iter().cloned());
        let Err(e) = scratch.import_additions(dry) else {
            break;
        };
        if table.steward_export || round == 5 || e.fields.is_empty() || !plan.set_aside(&e.fields) {
            return Err(plan.cell_errors(&e.fields, &e.message));
        }
    }
    plan.finish();
    if apply {
        api.import_additions(plan.export.clone())
            .map_err(|e| plan.cell_errors(&e.fields, &e.message))?;
    }
    Ok(plan.preview)
}

struct Plan {
    export: RegisterExport,
    preview: IcoPreview,
    /// Row of each activity of the export, in order.
    rows: Vec<usize>,
    /// The cells of each activity's row, by the layout's columns, and the
    /// columns the layout has no place for.
    cells: Vec<RowCells>,
}

/// A row's cells by the layout's columns, and the columns (header, text)
/// the layout has no place for.
type RowCells = (Vec<String>, Vec<(String, String)>);

/// The organisation from the rows above the table: the ICO template's
/// block (a row "Name | Address | Email | Telephone", then a row each for
/// the controller, the DPO and the representative), or label and value
/// pairs ("Name of controller: …", as Steward writes them). A DPO cell
/// that says there is none ("Not required", "None", "not a formal DPO")
/// names no DPO.
fn organisation_of(table: &Table) -> steward_core::OrganisationDraft {
    use crate::phrases::{fold, is_no};
    let mut o = steward_core::OrganisationDraft::default();
    let no_one = |text: &str| {
        let f = fold(text);
        text.trim().is_empty()
            || is_no(text)
            || f.starts_with("not ")
            || f.contains("not a formal")
            || f.contains("not appointed")
            || f.contains("not required")
    };
    let block = table.above.iter().position(|row| {
        let f: Vec<String> = row.iter().map(|c| fold(c)).collect();
        f.iter().any(|c| c == "name") && f.iter().any(|c| c == "address")
    });
    if let Some(h) = block {
        let at = |label: &str| table.above[h].iter().position(|c| fold(c) == label);
        let (name, address, email, phone) = (
            at("name"),
            at("address"),
            at("email"),
            at("telephone").or(at("phone")),
        );
        for row in &table.above[h + 1..] {
            let Some(label) = row.iter().find(|c| !c.trim().is_empty()).map(|c| fold(c)) else {
                continue;
            };
            let cell = |c: Option<usize>| {
                c.and_then(|c| row.get(c))
                    .map_or(String::new(), |v| v.trim().to_owned())
            };
            if label.starts_with("controller") || label == "name of controller" {
                o.legal_name = cell(name);
                o.address = cell(address);
                o.contact_email = cell(email);
            } else if label.starts_with("data protection officer") || label == "dpo" {
                if !no_one(&cell(name)) {
                    o.dpo_name = cell(name);
                    o.dpo_contact = [cell(email), cell(phone), cell(address)]
                        .into_iter()
                        .find(|c| !c.is_empty())
                        .unwrap_or_default();
                }
            } else if label.starts_with("representative") {
                let who: Vec<String> = [cell(name), cell(address), cell(email)]
                    .into_iter()
                    .filter(|c| !c.is_empty())
                    .collect();
                if !who.is_empty() && !no_one(&who[0]) {
                    o.eu_representative = who.join(", ");
                }
            }
        }
        return o;
    }
    for (k, v) in &table.controller {
        match fold(k).as_str() {
            "name of controller" | "name" | "organisation" | "organization" | "controller" => {
                o.legal_name = v.clone();
            }
            "address" => o.address = v.clone(),
            "contact" | "email" | "contact email" => o.contact_email = v.clone(),
            "data protection officer" | "dpo" if table.steward_export || !no_one(v) => {
                o.dpo_name = v.clone();
            }
            "dpo contact details" | "dpo contact" => o.dpo_contact = v.clone(),
            "representative" if table.steward_export || !no_one(v) => {
                o.eu_representative = v.clone();
            }
            _ => {}
        }
    }
    // No block: a title such as "Riverside Rowing Club – GDPR register"
    // names the organisation, and an email address above the table is its
    // contact.
    let lines = || {
        table
            .above
            .iter()
            .flatten()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    };
    if o.legal_name.is_empty()
        && let Some(name) = lines().find_map(|l| {
            [" – ", " — ", " - "]
                .iter()
                .find_map(|d| l.split_once(d))
                .map(|(name, _)| name.trim().to_owned())
        })
    {
        o.legal_name = name;
    }
    if o.contact_email.is_empty()
        && let Some(email) = lines().flat_map(|l| l.split_whitespace()).find_map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let (user, domain) = w.split_once('@')?;
            (!user.is_empty() && domain.contains('.')).then(|| w.to_owned())
        })
    {
        o.contact_email = email;
    }
    o
}

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
    fn new(
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
    fn set_aside(&mut self, fields: &[FieldError]) -> bool {
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
    fn finish(&mut self) {
        // A cell counts as kept as written when every item of it is in
        // what was kept from its column; kept in part, it counts as typed
        // (as `tests/fixtures/registers/README.md` counts).
        let (mut said, mut kept_whole) = (0, 0);
        for ((cells, extras), preview) in self.cells.iter().zip(&self.preview.activities) {
            let kept_from = |column: &str| -> Vec<String> {
                preview
                    .kept_as_written
                    .iter()
                    .filter(|k| k.column == column)
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
            if preview.kept_as_written.is_empty() {
                continue;
            }
            let description = &mut activity.activity.fields.description;
            if !description.is_empty() {
                description.push_str("\n\n");
            }
            description.push_str("From the spreadsheet, kept as written (to review):");
            for k in &preview.kept_as_written {
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
