// The routed pages around the activity form: /activities/new and /activities/:id. A saved
// activity's page shows, top to bottom, the review of its record, its form, its rows
// (purposes, people, recipients, ...) and its history, and can duplicate it (mod+D).
// `?field=<name>` opens it at that input or section (see activityFieldFromUrl).
import { Box, Button, Group, Text } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useRef } from "react";
import { useNavigate, useParams } from "react-router";
import { NewRecordPage, RecordDetailPage } from "../../components/RecordPage";
import { recordPath } from "../../components/recordKind";
import type { Activity } from "../../ipc";
import { ActivityForm } from "./ActivityForm";
import { ActivityReviewPanel } from "./ActivityReviewPanel";
import { useActivityFieldFromUrl } from "./activityFieldFromUrl";
import { ACTIVITY_KIND } from "./labels";
import { ActivityParts } from "./parts/ActivityParts";
import { useActivity, useDuplicateActivity } from "./queries";

export function NewActivityPage() {
  return (
    <NewRecordPage
      kind={ACTIVITY_KIND}
      title="New processing activity"
      subtitle="Describe one thing your organisation does with personal data. You can save a draft and complete it later."
    >
      <ActivityForm activity={null} />
      <Text size="sm" c="dimmed" mt="lg" maw={760} data-testid="activity-parts-after-save">
        Once you have saved the activity, you can add its purposes and their legal basis, the people
        concerned and their data, the sources, recipients, transfers and how long the data is kept.
      </Text>
    </NewRecordPage>
  );
}

export function EditActivityPage() {
  const { id = "" } = useParams();
  const query = useActivity(id);
  return (
    <RecordDetailPage kind={ACTIVITY_KIND} query={query}>
      {(activity) => <ActivityDetail key={activity.id} activity={activity} />}
    </RecordDetailPage>
  );
}

function ActivityDetail({ activity }: { activity: Activity }) {
  const navigate = useNavigate();
  const duplicate = useDuplicateActivity();
  const contentRef = useRef<HTMLDivElement>(null);
  const highlighted = useActivityFieldFromUrl(contentRef);

  /** Copies the saved activity with all its rows and opens the copy. */
  function duplicateActivity() {
    if (duplicate.isPending) {
      return;
    }
    duplicate.mutate(activity.id, {
      onSuccess: (copy) => {
        notifications.show({
          color: "teal",
          title: "Activity duplicated",
          message: `'${copy.name}' is a draft copy of the saved activity, with all its purposes, people, recipients and other rows.`,
        });
        navigate(recordPath(ACTIVITY_KIND, copy.id));
      },
      onError: (error) => {
        notifications.show({ color: "red", title: "Could not duplicate", message: error.message });
      },
    });
  }

  // Works everywhere, even while typing in an input, like mod+S.
  useHotkeys([["mod+D", duplicateActivity]], []);

  return (
    <>
      <Group justify="space-between" mb="md" maw={760}>
        <Text size="xs" c="dimmed">
          Shortcuts: Ctrl+S saves · Ctrl+D duplicates
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={duplicateActivity}
          loading={duplicate.isPending}
          data-testid="activity-duplicate"
        >
          Duplicate
        </Button>
      </Group>
      <ActivityReviewPanel activityId={activity.id} />
      <div ref={contentRef}>
        <ActivityForm activity={activity} />
        <Box mt="xl">
          <ActivityParts activityId={activity.id} highlighted={highlighted} />
        </Box>
      </div>
    </>
  );
}
