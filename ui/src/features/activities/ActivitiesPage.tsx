// The list of processing activities: search, filters by status and completeness, sorting
// by the column headers, and for each activity how complete its Art. 30 record is.
import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Paper,
  Table,
  Text,
  UnstyledButton,
} from "@mantine/core";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { ConflictBadge } from "../../components/ConflictBadge";
import { useConflictedActivityIds } from "../../components/conflicts";
import { formatDate } from "../../components/formatDate";
import { ListSearchInput, RecordListPage } from "../../components/RecordListPage";
import { recordPath } from "../../components/recordKind";
import type { Activity, ActivityReview } from "../../ipc";
import {
  type ActivityFilters,
  type ActivitySort,
  filterActivities,
  NO_FILTERS,
  parseCompletenessFilter,
  parseRoleFilter,
  parseStatusFilter,
  type Reviews,
  type SortKey,
  sortActivities,
} from "./activityFilters";
import { ACTIVITY_KIND, STATUS_OPTIONS, statusOption } from "./labels";
import { useActivities, useActivityReviews } from "./queries";

const STATUS_FILTER_DATA = [
  { value: "all", label: "Any status" },
  ...STATUS_OPTIONS.map(({ value, label }) => ({ value, label })),
];
const COMPLETENESS_FILTER_DATA = [
  { value: "all", label: "All" },
  { value: "incomplete", label: "Something missing" },
  { value: "complete", label: "Complete" },
];

const ROLE_FILTER_DATA = [
  { value: "all", label: "All activities" },
  { value: "controller", label: "Our own (Art. 30(1))" },
  { value: "processor", label: "As a processor (Art. 30(2))" },
];

const NO_REVIEWS: Reviews = new Map();

export function ActivitiesPage() {
  const query = useActivities();
  const reviewsQuery = useActivityReviews();
  const [filters, setFilters] = useState<ActivityFilters>(NO_FILTERS);
  const [sort, setSort] = useState<ActivitySort>({ key: "name", direction: "asc" });
  const searchRef = useRef<HTMLInputElement>(null);

  const reviewRows = reviewsQuery.data;
  const reviews = useMemo<Reviews>(
    () =>
      reviewRows ? new Map(reviewRows.map((row) => [row.activityId, row.review])) : NO_REVIEWS,
    [reviewRows],
  );
  const activities = query.data;
  const visible = useMemo(
    () => sortActivities(filterActivities(activities ?? [], filters, reviews), sort, reviews),
    [activities, filters, sort, reviews],
  );

  function setFilter<K extends keyof ActivityFilters>(key: K, value: ActivityFilters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
  }

  function toggleSort(key: SortKey) {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key, direction: "asc" },
    );
  }

  const search = filters.search.trim();
  return (
    <RecordListPage
      kind={ACTIVITY_KIND}
      subtitle="Everything your organisation does with personal data, as Art. 30 GDPR asks you to record it."
      newLabel="New activity"
      query={query}
      visible={visible}
      searchRef={searchRef}
      filters={
        <>
          <ListSearchInput
            ref={searchRef}
            label="Search"
            placeholder="Name, function, owner or system  ( / )"
            value={filters.search}
            onChange={(value) => setFilter("search", value)}
            data-testid="activity-search"
          />
          <NativeSelect
            label="Status"
            value={filters.status}
            onChange={(event) => setFilter("status", parseStatusFilter(event.currentTarget.value))}
            data={STATUS_FILTER_DATA}
            data-testid="activity-filter-status"
          />
          <NativeSelect
            label="Record"
            value={filters.completeness}
            onChange={(event) =>
              setFilter("completeness", parseCompletenessFilter(event.currentTarget.value))
            }
            data={COMPLETENESS_FILTER_DATA}
            disabled={!reviewsQuery.isSuccess}
            data-testid="activity-filter-completeness"
          />
          <NativeSelect
            label="Register"
            value={filters.role}
            onChange={(event) => setFilter("role", parseRoleFilter(event.currentTarget.value))}
            data={ROLE_FILTER_DATA}
            data-testid="activity-filter-role"
          />
        </>
      }
      empty={{
        title: "No processing activities yet",
        text: "No processing activities yet. Record the first one — for example how you keep your member list or send your newsletter — and add the others one by one.",
      }}
      noMatch={
        search
          ? `No activity matches “${search}” and the filters.`
          : "No activity matches the filters."
      }
    >
      {(rows) => (
        <ActivityTable
          activities={rows}
          sort={sort}
          onSort={toggleSort}
          reviews={reviews}
          reviewsState={reviewsQuery.status}
        />
      )}
    </RecordListPage>
  );
}

function SortableHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: ActivitySort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-testid={`activity-sort-${sortKey}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {label}
          </Text>
          <Text size="xs" c={active ? undefined : "dimmed"} aria-hidden>
            {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

interface ActivityTableProps {
  activities: Activity[];
  sort: ActivitySort;
  onSort: (key: SortKey) => void;
  reviews: Reviews;
  reviewsState: "pending" | "error" | "success";
}

function ActivityTable({ activities, sort, onSort, reviews, reviewsState }: ActivityTableProps) {
  const conflicted = useConflictedActivityIds();
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
            <Table.Th>Status</Table.Th>
            <SortableHeader
              label="Business function"
              sortKey="businessFunction"
              sort={sort}
              onSort={onSort}
            />
            <Table.Th>Owner</Table.Th>
            <SortableHeader label="Record" sortKey="completeness" sort={sort} onSort={onSort} />
            <SortableHeader label="Updated" sortKey="updated" sort={sort} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {activities.map((activity) => {
            const status = statusOption(activity.status);
            return (
              <Table.Tr key={activity.id} data-testid="activity-row">
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={recordPath(ACTIVITY_KIND, activity.id)} fw={500}>
                      {activity.name}
                    </Anchor>
                    {conflicted.has(activity.id) ? (
                      <ConflictBadge testId="activity-row-conflict" />
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={status.color} variant="light">
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <OptionalText text={activity.businessFunction} />
                </Table.Td>
                <Table.Td>
                  <OptionalText text={activity.owner} />
                </Table.Td>
                <Table.Td data-testid="activity-completeness">
                  <Completeness review={reviews.get(activity.id)} state={reviewsState} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatDate(activity.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function OptionalText({ text }: { text: string }) {
  return text ? (
    <Text size="sm">{text}</Text>
  ) : (
    <Text size="sm" c="dimmed" aria-label="Not recorded">
      —
    </Text>
  );
}

/** "Complete", or how many elements are missing (their articles in the tooltip). */
function Completeness({
  review,
  state,
}: {
  review: ActivityReview | undefined;
  state: ActivityTableProps["reviewsState"];
}) {
  if (!review) {
    return (
      <Text size="sm" c="dimmed">
        {state === "pending" ? "…" : "—"}
      </Text>
    );
  }
  const missing = review.missing;
  if (missing.length === 0) {
    return (
      <Badge color="teal" variant="light">
        Complete
      </Badge>
    );
  }
  return (
    <Badge
      color="orange"
      variant="light"
      title={missing.map((element) => `${element.article}: ${element.message}`).join("\n")}
    >
      {`${missing.length} missing`}
    </Badge>
  );
}
