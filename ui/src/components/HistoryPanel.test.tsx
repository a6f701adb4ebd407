// Tests for the history panel: set, deleted and restored entries in words with the form's
// labels, user text rendered literally (never as HTML), the loading of long histories, and
// the panel on the pages of activities, recipients and the organisation.
import { useQuery } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as ipc from "../ipc";
import { type HistoryEntry, StewardError } from "../ipc";
import { makeActivity, makeHistoryEntry, makeOrganisation, makeRecipient } from "../test/fixtures";
import { setIpcDefaults } from "../test/ipcMock";
import { renderElement, renderWithProviders } from "../test/renderWithProviders";
import { HistoryPanel } from "./HistoryPanel";
import type { FieldLabels } from "./historyText";

vi.mock(import("../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const LABELS: FieldLabels = { name: "Name", privacyPolicyUrl: "Privacy policy URL" };

function Panel({ load }: { load: () => Promise<HistoryEntry[]> }) {
  const query = useQuery({ queryKey: ["history-test"], queryFn: load });
  return <HistoryPanel query={query} labels={LABELS} />;
}

function entryTexts(container: HTMLElement = document.body) {
  return within(container)
    .getAllByTestId("history-entry")
    .map((entry) => entry.firstElementChild?.textContent);
}

beforeEach(() => {
  setIpcDefaults(ipc);
});

describe("history panel", () => {
  it("describes set, deleted and restored entries with the form's labels", async () => {
    const entries = [
      makeHistoryEntry({ at: "2026-11-22T12:00:00Z", change: "restored", field: null, new: null }),
      makeHistoryEntry({ at: "2026-11-22T11:30:00Z", change: "deleted", field: null, new: null }),
      makeHistoryEntry({ at: "2026-11-22T11:00:00Z", old: "Eventbrite", new: "Eventbrite Inc." }),
      makeHistoryEntry({ field: "country", old: null, new: "US", author: "Sam" }),
      makeHistoryEntry({ field: "privacyPolicyUrl", old: "https://old.example", new: null }),
    ];
    renderElement(<Panel load={() => Promise.resolve(entries)} />);

    const panel = await screen.findByTestId("history");
    await within(panel).findAllByTestId("history-entry");
    expect(entryTexts(panel)).toEqual([
      "Restored",
      "Deleted",
      "Name: 'Eventbrite' → 'Eventbrite Inc.'",
      // No label given: the field's own name.
      "Set country to 'US'",
      "Cleared Privacy policy URL (was 'https://old.example')",
    ]);
    expect(within(panel).getByRole("button", { name: /History/ })).toHaveTextContent("5 changes");

    // Who and when: the author and the formatted date and time.
    const country = within(panel).getAllByTestId("history-entry")[3] as HTMLElement;
    expect(country).toHaveTextContent("Sam");
    const time = country.querySelector("time");
    expect(time).toHaveAttribute("dateTime", "2026-11-22T10:00:00Z");
    expect(time?.textContent).not.toBe("2026-11-22T10:00:00Z");
    expect(time?.textContent).toMatch(/2026/);
  });

  it("renders what the user typed as text, never as HTML", async () => {
    renderElement(
      <Panel
        load={() =>
          Promise.resolve([
            makeHistoryEntry({
              old: "<b>x</b>",
              new: "<img src=x onerror=alert(1)>",
              author: "<i>Eve</i>",
            }),
          ])
        }
      />,
    );

    const entry = await screen.findByTestId("history-entry");
    expect(entry).toHaveTextContent("Name: '<b>x</b>' → '<img src=x onerror=alert(1)>'");
    expect(entry).toHaveTextContent("<i>Eve</i>");
    expect(entry.querySelector("b, i, img")).toBeNull();
  });

  it("shows long histories on request and collapses", async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      makeHistoryEntry({ old: `Name ${i}`, new: `Name ${i + 1}` }),
    );
    const { user } = renderElement(<Panel load={() => Promise.resolve(many)} />);

    const panel = await screen.findByTestId("history");
    expect(await within(panel).findAllByTestId("history-entry")).toHaveLength(20);
    await user.click(within(panel).getByTestId("history-show-all"));
    expect(within(panel).getAllByTestId("history-entry")).toHaveLength(25);

    const toggle = within(panel).getByRole("button", { name: /History/ });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  it("says when there is no history yet", async () => {
    renderElement(<Panel load={() => Promise.resolve([])} />);
    expect(await screen.findByTestId("history-empty")).toHaveTextContent(
      "No changes recorded yet.",
    );
  });

  it("shows an error with a retry", async () => {
    renderElement(
      <Panel load={() => Promise.reject(new StewardError("storage", "The log is unreadable."))} />,
    );
    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("Could not load the history");
    expect(error).toHaveTextContent("The log is unreadable.");
  });
});

describe("history on the record pages", () => {
  it("shows an activity's history with the activity form's labels", async () => {
    vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity());
    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({ field: "legalBasis", old: "consent", new: "contract" }),
    ]);
    renderWithProviders({ route: "/activities/act-1" });

    const panel = await screen.findByTestId("history");
    expect(await within(panel).findByText("Legal basis: 'consent' → 'contract'")).toBeVisible();
    expect(ipc.getHistory).toHaveBeenCalledWith("activity", "act-1");
  });

  it("shows a recipient's history and reads it again after a save", async () => {
    const recipient = makeRecipient();
    vi.mocked(ipc.getRecipient).mockResolvedValue(recipient);
    vi.mocked(ipc.updateRecipient).mockResolvedValue(recipient);
    vi.mocked(ipc.getHistory).mockResolvedValue([
      makeHistoryEntry({ field: "dpaSigned", old: null, new: "2026-01-15" }),
    ]);
    const { user } = renderWithProviders({ route: "/recipients/rec-1" });

    const panel = await screen.findByTestId("history");
    expect(await within(panel).findByText("Set DPA signed on to '2026-01-15'")).toBeVisible();
    expect(ipc.getHistory).toHaveBeenCalledWith("recipient", "rec-1");
    const reads = vi.mocked(ipc.getHistory).mock.calls.length;

    await user.click(screen.getByTestId("recipient-save"));
    await waitFor(() => expect(ipc.updateRecipient).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(vi.mocked(ipc.getHistory).mock.calls.length).toBe(reads + 1));
  });

  it("shows the organisation's history and reads it again after a save", async () => {
    vi.mocked(ipc.getOrganisation).mockResolvedValue(makeOrganisation());
    vi.mocked(ipc.updateOrganisation).mockImplementation(async (input) => ({
      ...input,
      updatedAt: "2026-11-22T18:19:00Z",
    }));
    vi.mocked(ipc.getOrganisationHistory).mockResolvedValue([
      makeHistoryEntry({ field: "contactEmail", old: null, new: "privacy@riverside.example" }),
    ]);
    const { user } = renderWithProviders({ route: "/organisation" });

    const panel = await screen.findByTestId("history");
    expect(
      await within(panel).findByText("Set Contact email to 'privacy@riverside.example'"),
    ).toBeVisible();

    vi.mocked(ipc.getOrganisationHistory).mockResolvedValue([
      makeHistoryEntry({ field: "dpoName", old: null, new: "Alex Example" }),
      makeHistoryEntry({ field: "contactEmail", old: null, new: "privacy@riverside.example" }),
    ]);
    await user.type(screen.getByTestId("org-dpoName"), "Alex Example");
    await user.click(screen.getByTestId("org-save"));

    expect(await within(panel).findByText("Set DPO name to 'Alex Example'")).toBeVisible();
    expect(within(panel).getAllByTestId("history-entry")).toHaveLength(2);
  });
});
