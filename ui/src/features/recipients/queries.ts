// TanStack queries and mutations for recipients and processors, the country list and the
// processor catalogue. Every change to the recipients refreshes both the list and the
// catalogue, whose entries say whether they are already in the register.
import {
  mutationOptions,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import {
  addRecipientFromCatalogue,
  createRecipient,
  deleteRecipient,
  getProcessorCatalogue,
  getRecipient,
  listCountries,
  listRecipients,
  type Recipient,
  type RecipientInput,
  restoreRecipient,
  updateRecipient,
} from "../../ipc";

export const recipientKeys = {
  all: ["recipients"] as const,
  list: () => [...recipientKeys.all, "list"] as const,
  detail: (id: string) => [...recipientKeys.all, "detail", id] as const,
};

export const referenceKeys = {
  countries: ["reference", "countries"] as const,
  catalogue: ["reference", "processorCatalogue"] as const,
};

/** Caches the saved recipient and marks the list and the catalogue stale. */
function afterSave(client: QueryClient, recipient: Recipient) {
  client.setQueryData(recipientKeys.detail(recipient.id), recipient);
  return refreshLists(client);
}

function refreshLists(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: recipientKeys.list() }),
    client.invalidateQueries({ queryKey: referenceKeys.catalogue }),
  ]);
}

export function useRecipients() {
  return useQuery({ queryKey: recipientKeys.list(), queryFn: listRecipients });
}

export function useRecipient(id: string) {
  return useQuery({ queryKey: recipientKeys.detail(id), queryFn: () => getRecipient(id) });
}

/** All ISO 3166-1 countries; they do not change while the app runs. */
export function useCountries() {
  return useQuery({
    queryKey: referenceKeys.countries,
    queryFn: listCountries,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Country names by ISO code; empty until the list has loaded. */
export function useCountryNames(): ReadonlyMap<string, string> {
  const { data } = useCountries();
  return useMemo(() => new Map((data ?? []).map(({ code, name }) => [code, name])), [data]);
}

export function useProcessorCatalogue(enabled = true) {
  return useQuery({ queryKey: referenceKeys.catalogue, queryFn: getProcessorCatalogue, enabled });
}

export function useCreateRecipient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecipientInput) => createRecipient(input),
    onSuccess: (recipient) => afterSave(queryClient, recipient),
  });
}

export function useUpdateRecipient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecipientInput) => updateRecipient(id, input),
    onSuccess: (recipient) => afterSave(queryClient, recipient),
  });
}

export function useAddFromCatalogue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (catalogueId: string) => addRecipientFromCatalogue(catalogueId),
    onSuccess: (recipient) => afterSave(queryClient, recipient),
  });
}

export function useDeleteRecipient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRecipient(id),
    onSuccess: (recipient) => {
      // Mark the detail stale without refetching it while its page is still on screen.
      void queryClient.invalidateQueries({
        queryKey: recipientKeys.detail(recipient.id),
        refetchType: "none",
      });
      queryClient.setQueryData<Recipient[]>(recipientKeys.list(), (list) =>
        list?.filter((item) => item.id !== recipient.id),
      );
      return refreshLists(queryClient);
    },
  });
}

/** Undoes a delete; used by the "Deleted 'X'" notification, which lives outside the page. */
export function restoreRecipientOptions(id: string) {
  return mutationOptions({
    mutationFn: () => restoreRecipient(id),
    onSuccess: (recipient: Recipient, _variables, _onMutateResult, { client }) =>
      afterSave(client, recipient),
  });
}
