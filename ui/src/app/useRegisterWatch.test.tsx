// Tests for noticing changes of the register that this window did not make: the app asks
// the register's version every two seconds while the window is visible; a new version reads
// every screen again (a list re-reads, an open form takes in its record with its notice and
// keeps what was typed), the same version or the first one seen reads nothing, a hidden
// window asks nothing and asks at once when it shows again, and a version that cannot be
// read changes nothing. Time is faked: the test moves the clock.
import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../ipc";
import { StewardError } from "../ipc";
import { makeActivity } from "../test/fixtures";
import { setIpcDefaults } from "../test/ipcMock";
import { renderWithProviders } from "../test/renderWithProviders";
import { REGISTER_POLL_MS } from "./useRegisterWatch";

vi.mock(import("../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

// The activity's rows have tests of their own.
vi.mock(import("../features/activities/parts/ActivityParts"), () => ({
  ActivityParts: () => <div data-testid="activity-parts" />,
}));

/** Moves the faked clock by one interval of the watch, and lets what it starts finish. */
async function nextCheck() {
  await act(() => vi.advanceTimersByTimeAsync(REGISTER_POLL_MS));
}

/** Makes the window hidden or visible, as switching away from it or back does. */
function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  act(() => {
    document.dispatchEvent(new Event("visibilitychange"));
  });
}

beforeEach(() => {
  // The clock runs by itself too, so that the page's own waits go on; the test moves it on.
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval"],
  });
  setIpcDefaults(ipc);
  vi.mocked(ipc.listActivities).mockResolvedValue([makeActivity()]);
  vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
  vi.mocked(ipc.getRegisterVersion).mockResolvedValue("7.0");
});

afterEach(() => {
  vi.useRealTimers();
  // The property set on the document hides jsdom's own.
  Reflect.deleteProperty(document, "visibilityState");
});

/** Opens the list of activities and waits until the first version has been seen. */
async function openList() {
  const rendered = renderWithProviders({ route: "/activities" });
  await screen.findAllByTestId("activity-row");
  await waitFor(() => expect(ipc.getRegisterVersion).toHaveBeenCalled());
  await act(() => vi.advanceTimersByTimeAsync(0));
  return rendered;
}

describe("the register's version", () => {
  it("reads nothing again while the version stays the same, the first one included", async () => {
    // The first version arrives once the list is on screen.
    let answerFirst: (version: string) => void = () => undefined;
    vi.mocked(ipc.getRegisterVersion).mockReturnValueOnce(
      new Promise((resolve) => {
        answerFirst = resolve;
      }),
    );
    renderWithProviders({ route: "/activities" });
    await screen.findAllByTestId("activity-row");
    expect(ipc.listActivities).toHaveBeenCalledTimes(1);

    await act(async () => answerFirst("7.0"));
    await act(() => vi.advanceTimersByTimeAsync(0));

    // The first version seen read nothing again.
    expect(ipc.listActivities).toHaveBeenCalledTimes(1);

    await nextCheck();
    await nextCheck();

    expect(vi.mocked(ipc.getRegisterVersion).mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(ipc.listActivities).toHaveBeenCalledTimes(1);
  });

  it("reads the list again when another process changed the register", async () => {
    await openList();
    const reads = vi.mocked(ipc.listActivities).mock.calls.length;
    vi.mocked(ipc.listActivities).mockResolvedValue([
      makeActivity(),
      makeActivity({ id: "act-2", name: "Newsletter", base: "1@dev-cli" }),
    ]);
    vi.mocked(ipc.getRegisterVersion).mockResolvedValue("8.0");

    await nextCheck();

    await waitFor(() => expect(screen.getAllByTestId("activity-row")).toHaveLength(2));
    expect(screen.getByText("Newsletter")).toBeInTheDocument();
    expect(ipc.listActivities).toHaveBeenCalledTimes(reads + 1);

    // Once seen, the new version reads nothing more.
    await nextCheck();
    expect(ipc.listActivities).toHaveBeenCalledTimes(reads + 1);
  });

  it("asks nothing while the window is hidden, and asks at once when it shows again", async () => {
    await openList();
    setVisibility("hidden");
    const asked = vi.mocked(ipc.getRegisterVersion).mock.calls.length;
    const reads = vi.mocked(ipc.listActivities).mock.calls.length;
    vi.mocked(ipc.getRegisterVersion).mockResolvedValue("8.0");

    await nextCheck();
    await nextCheck();
    expect(ipc.getRegisterVersion).toHaveBeenCalledTimes(asked);

    setVisibility("visible");
    await act(async () => undefined);

    // At once, not at the next tick of the clock.
    expect(vi.mocked(ipc.getRegisterVersion).mock.calls.length).toBeGreaterThan(asked);
    await waitFor(() => expect(ipc.listActivities).toHaveBeenCalledTimes(reads + 1));
  });

  it("changes nothing when the version cannot be read, and goes on asking", async () => {
    await openList();
    const reads = vi.mocked(ipc.listActivities).mock.calls.length;
    vi.mocked(ipc.getRegisterVersion).mockRejectedValue(
      new StewardError("storage", "The register cannot be read."),
    );

    await nextCheck();
    expect(ipc.listActivities).toHaveBeenCalledTimes(reads);

    // The same version as before the failure: nothing changed.
    vi.mocked(ipc.getRegisterVersion).mockResolvedValue("7.0");
    const asked = vi.mocked(ipc.getRegisterVersion).mock.calls.length;
    await nextCheck();
    expect(vi.mocked(ipc.getRegisterVersion).mock.calls.length).toBeGreaterThan(asked);
    expect(ipc.listActivities).toHaveBeenCalledTimes(reads);
  });

  it("shows an untouched form its record as another process left it, with the notice", async () => {
    renderWithProviders({ route: "/activities/act-1" });
    const name = await screen.findByTestId("activity-name");
    await waitFor(() => expect(ipc.getRegisterVersion).toHaveBeenCalled());
    await act(() => vi.advanceTimersByTimeAsync(0));
    vi.mocked(ipc.getActivity).mockResolvedValue(
      makeActivity({ base: "12@dev-this,1@dev-cli", name: "Membership list" }),
    );
    vi.mocked(ipc.getRegisterVersion).mockResolvedValue("8.0");

    await nextCheck();

    await waitFor(() => expect(name).toHaveValue("Membership list"));
    expect(screen.getByTestId("activity-changed")).toHaveTextContent(
      "This record changed while you had it open (Name). The form shows it as it is now.",
    );
    expect(screen.queryByText("Unsaved changes · Ctrl+S saves")).not.toBeInTheDocument();
  });

  it("keeps what was typed in a form whose record another process changed", async () => {
    const { user } = renderWithProviders({ route: "/activities/act-1" });
    const owner = await screen.findByTestId("activity-owner");
    await waitFor(() => expect(ipc.getRegisterVersion).toHaveBeenCalled());
    await user.clear(owner);
    await user.type(owner, "Treasurer");
    vi.mocked(ipc.getActivity).mockResolvedValue(
      makeActivity({ base: "12@dev-this,1@dev-cli", name: "Membership list", owner: "Chair" }),
    );
    vi.mocked(ipc.getRegisterVersion).mockResolvedValue("8.0");

    await nextCheck();

    await waitFor(() => expect(screen.getByTestId("activity-name")).toHaveValue("Membership list"));
    expect(owner).toHaveValue("Treasurer");
    const notice = screen.getByTestId("activity-changed");
    expect(notice).toHaveTextContent("Your own changes are kept.");
    expect(notice).toHaveTextContent(
      "Someone else also changed Owner: saving keeps both values as a conflict for you to settle.",
    );
    expect(ipc.updateActivity).not.toHaveBeenCalled();
  });
});
