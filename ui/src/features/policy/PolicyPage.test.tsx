// Tests for the privacy policy page: the navigation entry, the draft's sections, lists and
// placeholders, the checklist and its Fix links, the links from clauses to their sources,
// text that looks like markup, and loading, errors and refreshing (the exports are in
// PolicyExportCard.test.tsx).
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PolicyDraft, RecordLink } from "../../ipc";
import * as ipc from "../../ipc";
import {
  makeActivity,
  makeOrganisation,
  makePolicyDraft,
  makeRecipient,
} from "../../test/fixtures";
import { setIpcDefaults } from "../../test/ipcMock";
import { renderWithProviders } from "../../test/renderWithProviders";

vi.mock(import("../../ipc"), async (importOriginal) => {
  const { mockIpcModule } = await import("../../test/ipcMock");
  return mockIpcModule(await importOriginal());
});

const ORGANISATION: RecordLink = {
  kind: "organisation",
  id: "",
  activityId: null,
  name: "",
  field: null,
};
const ACTIVITY: RecordLink = {
  kind: "activity",
  id: "a1",
  activityId: null,
  name: "Member administration",
  field: null,
};
const PURPOSE: RecordLink = {
  kind: "purpose",
  id: "p1",
  activityId: "a1",
  name: "Managing memberships",
  field: null,
};
const RECIPIENT: RecordLink = {
  kind: "recipient",
  id: "rec-1",
  activityId: null,
  name: "Hetzner Online GmbH",
  field: null,
};

const DRAFT: PolicyDraft = makePolicyDraft({
  title: "Privacy policy of Riverside Community Garden e.V.",
  effective: "Effective from 1 March 2026.",
  sections: [
    {
      id: "controller",
      heading: "Who we are",
      edit: null,
      blocks: [
        {
          kind: "paragraph",
          spans: [
            { text: "You can complain to ", gap: null },
            { text: "[supervisory authority]", gap: 0 },
            { text: ".", gap: null },
          ],
          sources: [ORGANISATION],
        },
      ],
    },
    {
      id: "purposes",
      heading: "What we do with your data",
      edit: null,
      blocks: [
        { kind: "subheading", spans: [{ text: "Membership", gap: null }], sources: [ACTIVITY] },
        { kind: "paragraph", spans: [{ text: "We use it for:", gap: null }], sources: [] },
        { kind: "item", spans: [{ text: "managing memberships", gap: null }], sources: [PURPOSE] },
        { kind: "item", spans: [{ text: "collecting fees", gap: null }], sources: [] },
        { kind: "paragraph", spans: [{ text: "We share it with:", gap: null }], sources: [] },
        {
          kind: "item",
          spans: [{ text: "Hetzner Online GmbH (hosting)", gap: null }],
          sources: [RECIPIENT, ACTIVITY],
        },
      ],
    },
    {
      id: "retention",
      heading: "How long we keep it",
      edit: null,
      blocks: [
        {
          kind: "paragraph",
          spans: [
            { text: "We keep it for ", gap: null },
            { text: "[how long]", gap: 1 },
          ],
          sources: [],
        },
      ],
    },
  ],
  checklist: [
    {
      element: "Art. 13(2)(d)",
      message: "Record the supervisory authority people can complain to.",
      section: "controller",
      fix: { ...ORGANISATION, field: "supervisoryAuthority" },
    },
    {
      element: "Art. 13(2)(a)",
      message: "Record how long 'Member administration' keeps the data.",
      section: "retention",
      fix: { ...ACTIVITY, field: "retentionRules" },
    },
  ],
});

const HOSTILE = "<img src=x onerror=alert(1)>";
const MARKDOWN = "**bold** [x](y)";

beforeEach(() => {
  setIpcDefaults(ipc);
  vi.mocked(ipc.getPolicyDraft).mockResolvedValue(DRAFT);
  vi.mocked(ipc.getOrganisation).mockResolvedValue(makeOrganisation());
  vi.mocked(ipc.getRecipient).mockResolvedValue(makeRecipient());
  vi.mocked(ipc.getActivity).mockResolvedValue(makeActivity({ id: "a1" }));
});

function renderPage() {
  return renderWithProviders({ route: "/policy" });
}

describe("privacy policy page", () => {
  it("is in the navigation before the documents, titled by the draft", async () => {
    const { user, router } = renderWithProviders({ route: "/activities" });
    const nav = screen.getAllByRole("link").map((link) => link.getAttribute("data-testid"));
    expect(nav.indexOf("nav-policy")).toBe(nav.indexOf("nav-documents") - 1);
    expect(screen.getByTestId("nav-policy")).toHaveTextContent("Privacy policy");

    await user.click(screen.getByTestId("nav-policy"));

    expect(router.state.location.pathname).toBe("/policy");
    expect(screen.getByTestId("nav-policy")).toHaveAttribute("data-active", "true");
    expect(
      await screen.findByRole("heading", {
        level: 2,
        name: "Privacy policy of Riverside Community Garden e.V.",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("Effective from 1 March 2026.")).toBeInTheDocument();
  });

  it("shows each section with its heading, paragraphs, subheadings and lists", async () => {
    renderPage();

    const preview = await screen.findByTestId("policy-preview");
    const sections = within(preview).getAllByTestId("policy-section");
    expect(sections.map((section) => section.tagName)).toEqual(["SECTION", "SECTION", "SECTION"]);
    expect(sections.map((section) => section.dataset.sectionId)).toEqual([
      "controller",
      "purposes",
      "retention",
    ]);
    expect(
      within(preview)
        .getAllByRole("heading", { level: 2 })
        .map((heading) => heading.textContent),
    ).toEqual(["Who we are", "What we do with your data", "How long we keep it"]);

    const purposes = sections[1] as HTMLElement;
    expect(within(purposes).getByRole("heading", { level: 3 })).toHaveTextContent(/^Membership$/);
    // Two runs of items: two lists, in the order of the blocks.
    const lists = within(purposes).getAllByRole("list");
    expect(lists).toHaveLength(2);
    const items = (list: HTMLElement) =>
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.firstChild?.textContent);
    expect(items(lists[0] as HTMLElement)).toEqual(["managing memberships", "collecting fees"]);
    expect(items(lists[1] as HTMLElement)).toEqual(["Hetzner Online GmbH (hosting)"]);
    const paragraphs = [...purposes.querySelectorAll("p")].map((p) => p.textContent);
    expect(paragraphs).toContain("We use it for:");
    expect(paragraphs).toContain("We share it with:");
    // Paragraphs, lists and list order as in the draft, after the heading and its buttons.
    const [header, ...blocks] = [...purposes.children];
    expect(header?.querySelector("h2")).toHaveTextContent("What we do with your data");
    expect(blocks.map((child) => child.tagName)).toEqual(["H3", "P", "P", "UL", "P", "UL"]);
  });

  it("marks the missing facts and leads from one to its entry in the checklist", async () => {
    const { user } = renderPage();

    const placeholders = await screen.findAllByTestId("policy-placeholder");
    expect(placeholders.map((mark) => mark.tagName)).toEqual(["MARK", "MARK"]);
    expect(placeholders.map((mark) => mark.textContent)).toEqual([
      "[supervisory authority]",
      "[how long]",
    ]);
    expect(placeholders[0]?.closest("p")).toHaveTextContent(
      "You can complain to [supervisory authority].",
    );

    await user.click(placeholders[1] as HTMLElement);

    const rows = screen.getAllByTestId("policy-gap");
    expect(within(rows[1] as HTMLElement).getByTestId("policy-gap-fix")).toHaveFocus();
    expect(rows[1]).toHaveAttribute("data-highlighted", "true");
    expect(rows[0]).not.toHaveAttribute("data-highlighted");
  });

  it("lists what the register lacks, and Fix opens the record that fixes it", async () => {
    const { user, router } = renderPage();

    const checklist = await screen.findByTestId("policy-checklist");
    expect(
      within(checklist).getByRole("heading", { name: "Missing from the register (2)" }),
    ).toBeInTheDocument();
    const rows = within(checklist).getAllByTestId("policy-gap");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Art. 13(2)(d)");
    expect(rows[0]).toHaveTextContent("Record the supervisory authority people can complain to.");
    expect(rows[0]).toHaveTextContent("Record it in: Organisation profile");
    expect(rows[1]).toHaveTextContent("Art. 13(2)(a)");
    expect(rows[1]).toHaveTextContent("Record it in: Member administration");
    expect(screen.queryByTestId("policy-checklist-empty")).not.toBeInTheDocument();

    await user.click(within(rows[0] as HTMLElement).getByTestId("policy-gap-fix"));

    expect(router.state.location.pathname).toBe("/organisation");
    expect(router.state.location.search).toBe("?field=supervisoryAuthority");
    // The profile opens at the input to fill.
    await waitFor(() => expect(screen.getByTestId("org-supervisoryAuthority")).toHaveFocus());
  });

  it("opens the activity from a checklist entry about it", async () => {
    const { user, router } = renderPage();

    const rows = await screen.findAllByTestId("policy-gap");
    await user.click(within(rows[1] as HTMLElement).getByTestId("policy-gap-fix"));

    expect(router.state.location.pathname).toBe("/activities/a1");
    expect(router.state.location.search).toBe("?field=retentionRules");
  });

  it("says so when every element the law requires is recorded", async () => {
    vi.mocked(ipc.getPolicyDraft).mockResolvedValue({ ...DRAFT, checklist: [] });
    renderPage();

    const empty = await screen.findByTestId("policy-checklist-empty");
    expect(empty).toHaveTextContent("Every element the law requires");
    expect(screen.queryByTestId("policy-gap")).not.toBeInTheDocument();
  });

  it("links each clause to the register entries it comes from", async () => {
    const { user, router } = renderPage();

    const sources = await screen.findAllByTestId("policy-source");
    expect(sources.map((link) => link.textContent)).toEqual([
      "Organisation profile",
      "Member administration",
      "Managing memberships",
      "Hetzner Online GmbH",
      "Member administration",
    ]);
    expect(sources.map((link) => link.getAttribute("href"))).toEqual([
      "/organisation",
      "/activities/a1",
      "/activities/a1",
      "/recipients/rec-1",
      "/activities/a1",
    ]);
    // A subheading's sources are not part of its name.
    const preview = screen.getByTestId("policy-preview");
    expect(within(preview).getByRole("heading", { level: 3 })).toHaveTextContent(/^Membership$/);

    await user.click(sources[3] as HTMLElement);

    expect(router.state.location.pathname).toBe("/recipients/rec-1");
  });

  it("shows text that looks like markup as it is", async () => {
    vi.mocked(ipc.getPolicyDraft).mockResolvedValue(
      makePolicyDraft({
        title: HOSTILE,
        sections: [
          {
            id: "s1",
            heading: HOSTILE,
            edit: null,
            blocks: [
              {
                kind: "paragraph",
                spans: [
                  { text: MARKDOWN, gap: null },
                  { text: HOSTILE, gap: 0 },
                ],
                sources: [{ ...RECIPIENT, name: HOSTILE }],
              },
              { kind: "item", spans: [{ text: MARKDOWN, gap: null }], sources: [] },
            ],
          },
        ],
        checklist: [
          {
            element: HOSTILE,
            message: MARKDOWN,
            section: "s1",
            fix: { ...RECIPIENT, name: HOSTILE },
          },
        ],
      }),
    );
    const { container } = renderPage();

    const preview = await screen.findByTestId("policy-preview");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("strong, b")).toBeNull();
    expect(container.querySelector('a[href="y"]')).toBeNull();
    expect(within(preview).getByRole("heading", { level: 2 })).toHaveTextContent(HOSTILE);
    expect(screen.getAllByRole("heading", { level: 2, name: HOSTILE })).toHaveLength(2);
    expect(screen.getByTestId("policy-placeholder")).toHaveTextContent(HOSTILE);
    expect(screen.getByTestId("policy-source")).toHaveTextContent(HOSTILE);
    expect(within(preview).getByRole("listitem")).toHaveTextContent(MARKDOWN);
    expect(preview.querySelector("p")?.textContent).toContain(`${MARKDOWN}${HOSTILE}`);
    const gap = screen.getByTestId("policy-gap");
    expect(gap).toHaveTextContent(HOSTILE);
    expect(gap).toHaveTextContent(MARKDOWN);
  });

  it("shows a message and a retry when the draft cannot be made", async () => {
    vi.mocked(ipc.getPolicyDraft)
      .mockRejectedValueOnce(new ipc.StewardError("storage", "The register could not be read."))
      .mockResolvedValue(DRAFT);
    const { user } = renderPage();

    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("Could not draft the privacy policy");
    expect(error).toHaveTextContent("The register could not be read.");

    await user.click(within(error).getByRole("button", { name: "Try again" }));

    expect(await screen.findByTestId("policy-preview")).toBeInTheDocument();
  });

  it("reads the draft again each time the page opens", async () => {
    const { user } = renderPage();
    await screen.findByTestId("policy-preview");
    expect(ipc.getPolicyDraft).toHaveBeenCalledTimes(1);

    vi.mocked(ipc.getPolicyDraft).mockResolvedValue({ ...DRAFT, checklist: [] });
    await user.click(screen.getByTestId("nav-organisation"));
    await user.click(screen.getByTestId("nav-policy"));

    expect(await screen.findByTestId("policy-checklist-empty")).toBeInTheDocument();
    expect(ipc.getPolicyDraft).toHaveBeenCalledTimes(2);
  });
});
