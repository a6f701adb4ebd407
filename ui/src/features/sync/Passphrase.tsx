// Passphrases for change files sent by e-mail: the option to encrypt an exported file (typed
// twice, so a typo cannot lock the recipient out), and the form that opens an encrypted file
// someone sent. The file itself stays in Rust while the person types: the web view never
// holds a path or the file's contents.
import { Alert, Button, Checkbox, Group, PasswordInput, Stack, Text } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { type ChangeImport, StewardError } from "../../ipc";
import { useOpenEncryptedChanges } from "./queries";

/** The encryption choice of the export buttons. */
export interface EncryptChoice {
  encrypt: boolean;
  passphrase: string;
  repeat: string;
}

export const NO_ENCRYPTION: EncryptChoice = { encrypt: false, passphrase: "", repeat: "" };

/** What stops the export before Rust sees it, or `null`. Rust checks the length. */
export function encryptProblem(choice: EncryptChoice): string | null {
  if (!choice.encrypt) {
    return null;
  }
  if (choice.passphrase === "") {
    return "Enter a passphrase, or untick “Encrypt with a passphrase”.";
  }
  if (choice.passphrase !== choice.repeat) {
    return "The two passphrases differ: type the same passphrase twice.";
  }
  return null;
}

/** The message of an error on the field `passphrase`, if the error has one. */
export function passphraseMessage(error: unknown): string | null {
  if (!(error instanceof StewardError)) {
    return null;
  }
  return error.fields.find((f) => f.field === "passphrase")?.message ?? null;
}

export function EncryptOption({
  choice,
  error,
  onChange,
}: {
  choice: EncryptChoice;
  error: string | null;
  onChange: (choice: EncryptChoice) => void;
}) {
  return (
    <Stack gap="xs">
      <Checkbox
        label="Encrypt with a passphrase (for e-mail)"
        description="Tell the passphrase to the recipient another way, by phone or in person."
        checked={choice.encrypt}
        onChange={(e) => onChange({ ...choice, encrypt: e.currentTarget.checked })}
        data-testid="sync-encrypt"
      />
      {choice.encrypt ? (
        <Group gap="sm" align="flex-start" grow>
          <PasswordInput
            label="Passphrase"
            description="At least 10 characters, for example four unrelated words."
            value={choice.passphrase}
            onChange={(e) => onChange({ ...choice, passphrase: e.currentTarget.value })}
            error={error}
            autoComplete="new-password"
            data-testid="sync-passphrase"
          />
          <PasswordInput
            label="Repeat the passphrase"
            description="So that a typo cannot lock the recipient out."
            value={choice.repeat}
            onChange={(e) => onChange({ ...choice, repeat: e.currentTarget.value })}
            autoComplete="new-password"
            data-testid="sync-passphrase-repeat"
          />
        </Group>
      ) : null}
    </Stack>
  );
}

/** Asks for the passphrase of the encrypted file an import or a join left waiting. */
export function UnlockFileForm({
  message,
  onOpened,
  onCancel,
}: {
  message: string;
  onOpened: (imported: ChangeImport) => void;
  onCancel: () => void;
}) {
  const unlock = useOpenEncryptedChanges();
  const [passphrase, setPassphrase] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    setError(null);
    if (passphrase === "") {
      setFieldError("Enter the passphrase the person who sent the file gave you.");
      return;
    }
    unlock.mutate(passphrase, {
      onSuccess: onOpened,
      onError: (e) => {
        const onField = passphraseMessage(e);
        if (onField) {
          setFieldError(onField);
        } else {
          setError(e.message);
        }
      },
    });
  }

  return (
    <Alert color="blue" variant="light" title="This file is encrypted" data-testid="sync-unlock">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{message}</Text>
          {error ? (
            <Text size="sm" c="red" role="alert" data-testid="sync-unlock-error">
              {error}
            </Text>
          ) : null}
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
            data-autofocus
            autoFocus
            data-testid="sync-unlock-passphrase"
          />
          <Group gap="sm">
            <Button type="submit" loading={unlock.isPending} data-testid="sync-unlock-open">
              Open the file
            </Button>
            <Button variant="default" onClick={onCancel} disabled={unlock.isPending}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Alert>
  );
}
