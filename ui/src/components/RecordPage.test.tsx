// Tests for the shared page of a saved record: the not-found and error states in the words
// of the record's kind, the loaded record with its breadcrumb, title and form, and a record
// deleted elsewhere while its form is open, which stays on screen.
import { useQuery } from "@tanstack/react-query";
import { act, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { StewardError } from "../ipc";
import { renderElement } from "../test/renderWithProviders";
import { RecordDetailPage } from "./RecordPage";
import type { RecordKind } from "./recordKind";

interface Thing {
  id: string;
  name: string;
  updatedAt: string;
}

const THING_KIND: RecordKind<Thing> = {
  noun: "thing",
  plural: "things",
  list: { to: "/things", label: "Things" },
  nameOf: (thing) => thing.name,
  testId: "thing",
};

function ThingPage({ load }: { load: () => Promise<Thing> }) {
  const query = useQuery({ queryKey: ["thing"], queryFn: load });
  return (
    <RecordDetailPage kind={THING_KIND} query={query}>
      {(thing) => <p data-testid="thing-form">{`Form for ${thing.id}`}</p>}
    </RecordDetailPage>
  );
}

describe("record detail page", () => {
  it("says that a deleted record does not exist, without a retry", async () => {
    renderElement(
      <ThingPage load={() => Promise.reject(new StewardError("notFound", "No such thing."))} />,
    );

    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("This thing does not exist");
    expect(error).toHaveTextContent(
      "It may have been deleted. Go back to the list to see the things on record.",
    );
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    expect(screen.getByText("Not available")).toBeInTheDocument();
  });

  it("shows other errors with a retry", async () => {
    renderElement(
      <ThingPage load={() => Promise.reject(new StewardError("storage", "The disk is full."))} />,
    );

    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("Could not load the thing");
    expect(error).toHaveTextContent("The disk is full.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("shows the record's name as breadcrumb and title above its form", async () => {
    renderElement(
      <ThingPage
        load={() =>
          Promise.resolve({ id: "t-1", name: "Teapot", updatedAt: "2026-11-20T09:30:00Z" })
        }
      />,
    );

    expect(await screen.findByTestId("thing-form")).toHaveTextContent("Form for t-1");
    expect(screen.getByRole("heading", { name: "Teapot" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Things" })).toHaveAttribute("href", "/things");
    expect(screen.getByText(/^Last changed /)).toBeInTheDocument();
  });

  it("keeps the form of a record deleted elsewhere on screen, and says so", async () => {
    let load = () =>
      Promise.resolve({ id: "t-1", name: "Teapot", updatedAt: "2026-11-20T09:30:00Z" });
    const { queryClient } = renderElement(<ThingPage load={() => load()} />);
    expect(await screen.findByTestId("thing-form")).toHaveTextContent("Form for t-1");

    // A sync reads everything again; the thing was deleted on another laptop.
    load = () => Promise.reject(new StewardError("notFound", "No such thing."));
    await act(() => queryClient.invalidateQueries());

    expect(await screen.findByTestId("record-deleted-elsewhere")).toHaveTextContent(
      "This thing was deleted elsewhere",
    );
    expect(screen.getByTestId("thing-form")).toBeInTheDocument();
    expect(screen.queryByTestId("error-state")).not.toBeInTheDocument();
  });
});
