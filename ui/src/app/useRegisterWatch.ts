// Notices changes of the register that this window did not make: another process on the same
// file (the command line), a sync Steward runs by itself, a second route to the same data.
// While the window is visible it asks the register's version every two seconds (a tiny
// command: no record is read), and when the version differs from the last one seen, every
// screen reads the register again (see refreshRegister): lists refresh, and an open form
// takes in its record's new values, keeping what the person typed (see liveRecord.ts). The
// first version seen only sets where to compare from. A hidden window asks nothing, and asks
// at once when it shows again. One question at a time: the next waits for the answer.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { refreshRegister } from "../components/refreshRegister";
import { getRegisterVersion } from "../ipc";

/** How often a visible window asks the register's version. */
export const REGISTER_POLL_MS = 2_000;

export interface RegisterWatchOptions {
  /** How often to ask, in milliseconds. */
  intervalMs?: number;
}

function visible(): boolean {
  return document.visibilityState === "visible";
}

export function useRegisterWatch({ intervalMs = REGISTER_POLL_MS }: RegisterWatchOptions = {}) {
  const client = useQueryClient();
  useEffect(() => {
    let stopped = false;
    let asking = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The last version seen; null before the first. */
    let last: string | null = null;

    async function check() {
      if (stopped || asking || !visible()) {
        return;
      }
      asking = true;
      try {
        const version = await getRegisterVersion();
        if (stopped || typeof version !== "string") {
          return;
        }
        if (last !== null && version !== last) {
          void refreshRegister(client);
        }
        last = version;
      } catch {
        // A version that cannot be read says nothing about a change: the next check asks
        // again (outside Tauri, as in a plain browser, it never can).
      } finally {
        asking = false;
      }
    }

    function schedule() {
      timer = setTimeout(() => {
        void check().finally(() => {
          if (!stopped) {
            schedule();
          }
        });
      }, intervalMs);
    }

    function onVisibilityChange() {
      if (visible()) {
        void check();
      }
    }

    void check();
    schedule();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [client, intervalMs]);
}
