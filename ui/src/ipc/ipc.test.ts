// Tests for the IPC layer: command names and arguments, and error wrapping.
import { invoke } from "@tauri-apps/api/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createActivity, deleteActivity, getWelcome, StewardError, updateActivity } from ".";

vi.mock(import("@tauri-apps/api/core"), () => ({ invoke: vi.fn() }));

const input = {
  name: "Newsletter",
  description: "",
  purposes: ["Sending news"],
  legalBasis: "consent",
  status: "draft",
} as const;

beforeEach(() => {
  vi.mocked(invoke).mockResolvedValue(null);
});

describe("ipc commands", () => {
  it("calls the Tauri commands with their argument objects", async () => {
    await getWelcome();
    expect(invoke).toHaveBeenLastCalledWith("get_welcome", undefined);
    await createActivity({ ...input, purposes: [...input.purposes] });
    expect(invoke).toHaveBeenLastCalledWith("create_activity", {
      input: { ...input, purposes: ["Sending news"] },
    });
    await updateActivity("a1", { ...input, purposes: [] });
    expect(invoke).toHaveBeenLastCalledWith("update_activity", {
      id: "a1",
      input: { ...input, purposes: [] },
    });
    await deleteActivity("a1");
    expect(invoke).toHaveBeenLastCalledWith("delete_activity", { id: "a1" });
  });

  it("wraps an ApiError rejection in a StewardError", async () => {
    vi.mocked(invoke).mockRejectedValue({
      code: "validation",
      message: "Please check the activity.",
      fields: [{ field: "name", message: "Name is required." }],
    });

    const error = await createActivity({ ...input, purposes: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StewardError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: "validation",
      message: "Please check the activity.",
      fields: [{ field: "name", message: "Name is required." }],
    });
  });

  it("turns any other rejection into an internal StewardError", async () => {
    vi.mocked(invoke).mockRejectedValue("command get_welcome not found");
    const fromString = await getWelcome().catch((e: unknown) => e);
    expect(fromString).toBeInstanceOf(StewardError);
    expect(fromString).toMatchObject({ code: "internal", fields: [] });
    expect((fromString as StewardError).message).toContain("command get_welcome not found");

    vi.mocked(invoke).mockRejectedValue(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({ code: "internal" });

    vi.mocked(invoke).mockRejectedValue({ code: "somethingNew", message: "?" });
    expect(await getWelcome().catch((e: unknown) => e)).toMatchObject({ code: "internal" });
  });
});
