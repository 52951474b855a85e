import type { ActivityStatus } from "@junction/domain";
import { IATI_CODELISTS, type IatiCodelistName } from "./catalogues/iati-codelists";

/** Whether `code` is an active code of the IATI codelist. */
export function isIatiCode(list: IatiCodelistName, code: string): boolean {
  return Object.hasOwn(IATI_CODELISTS[list], code);
}

/** The English name of an active code, or null. */
export function iatiCodeName(list: IatiCodelistName, code: string): string | null {
  const names: Record<string, string> = IATI_CODELISTS[list];
  return Object.hasOwn(names, code) ? (names[code] ?? null) : null;
}

/** Every active code of a codelist with its English name, in the list's order. */
export function iatiCodelist(list: IatiCodelistName): { code: string; name: string }[] {
  return Object.entries(IATI_CODELISTS[list] as Record<string, string>).map(([code, name]) => ({
    code,
    name,
  }));
}

/** A code the export writes; one outside its codelist is a bug here, never the user's. */
export function iatiCode(list: IatiCodelistName, code: string): string {
  if (!isIatiCode(list, code)) throw new Error(`"${code}" is not an active ${list} code`);
  return code;
}

// IATI 2.03 ActivityStatus: 4 "Closed" reads "physical activity is complete", as completed does
export const ACTIVITY_STATUS_CODES: Record<ActivityStatus, string> = {
  planned: "1",
  ongoing: "2",
  completed: "4",
  cancelled: "5",
};

/**
 * IATI OrganisationType of each organisation type of the catalogue, where one is clear. Civil
 * society bodies and donors are left out: whether one is international, national or based in
 * the partner country (21/22/24), or a government or a foundation, is not recorded.
 */
export const ORGANISATION_TYPE_CODES: Readonly<Record<string, string>> = {
  "un-agency": "40",
  "un-coordination-office": "40",
  "intergovernmental-organisation": "40",
  "government-commission": "10",
  ministry: "10",
  "government-agency": "15",
  nhri: "15",
  parliament: "15",
  municipality: "11",
  academia: "80",
  "private-sector": "70",
  "trade-union": "90",
  media: "90",
  other: "90",
};

/** "GE" for "GE", "ge" or "Georgia" (ISO 3166-1 names as IATI lists them); null when unknown. */
export function iatiCountryCode(country: string): string | null {
  const wanted = country.trim();
  if (wanted === "") return null;
  if (isIatiCode("Country", wanted.toUpperCase())) return wanted.toUpperCase();
  const simple = (name: string) =>
    name
      .replace(/\s*\(.*\)\s*$/, "")
      .trim()
      .toLowerCase();
  for (const [code, name] of Object.entries(IATI_CODELISTS.Country)) {
    if (name.toLowerCase() === wanted.toLowerCase() || simple(name) === wanted.toLowerCase()) {
      return code;
    }
  }
  return null;
}
