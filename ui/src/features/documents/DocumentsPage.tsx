// Documents: the record of processing activities as a PDF for auditors, the register as a
// spreadsheet in the UK ICO's layout, and the import of such a spreadsheet. The native
// save and open dialogs are Rust's: the page never sees or names a path.
import { Stack } from "@mantine/core";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import type { ExportedFile } from "../../ipc";
import { IcoImportCard } from "./IcoImportCard";
import { useDocumentsBusy } from "./queries";
import { RopaExportCard } from "./RopaExportCard";
import { SpreadsheetExportCard } from "./SpreadsheetExportCard";

/** The last export that wrote a file, shown in the card that made it. */
interface SavedExport {
  kind: "ropa" | "spreadsheet";
  file: ExportedFile;
}

export function DocumentsPage() {
  const busy = useDocumentsBusy();
  const [saved, setSaved] = useState<SavedExport | null>(null);

  const savedBy = (kind: SavedExport["kind"]) => ({
    saved: saved?.kind === kind ? saved.file : null,
    onSaved: (file: ExportedFile | null) => setSaved(file ? { kind, file } : null),
  });

  return (
    <Stack gap={0}>
      <PageHeader
        title="Documents"
        subtitle="Export the record for an auditor or as a spreadsheet, or import activities kept in a spreadsheet."
      />
      <Stack gap="lg">
        <RopaExportCard busy={busy} {...savedBy("ropa")} />
        <SpreadsheetExportCard busy={busy} {...savedBy("spreadsheet")} />
        <IcoImportCard busy={busy} />
      </Stack>
    </Stack>
  );
}
