// The register as a spreadsheet in the UK ICO's layout, as an Excel workbook or a CSV file.
import { Card, Stack, Text, Title } from "@mantine/core";
import type { SpreadsheetFormat } from "../../ipc";
import { type ExportCardProps, type ExportFormatOption, ExportFormats } from "./ExportStatus";
import { useExportSpreadsheet } from "./queries";

const FORMATS: ReadonlyArray<ExportFormatOption<SpreadsheetFormat>> = [
  { format: "xlsx", label: "Export XLSX…", testId: "sheet-export-xlsx" },
  { format: "csv", label: "Export CSV…", testId: "sheet-export-csv" },
];

export function SpreadsheetExportCard({ busy, saved, onSaved }: ExportCardProps) {
  const exportSheet = useExportSpreadsheet();

  function run(format: SpreadsheetFormat) {
    onSaved(null);
    exportSheet.mutate(format, {
      onSuccess: (file) => {
        if (file) {
          onSaved(file);
        }
      },
    });
  }

  return (
    <Card withBorder data-testid="sheet-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Spreadsheet (ICO layout)
          </Title>
          <Text size="sm" c="dimmed">
            One row per processing activity, in the column order of the UK ICO's template for
            controllers, followed by a few columns of Steward's own (such as each activity's name
            and status). The XLSX workbook has your organisation, its data protection officer and
            representative on top of the table; the CSV file has the table only. In the CSV file,
            cells that a spreadsheet program would read as a formula (starting with =, +, - or @)
            are neutralised with a leading apostrophe, so opening the file cannot run anything.
          </Text>
        </Stack>

        <ExportFormats
          formats={FORMATS}
          running={exportSheet.isPending ? (exportSheet.variables ?? null) : null}
          busy={busy}
          onExport={run}
          error={exportSheet.error}
          errorTitle="Could not export the spreadsheet"
          saved={saved}
          onDismiss={() => onSaved(null)}
        />
      </Stack>
    </Card>
  );
}
