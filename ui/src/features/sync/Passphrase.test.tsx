// Tests for passphrase encryption on the sync page: an encrypted export (the passphrase typed
// twice, a mismatch and a too-short passphrase refused on the field), and an encrypted file
// opened on import or join (a wrong passphrase shown under the field, the file still waiting,
// then the right one).
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeChangeImport } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const PASSPHRASE = "plum umbrella quietly sings";

function onPassphrase(message: string, fieldMessage: string) {
  return new StewardError("validation", message, [{ field: "passphrase", message: fieldMessage }]);
}

beforeEach(() => {
  setIpcDefaults(ipc);
});

function renderPage() {
  return renderWithProviders({ route: "/sync" });
}

describe("encrypted change files", () => {
  it("exports a starter file encrypted with the passphrase typed twice", async () => {
    vi.mocked(ipc.exportChanges).mockResolvedValue({
      fileName: "steward-starter-Ada-2026-11-23.chg.age",
      folder: "/home/ada/Desktop",
    });
    const { user } = renderPage();

    expect(screen.queryByTestId("sync-passphrase")).not.toBeInTheDocument();
    await user.click(await screen.findByLabelText("Encrypt with a passphrase (for e-mail)"));
    await user.type(screen.getByLabelText("Passphrase"), PASSPHRASE);
    await user.type(screen.getByLabelText("Repeat the passphrase"), PASSPHRASE);
    await user.click(screen.getByTestId("sync-export-starter"));

    await waitFor(() => expect(ipc.exportChanges).toHaveBeenLastCalledWith(true, PASSPHRASE));
    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "Saved steward-starter-Ada-2026-11-23.chg.age in /home/ada/Desktop",
    );
  });

  it("refuses two different passphrases before asking where to save", async () => {
    const { user } = renderPage();

    await user.click(await screen.findByLabelText("Encrypt with a passphrase (for e-mail)"));
    await user.type(screen.getByLabelText("Passphrase"), PASSPHRASE);
    await user.type(screen.getByLabelText("Repeat the passphrase"), "plum umbrella quietly sing");
    await user.click(screen.getByTestId("sync-export-mine"));

    expect(
      await screen.findByText("The two passphrases differ: type the same passphrase twice."),
    ).toBeInTheDocument();
    expect(ipc.exportChanges).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Passphrase")).toHaveValue(PASSPHRASE);
  });

  it("shows a passphrase Steward refuses under the field", async () => {
    vi.mocked(ipc.exportChanges).mockRejectedValue(
      onPassphrase(
        "The passphrase is too short.",
        "Use a passphrase of at least 10 characters, for example four unrelated words.",
      ),
    );
    const { user } = renderPage();

    await user.click(await screen.findByLabelText("Encrypt with a passphrase (for e-mail)"));
    await user.type(screen.getByLabelText("Passphrase"), "plum");
    await user.type(screen.getByLabelText("Repeat the passphrase"), "plum");
    await user.click(screen.getByTestId("sync-export-mine"));

    expect(
      await screen.findByText(
        "Use a passphrase of at least 10 characters, for example four unrelated words.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("sync-file-error")).not.toBeInTheDocument();
  });

  it("asks for the passphrase of an encrypted starter file, and tries again after a wrong one", async () => {
    vi.mocked(ipc.joinOrganisation).mockRejectedValue(
      onPassphrase(
        "steward-starter-Ada.chg.age is encrypted: enter the passphrase its sender gave you.",
        "This file is encrypted. Enter the passphrase the person who sent it gave you.",
      ),
    );
    vi.mocked(ipc.openEncryptedChanges)
      .mockRejectedValueOnce(
        onPassphrase(
          "The passphrase does not open steward-starter-Ada.chg.age.",
          "This passphrase does not open the file. Check it with the person who sent it.",
        ),
      )
      .mockResolvedValueOnce(
        makeChangeImport({
          file: "steward-starter-Ada.chg.age",
          author: "Ada",
          opsInFile: 40,
          newOps: 40,
        }),
      );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-join"));
    expect(await screen.findByTestId("sync-unlock")).toHaveTextContent(
      "steward-starter-Ada.chg.age is encrypted",
    );
    expect(screen.queryByTestId("sync-file-error")).not.toBeInTheDocument();

    // Enter opens the file; the wrong passphrase is shown under the field and stays.
    await user.type(screen.getByTestId("sync-unlock-passphrase"), "plum umbrella{Enter}");
    expect(
      await screen.findByText(
        "This passphrase does not open the file. Check it with the person who sent it.",
      ),
    ).toBeInTheDocument();
    expect(ipc.openEncryptedChanges).toHaveBeenLastCalledWith("plum umbrella");

    await user.clear(screen.getByTestId("sync-unlock-passphrase"));
    await user.type(screen.getByTestId("sync-unlock-passphrase"), PASSPHRASE);
    await user.click(screen.getByTestId("sync-unlock-open"));

    expect(await screen.findByTestId("sync-file-result")).toHaveTextContent(
      "This laptop joined the organisation. Imported 40 new changes from Ada",
    );
    expect(screen.queryByTestId("sync-unlock")).not.toBeInTheDocument();
    expect(ipc.openEncryptedChanges).toHaveBeenLastCalledWith(PASSPHRASE);
  });

  it("lets the person give up on an encrypted file", async () => {
    vi.mocked(ipc.importChanges).mockRejectedValue(
      onPassphrase("changes.chg.age is encrypted.", "This file is encrypted."),
    );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("sync-import"));
    await screen.findByTestId("sync-unlock");
    await user.click(screen.getByTestId("sync-unlock-open"));
    expect(
      await screen.findByText("Enter the passphrase the person who sent the file gave you."),
    ).toBeInTheDocument();
    expect(ipc.openEncryptedChanges).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByTestId("sync-unlock")).not.toBeInTheDocument();
  });
});
