// TanStack queries and mutations for source organisations.
import { listedRecordQueries } from "../../components/listedRecordQueries";
import {
  createSourceOrganisation,
  deleteSourceOrganisation,
  getSourceOrganisation,
  listSourceOrganisations,
  restoreSourceOrganisation,
  updateSourceOrganisation,
} from "../../ipc";
import { SOURCE_KIND } from "./labels";

const sources = listedRecordQueries({
  kind: SOURCE_KIND,
  key: "sourceOrganisations",
  commands: {
    list: listSourceOrganisations,
    get: getSourceOrganisation,
    create: createSourceOrganisation,
    update: updateSourceOrganisation,
    remove: deleteSourceOrganisation,
    restore: restoreSourceOrganisation,
  },
});

export const sourceKeys = sources.keys;
export const useSourceOrganisations = sources.useList;
export const useSourceOrganisation = sources.useRecord;
export const useCreateSourceOrganisation = sources.useCreate;
export const useUpdateSourceOrganisation = sources.useUpdate;
export const useDeleteSourceOrganisation = sources.useDelete;
export const restoreSourceOrganisationOptions = sources.restoreOptions;
