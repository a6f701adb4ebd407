//! Files to grids, bounded before anything is allocated: CSV in any
//! common encoding and delimiter, XLSX and ODS (zip archives whose parts
//! are measured by unpacking, and whose sheets' spread is checked before
//! the grid is sized).

use std::io::Read;

use super::table::{HEADER_ROWS, Table, column_name, find_header, table};
use super::{CellError, Limits, SheetError, file_error};

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

/// The last cell a spreadsheet can have: XFD1048576.
const LAST_ROW: u64 = 1_048_576;
const LAST_COLUMN: u64 = 16_384;

/// Whether `text` is a reference a spreadsheet can hold: a cell ("B7",
/// "$XFD$1048576"), a whole column ("B") or a whole row ("7").
fn plausible_reference(text: &str) -> bool {
    let text = text.replace('$', "");
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (column, row) = text.split_at(letters);
    if letters > 3 || row.len() > 7 || !row.bytes().all(|b| b.is_ascii_digit()) || text.is_empty() {
        return false;
    }
    let column = column.bytes().fold(0u64, |n, c| {
        n * 26 + u64::from(c.to_ascii_uppercase() - b'A') + 1
    });
    let row_fits = row.is_empty()
        || row
            .parse::<u64>()
            .is_ok_and(|r| (1..=LAST_ROW).contains(&r));
    column <= LAST_COLUMN && row_fits
}

/// Refuses a worksheet whose rows, cells or extent refer to a place no
/// spreadsheet has (a column "AIIII…", a row of twelve digits): calamine
/// computes their position in 32 bits and would overflow. The sheet's bytes
/// are scanned for every `r` and `ref` attribute, whatever element holds
/// it and however broken the XML around it is: calamine reads on past
/// mistakes an XML parser stops at, so a parse would miss what calamine
/// then reaches (the fuzzer showed it).
fn check_cell_references(mut part: impl Read, name: &str) -> Result<(), SheetError> {
    let mut sheet = vec![];
    part.read_to_end(&mut sheet)
        .map_err(|e| file_error(format!("The worksheet {name} cannot be read ({e}).")))?;
    let mut at = 0;
    while at < sheet.len() {
        let Some(value) = attribute_value(&sheet, &mut at) else {
            continue;
        };
        let value = String::from_utf8_lossy(value);
        if !value.split(':').all(plausible_reference) {
            let shown: String = value.chars().take(40).collect();
            return Err(file_error(format!(
                "The worksheet {name} refers to the cell \"{shown}\", which no spreadsheet has (the last one is XFD1048576). Save the file again from your spreadsheet program and import it again."
            )));
        }
    }
    Ok(())
}

/// From `*at` on, the value of the next `r` or `ref` attribute (a name
/// after white space, then `=` and a quoted value, with white space allowed
/// around `=`), moving `*at` past it; `None` when the byte at `*at` starts
/// no such attribute (`*at` then moves on by one).
fn attribute_value<'a>(sheet: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let start = *at;
    *at += 1;
    if start == 0 || !sheet[start - 1].is_ascii_whitespace() {
        return None;
    }
    let rest = &sheet[start..];
    let name_len = if rest.starts_with(b"ref") {
        3
    } else if rest.starts_with(b"r") {
        1
    } else {
        return None;
    };
    let mut i = start + name_len;
    let skip_space = |i: &mut usize| {
        while *i < sheet.len() && sheet[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_space(&mut i);
    if sheet.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    skip_space(&mut i);
    let quote = *sheet.get(i).filter(|q| matches!(q, b'"' | b'\''))?;
    let value_start = i + 1;
    let len = sheet[value_start..].iter().position(|b| *b == quote)?;
    *at = value_start + len + 1;
    Some(&sheet[value_start..value_start + len])
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
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(|e| not_xlsx(&e))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            check_cell_references(part.take(limits.max_unzipped), &name)?;
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
