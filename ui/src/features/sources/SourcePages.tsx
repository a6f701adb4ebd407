// The routed pages around the source organisation form: /sources/new and /sources/:id.
import { useParams } from "react-router";
import { NewRecordPage, RecordDetailPage } from "../../components/RecordPage";
import { useRecipientLinkFormat } from "../recipients/queries";
import { SOURCE_KIND } from "./labels";
import { useSourceOrganisation } from "./queries";
import { SourceForm } from "./SourceForm";

export function NewSourcePage() {
  return (
    <NewRecordPage
      kind={SOURCE_KIND}
      title="New source organisation"
      subtitle="Record one organisation that gives you personal data about people. Only the name is needed to start."
    >
      <SourceForm source={null} />
    </NewRecordPage>
  );
}

export function EditSourcePage() {
  const { id = "" } = useParams();
  const query = useSourceOrganisation(id);
  const formatHistoryValue = useRecipientLinkFormat();
  return (
    <RecordDetailPage kind={SOURCE_KIND} query={query} formatHistoryValue={formatHistoryValue}>
      {(source) => <SourceForm key={source.id} source={source} />}
    </RecordDetailPage>
  );
}
