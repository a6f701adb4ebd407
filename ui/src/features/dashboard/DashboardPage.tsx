// The home screen: where the register stands and what to do next. The activities by status,
// the open gaps the compliance checks find (each with a link to the input that fixes it, or
// acknowledged as a deliberate choice), the deadlines coming up, the activities nobody
// owns, and whether Art. 30(5) requires each record. It is read again each time it opens.
import { Button, Grid, SimpleGrid, Stack } from "@mantine/core";
import { formatCalendarDate } from "../../components/formatDate";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { Dashboard } from "../../ipc";
import {
  ApplicabilityTable,
  Deadlines,
  SeverityFigures,
  StatusFigures,
  WithoutOwner,
} from "./DashboardSections";
import { AcknowledgedFindings, OpenFindings } from "./FindingLists";
import { acknowledgedFindings, openFindings } from "./labels";
import { useDashboard } from "./queries";

const SUBTITLE = "Where your record of processing activities stands, and what to do next.";

export function DashboardPage() {
  const query = useDashboard();

  if (query.isPending) {
    return (
      <Stack gap={0}>
        <PageHeader title="Dashboard" subtitle={SUBTITLE} />
        <LoadingState label="Checking the register…" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap={0}>
        <PageHeader title="Dashboard" subtitle={SUBTITLE} />
        <ErrorState
          title="Could not check the register"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      </Stack>
    );
  }
  return (
    <DashboardView
      dashboard={query.data}
      refreshing={query.isFetching}
      onRefresh={() => void query.refetch()}
    />
  );
}

interface DashboardViewProps {
  dashboard: Dashboard;
  refreshing: boolean;
  onRefresh: () => void;
}

function DashboardView({ dashboard, refreshing, onRefresh }: DashboardViewProps) {
  const open = openFindings(dashboard.findings);
  const acknowledged = acknowledgedFindings(dashboard.findings);
  return (
    <Stack gap={0} maw={1200}>
      <PageHeader
        title="Dashboard"
        subtitle={
          <>
            {`${SUBTITLE} Checked as of `}
            <span data-testid="dashboard-today">{formatCalendarDate(dashboard.today)}</span>.
          </>
        }
        actions={
          <Button
            variant="default"
            size="xs"
            onClick={onRefresh}
            loading={refreshing}
            data-testid="dashboard-refresh"
          >
            Check again
          </Button>
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <StatusFigures counts={dashboard.activitiesByStatus} />
          <SeverityFigures counts={dashboard.openBySeverity} />
        </SimpleGrid>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <OpenFindings findings={open} />
              <AcknowledgedFindings findings={acknowledged} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Deadlines deadlines={dashboard.deadlines} />
              <WithoutOwner activities={dashboard.withoutOwner} />
            </Stack>
          </Grid.Col>
        </Grid>
        <ApplicabilityTable rows={dashboard.applicability} />
      </Stack>
    </Stack>
  );
}
