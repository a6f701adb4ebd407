// The route table, shared by the real hash router and the memory router used in tests.
import { Anchor, Container, Stack, Text, Title } from "@mantine/core";
import { isRouteErrorResponse, Link, type RouteObject, useRouteError } from "react-router";
import { ActivitiesPage } from "../features/activities/ActivitiesPage";
import { EditActivityPage, NewActivityPage } from "../features/activities/ActivityPages";
import { BackupsPage } from "../features/backups/BackupsPage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { DocumentsPage } from "../features/documents/DocumentsPage";
import { OrganisationPage } from "../features/organisation/OrganisationPage";
import { PolicyPage } from "../features/policy/PolicyPage";
import { EditRecipientPage, NewRecipientPage } from "../features/recipients/RecipientPages";
import { RecipientsPage } from "../features/recipients/RecipientsPage";
import { RetentionPage } from "../features/retention/RetentionPage";
import { EditSourcePage, NewSourcePage } from "../features/sources/SourcePages";
import { SourcesPage } from "../features/sources/SourcesPage";
import { ConflictsPage } from "../features/sync/ConflictsPage";
import { SyncPage } from "../features/sync/SyncPage";
import { TransfersPage } from "../features/transfers/TransfersPage";
import { WebsitePage } from "../features/website/WebsitePage";
import {
  EditWebsiteThirdPartyPage,
  NewWebsiteThirdPartyPage,
} from "../features/website/WebsitePages";
import { AppLayout } from "./AppLayout";

function NotFoundPage() {
  return (
    <Stack gap="sm">
      <Title order={2}>Page not found</Title>
      <Text>
        There is nothing here.{" "}
        <Anchor component={Link} to="/">
          Go to the dashboard
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

function RouteErrorPage() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : "Unknown error";
  return (
    <Container size="sm" py="xl">
      <Stack gap="sm">
        <Title order={2}>Something went wrong</Title>
        <Text>Steward hit an unexpected problem while showing this page.</Text>
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
        <Anchor href="#/activities">Back to the processing activities</Anchor>
      </Stack>
    </Container>
  );
}

export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: "dashboard", element: <DashboardPage /> },
      { path: "activities", element: <ActivitiesPage /> },
      { path: "activities/new", element: <NewActivityPage /> },
      { path: "activities/:id", element: <EditActivityPage /> },
      { path: "recipients", element: <RecipientsPage /> },
      { path: "recipients/new", element: <NewRecipientPage /> },
      { path: "recipients/:id", element: <EditRecipientPage /> },
      { path: "transfers", element: <TransfersPage /> },
      { path: "retention", element: <RetentionPage /> },
      { path: "sources", element: <SourcesPage /> },
      { path: "sources/new", element: <NewSourcePage /> },
      { path: "sources/:id", element: <EditSourcePage /> },
      { path: "website", element: <WebsitePage /> },
      { path: "website/new", element: <NewWebsiteThirdPartyPage /> },
      { path: "website/:id", element: <EditWebsiteThirdPartyPage /> },
      { path: "organisation", element: <OrganisationPage /> },
      { path: "policy", element: <PolicyPage /> },
      { path: "documents", element: <DocumentsPage /> },
      { path: "sync", element: <SyncPage /> },
      { path: "sync/conflicts", element: <ConflictsPage /> },
      { path: "backups", element: <BackupsPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
