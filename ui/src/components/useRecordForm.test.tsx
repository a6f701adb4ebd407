// Tests for the undo of the last save that every form built on useRecordForm offers: the
// "Saved" notification's Undo button and mod+Z save the values from before that save again
// through the same mutation (against the base of the record the save returned) and show
// them in the form; a new record and a save that changed nothing offer no undo.
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderElement } from "../test/renderWithProviders";
import { formFields } from "./formFields";
import { RecordFormLayout, SaveActions } from "./RecordFormLayout";
import type { SaveRequest } from "./recordBase";
import { useRecordForm } from "./useRecordForm";

interface Thing {
  id: string;
  base: string;
  name: string;
}

interface ThingValues {
  name: string;
}

const THING_FIELDS = formFields<ThingValues>(["name"]);

function ThingForm({
  thing,
  save,
}: {
  thing: Thing | null;
  save: (request: SaveRequest<ThingValues>) => Promise<Thing>;
}) {
  const form = useRecordForm({
    initialValues: () => ({ name: thing?.name ?? "" }),
    record: thing ? { base: thing.base, values: () => ({ name: thing.name }) } : null,
    fields: THING_FIELDS,
    toInput: (values: ThingValues) => ({ name: values.name.trim() }),
    mutation: useMutation({ mutationFn: save }),
    afterSave: thing
      ? { showSaved: (saved: Thing) => ({ name: saved.name }) }
      : { goTo: (saved: Thing) => `/things/${saved.id}` },
    savedMessage: (saved) => `'${saved.name}' is up to date.`,
    testId: "thing",
  });
  return (
    <RecordFormLayout form={form} label="Thing" actions={<SaveActions form={form} />}>
      <input aria-label="Name" {...form.bind("name")} />
      <input type="checkbox" aria-label="Unrelated tick" data-testid="thing-tick" />
    </RecordFormLayout>
  );
}

const TEAPOT: Thing = { id: "t-1", base: "1@dev-a", name: "Teapot" };

/** Saves like the back end: every save is a new version, with a base of its own. */
function savesAsGiven() {
  let version = 1;
  return vi.fn(async ({ input }: SaveRequest<ThingValues>) => {
    version += 1;
    return { id: "t-1", base: `${version}@dev-a`, name: input.name };
  });
}

afterEach(() => {
  notifications.clean();
});

describe("undo of the last save", () => {
  it("saves the previous values again and shows them in the form", async () => {
    const save = savesAsGiven();
    const { user } = renderElement(<ThingForm thing={TEAPOT} save={save} />);

    const name = screen.getByTestId("thing-name");
    await user.clear(name);
    await user.type(name, "  Kettle ");
    await user.click(screen.getByTestId("thing-save"));

    expect(await screen.findByText("'Kettle' is up to date.")).toBeInTheDocument();
    expect(name).toHaveValue("Kettle");
    await user.click(screen.getByTestId("undo-last-change"));

    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[0]?.[0]).toEqual({ input: { name: "Kettle" }, base: "1@dev-a" });
    // The undo saves against the base of the record the save returned.
    expect(save.mock.calls[1]?.[0]).toEqual({ input: { name: "Teapot" }, base: "2@dev-a" });
    expect(name).toHaveValue("Teapot");
    // The restored values are the saved ones: nothing is left unsaved.
    expect(screen.getByText("Ctrl+S saves")).toBeInTheDocument();
    expect(screen.queryByTestId("undo-last-change")).not.toBeInTheDocument();
  });

  it("undoes with mod+Z outside a text input while the notification is open", async () => {
    const save = savesAsGiven();
    const { user } = renderElement(<ThingForm thing={TEAPOT} save={save} />);

    const name = screen.getByTestId("thing-name");
    await user.clear(name);
    await user.type(name, "Kettle");
    await user.click(screen.getByTestId("thing-save"));
    await screen.findByTestId("undo-last-change");

    // In the text input, mod+Z is the input's own undo.
    name.focus();
    await user.keyboard("{Control>}z{/Control}");
    expect(save).toHaveBeenCalledTimes(1);

    // A checkbox is no text input.
    screen.getByTestId("thing-tick").focus();
    await user.keyboard("{Control>}z{/Control}");

    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toEqual({ input: { name: "Teapot" }, base: "2@dev-a" });
    expect(name).toHaveValue("Teapot");

    // Each save is undone once.
    await user.keyboard("{Control>}z{/Control}");
    expect(save).toHaveBeenCalledTimes(2);
  });

  it("undoes only the latest of two saves, back to the values before it", async () => {
    const save = savesAsGiven();
    const { user } = renderElement(<ThingForm thing={TEAPOT} save={save} />);

    const name = screen.getByTestId("thing-name");
    await user.clear(name);
    await user.type(name, "Kettle");
    await user.click(screen.getByTestId("thing-save"));
    await screen.findByText("'Kettle' is up to date.");
    await user.clear(name);
    await user.type(name, "Samovar");
    await user.click(screen.getByTestId("thing-save"));
    await screen.findByText("'Samovar' is up to date.");

    await waitFor(() => expect(screen.getAllByTestId("undo-last-change")).toHaveLength(1));
    await user.click(screen.getByTestId("undo-last-change"));

    expect(await screen.findByText("Change undone")).toBeInTheDocument();
    // Each save went against the base the one before it returned.
    expect(save.mock.calls[1]?.[0]).toEqual({ input: { name: "Samovar" }, base: "2@dev-a" });
    expect(save.mock.calls[2]?.[0]).toEqual({ input: { name: "Kettle" }, base: "3@dev-a" });
    expect(name).toHaveValue("Kettle");
  });

  it("says so when the undo fails, and keeps the saved values", async () => {
    const save = vi
      .fn<(request: SaveRequest<ThingValues>) => Promise<Thing>>()
      .mockResolvedValueOnce({ id: "t-1", base: "2@dev-a", name: "Kettle" })
      .mockRejectedValueOnce(new Error("The register could not be written to disk."));
    const { user } = renderElement(<ThingForm thing={TEAPOT} save={save} />);

    const name = screen.getByTestId("thing-name");
    await user.clear(name);
    await user.type(name, "Kettle");
    await user.click(screen.getByTestId("thing-save"));
    await user.click(await screen.findByTestId("undo-last-change"));

    expect(await screen.findByText("Could not undo")).toBeInTheDocument();
    expect(screen.getByText("The register could not be written to disk.")).toBeInTheDocument();
    expect(name).toHaveValue("Kettle");
  });

  it("offers no undo for a save that changed nothing", async () => {
    const save = savesAsGiven();
    const { user } = renderElement(<ThingForm thing={TEAPOT} save={save} />);

    await user.click(screen.getByTestId("thing-save"));

    expect(await screen.findByText("'Teapot' is up to date.")).toBeInTheDocument();
    expect(screen.queryByTestId("undo-last-change")).not.toBeInTheDocument();
  });

  it("offers no undo for a new record", async () => {
    const save = savesAsGiven();
    const { user, router } = renderElement(<ThingForm thing={null} save={save} />);

    await user.type(screen.getByTestId("thing-name"), "Teapot");
    await user.click(screen.getByTestId("thing-save"));

    expect(await screen.findByText("'Teapot' is up to date.")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/things/t-1");
    expect(screen.queryByTestId("undo-last-change")).not.toBeInTheDocument();
  });
});
