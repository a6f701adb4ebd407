// The words of a backup, shared by the start-up screen (a damaged register and the backups
// that could replace it) and the Backups page: why it was made, its size and what it
// holds.
import type { Backup, BackupReason } from "../ipc";
import { formatDateTime } from "./formatDate";

/** Why a backup was made, as the list says it. */
export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  daily: "Daily",
  beforeUpgrade: "Before an upgrade",
  beforeImport: "Before an import",
  beforeRestore: "Before a restore",
  manual: "Made by you",
};

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A file's size in the person's locale: "812 bytes", "240 KB", "3.4 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) {
    return bytes === 1 ? "1 byte" : `${wholeNumber.format(bytes)} bytes`;
  }
  if (bytes < MIB) {
    return `${wholeNumber.format(Math.round(bytes / KIB))} KB`;
  }
  if (bytes < GIB) {
    return `${oneDecimal.format(bytes / MIB)} MB`;
  }
  return `${oneDecimal.format(bytes / GIB)} GB`;
}

/** "1 activity", "12 activities". */
export function activityCount(count: number): string {
  return count === 1 ? "1 activity" : `${wholeNumber.format(count)} activities`;
}

/** Whether Steward could read a backup: one it cannot read cannot be restored. */
export function isReadable(backup: Backup): boolean {
  return backup.activities !== null;
}

/** "the backup of 20 Nov 2026, 09:30", in the person's locale. */
export function backupName(backup: Pick<Backup, "takenAt">): string {
  return `the backup of ${formatDateTime(backup.takenAt)}`;
}
