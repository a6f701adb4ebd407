// TanStack queries and mutations for recipients and processors and the processor
// catalogue. Every change to the recipients refreshes both the list and the catalogue,
// whose entries say whether they are already in the register.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { listedRecordQueries } from "../../components/listedRecordQueries";
import {
  addRecipientFromCatalogue,
  createRecipient,
  deleteRecipient,
  getProcessorCatalogue,
  getRecipient,
  listRecipients,
  listRecipientUses,
  restoreRecipient,
  updateRecipient,
} from "../../ipc";
import { RECIPIENT_KIND, recipientTitle } from "./labels";

export const referenceKeys = {
  catalogue: ["reference", "processorCatalogue"] as const,
};

const recipients = listedRecordQueries({
  kind: RECIPIENT_KIND,
  key: "recipients",
  commands: {
    list: listRecipients,
    get: getRecipient,
    create: createRecipient,
    update: updateRecipient,
    remove: deleteRecipient,
    restore: restoreRecipient,
  },
  dependents: [referenceKeys.catalogue],
});

export const recipientKeys = recipients.keys;
export const useRecipients = recipients.useList;
export const useRecipient = recipients.useRecord;
export const useCreateRecipient = recipients.useCreate;
export const useUpdateRecipient = recipients.useUpdate;
export const useDeleteRecipient = recipients.useDelete;
export const restoreRecipientOptions = recipients.restoreOptions;

/** The recipients' names (legal name, with the trading name when it differs) by id; empty
 *  until the register has loaded. For the sections that link to a recipient. */
export function useRecipientNames(): ReadonlyMap<string, string> {
  const { data } = useRecipients();
  return useMemo(
    () => new Map((data ?? []).map((recipient) => [recipient.id, recipientTitle(recipient)])),
    [data],
  );
}

/** For the history of a record that links to a recipient: the recipient's name in place
 *  of its id in `field` (a deleted recipient keeps its id). */
export function useRecipientLinkFormat(field = "recipientId") {
  const names = useRecipientNames();
  return useCallback(
    (changed: string, value: string) => (changed === field ? (names.get(value) ?? value) : value),
    [names, field],
  );
}

/** The activities that disclose data to a recipient, with its roles and transfer countries.
 *  Refetched whenever a recipient's page opens, since the activities' pages change them. */
export function useRecipientUses(id: string) {
  return useQuery({
    queryKey: [...recipientKeys.all, "uses", id] as const,
    queryFn: () => listRecipientUses(id),
  });
}

export function useProcessorCatalogue(enabled = true) {
  return useQuery({ queryKey: referenceKeys.catalogue, queryFn: getProcessorCatalogue, enabled });
}

export function useAddFromCatalogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (catalogueId: string) => addRecipientFromCatalogue(catalogueId),
    onSuccess: (recipient) => recipients.afterSave(queryClient, recipient),
  });
}
