// Exchanging changes without a shared folder: this laptop's changes saved as a file to send
// by email or on a USB stick, a starter file with the whole register for a new volunteer,
// a received file imported, and a new laptop joining its organisation from a starter file.
// The native save and open dialogs are Rust's; a cancelled dialog shows nothing. Exported
// files can be encrypted with a passphrase; an encrypted file opened here asks for its own.
// What an imported file left for a person (a restored laptop, clocks ahead, records their
// form would refuse) is shown with its result.
import { Alert, Button, Card, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { ChangeImport, ExportedFile } from "../../ipc";
import { ImportNotices } from "./ImportNotices";
import { newChangeCount } from "./labels";
import {
  type EncryptChoice,
  EncryptOption,
  encryptProblem,
  NO_ENCRYPTION,
  passphraseMessage,
  UnlockFileForm,
} from "./Passphrase";
import { useExportChanges, useImportChanges, useJoinOrganisation } from "./queries";

/** What the last action of the card did. */
type FileResult =
  | { kind: "saved"; file: ExportedFile }
  | { kind: "imported"; imported: ChangeImport }
  | { kind: "joined"; imported: ChangeImport };

/** An encrypted file that an import or a join chose, waiting for its passphrase. */
interface Waiting {
  kind: "imported" | "joined";
  message: string;
}

export function ByFileCard({ busy }: { busy: boolean }) {
  const exportFile = useExportChanges();
  const importFile = useImportChanges();
  const join = useJoinOrganisation();
  const [result, setResult] = useState<FileResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [choice, setChoice] = useState<EncryptChoice>(NO_ENCRYPTION);
  const [encryptError, setEncryptError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<Waiting | null>(null);

  function start() {
    setResult(null);
    setError(null);
    setEncryptError(null);
    setWaiting(null);
  }

  function exportChanges(everything: boolean) {
    start();
    const problem = encryptProblem(choice);
    if (problem) {
      setEncryptError(problem);
      return;
    }
    const passphrase = choice.encrypt ? choice.passphrase : undefined;
    exportFile.mutate(
      { everything, passphrase },
      {
        onSuccess: (file) => setResult(file ? { kind: "saved", file } : null),
        onError: (e) => {
          const onField = passphraseMessage(e);
          if (onField) {
            setEncryptError(onField);
          } else {
            setError(e);
          }
        },
      },
    );
  }

  /** An import or a join: an encrypted file waits for its passphrase. */
  function importOrJoin(kind: Waiting["kind"]) {
    start();
    const action = kind === "joined" ? join : importFile;
    action.mutate(undefined, {
      onSuccess: (imported) => setResult(imported ? { kind, imported } : null),
      onError: (e) => {
        if (passphraseMessage(e)) {
          setWaiting({ kind, message: e.message });
        } else {
          setError(e);
        }
      },
    });
  }

  const exporting = exportFile.isPending ? exportFile.variables.everything : undefined;
  const hold = (running: boolean) => busy && !running;

  return (
    <Card withBorder data-testid="sync-file-card">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            By file
          </Title>
          <Text size="sm" c="dimmed">
            Without a shared folder, exchange change files by email or on a USB stick. A file holds
            changes only: importing it twice, or a file with changes you already have, does no harm.
          </Text>
        </Stack>

        {error ? (
          <Alert
            color="red"
            variant="light"
            title="That did not work"
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setError(null)}
            data-testid="sync-file-error"
          >
            <Text size="sm">{error.message}</Text>
          </Alert>
        ) : null}
        {result ? <FileResultAlert result={result} onClose={() => setResult(null)} /> : null}
        {result && result.kind !== "saved" ? <ImportNotices imports={[result.imported]} /> : null}
        {waiting ? (
          <UnlockFileForm
            message={waiting.message}
            onOpened={(imported) => {
              setWaiting(null);
              setResult({ kind: waiting.kind, imported });
            }}
            onCancel={() => setWaiting(null)}
          />
        ) : null}

        <EncryptOption
          choice={choice}
          error={encryptError}
          onChange={(next) => {
            setChoice(next);
            setEncryptError(null);
          }}
        />

        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => exportChanges(false)}
            loading={exporting === false}
            disabled={hold(exporting === false)}
            data-testid="sync-export-mine"
          >
            Export my changes…
          </Button>
          <Button
            variant="default"
            onClick={() => importOrJoin("imported")}
            loading={importFile.isPending}
            disabled={hold(importFile.isPending)}
            data-testid="sync-import"
          >
            Import changes…
          </Button>
        </Group>

        <Divider />
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            A starter file gives a new volunteer's laptop the organisation and the whole register,
            with every change so far. Send it only to people who may see the register.
          </Text>
          <Button
            variant="default"
            onClick={() => exportChanges(true)}
            loading={exporting === true}
            disabled={hold(exporting === true)}
            data-testid="sync-export-starter"
          >
            Export a starter file…
          </Button>
        </Stack>

        <Divider />
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            On a new laptop with an empty register, open the starter file an administrator sent you:
            this laptop then keeps the same register as the others.
          </Text>
          <Button
            variant="default"
            onClick={() => importOrJoin("joined")}
            loading={join.isPending}
            disabled={hold(join.isPending)}
            data-testid="sync-join"
          >
            Join an organisation…
          </Button>
        </Stack>
      </Stack>
    </Card>
  );
}

function FileResultAlert({ result, onClose }: { result: FileResult; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      title={RESULT_TITLES[result.kind]}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onClose}
      data-testid="sync-file-result"
    >
      <Text size="sm" style={{ overflowWrap: "anywhere" }}>
        {resultText(result)}
      </Text>
    </Alert>
  );
}

const RESULT_TITLES: Readonly<Record<FileResult["kind"], string>> = {
  saved: "File saved",
  imported: "Changes imported",
  joined: "Welcome to the organisation",
};

function resultText(result: FileResult): string {
  if (result.kind === "saved") {
    return `Saved ${result.file.fileName} in ${result.file.folder}`;
  }
  const { imported } = result;
  const what =
    imported.newOps === 0
      ? `${imported.file} from ${imported.author} holds no changes that were not here already.`
      : `Imported ${newChangeCount(imported.newOps)} from ${imported.author} (${imported.file}).`;
  return result.kind === "joined" ? `This laptop joined the organisation. ${what}` : what;
}
