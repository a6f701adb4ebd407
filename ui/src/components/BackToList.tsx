// The breadcrumb above a detail page: a link back to its list, then the current page.
import { Anchor, Breadcrumbs } from "@mantine/core";
import { Link } from "react-router";

export interface BackToListProps {
  /** The list's route, e.g. "/activities". */
  to: string;
  /** The list's name, e.g. "Processing activities". */
  label: string;
  current: string;
}

export function BackToList({ to, label, current }: BackToListProps) {
  return (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
      <Anchor size="sm" c="dimmed" component="span">
        {current}
      </Anchor>
    </Breadcrumbs>
  );
}
