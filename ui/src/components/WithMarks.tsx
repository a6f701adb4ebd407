// Puts a field's marks (see RecordMarks) beside an input that is no Mantine text input, such
// as a Switch, whose label would otherwise swallow a click on them.
import { Box, Group } from "@mantine/core";
import type { ReactNode } from "react";

export interface WithMarksProps {
  /** The form's `marksOf(field)`: null when the field has none. */
  marks: ReactNode;
  children: ReactNode;
}

export function WithMarks({ marks, children }: WithMarksProps) {
  if (marks === null || marks === undefined) {
    return children;
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Box flex={1} miw={0}>
        {children}
      </Box>
      {marks}
    </Group>
  );
}
