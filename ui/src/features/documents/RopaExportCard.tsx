// The record of processing activities as a PDF for auditors: which activities, on which
// paper, and whether to add the change history. Rust asks where to save it and reports
// its stages while it typesets.
import {
  Button,
  Card,
  Checkbox,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useMemo, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert";
import {
  NO_SERVER_ERRORS,
  type ServerErrors,
  splitServerErrors,
  withoutFieldError,
} from "../../components/serverErrors";
import type { ActivityStatus, ExportProgress, Paper, RopaRequest } from "../../ipc";
import { STATUS_OPTIONS } from "../activities/labels";
import { useActivities } from "../activities/queries";
import { type ExportCardProps, ExportDoneAlert, ExportProgressBar } from "./ExportStatus";
import { businessFunctions, PAPER_OPTIONS, parsePaper, startOfYear } from "./labels";
import { useExportRopa } from "./queries";

const HISTORY_SINCE = "historySince";

export function RopaExportCard({ busy, saved, onSaved }: ExportCardProps) {
  const [paper, setPaper] = useState<Paper>("a4");
  const [statuses, setStatuses] = useState<ActivityStatus[]>([]);
  const [functions, setFunctions] = useState<string[]>([]);
  const [withHistory, setWithHistory] = useState(false);
  const [since, setSince] = useState(startOfYear);
  const [errors, setErrors] = useState<ServerErrors>(NO_SERVER_ERRORS);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const exportPdf = useExportRopa(setProgress);

  const activities = useActivities();
  const functionOptions = useMemo(
    () => businessFunctions(activities.data ?? []),
    [activities.data],
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (withHistory && since.trim() === "") {
      setErrors({
        fields: { [HISTORY_SINCE]: "Enter the date from which to list the changes." },
        general: [],
      });
      return;
    }
    const request: RopaRequest = {
      paper,
      // In the order the checkboxes show, whatever the order they were ticked in.
      statuses: STATUS_OPTIONS.map((option) => option.value).filter((status) =>
        statuses.includes(status),
      ),
      businessFunctions: functions,
      historySince: withHistory ? since.trim() : null,
    };
    setErrors(NO_SERVER_ERRORS);
    onSaved(null);
    exportPdf.mutate(request, {
      onSuccess: (file) => {
        if (file) {
          onSaved(file);
        }
      },
      onError: (error) =>
        setErrors(splitServerErrors(error, (field) => withHistory && field === HISTORY_SINCE)),
    });
  }

  return (
    <Card withBorder component="form" onSubmit={submit} data-testid="ropa-card" noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3} size="h4">
            Record of processing activities (PDF)
          </Title>
          <Text size="sm" c="dimmed">
            The GDPR Article 30 record for auditors: PDF/A, with a table of contents, a data-flow
            diagram and every element of each activity.
          </Text>
        </Stack>

        <Input.Wrapper label="Paper" labelElement="div" id="ropa-paper">
          <SegmentedControl
            display="flex"
            maw={320}
            aria-labelledby="ropa-paper-label"
            value={paper}
            onChange={(value) => setPaper(parsePaper(value))}
            data={[...PAPER_OPTIONS]}
            data-testid="ropa-paper"
          />
        </Input.Wrapper>

        <Checkbox.Group
          label="Which activities"
          description="Tick none to include every activity, whatever its status."
          value={statuses}
          onChange={(ticked) =>
            setStatuses(
              STATUS_OPTIONS.map((option) => option.value).filter((status) =>
                ticked.includes(status),
              ),
            )
          }
        >
          <Group gap="lg" mt="xs">
            {STATUS_OPTIONS.map((option) => (
              <Checkbox
                key={option.value}
                value={option.value}
                label={option.label}
                data-testid={`ropa-status-${option.value}`}
              />
            ))}
          </Group>
        </Checkbox.Group>

        <MultiSelect
          label="Business functions"
          description={
            functionOptions.length === 0
              ? "None of the activities names a business function yet, so every activity is included."
              : "Leave empty to include every business function."
          }
          placeholder={functions.length === 0 ? "All business functions" : undefined}
          data={functionOptions}
          value={functions}
          onChange={setFunctions}
          disabled={functionOptions.length === 0}
          searchable
          clearable
          maw={560}
          data-testid="ropa-functions"
        />

        <Stack gap="xs">
          <Checkbox
            label="Add the change history"
            description="An appendix listing every change to the register since a date, with who made it."
            checked={withHistory}
            onChange={(event) => setWithHistory(event.currentTarget.checked)}
            data-testid="ropa-history"
          />
          {withHistory ? (
            <TextInput
              label="Changes since"
              type="date"
              maw={260}
              ml={32}
              value={since}
              onChange={(event) => {
                setSince(event.currentTarget.value);
                setErrors((current) => withoutFieldError(current, HISTORY_SINCE));
              }}
              error={errors.fields[HISTORY_SINCE]}
              data-testid="ropa-history-since"
            />
          ) : null}
        </Stack>

        <FormErrorAlert title="Could not export the record" messages={errors.general} />
        {progress ? <ExportProgressBar progress={progress} /> : null}
        {saved ? <ExportDoneAlert file={saved} onClose={() => onSaved(null)} /> : null}

        <Group>
          <Button
            type="submit"
            loading={exportPdf.isPending}
            disabled={busy && !exportPdf.isPending}
            data-testid="ropa-export"
          >
            Export PDF…
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
