// Tests for the first-start welcome modal.
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../../ipc";
import { StewardError } from "../../ipc";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

beforeEach(() => {
  setIpcDefaults(ipc);
});

describe("welcome modal", () => {
  it("offers the demo on first start and loads it on click", async () => {
    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: true });
    const { user } = renderWithProviders({ route: "/activities" });

    expect(await screen.findByText("Welcome to Steward")).toBeInTheDocument();
    expect(screen.getByText(/fictional small nonprofit/)).toBeInTheDocument();

    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: false });
    await user.click(screen.getByTestId("welcome-load-demo"));

    await waitFor(() => expect(ipc.loadDemo).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("Demo register loaded")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Welcome to Steward")).not.toBeInTheDocument());
    expect(ipc.dismissDemo).not.toHaveBeenCalled();
    // The list is read again after the demo was loaded.
    await waitFor(() => expect(vi.mocked(ipc.listActivities).mock.calls.length).toBeGreaterThan(1));
  });

  it("starts empty without loading the demo", async () => {
    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: true });
    const { user } = renderWithProviders({ route: "/activities" });

    await user.click(await screen.findByTestId("welcome-start-empty"));

    await waitFor(() => expect(ipc.dismissDemo).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText("Welcome to Steward")).not.toBeInTheDocument());
    expect(ipc.loadDemo).not.toHaveBeenCalled();
  });

  it("leaves the register empty and opens the sync page to join an organisation", async () => {
    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: true });
    const { user } = renderWithProviders({ route: "/activities" });

    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: false });
    await user.click(await screen.findByTestId("welcome-join"));

    await waitFor(() => expect(ipc.dismissDemo).toHaveBeenCalledTimes(1));
    expect(ipc.loadDemo).not.toHaveBeenCalled();
    expect(await screen.findByTestId("sync-join")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Welcome to Steward")).not.toBeInTheDocument());
  });

  it("stays open and explains when loading the demo fails", async () => {
    vi.mocked(ipc.getWelcome).mockResolvedValue({ offerDemo: true });
    vi.mocked(ipc.loadDemo).mockRejectedValue(
      new StewardError("storage", "The demo could not be written."),
    );
    const { user } = renderWithProviders({ route: "/activities" });

    await user.click(await screen.findByTestId("welcome-load-demo"));

    expect(await screen.findByText("The demo could not be written.")).toBeInTheDocument();
    expect(screen.getByText("Welcome to Steward")).toBeInTheDocument();
  });

  it("does not appear when there is nothing to offer", async () => {
    renderWithProviders({ route: "/activities" });

    expect(await screen.findByTestId("activity-empty")).toBeInTheDocument();
    expect(screen.queryByText("Welcome to Steward")).not.toBeInTheDocument();
  });
});
