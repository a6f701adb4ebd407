// The ISO 3166-1 country list that country pickers and labels use, read once per run.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { listCountries } from "../ipc";

export const countriesKey = ["reference", "countries"] as const;

/** All ISO 3166-1 countries; they do not change while the app runs. */
export function useCountries() {
  return useQuery({
    queryKey: countriesKey,
    queryFn: listCountries,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Country names by ISO code; empty until the list has loaded. */
export function useCountryNames(): ReadonlyMap<string, string> {
  const { data } = useCountries();
  return useMemo(() => new Map((data ?? []).map(({ code, name }) => [code, name])), [data]);
}
