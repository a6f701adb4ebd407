// The organisation profile page: loads the profile, then shows the form and its history.
import { Stack } from "@mantine/core";
import { formatDateTime } from "../../components/formatDate";
import { HistoryPanel } from "../../components/HistoryPanel";
import { useOrganisationHistory } from "../../components/history";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import { DeviceNameCard } from "./DeviceNameCard";
import { formatOrganisationHistoryValue, ORGANISATION_FIELD_LABELS } from "./labels";
import { OrganisationForm } from "./OrganisationForm";
import { useOrganisation } from "./queries";

export function OrganisationPage() {
  const query = useOrganisation();

  const subtitle = query.data?.updatedAt
    ? `Who is responsible for the processing. Last saved ${formatDateTime(query.data.updatedAt)}.`
    : "Who is responsible for the processing: these details head your record (Art. 30(1)(a) GDPR).";

  return (
    <Stack gap={0}>
      <PageHeader title="Organisation" subtitle={subtitle} />
      {query.isPending ? (
        <LoadingState label="Loading the organisation profile…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load the organisation profile"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <>
          <OrganisationForm organisation={query.data} />
          <DeviceNameCard />
          <OrganisationHistory />
        </>
      )}
    </Stack>
  );
}

function OrganisationHistory() {
  return (
    <HistoryPanel
      query={useOrganisationHistory()}
      labels={ORGANISATION_FIELD_LABELS}
      formatValue={formatOrganisationHistoryValue}
    />
  );
}
