// The parts of one activity's record, shown below its form: its purposes with their legal
// bases, the people and their data, the sources, the recipients, the transfers outside the
// EEA and the retention rules. Each section lists its rows and adds or edits them in a
// dialog; every change refreshes the completeness review. A link to one of the sections
// (`?field=`, see activityFieldFromUrl) highlights it for a moment.
import { Stack } from "@mantine/core";
import { HighlightedSectionContext } from "./PartSection";
import { PurposeSection } from "./PurposeSection";
import { RecipientLinkSection } from "./RecipientLinkSection";
import { RetentionSection } from "./RetentionSection";
import { SourceSection } from "./SourceSection";
import { SubjectGroupSection } from "./SubjectGroupSection";
import { TransferSection } from "./TransferSection";

export interface ActivityPartsProps {
  activityId: string;
  /** The test id prefix of the section to highlight, e.g. "purpose"; null for none. */
  highlighted?: string | null;
}

export function ActivityParts({ activityId, highlighted = null }: ActivityPartsProps) {
  return (
    <HighlightedSectionContext value={highlighted}>
      <Stack gap="lg" maw={960} data-testid="activity-parts">
        <PurposeSection activityId={activityId} />
        <SubjectGroupSection activityId={activityId} />
        <SourceSection activityId={activityId} />
        <RecipientLinkSection activityId={activityId} />
        <TransferSection activityId={activityId} />
        <RetentionSection activityId={activityId} />
      </Stack>
    </HighlightedSectionContext>
  );
}
