// Query and mutation for the organisation profile (the controller's details).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
    },
  });
}
