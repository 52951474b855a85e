import { GCM_OBJECTIVES, ORGANISATION_TYPES, type Role, type Stage } from "@junction/domain";

// dates follow the language in use (i18n/format.ts); components should prefer `useFormat()`
export { formatDate, formatDateTime, formatRelative } from "../i18n/format";

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: "Coordinator",
  editor: "Editor",
  commenter: "Commenter",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  coordinator: "Invites members, sets roles, moves stages",
  editor: "Co-edits the workplan and its activities",
  commenter: "Reads and comments, never edits the text",
  viewer: "Reads only",
};

export const STAGE_LABELS: Record<Stage, string> = {
  draft: "Draft",
  consultation: "Consultation",
  validation: "Validation",
  adopted: "Adopted",
};

export function organisationTypeLabel(key: string): string {
  return ORGANISATION_TYPES.find((type) => type.key === key)?.label ?? key;
}

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

/** A short device description from a User-Agent string, e.g. "Firefox on Windows". */
export function describeUserAgent(userAgent: string): string {
  if (!userAgent.trim()) return "Unknown device";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "Browser";
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}
