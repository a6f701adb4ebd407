// Tests for exporting the privacy policy: the three formats, the buttons held while an
// export runs, a cancelled save dialog and a failed export.
import { act, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ExportedFile } from "../../ipc";
import * as ipc from "../../ipc";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

beforeEach(() => {
  setIpcDefaults(ipc);
});

function renderPage() {
  return renderWithProviders({ route: "/policy" });
}

/** A promise the test settles when it wants to, to look at the page while a command runs. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const FILE: ExportedFile = { fileName: "privacy-policy.html", folder: "/home/alex/Documents" };

describe("exporting the privacy policy", () => {
  it("exports Markdown, HTML and PDF and shows where each file went", async () => {
    const { user } = renderPage();
    await screen.findByTestId("policy-export-card");

    for (const [testId, format] of [
      ["policy-export-md", "markdown"],
      ["policy-export-html", "html"],
      ["policy-export-pdf", "pdf"],
    ] as const) {
      const file = { ...FILE, fileName: `privacy-policy.${format}` };
      vi.mocked(ipc.exportPolicy).mockResolvedValueOnce(file);

      await user.click(screen.getByTestId(testId));

      await waitFor(() => expect(ipc.exportPolicy).toHaveBeenLastCalledWith(format));
      expect(await screen.findByTestId("export-done")).toHaveTextContent(
        `Saved ${file.fileName} in ${file.folder}`,
      );
    }
    expect(ipc.exportPolicy).toHaveBeenCalledTimes(3);

    await user.click(screen.getByTestId("export-reveal"));
    await waitFor(() => expect(ipc.revealExport).toHaveBeenCalledTimes(1));
  });

  it("holds the buttons while an export runs", async () => {
    const running = deferred<ExportedFile | null>();
    vi.mocked(ipc.exportPolicy).mockReturnValue(running.promise);
    const { user } = renderPage();

    await user.click(await screen.findByTestId("policy-export-pdf"));

    for (const testId of ["policy-export-md", "policy-export-html", "policy-export-pdf"]) {
      expect(screen.getByTestId(testId)).toBeDisabled();
    }
    await act(async () => running.resolve(FILE));
    expect(await screen.findByTestId("export-done")).toBeInTheDocument();
    for (const testId of ["policy-export-md", "policy-export-html", "policy-export-pdf"]) {
      expect(screen.getByTestId(testId)).toBeEnabled();
    }
  });

  it("shows nothing when the save dialog is cancelled, and why an export failed", async () => {
    vi.mocked(ipc.exportPolicy)
      .mockResolvedValueOnce(null)
      .mockRejectedValueOnce(
        new ipc.StewardError("storage", "Could not write /media/usb/policy.pdf: disk full."),
      );
    const { user } = renderPage();

    await user.click(await screen.findByTestId("policy-export-md"));
    await waitFor(() => expect(ipc.exportPolicy).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId("policy-export-md")).toBeEnabled());
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();
    expect(screen.queryByTestId("form-error-alert")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("policy-export-pdf"));

    const alert = await screen.findByTestId("form-error-alert");
    expect(alert).toHaveTextContent("Could not export the privacy policy");
    expect(alert).toHaveTextContent("Could not write /media/usb/policy.pdf: disk full.");
    expect(screen.queryByTestId("export-done")).not.toBeInTheDocument();
  });
});
