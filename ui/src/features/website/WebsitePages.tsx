// The routed pages around the website third party form: /website/new and /website/:id.
import { useParams } from "react-router";
import { NewRecordPage, RecordDetailPage } from "../../components/RecordPage";
import { useRecipientLinkFormat } from "../recipients/queries";
import { THIRD_PARTY_KIND_OPTIONS, WEBSITE_KIND } from "./labels";
import { useWebsiteThirdParty } from "./queries";
import { WebsiteForm } from "./WebsiteForm";

export function NewWebsiteThirdPartyPage() {
  return (
    <NewRecordPage
      kind={WEBSITE_KIND}
      title="New website third party"
      subtitle="Record one cookie, pixel, embedded service or script on your website that collects data about visitors. Only the provider is needed to start."
    >
      <WebsiteForm thirdParty={null} />
    </NewRecordPage>
  );
}

export function EditWebsiteThirdPartyPage() {
  const { id = "" } = useParams();
  const query = useWebsiteThirdParty(id);
  const recipientLink = useRecipientLinkFormat();
  /** The history names the linked recipient and the kind as the form does. */
  const formatHistoryValue = (field: string, value: string) =>
    field === "kind"
      ? (THIRD_PARTY_KIND_OPTIONS.find((option) => option.value === value)?.label ?? value)
      : recipientLink(field, value);
  return (
    <RecordDetailPage kind={WEBSITE_KIND} query={query} formatHistoryValue={formatHistoryValue}>
      {(thirdParty) => <WebsiteForm key={thirdParty.id} thirdParty={thirdParty} />}
    </RecordDetailPage>
  );
}
