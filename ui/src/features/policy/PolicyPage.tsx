// The privacy policy drafted from the register: its export, the checklist of what the law
// requires that the register lacks, what changed since the last saved version, and the
// draft itself, whose clauses link to the entries they come from and whose sections take a
// person's own text. The draft is read again each time the page opens.
import { Stack } from "@mantine/core";
import { useId, useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { PolicyDraft } from "../../ipc";
import { PolicyChangesCard } from "./PolicyChangesCard";
import { gapRowId, PolicyChecklist } from "./PolicyChecklist";
import { PolicyExportCard } from "./PolicyExportCard";
import { PolicyPreview } from "./PolicyPreview";
import { usePolicyDraft } from "./queries";

export function PolicyPage() {
  const query = usePolicyDraft();

  if (query.isPending) {
    return (
      <Stack gap={0}>
        <PageHeader title="Privacy policy" />
        <LoadingState label="Drafting the privacy policy…" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap={0}>
        <PageHeader title="Privacy policy" />
        <ErrorState
          title="Could not draft the privacy policy"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      </Stack>
    );
  }
  return <PolicyDraftView draft={query.data} />;
}

function PolicyDraftView({ draft }: { draft: PolicyDraft }) {
  const idPrefix = useId();
  const [highlighted, setHighlighted] = useState<number | null>(null);

  /** Scrolls to a placeholder's checklist entry and focuses its Fix button. */
  function showGap(gap: number) {
    const row = document.getElementById(gapRowId(idPrefix, gap));
    if (!row) {
      return;
    }
    setHighlighted(gap);
    row.scrollIntoView({ block: "center", behavior: "smooth" });
    row
      .querySelector<HTMLElement>('[data-testid="policy-gap-fix"]')
      ?.focus({ preventScroll: true });
  }

  return (
    <Stack gap={0}>
      <PageHeader title={draft.title} subtitle={draft.effective ?? undefined} />
      <Stack gap="lg" maw={860}>
        <PolicyExportCard />
        <PolicyChecklist
          checklist={draft.checklist}
          idPrefix={idPrefix}
          highlighted={highlighted}
        />
        <PolicyChangesCard />
        <PolicyPreview
          sections={draft.sections}
          unwrittenSections={draft.unwrittenSections}
          checklist={draft.checklist}
          onShowGap={showGap}
        />
      </Stack>
    </Stack>
  );
}
