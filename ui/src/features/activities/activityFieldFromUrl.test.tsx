// Tests for `?field=` on an activity's page: a field of the form gets the focus, a field of
// the activity's rows brings its section into view and highlights it for a moment.
import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ROW_SECTION_FIELDS } from "../../components/recordRoutes";
import * as ipc from "../../ipc";
import { makeActivity } from "../../test/fixtures";
import { renderWithProviders } from "../../test/renderWithProviders";
import { sectionOfField } from "./activityFieldFromUrl";
import { setPartsDefaults } from "./parts/testSupport";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockPartsIpcModule } = await import("./parts/testSupport");
  return mockPartsIpcModule(await importOriginal());
});

beforeEach(() => {
  setPartsDefaults(ipc);
  vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity({ owner: "" }));
});

describe("activity page opened at a field", () => {
  it("focuses the owner input for ?field=owner", async () => {
    renderWithProviders({ route: "/activities/act-1?field=owner" });

    const owner = await screen.findByTestId("activity-owner");
    expect(owner.tagName).toBe("INPUT");
    await waitFor(() => expect(owner).toHaveFocus());
  });

  it("focuses the inputs of the review date, the DPIA status and the security measures", async () => {
    const { unmount } = renderWithProviders({ route: "/activities/act-1?field=nextReview" });
    const review = await screen.findByTestId("activity-nextReview");
    await waitFor(() => expect(review).toHaveFocus());
    unmount();

    const second = renderWithProviders({ route: "/activities/act-1?field=dpiaStatus" });
    const dpia = await screen.findByTestId("activity-dpiaStatus");
    await waitFor(() => expect(dpia).toHaveFocus());
    second.unmount();

    renderWithProviders({ route: "/activities/act-1?field=security" });
    const first = await screen.findByTestId("activity-securityMeasures-accessControl");
    await waitFor(() => expect(first).toHaveFocus());
  });

  it("brings the section of a row's field into view and highlights it for a moment", async () => {
    const scrolled: Element[] = [];
    const spy = vi
      .spyOn(window.HTMLElement.prototype, "scrollIntoView")
      .mockImplementation(function (this: Element) {
        scrolled.push(this);
      });
    renderWithProviders({ route: "/activities/act-1?field=notice" });

    const section = await screen.findByTestId("activitySource-section");
    await waitFor(() => expect(section).toHaveAttribute("data-highlighted", "true"));
    expect(section).toHaveFocus();
    expect(scrolled).toContain(section);
    expect(screen.getByTestId("purpose-section")).not.toHaveAttribute("data-highlighted");
    // The highlight fades after a moment.
    await waitFor(() => expect(section).not.toHaveAttribute("data-highlighted"), {
      timeout: 5_000,
    });
    spy.mockRestore();
  });

  it("ignores a field that names nothing on the page", async () => {
    renderWithProviders({ route: '/activities/act-1?field=name"],body' });

    const name = await screen.findByTestId("activity-name");
    expect(name).not.toHaveFocus();
  });
});

describe("sectionOfField", () => {
  it("knows the section of each field of the activity's rows", () => {
    expect(sectionOfField("purposes")).toBe("purpose");
    expect(sectionOfField("legalBasis")).toBe("purpose");
    expect(sectionOfField("liaReference")).toBe("purpose");
    expect(sectionOfField("consentRecord")).toBe("purpose");
    expect(sectionOfField("subjects")).toBe("subjectGroup");
    expect(sectionOfField("art9Condition")).toBe("subjectGroup");
    expect(sectionOfField("art10Basis")).toBe("subjectGroup");
    expect(sectionOfField("dataCategories")).toBe("subjectGroup");
    expect(sectionOfField("notice")).toBe("activitySource");
    expect(sectionOfField("sourceOrganisationId")).toBe("activitySource");
    expect(sectionOfField("recipients")).toBe("activityRecipient");
    expect(sectionOfField("transfers")).toBe("transfer");
    expect(sectionOfField("transferMechanism")).toBe("transfer");
    expect(sectionOfField("mechanism")).toBe("transfer");
    expect(sectionOfField("tiaDone")).toBe("transfer");
    expect(sectionOfField("safeguards")).toBe("transfer");
    expect(sectionOfField("retention")).toBe("retentionRule");
    expect(sectionOfField("justification")).toBe("retentionRule");
    expect(sectionOfField("periodValue")).toBe("retentionRule");
    expect(sectionOfField("retentionRules")).toBe("retentionRule");
    expect(sectionOfField("retentionRules[2]")).toBe("retentionRule");
    expect(sectionOfField("owner")).toBeNull();
    expect(sectionOfField("toString")).toBeNull();
  });

  it("opens each kind of row's own section from the links of the sync pages", () => {
    // The sync pages link a purpose's or a transfer's conflict to its activity's page with
    // these fields; each must land on the section that shows that kind of row.
    for (const [kind, field] of Object.entries(ROW_SECTION_FIELDS)) {
      expect(sectionOfField(field)).toBe(kind);
    }
  });
});
