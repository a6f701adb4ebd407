// TanStack queries and mutations for the third parties on the website.
import { listedRecordQueries } from "../../components/listedRecordQueries";
import {
  createWebsiteThirdParty,
  deleteWebsiteThirdParty,
  getWebsiteThirdParty,
  listWebsiteThirdParties,
  restoreWebsiteThirdParty,
  updateWebsiteThirdParty,
} from "../../ipc";
import { WEBSITE_KIND } from "./labels";

const thirdParties = listedRecordQueries({
  kind: WEBSITE_KIND,
  key: "websiteThirdParties",
  commands: {
    list: listWebsiteThirdParties,
    get: getWebsiteThirdParty,
    create: createWebsiteThirdParty,
    update: updateWebsiteThirdParty,
    remove: deleteWebsiteThirdParty,
    restore: restoreWebsiteThirdParty,
  },
});

export const websiteKeys = thirdParties.keys;
export const useWebsiteThirdParties = thirdParties.useList;
export const useWebsiteThirdParty = thirdParties.useRecord;
export const useCreateWebsiteThirdParty = thirdParties.useCreate;
export const useUpdateWebsiteThirdParty = thirdParties.useUpdate;
export const useDeleteWebsiteThirdParty = thirdParties.useDelete;
export const restoreWebsiteThirdPartyOptions = thirdParties.restoreOptions;
