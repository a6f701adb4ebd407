// The notice at the top of a form whose record changed while it was open (a sync, an import,
// another window): which fields changed, that the person's own changes are kept, and which
// of them will be kept as a conflict when saved (see liveRecord.ts). It stays until the
// person closes it or saves.
import { Alert, Text } from "@mantine/core";
import { type RecordChange, recordChangeText } from "./liveRecord";

export interface RecordChangedNoticeProps {
  change: RecordChange | null;
  onClose: () => void;
  /** The form's test-id prefix: the notice is `${testId}-changed`. */
  testId: string;
}

export function RecordChangedNotice({ change, onClose, testId }: RecordChangedNoticeProps) {
  if (!change) {
    return null;
  }
  return (
    <Alert
      color={change.both.length > 0 ? "orange" : "blue"}
      variant="light"
      title="Changed meanwhile"
      role="status"
      withCloseButton
      closeButtonLabel="Close this notice"
      onClose={onClose}
      data-testid={`${testId}-changed`}
    >
      {recordChangeText(change).map((sentence) => (
        <Text key={sentence} size="sm">
          {sentence}
        </Text>
      ))}
    </Alert>
  );
}
