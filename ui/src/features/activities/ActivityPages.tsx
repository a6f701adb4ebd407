// The routed pages around the activity form: /activities/new and /activities/:id.
import { useParams } from "react-router";
import { NewRecordPage, RecordDetailPage } from "../../components/RecordPage";
import { ActivityForm } from "./ActivityForm";
import { ACTIVITY_KIND } from "./labels";
import { useActivity } from "./queries";

export function NewActivityPage() {
  return (
    <NewRecordPage
      kind={ACTIVITY_KIND}
      title="New processing activity"
      subtitle="Describe one thing your organisation does with personal data. You can save a draft and complete it later."
    >
      <ActivityForm activity={null} />
    </NewRecordPage>
  );
}

export function EditActivityPage() {
  const { id = "" } = useParams();
  const query = useActivity(id);
  return (
    <RecordDetailPage kind={ACTIVITY_KIND} query={query}>
      {(activity) => <ActivityForm key={activity.id} activity={activity} />}
    </RecordDetailPage>
  );
}
