// Tests for the sources section: how people are told about data received from an
// organisation (Art. 14(3)) is asked for, sent and shown only for such sources.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ActivitySource } from "../../../ipc";
import * as ipc from "../../../ipc";
import { makeSourceOrganisation } from "../../../test/fixtures";
import { renderElement } from "../../../test/renderWithProviders";
import { SourceSection } from "./SourceSection";
import { setPartsDefaults } from "./testSupport";

vi.mock(import("../../../ipc"), async (importOriginal) => {
  const { mockPartsIpcModule } = await import("./testSupport");
  return mockPartsIpcModule(await importOriginal());
});

const NOTICE = "Eventbrite's checkout links to our privacy policy";

function makeSource(overrides: Partial<ActivitySource> = {}): ActivitySource {
  return {
    id: "as-1",
    base: "2@dev-this",
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-20T09:30:00Z",
    activityId: "act-1",
    kind: "organisation",
    context: "ticket buyers",
    sourceOrganisationId: "src-1",
    dataCategories: ["identity"],
    publiclyAccessible: false,
    notice: NOTICE,
    ...overrides,
  };
}

beforeEach(() => {
  setPartsDefaults(ipc);
  vi.mocked(ipc.listSourceOrganisations).mockResolvedValue([makeSourceOrganisation()]);
});

async function openAddDialog(user: ReturnType<typeof renderElement>["user"]) {
  await user.click(await screen.findByTestId("activitySource-add"));
  return within(await screen.findByRole("dialog", { name: "Add source" }));
}

describe("sources section", () => {
  it("asks how people are told only for data received from an organisation, and sends it", async () => {
    vi.mocked(ipc.activitySources.create).mockResolvedValue(makeSource());
    const { user } = renderElement(<SourceSection activityId="act-1" />);
    const dialog = await openAddDialog(user);

    expect(dialog.queryByTestId("activitySource-notice")).not.toBeInTheDocument();
    await user.selectOptions(dialog.getByTestId("activitySource-kind"), "organisation");
    const notice = dialog.getByTestId("activitySource-notice");
    expect(notice.tagName).toBe("TEXTAREA");
    expect(dialog.getByLabelText("How people are told (Art. 14)")).toBe(notice);
    expect(dialog.getByText(/or why Art\. 14\(5\) exempts it/)).toBeInTheDocument();

    const organisation = dialog.getByTestId("activitySource-sourceOrganisationId");
    await user.click(organisation);
    await user.type(organisation, "Event");
    await user.click(await screen.findByRole("option", { name: "Eventbrite" }));
    await user.type(notice, `  ${NOTICE} `);
    await user.click(dialog.getByTestId("activitySource-save"));

    await waitFor(() =>
      expect(ipc.activitySources.create).toHaveBeenCalledWith({
        activityId: "act-1",
        kind: "organisation",
        context: "",
        sourceOrganisationId: "src-1",
        dataCategories: [],
        publiclyAccessible: false,
        notice: NOTICE,
      }),
    );
  });

  it("sends no notice for data collected from the people themselves", async () => {
    vi.mocked(ipc.activitySources.create).mockResolvedValue(makeSource({ kind: "dataSubject" }));
    const { user } = renderElement(<SourceSection activityId="act-1" />);
    const dialog = await openAddDialog(user);

    await user.selectOptions(dialog.getByTestId("activitySource-kind"), "organisation");
    await user.type(dialog.getByTestId("activitySource-notice"), "Told at checkout");
    await user.selectOptions(dialog.getByTestId("activitySource-kind"), "dataSubject");
    expect(dialog.queryByTestId("activitySource-notice")).not.toBeInTheDocument();
    await user.type(dialog.getByTestId("activitySource-context"), "web form");
    await user.click(dialog.getByTestId("activitySource-save"));

    await waitFor(() =>
      expect(ipc.activitySources.create).toHaveBeenCalledWith(
        expect.objectContaining({ kind: "dataSubject", context: "web form", notice: "" }),
      ),
    );
  });

  it("shows the notice in the row of an organisation, and edits it", async () => {
    const source = makeSource();
    vi.mocked(ipc.activitySources.list).mockResolvedValue([
      source,
      makeSource({ id: "as-2", sourceOrganisationId: null, notice: "" }),
      makeSource({ id: "as-3", kind: "dataSubject", sourceOrganisationId: null, notice: "" }),
    ]);
    vi.mocked(ipc.activitySources.update).mockResolvedValue(source);
    const { user } = renderElement(<SourceSection activityId="act-1" />);

    const rows = await screen.findAllByTestId("activitySource-row");
    expect(
      within(rows[0] as HTMLElement).getByTestId("activitySource-row-notice"),
    ).toHaveTextContent(`How people are told: ${NOTICE}`);
    expect(
      within(rows[1] as HTMLElement).getByTestId("activitySource-row-notice"),
    ).toHaveTextContent("not recorded yet");
    expect(
      within(rows[2] as HTMLElement).queryByTestId("activitySource-row-notice"),
    ).not.toBeInTheDocument();

    await user.click(within(rows[0] as HTMLElement).getByTestId("activitySource-edit"));
    const dialog = within(await screen.findByRole("dialog", { name: "Edit source" }));
    const notice = dialog.getByTestId("activitySource-notice");
    expect(notice).toHaveValue(NOTICE);
    await user.clear(notice);
    await user.type(notice, "Art. 14(5)(b): disproportionate effort");
    await user.click(dialog.getByTestId("activitySource-save"));

    await waitFor(() =>
      expect(ipc.activitySources.update).toHaveBeenCalledWith(
        "as-1",
        expect.objectContaining({ notice: "Art. 14(5)(b): disproportionate effort" }),
        "2@dev-this",
      ),
    );
  });
});
