// Tests for naming this device, the author the history shows for local changes.
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { makeOrganisation } from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getOrganisation).mockResolvedValue(makeOrganisation());
  vi.mocked(ipc.getOrganisationHistory).mockResolvedValue([]);
});

describe("device name", () => {
  it("shows the current name and saves a new one", async () => {
    vi.mocked(ipc.setDeviceName).mockResolvedValue("Alex's laptop");
    const { user } = renderWithProviders({ route: "/organisation" });
    const input = await screen.findByTestId("device-name");
    await waitFor(() => expect(input).toHaveValue("This device"));
    expect(screen.getByTestId("device-name-save")).toBeDisabled();

    await user.clear(input);
    await user.type(input, "Alex's laptop");
    await user.click(screen.getByTestId("device-name-save"));

    await waitFor(() => expect(ipc.setDeviceName).toHaveBeenCalledWith("Alex's laptop"));
    expect(await screen.findByText('This device is now "Alex\'s laptop".')).toBeInTheDocument();
  });

  it("shows the server's message on the input and keeps what was typed", async () => {
    vi.mocked(ipc.setDeviceName).mockRejectedValue(
      new StewardError("validation", "Please check the name.", [
        { field: "deviceName", message: "Device name is required." },
      ]),
    );
    const { user } = renderWithProviders({ route: "/organisation" });
    const input = await screen.findByTestId("device-name");
    await waitFor(() => expect(input).toHaveValue("This device"));
    await user.clear(input);
    await user.type(input, " ");
    await user.click(screen.getByTestId("device-name-save"));

    expect(await screen.findByText("Device name is required.")).toBeInTheDocument();
    expect(input).toHaveValue(" ");
  });
});
