// The routed pages around the recipient form: /recipients/new and /recipients/:id, which
// also lists the activities that use the recipient.
import { useParams } from "react-router";
import { NewRecordPage, RecordDetailPage } from "../../components/RecordPage";
import { RECIPIENT_KIND, recipientTitle } from "./labels";
import { useRecipient } from "./queries";
import { RecipientForm } from "./RecipientForm";
import { RecipientUses } from "./RecipientUses";

export function NewRecipientPage() {
  return (
    <NewRecordPage
      kind={RECIPIENT_KIND}
      title="New recipient"
      subtitle="Record one organisation you pass personal data to. Only the legal name is needed to start; complete the rest as you learn it."
    >
      <RecipientForm recipient={null} />
    </NewRecordPage>
  );
}

export function EditRecipientPage() {
  const { id = "" } = useParams();
  const query = useRecipient(id);
  return (
    <RecordDetailPage kind={RECIPIENT_KIND} query={query} title={recipientTitle}>
      {(recipient) => (
        <>
          <RecipientForm key={recipient.id} recipient={recipient} />
          <RecipientUses recipientId={recipient.id} />
        </>
      )}
    </RecordDetailPage>
  );
}
