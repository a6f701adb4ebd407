// The routed pages around the activity form: /activities/new and /activities/:id.
import { Stack } from "@mantine/core";
import { useParams } from "react-router";
import { BackToList } from "../../components/BackToList";
import { formatDateTime } from "../../components/formatDate";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { StewardError } from "../../ipc";
import { ActivityForm } from "./ActivityForm";
import { useActivity } from "./queries";

const LIST = { to: "/activities", label: "Processing activities" } as const;

export function NewActivityPage() {
  return (
    <Stack gap={0}>
      <BackToList {...LIST} current="New" />
      <PageHeader
        title="New processing activity"
        subtitle="Describe one thing your organisation does with personal data. You can save a draft and complete it later."
      />
      <ActivityForm activity={null} />
    </Stack>
  );
}

export function EditActivityPage() {
  const { id = "" } = useParams();
  const query = useActivity(id);

  if (query.isPending) {
    return <LoadingState label="Loading the activity…" />;
  }
  if (query.isError) {
    const notFound = query.error instanceof StewardError && query.error.code === "notFound";
    return (
      <Stack gap="md">
        <BackToList {...LIST} current="Not available" />
        <ErrorState
          title={notFound ? "This activity does not exist" : "Could not load the activity"}
          message={
            notFound
              ? "It may have been deleted. Go back to the list to see the activities on record."
              : query.error.message
          }
          onRetry={notFound ? undefined : () => void query.refetch()}
        />
      </Stack>
    );
  }

  const activity = query.data;
  return (
    <Stack gap={0}>
      <BackToList {...LIST} current={activity.name} />
      <PageHeader
        title={activity.name}
        subtitle={`Last changed ${formatDateTime(activity.updatedAt)}`}
      />
      <ActivityForm key={activity.id} activity={activity} />
    </Stack>
  );
}
