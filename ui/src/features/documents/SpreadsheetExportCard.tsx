// The register as a spreadsheet in the UK ICO's layout, as an Excel workbook or a CSV file.
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { splitServerErrors } from "../../components/serverErrors";
import type { SpreadsheetFormat } from "../../ipc";
import { type ExportCardProps, ExportDoneAlert } from "./ExportStatus";
import { useExportSpreadsheet } from "./queries";

const FORMATS: ReadonlyArray<{ format: SpreadsheetFormat; label: string }> = [
  { format: "xlsx", label: "Export XLSX…" },
  { format: "csv", label: "Export CSV…" },
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

        {exportSheet.error ? (
          <FormErrorAlert
            title="Could not export the spreadsheet"
            messages={splitServerErrors(exportSheet.error, () => false).general}
          />
        ) : null}
        {saved ? <ExportDoneAlert file={saved} onClose={() => onSaved(null)} /> : null}

        <Group gap="sm">
          {FORMATS.map(({ format, label }) => {
            const running = exportSheet.isPending && exportSheet.variables === format;
            return (
              <Button
                key={format}
                variant="default"
                onClick={() => run(format)}
                loading={running}
                disabled={busy && !running}
                data-testid={`sheet-export-${format}`}
              >
                {label}
              </Button>
            );
          })}
        </Group>
      </Stack>
    </Card>
  );
}
