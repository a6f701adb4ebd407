// One section of an activity's record below its form (its purposes, its recipients, ...):
// a titled card with what the GDPR asks for, a table of the activity's rows with Edit and
// Delete (with undo), and an "Add …" button. Adding and editing happen in a dialog with a
// small form; editing also shows the row's history. Each section passes its commands, its
// columns and its form. A row with a conflict is marked in the table; the dialog edits the
// row as the list holds it now, so that a row changed elsewhere while the dialog is open is
// taken in (see liveRecord.ts), and its conflicts are marked and settled there.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import {
  createContext,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useContext,
  useId,
  useState,
} from "react";
import { ConflictBadge } from "../../../components/ConflictBadge";
import { useConflictedIds } from "../../../components/conflicts";
import {
  confirmDeletion,
  showDeletedNotification,
  showDeleteFailed,
} from "../../../components/deleteWithUndo";
import { FormErrorAlert } from "../../../components/FormErrorAlert";
import { HistoryPanel } from "../../../components/HistoryPanel";
import { useRecordHistory } from "../../../components/history";
import type { FieldLabels, FormatValue } from "../../../components/historyText";
import { ErrorState, LoadingState } from "../../../components/QueryStates";
import { RecordChangedNotice } from "../../../components/RecordChangedNotice";
import { baseOf, deleteRequest } from "../../../components/recordBase";
import type { PartCommands } from "../../../ipc";
import {
  type PartRow,
  restorePartOptions,
  useDeletePart,
  usePartList,
  useSavePart,
} from "./queries";
import { type PartFields, type PartForm, usePartForm } from "./usePartForm";

/** The test id of the section that a link to the activity page asked for (`?field=`),
 *  shown highlighted for a moment; null for none. */
export const HighlightedSectionContext = createContext<string | null>(null);

/** The dialog's form of one kind of part. */
export interface PartFormConfig<Row, Values, Input> {
  /** The form's values for a saved row, or for a new one (null). */
  valuesOf: (row: Row | null) => Values;
  fields: PartFields<Values>;
  /** Builds the command input: trimmed text, null for empty choices and the like. */
  toInput: (values: Values, activityId: string) => Input;
  /** The inputs; the first one gets the focus when the dialog opens. */
  renderFields: (form: PartForm<Values>) => ReactNode;
  /** The form's labels by field, as the history names the fields. */
  historyLabels: FieldLabels;
  /** How stored values read in the history, e.g. a recipient's name for its id. */
  formatValue?: FormatValue;
}

export interface PartSectionProps<Row extends PartRow, Input, Values> {
  activityId: string;
  commands: PartCommands<Row, Input>;
  /** Prefix of the test ids: "transfer" → "transfer-add", "transfer-row", "transfer-save". */
  testId: string;
  title: string;
  /** The article of the GDPR the section answers, e.g. "Art. 30(1)(e)". */
  article: string;
  description: ReactNode;
  /** One row, lower case: "purpose" → "Add purpose", "Delete purpose". */
  noun: string;
  /** Shown when the activity has no rows of this kind yet. */
  emptyText: string;
  columns: readonly string[];
  /** The row's cells, one per column. */
  cells: (row: Row) => readonly ReactNode[];
  /** The row as people know it, for the delete dialog and notification. */
  nameOf: (row: Row) => string;
  form: PartFormConfig<Row, Values, Input>;
}

interface DialogState<Row> {
  opened: boolean;
  /** Whether the dialog's content is mounted (until its closing transition ends). */
  mounted: boolean;
  row: Row | null;
  /** A new form for every opening. */
  session: number;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function PartSection<Row extends PartRow, Input, Values>({
  activityId,
  commands,
  testId,
  title,
  article,
  description,
  noun,
  emptyText,
  columns,
  cells,
  nameOf,
  form,
}: PartSectionProps<Row, Input, Values>) {
  const titleId = useId();
  const highlighted = useContext(HighlightedSectionContext) === testId;
  const query = usePartList(commands, activityId);
  const remove = useDeletePart(commands);
  const conflicted = useConflictedIds(commands.kind);
  const [dialog, setDialog] = useState<DialogState<Row>>({
    opened: false,
    mounted: false,
    row: null,
    session: 0,
  });

  function open(row: Row | null) {
    setDialog((current) => ({ opened: true, mounted: true, row, session: current.session + 1 }));
  }

  const close = useCallback(() => setDialog((current) => ({ ...current, opened: false })), []);
  const unmount = useCallback(
    () => setDialog((current) => (current.opened ? current : { ...current, mounted: false })),
    [],
  );

  function confirmDelete(row: Row) {
    confirmDeletion({
      title: `Delete ${noun}`,
      name: nameOf(row),
      onConfirm: () =>
        remove.mutate(deleteRequest(row), {
          onSuccess: (deleted) =>
            showDeletedNotification({
              id: deleted.id,
              title: `${capitalised(noun)} deleted`,
              name: nameOf(deleted),
              restore: restorePartOptions(commands, deleted.id),
            }),
          onError: showDeleteFailed,
        }),
    });
  }

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby={titleId}
      // Focusable from a link that leads here, not by Tab.
      tabIndex={-1}
      data-testid={`${testId}-section`}
      data-highlighted={highlighted || undefined}
      style={highlighted ? { ...SECTION_STYLE, ...HIGHLIGHT_STYLE } : SECTION_STYLE}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3} size="h4" id={titleId}>
                {title}
              </Title>
              <Badge variant="light" color="gray" size="sm">
                {article}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          <Button
            variant="light"
            onClick={() => open(null)}
            data-testid={`${testId}-add`}
            style={NO_SHRINK}
          >
            {`Add ${noun}`}
          </Button>
        </Group>

        {query.isPending ? (
          <LoadingState label={`Loading the ${title.toLocaleLowerCase()}…`} />
        ) : query.isError ? (
          <ErrorState
            title={`Could not load the ${title.toLocaleLowerCase()}`}
            message={query.error.message}
            onRetry={() => void query.refetch()}
          />
        ) : query.data.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic" data-testid={`${testId}-empty`}>
            {emptyText}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-labelledby={titleId}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column}>{column}</Table.Th>
                  ))}
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.map((row) => (
                  <Table.Tr key={row.id} data-testid={`${testId}-row`}>
                    {cells(row).map((cell, index) => (
                      <Table.Td key={columns[index] ?? index} style={WRAP}>
                        {index === 0 && conflicted.has(row.id) ? (
                          <Group gap="xs" wrap="nowrap" align="flex-start">
                            <div>{cell}</div>
                            <ConflictBadge testId={`${testId}-row-conflict`} />
                          </Group>
                        ) : (
                          cell
                        )}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => open(row)}
                          aria-label={`Edit ${noun} '${nameOf(row)}'`}
                          data-testid={`${testId}-edit`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => confirmDelete(row)}
                          aria-label={`Delete ${noun} '${nameOf(row)}'`}
                          data-testid={`${testId}-delete`}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      {dialog.mounted ? (
        <PartDialog
          key={dialog.session}
          opened={dialog.opened}
          onClose={close}
          onClosed={unmount}
          // The row as the list holds it now: a change made elsewhere reaches the dialog.
          row={
            dialog.row === null
              ? null
              : (query.data?.find((item) => item.id === dialog.row?.id) ?? dialog.row)
          }
          activityId={activityId}
          commands={commands}
          testId={testId}
          noun={noun}
          nameOf={nameOf}
          form={form}
        />
      ) : null}
    </Card>
  );
}

interface PartDialogProps<Row extends PartRow, Input, Values> {
  opened: boolean;
  onClose: () => void;
  /** After the closing transition. */
  onClosed: () => void;
  row: Row | null;
  activityId: string;
  commands: PartCommands<Row, Input>;
  testId: string;
  noun: string;
  nameOf: (row: Row) => string;
  form: PartFormConfig<Row, Values, Input>;
}

/** Marks the form's first input for the dialog's focus trap, which focuses it on opening. */
function markFirstInput(node: HTMLFormElement | null) {
  node
    ?.querySelector<HTMLElement>(
      "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])",
    )
    ?.setAttribute("data-autofocus", "true");
}

function PartDialog<Row extends PartRow, Input, Values>({
  opened,
  onClose,
  onClosed,
  row,
  activityId,
  commands,
  testId,
  noun,
  nameOf,
  form: config,
}: PartDialogProps<Row, Input, Values>) {
  const mutation = useSavePart(commands, row?.id ?? null);
  const form = usePartForm({
    initialValues: () => config.valuesOf(row),
    record: row ? { base: baseOf(row), values: () => config.valuesOf(row) } : null,
    marks: row ? { kind: commands.kind, id: row.id } : null,
    labels: config.historyLabels,
    afterDelete: onClose,
    fields: config.fields,
    toInput: (values) => config.toInput(values, activityId),
    mutation,
    savedMessage: (saved) =>
      row ? `'${nameOf(saved)}' is up to date.` : `'${nameOf(saved)}' has been recorded.`,
    onSaved: onClose,
    testId,
  });
  const [confirmingClose, setConfirmingClose] = useState(false);

  function requestClose() {
    if (form.dirty && !form.saving) {
      setConfirmingClose(true);
    } else {
      onClose();
    }
  }

  // The form element is rendered by the dialog; mark its first input once it is there.
  const setFormRef = useCallback(
    (node: HTMLFormElement | null) => {
      form.formRef.current = node;
      markFirstInput(node);
    },
    [form.formRef],
  );

  /** Enter saves from any input but a multi-line one (there, Ctrl+Enter does) or a button;
   *  Ctrl+S saves too, without reaching the activity's form behind the dialog. */
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.defaultPrevented || event.nativeEvent.isComposing) {
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === "s") {
      event.preventDefault();
      event.stopPropagation();
      form.save();
      return;
    }
    if (event.key !== "Enter") {
      return;
    }
    const target = event.target as HTMLElement;
    if (target.tagName === "BUTTON" || target.tagName === "A") {
      return;
    }
    if (target.tagName === "TEXTAREA" && !mod) {
      return;
    }
    event.preventDefault();
    form.save();
  }

  return (
    <Modal
      opened={opened}
      // While asking whether to discard, Escape (or the close button) keeps editing.
      onClose={confirmingClose ? () => setConfirmingClose(false) : requestClose}
      onExitTransitionEnd={onClosed}
      title={row ? `Edit ${noun}` : `Add ${noun}`}
      size="lg"
      data-testid={`${testId}-dialog`}
    >
      <form
        ref={setFormRef}
        onSubmit={form.handleSubmit}
        onKeyDown={handleKeyDown}
        noValidate
        aria-label={capitalised(noun)}
      >
        <Stack gap="md">
          <FormErrorAlert messages={form.errors.general} />
          <RecordChangedNotice change={form.change} onClose={form.dismissChange} testId={testId} />
          {form.marksSummary}
          {config.renderFields(form)}
          {confirmingClose ? (
            <Alert
              color="orange"
              variant="light"
              title="Discard your changes?"
              data-testid={`${testId}-discard-alert`}
            >
              <Text size="sm">What you typed here has not been saved.</Text>
              <Group gap="sm" mt="sm">
                <Button color="red" size="xs" onClick={onClose} data-testid={`${testId}-discard`}>
                  Discard changes
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirmingClose(false)}>
                  Keep editing
                </Button>
              </Group>
            </Alert>
          ) : null}
          {/* Stays in view at the bottom of the dialog while a long form scrolls. */}
          <Group
            gap="sm"
            pos="sticky"
            bottom={0}
            py="sm"
            bg="var(--mantine-color-body)"
            style={{ zIndex: 1, borderTop: "1px solid var(--mantine-color-default-border)" }}
          >
            <Button type="submit" loading={form.saving} data-testid={`${testId}-save`}>
              Save
            </Button>
            <Button variant="default" onClick={requestClose} data-testid={`${testId}-cancel`}>
              Cancel
            </Button>
            <Text size="xs" c="dimmed">
              {form.dirty ? "Unsaved changes · Enter saves" : "Enter saves · Esc closes"}
            </Text>
          </Group>
        </Stack>
      </form>
      {row ? <PartHistory commands={commands} id={row.id} config={config} /> : null}
    </Modal>
  );
}

function PartHistory<Row, Input, Values>({
  commands,
  id,
  config,
}: {
  commands: PartCommands<Row, Input>;
  id: string;
  config: PartFormConfig<Row, Values, Input>;
}) {
  const query = useRecordHistory(commands.kind, id);
  return (
    <HistoryPanel query={query} labels={config.historyLabels} formatValue={config.formatValue} />
  );
}

const NO_SHRINK = { flexShrink: 0 } as const;

/** Clear of the app's header when scrolled to; the highlight fades in and out. */
const SECTION_STYLE = {
  scrollMarginTop: "calc(60px + var(--mantine-spacing-md))",
  transition: "background-color 400ms ease, box-shadow 400ms ease",
} as const;

const HIGHLIGHT_STYLE = {
  backgroundColor: "var(--mantine-color-yellow-light)",
  boxShadow: "0 0 0 2px var(--mantine-color-yellow-filled)",
} as const;

/** Long values (notes, safeguards) keep their line breaks and wrap anywhere. */
const WRAP = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", verticalAlign: "top" } as const;
