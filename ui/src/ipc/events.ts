// Typed listeners for the events the Rust side emits while a command runs. Like the
// commands, this folder is the only code that talks to Tauri.
import { listen } from "@tauri-apps/api/event";
import type { SyncReport } from "./bindings/SyncReport";

/** A stage of a running export, e.g. step 2 of 3, "Typesetting the record". */
export interface ExportProgress {
  step: number;
  steps: number;
  stage: string;
}

/** Calls `onProgress` for every `export-progress` event until the returned function is
 *  called. Start listening before the export, so that no stage is missed. */
export async function listenToExportProgress(
  onProgress: (progress: ExportProgress) => void,
): Promise<() => void> {
  return listen<ExportProgress>("export-progress", (event) => onProgress(event.payload));
}

/** Calls `onFinished` with the report of every sync Steward runs by itself (when it
 *  starts, if the person turned that on) until the returned function is called. */
export async function listenToSyncFinished(
  onFinished: (report: SyncReport) => void,
): Promise<() => void> {
  return listen<SyncReport>("sync-finished", (event) => onFinished(event.payload));
}
