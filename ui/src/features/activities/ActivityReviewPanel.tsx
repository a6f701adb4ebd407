// The review of one activity, above its form: which elements of its Art. 30 record are
// still missing, whether Art. 30(5) requires the record at all, and whether the DPIA
// screening suggests an impact assessment. It reads what is saved, so it changes after a
// save of the form or of one of the activity's rows.
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { ActivityReview } from "../../ipc";
import { useActivityReview } from "./queries";

export function ActivityReviewPanel({ activityId }: { activityId: string }) {
  const query = useActivityReview(activityId);
  return (
    <Paper withBorder p="md" mb="lg" maw={760} data-testid="activity-review">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={4}>Review of the record</Title>
          {query.data ? <CompletenessBadge review={query.data} /> : null}
        </Group>
        {query.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              Checking the record…
            </Text>
          </Group>
        ) : query.isError ? (
          <Group gap="sm">
            <Text size="sm" c="red" data-testid="activity-review-error">
              {`Could not check the record: ${query.error.message}`}
            </Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </Group>
        ) : (
          <ReviewDetails review={query.data} />
        )}
      </Stack>
    </Paper>
  );
}

function CompletenessBadge({ review }: { review: ActivityReview }) {
  const count = review.missing.length;
  return count === 0 ? (
    <Badge color="teal" variant="light">
      Record complete
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      {`${count} missing`}
    </Badge>
  );
}

function ReviewDetails({ review }: { review: ActivityReview }) {
  return (
    <>
      {review.missing.length === 0 ? (
        <Text size="sm" data-testid="activity-review-complete">
          Record complete: it holds every element Art. 30 asks for.
        </Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm">
            {review.missing.length === 1
              ? "One element of the record is missing:"
              : `${review.missing.length} elements of the record are missing:`}
          </Text>
          <List size="sm" spacing={4} data-testid="activity-review-missing">
            {review.missing.map((element) => (
              <List.Item key={element.element} data-testid="activity-review-missing-item">
                <Text span size="sm" fw={600}>
                  {element.article}
                </Text>
                <Text span size="sm">{` — ${element.message}`}</Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      <Stack gap={4} data-testid="activity-review-required">
        <Text size="sm" fw={600}>
          {review.recordRequired
            ? "The record is required (Art. 30(5))."
            : "Art. 30(5) exempts this activity from the record."}
        </Text>
        <List size="sm" spacing={2}>
          {review.recordRequiredReasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Stack>

      {review.dpiaSuggested ? (
        <Alert
          color="yellow"
          variant="light"
          title="A DPIA is likely required"
          data-testid="activity-review-dpia"
        >
          The screening meets two or more of the WP248 criteria and no impact assessment is
          recorded. Carry out a DPIA (Art. 35), or set the DPIA status and explain in the notes why
          it is not needed.
        </Alert>
      ) : null}

      <Text size="xs" c="dimmed">
        Based on what is saved: save the form to update it.
      </Text>
    </>
  );
}
