// Query and mutation for the organisation profile (the controller's details). A save also
// refreshes the profile's history.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { invalidateOrganisationHistory } from "../../components/history";
import { getOrganisation, type OrganisationInput, updateOrganisation } from "../../ipc";

export const organisationKey = ["organisation"] as const;

export function useOrganisation() {
  return useQuery({ queryKey: organisationKey, queryFn: getOrganisation });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => updateOrganisation(input),
    onSuccess: (organisation) => {
      queryClient.setQueryData(organisationKey, organisation);
      void invalidateOrganisationHistory(queryClient);
    },
  });
}
