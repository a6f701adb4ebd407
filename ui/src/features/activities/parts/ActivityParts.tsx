// The parts of one activity's record, shown below its form: its purposes with their legal
// bases, the people and their data, the sources, the recipients, the transfers outside the
// EEA and the retention rules. Each section lists its rows and adds or edits them in a
// dialog; every change refreshes the completeness review.
import { Stack } from "@mantine/core";
import { PurposeSection } from "./PurposeSection";
import { RecipientLinkSection } from "./RecipientLinkSection";
import { RetentionSection } from "./RetentionSection";
import { SourceSection } from "./SourceSection";
import { SubjectGroupSection } from "./SubjectGroupSection";
import { TransferSection } from "./TransferSection";

export function ActivityParts({ activityId }: { activityId: string }) {
  return (
    <Stack gap="lg" maw={960} data-testid="activity-parts">
      <PurposeSection activityId={activityId} />
      <SubjectGroupSection activityId={activityId} />
      <SourceSection activityId={activityId} />
      <RecipientLinkSection activityId={activityId} />
      <TransferSection activityId={activityId} />
      <RetentionSection activityId={activityId} />
    </Stack>
  );
}
