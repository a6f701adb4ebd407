// Query and mutation for the organisation profile (the controller's details). A save carries
// the base of the profile as the person saw it (see recordBase.ts), and refreshes the
// profile's history and the conflicts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { invalidateConflicts } from "../../components/conflicts";
import { invalidateOrganisationHistory } from "../../components/history";
import type { SaveRequest } from "../../components/recordBase";
import { getOrganisation, type OrganisationInput, updateOrganisation } from "../../ipc";

export const organisationKey = ["organisation"] as const;

export function useOrganisation() {
  return useQuery({ queryKey: organisationKey, queryFn: getOrganisation });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, base }: SaveRequest<OrganisationInput>) =>
      updateOrganisation(input, base),
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKey, organisation);
      void invalidateOrganisationHistory(queryClient);
      void invalidateConflicts(queryClient);
    },
  });
}
