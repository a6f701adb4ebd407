import { invoke } from "@tauri-apps/api/core";
import { StewardError } from "./errors";

/** Invokes a Tauri command; failures become a `StewardError`. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw StewardError.from(reason);
  }
}
