// The typed commands of start-up and backups: whether the register opened (and, for a damaged
// file, the backups that could replace it), the recovery from the newest good backup, the
// list of backups, backing up now (into the backups folder, or to a file the person chooses
// in Rust's native save dialog), and restoring a listed backup or a chosen file after the
// person saw what it would change. A chosen file waits in Rust between its preview and the
// restore: the web view never names a path it could be made to restore.
import type { Backup } from "./bindings/Backup";
import type { BackupCopy } from "./bindings/BackupCopy";
import type { Backups } from "./bindings/Backups";
import type { Recovery } from "./bindings/Recovery";
import type { RestorePreview } from "./bindings/RestorePreview";
import type { Startup } from "./bindings/Startup";
import { call } from "./call";

/** Whether the register opened: `problem` is null when it did, else why not (for a damaged
 *  file, with the backups beside it, newest first). Asked once, before any other screen. */
export function getStartup(): Promise<Startup> {
  return call<Startup>("get_startup");
}

/** Sets a damaged register aside, untouched, and restores its newest good backup in its
 *  place; "notFound" when no backup is good (nothing is changed then). */
export function recoverDatabase(): Promise<Recovery> {
  return call<Recovery>("recover_database");
}

/** The backups folder, its backups (newest first) and why the last automatic one failed. */
export function listBackups(): Promise<Backups> {
  return call<Backups>("list_backups");
}

/** Makes a backup into the backups folder now. */
export function backupNow(): Promise<Backup> {
  return call<Backup>("backup_now");
}

/** Asks where to put a copy (a native save dialog that Rust opens), then writes the
 *  database there and the register as JSON beside it; returns where both files went, or
 *  `null` when the person cancels the dialog. */
export function backupTo(): Promise<BackupCopy | null> {
  return call<BackupCopy | null>("backup_to");
}

/** What restoring the listed backup `id` would change; refused for a damaged file, one
 *  that is not Steward's, or one of a newer Steward. */
export function previewRestore(id: string): Promise<RestorePreview> {
  return call<RestorePreview>("preview_restore", { id });
}

/** Restores the listed backup `id` (the register as it is now is backed up first); returns
 *  what the register now holds. */
export function restoreBackup(id: string): Promise<RestorePreview> {
  return call<RestorePreview>("restore_backup", { id });
}

/** Asks for a backup file (a native open dialog that Rust opens) and says what restoring it
 *  would change; the file waits in Rust for `restoreChosenBackup`. `null` when the person
 *  cancels the dialog. */
export function chooseBackupFile(): Promise<RestorePreview | null> {
  return call<RestorePreview | null>("choose_backup_file");
}

/** Restores the file chosen last with `chooseBackupFile`; "validation" when none waits. */
export function restoreChosenBackup(): Promise<RestorePreview> {
  return call<RestorePreview>("restore_chosen_backup");
}
