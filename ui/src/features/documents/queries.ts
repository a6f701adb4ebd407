// The mutations behind the documents page: the PDF and spreadsheet exports, revealing the
// last export, and the two steps of the spreadsheet import. The exports and the import
// share a mutation key, so that the page can hold every button while one of them runs
// (each opens a native dialog, and typesetting takes seconds).
import { useIsMutating, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  applyIcoImport,
  type ExportProgress,
  exportRopa,
  exportSpreadsheet,
  listenToExportProgress,
  previewIcoImport,
  type RopaRequest,
  revealExport,
  type SpreadsheetFormat,
} from "../../ipc";

export const documentKeys = {
  all: ["documents"] as const,
  ropa: ["documents", "ropa"] as const,
  spreadsheet: ["documents", "spreadsheet"] as const,
  preview: ["documents", "icoPreview"] as const,
  apply: ["documents", "icoApply"] as const,
};

/** Whether an export, a preview or an import is running. */
export function useDocumentsBusy(): boolean {
  return useIsMutating({ mutationKey: documentKeys.all }) > 0;
}

/** Exports the record as a PDF, passing on its stages while it runs; `null` progress once
 *  it is over. The listener is in place before the export starts and removed after it. */
export function useExportRopa(onProgress: (progress: ExportProgress | null) => void) {
  return useMutation({
    mutationKey: documentKeys.ropa,
    mutationFn: async (request: RopaRequest) => {
      const stopListening = await listenToExportProgress(onProgress);
      try {
        return await exportRopa(request);
      } finally {
        stopListening();
        onProgress(null);
      }
    },
  });
}

export function useExportSpreadsheet() {
  return useMutation({
    mutationKey: documentKeys.spreadsheet,
    mutationFn: (format: SpreadsheetFormat) => exportSpreadsheet(format),
  });
}

/** Opens the folder of the last export; it does not hold the other buttons. */
export function useRevealExport() {
  return useMutation({ mutationFn: revealExport });
}

export function usePreviewIcoImport() {
  return useMutation({ mutationKey: documentKeys.preview, mutationFn: previewIcoImport });
}

/** After an import every cached list may be out of date (activities, their rows,
 *  recipients, source organisations, reviews): everything is read again. */
export function useApplyIcoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: documentKeys.apply,
    mutationFn: (leaveOut: number[]) => applyIcoImport(leaveOut),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
