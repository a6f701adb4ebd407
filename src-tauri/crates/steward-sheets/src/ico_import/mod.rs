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

//!
//! The parts: [`read`] turns the bytes of a CSV, XLSX or ODS file into a
//! grid, bounded; [`table`] finds the header and maps the columns by their
//! words; [`organisation`] reads the controller block above the header;
//! [`plan`] turns the rows into records and the preview.

mod again;
mod organisation;
mod plan;
mod read;
mod table;

use serde::Serialize;
use steward_api::{FieldError, Steward};

use crate::ico_rows::{KeptCell, LinkedName};
use plan::Plan;
pub use read::{is_ods, read_csv, read_ods, read_xlsx};
pub use table::Table;
pub(crate) use table::column_name;

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

/// What an import would create, for the person to check first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IcoPreview {
    pub activities: Vec<PreviewActivity>,
    /// Recipients not in the register yet, by name.
    pub new_recipients: Vec<String>,
    pub new_source_organisations: Vec<String>,
    /// Names written in the sheet that were linked to a record by another
    /// name (a typo, a trading name, the processor catalogue's entry).
    pub linked: Vec<LinkedName>,
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
    /// The register holds this activity already (the same name and
    /// business function): the import updates it instead of adding it.
    pub updates: bool,
    /// For an update, what changes ("description", "purposes: 1 added");
    /// empty when the sheet says nothing new.
    pub changes: Vec<String>,
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
    // An activity imported before is updated, not added again.
    let matched = again::match_existing(&mut plan.export, &current);
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
    again::show(
        &matched,
        &plan.export,
        &current,
        &mut plan.preview.activities,
    );
    if apply {
        api.import_additions_updating(plan.export.clone(), &matched.existing_ids)
            .map_err(|e| plan.cell_errors(&e.fields, &e.message))?;
    }
    Ok(plan.preview)
}
