import { GCM_OBJECTIVES } from "@junction/domain";

// dates follow the language in use (i18n/format.ts); components should prefer `useFormat()`
export { formatDate, formatDateTime, formatRelative } from "../i18n/format";

export function gcmObjective(number: number): { number: number; short: string; title: string } {
  const objective = GCM_OBJECTIVES.find((o) => o.number === number);
  return objective ?? { number, short: `Objective ${number}`, title: `GCM objective ${number}` };
}

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
  [/node|undici/i, "Node.js"],
];
const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad|iOS/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** The browser and system a User-Agent string names (null when it is empty), to be put in words. */
export function userAgentParts(
  userAgent: string,
): { browser: string | null; system: string | null } | null {
  if (!userAgent.trim()) return null;
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
    system: SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
  };
}
