// Exporting the draft privacy policy as Markdown, HTML or PDF. Rust asks where to save it;
// the card shows where the file went (with a button that opens the folder) or why it failed.
import { Card, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { ExportedFile, PolicyFormat } from "../../ipc";
import { type ExportFormatOption, ExportFormats } from "../documents/ExportStatus";
import { useExportPolicy } from "./queries";

const FORMATS: ReadonlyArray<ExportFormatOption<PolicyFormat>> = [
  { format: "markdown", label: "Export Markdown…", testId: "policy-export-md" },
  { format: "html", label: "Export HTML…", testId: "policy-export-html" },
  { format: "pdf", label: "Export PDF…", testId: "policy-export-pdf" },
];

export function PolicyExportCard() {
  const exportPolicy = useExportPolicy();
  const [saved, setSaved] = useState<ExportedFile | null>(null);

  function run(format: PolicyFormat) {
    setSaved(null);
    exportPolicy.mutate(format, {
      onSuccess: (file) => {
        if (file) {
          setSaved(file);
        }
      },
    });
  }

  return (
    <Card withBorder data-testid="policy-export-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Export
          </Title>
          <Text size="sm" c="dimmed">
            Markdown or HTML to put on your website, or a PDF to print. It is a draft: read it
            through, and record what the checklist below lists, before you publish it.
          </Text>
        </Stack>

        <ExportFormats
          formats={FORMATS}
          running={exportPolicy.isPending ? (exportPolicy.variables ?? null) : null}
          busy={exportPolicy.isPending}
          onExport={run}
          error={exportPolicy.error}
          errorTitle="Could not export the privacy policy"
          saved={saved}
          onDismiss={() => setSaved(null)}
        />
      </Stack>
    </Card>
  );
}
