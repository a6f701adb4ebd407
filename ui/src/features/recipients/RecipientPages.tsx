// The routed pages around the recipient form: /recipients/new and /recipients/:id.
import { Stack } from "@mantine/core";
import { useParams } from "react-router";
import { BackToList } from "../../components/BackToList";
import { formatDateTime } from "../../components/formatDate";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { StewardError } from "../../ipc";
import { useRecipient } from "./queries";
import { RecipientForm } from "./RecipientForm";

const LIST = { to: "/recipients", label: "Recipients and processors" } as const;

export function NewRecipientPage() {
  return (
    <Stack gap={0}>
      <BackToList {...LIST} current="New" />
      <PageHeader
        title="New recipient"
        subtitle="Record one organisation you pass personal data to. Only the legal name is needed to start; complete the rest as you learn it."
      />
      <RecipientForm recipient={null} />
    </Stack>
  );
}

export function EditRecipientPage() {
  const { id = "" } = useParams();
  const query = useRecipient(id);

  if (query.isPending) {
    return <LoadingState label="Loading the recipient…" />;
  }
  if (query.isError) {
    const notFound = query.error instanceof StewardError && query.error.code === "notFound";
    return (
      <Stack gap="md">
        <BackToList {...LIST} current="Not available" />
        <ErrorState
          title={notFound ? "This recipient does not exist" : "Could not load the recipient"}
          message={
            notFound
              ? "It may have been deleted. Go back to the list to see the recipients on record."
              : query.error.message
          }
          onRetry={notFound ? undefined : () => void query.refetch()}
        />
      </Stack>
    );
  }

  const recipient = query.data;
  const title =
    recipient.tradingName && recipient.tradingName !== recipient.legalName
      ? `${recipient.legalName} (${recipient.tradingName})`
      : recipient.legalName;
  return (
    <Stack gap={0}>
      <BackToList {...LIST} current={recipient.legalName} />
      <PageHeader title={title} subtitle={`Last changed ${formatDateTime(recipient.updatedAt)}`} />
      <RecipientForm key={recipient.id} recipient={recipient} />
    </Stack>
  );
}
