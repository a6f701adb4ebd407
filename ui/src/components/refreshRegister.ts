// Reading the register again after a change the screens did not make themselves: a sync (from
// the header, the Sync page, or one Steward runs by itself), an import, or another process
// on the same file (see app/useRegisterWatch.ts). Every query that reads the register is
// marked stale and the ones on screen are read again; an open form then takes in its
// record's new values (see liveRecord.ts). A query whose answer does not come from the
// register's contents (how it opened at start-up) carries OUTSIDE_REGISTER in its meta and
// is left alone.
import type { QueryClient } from "@tanstack/react-query";

/** The meta of a query that reads nothing of the register's contents. */
export const OUTSIDE_REGISTER = { outsideRegister: true } as const;

/** Reads again every query that reads the register. */
export function refreshRegister(client: QueryClient): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => query.meta?.outsideRegister !== true,
  });
}
