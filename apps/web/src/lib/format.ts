import { GCM_OBJECTIVES, ORGANISATION_TYPES, type Role, type Stage } from "@junction/domain";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
});
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "—" : dateFormat.format(time);
}

export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "—" : dateTimeFormat.format(time);
}

/** "just now", "5 minutes ago", "yesterday", "in 6 days"; past a month the date itself. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return "—";
  const delta = time - now;
  const size = Math.abs(delta);
  if (size < MINUTE) return delta <= 0 ? "just now" : "in a moment";
  if (size < HOUR) return relativeFormat.format(Math.round(delta / MINUTE), "minute");
  if (size < DAY) return relativeFormat.format(Math.round(delta / HOUR), "hour");
  if (size < 30 * DAY) return relativeFormat.format(Math.round(delta / DAY), "day");
  return dateFormat.format(time);
}

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

/** A short device description from a User-Agent string, e.g. "Firefox on Windows". */
export function describeUserAgent(userAgent: string): string {
  if (!userAgent.trim()) return "Unknown device";
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "Browser";
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}
