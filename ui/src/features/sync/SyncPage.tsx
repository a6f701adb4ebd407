// Sync with other laptops: volunteers keep the same register on their own laptops and
// exchange changes through a folder their sync tool shares (Nextcloud, Syncthing, a USB
// stick…) or by file. The page shows the shared folder, the files refused and not dismissed
// yet, what the last sync did, the values a newer Steward wrote, every laptop whose changes
// the register holds, the exchange by file, and this laptop's name as the others see it. It
// is read again each time it opens.
import { Stack } from "@mantine/core";
import { useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { ErrorState, LoadingState } from "../../components/QueryStates";
import type { SyncReport, SyncStatus } from "../../ipc";
import { DeviceNameCard } from "../organisation/DeviceNameCard";
import { ByFileCard } from "./ByFileCard";
import { DevicesCard } from "./DevicesCard";
import { NewerValuesCard } from "./NewerValuesCard";
import { useSyncBusy, useSyncStatus } from "./queries";
import { RefusedFilesCard } from "./RefusedFilesCard";
import { SharedFolderCard } from "./SharedFolderCard";
import { SyncReportCard } from "./SyncReportCard";

const TITLE = "Sync with other laptops";
const SUBTITLE =
  "Keep the same register on several laptops: each laptop shares its changes through a shared folder or a file, and takes in the others'.";

export function SyncPage() {
  const query = useSyncStatus({ always: true });
  const busy = useSyncBusy();
  /** The report of the last sync this page ran. */
  const [fresh, setFresh] = useState<SyncReport | null>(null);

  if (query.isPending) {
    return (
      <Stack gap={0}>
        <PageHeader title={TITLE} subtitle={SUBTITLE} />
        <LoadingState label="Reading the sync status…" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Stack gap={0}>
        <PageHeader title={TITLE} subtitle={SUBTITLE} />
        <ErrorState
          title="Could not read the sync status"
          message={query.error.message}
          onRetry={() => void query.refetch()}
        />
      </Stack>
    );
  }

  const status = query.data;
  // A sync reads everything again before it is over, so the status already counts the
  // conflicts it left; its report is shown even if the status does not keep it.
  const report = latestReport(fresh, status.lastSync);

  return (
    <Stack gap={0} maw={1000}>
      <PageHeader title={TITLE} subtitle={SUBTITLE} />
      <Stack gap="lg">
        <SharedFolderCard status={status} busy={busy} onSynced={setFresh} />
        <RefusedFilesCard refused={status.refused} />
        <SyncReportCard report={report} conflicts={status.conflicts} />
        <NewerValuesCard />
        <DevicesCard devices={status.devices} />
        <ByFileCard busy={busy} />
      </Stack>
      <DeviceNameCard />
    </Stack>
  );
}

/** The later of two reports (by when they ran); either may be missing. */
function latestReport(a: SyncReport | null, b: SyncStatus["lastSync"]): SyncReport | null {
  if (!a || !b) {
    return a ?? b;
  }
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}
