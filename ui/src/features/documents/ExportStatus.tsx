// What an export shows while it runs (its stage, as a progress bar) and once the file is
// written (where it went, and a button that opens the folder), and an export card's buttons.
import { Alert, Button, Group, Progress, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import { splitServerErrors } from "../../components/serverErrors";
import type { ExportedFile, ExportProgress } from "../../ipc";
import { useRevealExport } from "./queries";

/** What the two export cards share with the page. */
export interface ExportCardProps {
  /** Whether any export or import runs; the buttons wait for it. */
  busy: boolean;
  /** The file this card's last export wrote, until the person dismisses it. */
  saved: ExportedFile | null;
  /** Called with the written file, or with null when an export starts or is dismissed. */
  onSaved: (file: ExportedFile | null) => void;
}

export function ExportProgressBar({ progress }: { progress: ExportProgress }) {
  const percent = progress.steps > 0 ? Math.round((progress.step / progress.steps) * 100) : 0;
  return (
    <Stack gap={4} data-testid="export-progress" aria-live="polite">
      <Text size="sm">
        {progress.stage}… (step {progress.step} of {progress.steps})
      </Text>
      <Progress value={percent} aria-label={progress.stage} animated />
    </Stack>
  );
}

export interface ExportDoneAlertProps {
  file: ExportedFile;
  onClose: () => void;
}

export function ExportDoneAlert({ file, onClose }: ExportDoneAlertProps) {
  const reveal = useRevealExport();

  function openFolder() {
    reveal.mutate(undefined, {
      onError: (error) =>
        notifications.show({
          color: "red",
          title: "Could not open the folder",
          message: error.message,
        }),
    });
  }

  return (
    <Alert
      color="teal"
      variant="light"
      title="Export finished"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      data-testid="export-done"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          Saved {file.fileName} in {file.folder}
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={openFolder}
          loading={reveal.isPending}
          data-testid="export-reveal"
        >
          Open folder
        </Button>
      </Stack>
    </Alert>
  );
}

/** One button of an export card: the format it writes. */
export interface ExportFormatOption<F extends string> {
  format: F;
  label: string;
  testId: string;
}

export interface ExportFormatsProps<F extends string> {
  formats: ReadonlyArray<ExportFormatOption<F>>;
  /** The format being exported now, if any. */
  running: F | null;
  /** Whether the buttons wait (another export or an import runs). */
  busy: boolean;
  onExport: (format: F) => void;
  /** Why the last export failed, titled `errorTitle`. */
  error: Error | null;
  errorTitle: string;
  saved: ExportedFile | null;
  onDismiss: () => void;
}

/** The lower half of an export card: why the last export failed or where it went, and a
 *  button per format. */
export function ExportFormats<F extends string>({
  formats,
  running,
  busy,
  onExport,
  error,
  errorTitle,
  saved,
  onDismiss,
}: ExportFormatsProps<F>) {
  return (
    <>
      {error ? (
        <FormErrorAlert
          title={errorTitle}
          messages={splitServerErrors(error, () => false).general}
        />
      ) : null}
      {saved ? <ExportDoneAlert file={saved} onClose={onDismiss} /> : null}
      <Group gap="sm">
        {formats.map(({ format, label, testId }) => (
          <Button
            key={format}
            variant="default"
            onClick={() => onExport(format)}
            loading={running === format}
            disabled={busy && running !== format}
            data-testid={testId}
          >
            {label}
          </Button>
        ))}
      </Group>
    </>
  );
}
