// Tests for the documents page: the PDF export's request (paper, statuses, business
// functions, change history), its progress and result, cancelled dialogs, field errors;
// the spreadsheet exports; the import's preview, confirmation, cancellation and errors;
// and the navigation entry.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportedFile, ExportProgress, IcoPreview } from "../../ipc";
import * as ipc from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { describedByText, setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const PDF: ExportedFile = {
  fileName: "record-of-processing-activities-2026-12-01.pdf",
  folder: "/home/alex/Documents",
};

const XLSX: ExportedFile = {
  fileName: "register-ico-layout-2026-12-01.xlsx",
  folder: "/home/alex/Desktop",
};

const PREVIEW: IcoPreview = {
  activities: [
    {
      row: 8,
      name: "Member administration",
      purposes: 2,
      subjectGroups: 1,
      recipients: 3,
      transfers: 1,
      retentionRules: 4,
      keptAsWritten: [
        {
          row: 8,
          column: "Article 6 lawful basis for processing personal data",
          text: "Vital interests / consent",
          reason: "Names more than one lawful basis: choose one.",
          typed: false,
        },
        {
          row: 8,
          column: "Categories of recipients",
          text: "Hetzner (hosting)",
          reason: "The role is not stated: recorded as a processor; check it.",
          typed: true,
        },
      ],
      updates: false,
      changes: [],
    },
    {
      row: 9,
      name: "Newsletter",
      purposes: 1,
      subjectGroups: 2,
      recipients: 1,
      transfers: 0,
      retentionRules: 1,
      keptAsWritten: [],
      // Imported before: the register's Newsletter is updated.
      updates: true,
      changes: ["recipients: 1 added"],
    },
  ],
  newRecipients: ["Mailchimp Inc.", "Hetzner Online GmbH"],
  newSourceOrganisations: [],
  linked: [{ written: "Hetzner", record: "Hetzner Online GmbH", fromCatalogue: true }],
  skippedRows: [
    {
      row: 7,
      column: "",
      text: "MEMBERS",
      reason: "Not an activity: a heading or a note, left out.",
      typed: false,
    },
  ],
  cells: 20,
  cellsKeptAsWritten: 1,
};

/** A promise the test settles when it wants to, to look at the page while a command runs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue([
    makeActivity({ id: "a1", name: "Member administration", businessFunction: "Membership" }),
    makeActivity({ id: "a2", name: "Newsletter", businessFunction: "Communications" }),
    makeActivity({ id: "a3", name: "Summer fair", businessFunction: "" }),
    makeActivity({ id: "a4", name: "Fees", businessFunction: "Membership" }),
  ]);
});

function renderPage() {
  return renderWithProviders({ route: "/documents" });
}

const startOfThisYear = `${new Date().getFullYear()}-01-01`;

describe("documents page", () => {
  it("is in the navigation after the privacy policy", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });

    await user.click(screen.getByTestId("nav-documents"));

    expect(router.state.location.pathname).toBe("/documents");
    expect(screen.getByTestId("nav-documents")).toHaveAttribute("data-active", "true");
    expect(screen.getByRole("heading", { level: 2, name: "Documents" })).toBeInTheDocument();
    expect(screen.getByText("Record of processing activities (PDF)")).toBeInTheDocument();
    expect(screen.getByText("Spreadsheet (ICO layout)")).toBeInTheDocument();
    expect(screen.getByText("Import from a spreadsheet (ICO layout)")).toBeInTheDocument();
  });
});

describe("record of processing activities (PDF)", () => {
  it("exports every activity on A4 by default, then shows where the file went and opens the folder", async () => {
    vi.mocked(ipc.exportRopa).mockResolvedValue(PDF);
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-export"));

    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(1));
    expect(ipc.exportRopa).toHaveBeenCalledWith({
      paper: "a4",
      statuses: [],
      businessFunctions: [],
      historySince: null,
    });
    const done = await screen.findByTestId("export-done");
    expect(done).toHaveTextContent(`Saved ${PDF.fileName} in ${PDF.folder}`);
    expect(within(screen.getByTestId("ropa-card")).getByTestId("export-done")).toBe(done);
    expect(ipc.revealExport).not.toHaveBeenCalled();

    await user.click(within(done).getByTestId("export-reveal"));

    await waitFor(() => expect(ipc.revealExport).toHaveBeenCalledTimes(1));
  });

  it("sends the chosen paper, statuses, business functions and history date", async () => {
    const { user } = renderPage();

    await user.click(within(screen.getByTestId("ropa-paper")).getByLabelText("US Letter"));
    // Ticked out of order: sent in the order shown.
    await user.click(screen.getByTestId("ropa-status-retired"));
    await user.click(screen.getByTestId("ropa-status-draft"));

    const functions = screen.getByTestId("ropa-functions");
    await waitFor(() => expect(functions).toBeEnabled());
    await user.click(functions);
    const options = await screen.findAllByRole("option");
    // Each business function once, sorted; activities without one add none.
    expect(options.map((option) => option.textContent)).toEqual(["Communications", "Membership"]);
    await user.click(screen.getByRole("option", { name: "Membership" }));

    expect(screen.queryByTestId("ropa-history-since")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("ropa-history"));
    const since = screen.getByTestId("ropa-history-since");
    expect(since).toHaveAttribute("type", "date");
    expect(since).toHaveValue(startOfThisYear);

    await user.click(screen.getByTestId("ropa-export"));
    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(1));
    expect(ipc.exportRopa).toHaveBeenLastCalledWith({
      paper: "us-letter",
      statuses: ["draft", "retired"],
      businessFunctions: ["Membership"],
      historySince: startOfThisYear,
    });

    fireEvent.change(since, { target: { value: "2026-06-15" } });
    await user.click(screen.getByTestId("ropa-status-draft"));
    await waitFor(() => expect(screen.getByTestId("ropa-export")).toBeEnabled());
    await user.click(screen.getByTestId("ropa-export"));
    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(2));
    expect(ipc.exportRopa).toHaveBeenLastCalledWith(
      expect.objectContaining({ statuses: ["retired"], historySince: "2026-06-15" }),
    );

    // Unticking the history sends no date again.
    await user.click(screen.getByTestId("ropa-history"));
    await waitFor(() => expect(screen.getByTestId("ropa-export")).toBeEnabled());
    await user.click(screen.getByTestId("ropa-export"));
    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(3));
    expect(ipc.exportRopa).toHaveBeenLastCalledWith(
      expect.objectContaining({ historySince: null }),
    );
  });

  it("shows the stages while it runs, holds every button, and stops listening afterwards", async () => {
    const unlisten = vi.fn();
    let report: ((progress: ExportProgress) => void) | undefined;
    vi.mocked(ipc.listenToExportProgress).mockImplementation(async (onProgress) => {
      report = onProgress;
      return unlisten;
    });
    const running = deferred<ExportedFile | null>();
    vi.mocked(ipc.exportRopa).mockReturnValue(running.promise);
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-export"));
    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(1));
    // Listening starts before the export, so that no stage is missed.
    expect(vi.mocked(ipc.listenToExportProgress).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(ipc.exportRopa).mock.invocationCallOrder[0] ?? 0,
    );
    for (const testId of ["ropa-export", "sheet-export-xlsx", "sheet-export-csv", "ico-choose"]) {
      expect(screen.getByTestId(testId)).toBeDisabled();
    }

    act(() => report?.({ step: 2, steps: 3, stage: "Typesetting the record" }));
    const progress = await screen.findByTestId("export-progress");
    expect(progress).toHaveTextContent("Typesetting the record");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "67");
    act(() => report?.({ step: 3, steps: 3, stage: "Writing the file" }));
    expect(progress).toHaveTextContent("Writing the file");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    expect(unlisten).not.toHaveBeenCalled();

    await act(async () => running.resolve(PDF));

    expect(await screen.findByTestId("export-done")).toHaveTextContent(PDF.fileName);
    expect(unlisten).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("export-progress")).not.toBeInTheDocument();
    for (const testId of ["ropa-export", "sheet-export-xlsx", "sheet-export-csv", "ico-choose"]) {
      expect(screen.getByTestId(testId)).toBeEnabled();
    }
  });

  it("shows nothing when the save dialog is cancelled", async () => {
    const unlisten = vi.fn();
    vi.mocked(ipc.listenToExportProgress).mockResolvedValue(unlisten);
    vi.mocked(ipc.exportRopa).mockResolvedValue(null);
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-export"));

    await waitFor(() => expect(ipc.exportRopa).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId("ropa-export")).toBeEnabled());
    expect(unlisten).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();
    expect(screen.queryByTestId("export-progress")).not.toBeInTheDocument();
    expect(screen.queryByTestId("form-error-alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a refused history date on the date input, until it is changed", async () => {
    vi.mocked(ipc.exportRopa).mockRejectedValue(
      new ipc.StewardError("validation", "Please check the highlighted fields.", [
        { field: "historySince", message: '"2026-13-01" is not a date: use the form 2026-01-31.' },
      ]),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-history"));
    await user.click(screen.getByTestId("ropa-export"));

    const since = screen.getByTestId("ropa-history-since");
    await waitFor(() => expect(since).toHaveAttribute("aria-invalid", "true"));
    expect(describedByText(since)).toContain("is not a date: use the form 2026-01-31.");
    expect(screen.getByTestId("form-error-alert")).toHaveTextContent(
      "Please check the highlighted fields.",
    );
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();

    fireEvent.change(since, { target: { value: "2026-02-01" } });
    expect(since).not.toHaveAttribute("aria-invalid", "true");
    expect(describedByText(since)).not.toContain("is not a date");
  });

  it("asks for a date instead of exporting when the history has none", async () => {
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-history"));
    const since = screen.getByTestId("ropa-history-since");
    fireEvent.change(since, { target: { value: "" } });
    await user.click(screen.getByTestId("ropa-export"));

    expect(describedByText(since)).toContain("Enter the date from which to list the changes.");
    expect(ipc.exportRopa).not.toHaveBeenCalled();
  });

  it("shows why the export failed", async () => {
    vi.mocked(ipc.exportRopa).mockRejectedValue(
      new ipc.StewardError("storage", "Could not write /media/usb/record.pdf: disk full."),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-export"));

    const alert = await screen.findByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Could not export the record");
    expect(alert).toHaveTextContent("Could not write /media/usb/record.pdf: disk full.");
    expect(screen.getByTestId("ropa-export")).toBeEnabled();
  });

  it("tells when the folder cannot be opened", async () => {
    vi.mocked(ipc.exportRopa).mockResolvedValue(PDF);
    vi.mocked(ipc.revealExport).mockRejectedValue(
      new ipc.StewardError("internal", "Could not open the folder: no file manager."),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("ropa-export"));
    await user.click(await screen.findByTestId("export-reveal"));

    expect(await screen.findByText("Could not open the folder: no file manager.")).toBeVisible();
  });
});

describe("spreadsheet (ICO layout)", () => {
  it("exports XLSX or CSV and shows where the file went", async () => {
    vi.mocked(ipc.exportSpreadsheet).mockResolvedValueOnce(XLSX).mockResolvedValueOnce(null);
    const { user } = renderPage();

    await user.click(screen.getByTestId("sheet-export-xlsx"));

    await waitFor(() => expect(ipc.exportSpreadsheet).toHaveBeenCalledWith("xlsx"));
    const card = screen.getByTestId("sheet-card");
    const done = await within(card).findByTestId("export-done");
    expect(done).toHaveTextContent(`Saved ${XLSX.fileName} in ${XLSX.folder}`);
    expect(ipc.exportRopa).not.toHaveBeenCalled();

    // The CSV dialog is cancelled: the earlier result goes, and nothing new appears.
    await user.click(screen.getByTestId("sheet-export-csv"));
    await waitFor(() => expect(ipc.exportSpreadsheet).toHaveBeenLastCalledWith("csv"));
    expect(ipc.exportSpreadsheet).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.getByTestId("sheet-export-csv")).toBeEnabled());
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();
  });

  it("shows why the export failed", async () => {
    vi.mocked(ipc.exportSpreadsheet).mockRejectedValue(
      new ipc.StewardError("storage", "Could not write /tmp/register.csv: read-only."),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("sheet-export-csv"));

    const alert = await within(screen.getByTestId("sheet-card")).findByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Could not export the spreadsheet");
    expect(alert).toHaveTextContent("Could not write /tmp/register.csv: read-only.");
  });
});

describe("import from a spreadsheet (ICO layout)", () => {
  it("previews what the file would add, then imports it on confirmation", async () => {
    vi.mocked(ipc.previewIcoImport).mockResolvedValue(PREVIEW);
    vi.mocked(ipc.applyIcoImport).mockResolvedValue(PREVIEW);
    const { user } = renderPage();
    await waitFor(() => expect(ipc.listActivities).toHaveBeenCalledTimes(1));

    await user.click(screen.getByTestId("ico-choose"));

    const table = await screen.findByTestId("ico-preview");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((header) => header.textContent);
    expect(headers).toEqual([
      "Import",
      "Row",
      "Activity",
      "Purposes",
      "Groups of people",
      "Recipients",
      "Transfers",
      "Retention rules",
      "In the register",
    ]);
    const rows = within(table).getAllByTestId("ico-preview-row");
    expect(rows).toHaveLength(2);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent);
    expect(cells(rows[0] as HTMLElement)).toEqual([
      "",
      "8",
      "Member administration",
      "2",
      "1",
      "3",
      "1",
      "4",
      "New",
    ]);
    expect(cells(rows[1] as HTMLElement)).toEqual([
      "",
      "9",
      "Newsletter",
      "1",
      "2",
      "1",
      "0",
      "1",
      "Updated: recipients: 1 added",
    ]);
    // What was not understood is listed by row and column, with the reason.
    const kept = within(screen.getByTestId("ico-kept")).getAllByTestId("ico-kept-row");
    expect(kept).toHaveLength(1);
    expect(cells(kept[0] as HTMLElement)).toEqual([
      "8",
      "Article 6 lawful basis for processing personal data",
      "Vital interests / consent",
      "Names more than one lawful basis: choose one.",
    ]);
    // What went into a field on an assumption is listed apart, to check.
    const toCheck = within(screen.getByTestId("ico-to-check")).getAllByTestId("ico-to-check-row");
    expect(toCheck).toHaveLength(1);
    expect(toCheck[0]).toHaveTextContent("Hetzner (hosting)");
    expect(screen.getByTestId("ico-skipped")).toHaveTextContent("MEMBERS");
    expect(screen.getByTestId("ico-understood")).toHaveTextContent(
      "19 of the 20 cells that say something went into the register's fields (95 %).",
    );
    const recipients = screen.getByTestId("ico-new-recipients");
    expect(recipients).toHaveTextContent("Mailchimp Inc.");
    expect(recipients).toHaveTextContent("Hetzner Online GmbH");
    expect(screen.queryByTestId("ico-new-sources")).not.toBeInTheDocument();
    expect(ipc.applyIcoImport).not.toHaveBeenCalled();

    const apply = screen.getByTestId("ico-apply");
    expect(apply).toHaveTextContent("Import 2 activities");
    await user.click(apply);

    await waitFor(() => expect(ipc.applyIcoImport).toHaveBeenCalledTimes(1));
    expect(ipc.applyIcoImport).toHaveBeenCalledWith([]);
    const done = await screen.findByTestId("ico-done");
    expect(done).toHaveTextContent("Added 1 activity and updated 1 already in the register.");
    expect(done).toHaveTextContent("Also added 2 recipients to the register.");
    // After an import, the dashboard says what the register still lacks.
    expect(screen.getByTestId("ico-done-dashboard")).toHaveAttribute("href", "/");
    expect(screen.queryByTestId("ico-preview")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ico-apply")).not.toBeInTheDocument();
    expect(screen.getByTestId("ico-choose")).toBeEnabled();
    // Everything cached is read again, the activities among it.
    await waitFor(() => expect(ipc.listActivities).toHaveBeenCalledTimes(2));
  });

  it("leaves out the rows the person unticks", async () => {
    vi.mocked(ipc.previewIcoImport).mockResolvedValue(PREVIEW);
    vi.mocked(ipc.applyIcoImport).mockResolvedValue(PREVIEW);
    const { user } = renderPage();
    await user.click(screen.getByTestId("ico-choose"));
    const newsletter = await screen.findByTestId("ico-include-9");
    expect(newsletter).toBeChecked();
    await user.click(newsletter);
    expect(newsletter).not.toBeChecked();
    expect(screen.getByTestId("ico-apply")).toHaveTextContent("Import 1 activity");
    await user.click(screen.getByTestId("ico-include-8"));
    expect(screen.getByTestId("ico-apply")).toBeDisabled();
    await user.click(screen.getByTestId("ico-include-8"));
    await user.click(screen.getByTestId("ico-apply"));
    await waitFor(() => expect(ipc.applyIcoImport).toHaveBeenCalledWith([9]));
  });

  it("imports nothing when the preview is cancelled", async () => {
    vi.mocked(ipc.previewIcoImport).mockResolvedValue({
      ...PREVIEW,
      activities: [PREVIEW.activities[0] as IcoPreview["activities"][number]],
      newRecipients: [],
      newSourceOrganisations: ["Eventbrite"],
    });
    const { user } = renderPage();

    await user.click(screen.getByTestId("ico-choose"));
    expect(await screen.findByTestId("ico-apply")).toHaveTextContent("Import 1 activity");
    expect(screen.getByTestId("ico-new-sources")).toHaveTextContent("Eventbrite");
    expect(screen.getByTestId("ico-linked")).toHaveTextContent(
      "“Hetzner” is Hetzner Online GmbH (new, from the processor catalogue)",
    );
    expect(screen.queryByTestId("ico-new-recipients")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("ico-cancel"));

    expect(screen.queryByTestId("ico-preview")).not.toBeInTheDocument();
    expect(screen.getByTestId("ico-choose")).toBeInTheDocument();
    expect(ipc.applyIcoImport).not.toHaveBeenCalled();
    expect(screen.queryByTestId("ico-done")).not.toBeInTheDocument();
  });

  it("shows nothing when the open dialog is cancelled", async () => {
    vi.mocked(ipc.previewIcoImport).mockResolvedValue(null);
    const { user } = renderPage();

    await user.click(screen.getByTestId("ico-choose"));

    await waitFor(() => expect(ipc.previewIcoImport).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId("ico-choose")).toBeEnabled());
    expect(screen.queryByTestId("ico-preview")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ico-errors")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ico-apply")).not.toBeInTheDocument();
  });

  it("lists the cells to fix when the spreadsheet has mistakes", async () => {
    const cells = [
      {
        field: "row 3, column 6 (Categories of recipients)",
        message: "There is no recipient category called 'Partners'.",
      },
      {
        field: "row 5, column 1 (Purpose of processing)",
        message: "Enter at least one purpose.",
      },
    ];
    vi.mocked(ipc.previewIcoImport).mockRejectedValue(
      new ipc.StewardError(
        "validation",
        "Nothing was imported: 2 cells of the spreadsheet need fixing.",
        cells,
      ),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("ico-choose"));

    const errors = await screen.findByTestId("ico-errors");
    expect(errors).toHaveTextContent(
      "Nothing was imported: 2 cells of the spreadsheet need fixing.",
    );
    const items = within(errors).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual(
      cells.map(({ field, message }) => `${field}: ${message}`),
    );
    const field = within(items[0] as HTMLElement).getByText(cells[0]?.field ?? "");
    expect(field).toHaveStyle({ fontWeight: "700" });
    expect(screen.queryByTestId("ico-preview")).not.toBeInTheDocument();
    expect(screen.queryByTestId("ico-apply")).not.toBeInTheDocument();
    expect(ipc.applyIcoImport).not.toHaveBeenCalled();

    // Choosing again clears the old errors.
    vi.mocked(ipc.previewIcoImport).mockResolvedValue(PREVIEW);
    await user.click(screen.getByTestId("ico-choose"));
    await screen.findByTestId("ico-preview");
    expect(screen.queryByTestId("ico-errors")).not.toBeInTheDocument();
  });

  it("shows why the import failed and asks for the file again", async () => {
    vi.mocked(ipc.previewIcoImport).mockResolvedValue(PREVIEW);
    vi.mocked(ipc.applyIcoImport).mockRejectedValue(
      new ipc.StewardError("validation", "Choose a spreadsheet to import first."),
    );
    const { user } = renderPage();

    await user.click(screen.getByTestId("ico-choose"));
    await user.click(await screen.findByTestId("ico-apply"));

    const errors = await screen.findByTestId("ico-errors");
    expect(errors).toHaveTextContent("Choose a spreadsheet to import first.");
    expect(within(errors).queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.queryByTestId("ico-preview")).not.toBeInTheDocument();
    expect(screen.getByTestId("ico-choose")).toBeEnabled();
    expect(screen.queryByTestId("ico-done")).not.toBeInTheDocument();
  });
});
