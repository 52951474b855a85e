import type { MemberView, WarningSide, WarningsChangedEvent, WarningView } from "@junction/domain";
import { formatDate, type MessageKey, type Translate } from "../../i18n";

export type Strength = "strong" | "likely" | "possible";

export const STRENGTH_KEYS: Record<Strength, MessageKey<"warnings">> = {
  strong: "strength.strong",
  likely: "strength.likely",
  possible: "strength.possible",
};

// the engine raises a warning from 0.5; these cut its range into words a coordinator can weigh
const STRONG_FROM = 0.85;
const LIKELY_FROM = 0.65;

/** The engine's 0..1 score in plain words. */
export function warningStrength(score: number): Strength {
  if (score >= STRONG_FROM) return "strong";
  if (score >= LIKELY_FROM) return "likely";
  return "possible";
}

export function isDecided(warning: WarningView): boolean {
  return warning.status !== "open";
}

/** Open warnings first, strongest first; decided ones after, most recent decision first. */
export function sortWarnings(warnings: readonly WarningView[]): WarningView[] {
  return [...warnings].sort((x, y) => {
    if (isDecided(x) !== isDecided(y)) return isDecided(x) ? 1 : -1;
    if (isDecided(x)) return (y.decidedAt ?? "").localeCompare(x.decidedAt ?? "");
    return y.score - x.score;
  });
}

export function splitByStatus(warnings: readonly WarningView[]): {
  open: WarningView[];
  decided: WarningView[];
} {
  const sorted = sortWarnings(warnings);
  return {
    open: sorted.filter((w) => !isDecided(w)),
    decided: sorted.filter(isDecided),
  };
}

export function countOpen(warnings: readonly WarningView[]): number {
  return warnings.filter((w) => !isDecided(w)).length;
}

export type StatusFilter = "all" | "open" | "dismissed" | "coordinate";
export type WarningFilter = { status: StatusFilter; organisationId: string };

export const NO_FILTER: WarningFilter = { status: "all", organisationId: "" };

export function filterWarnings(
  warnings: readonly WarningView[],
  filter: WarningFilter,
): WarningView[] {
  return warnings.filter(
    (w) =>
      (filter.status === "all" || w.status === filter.status) &&
      (filter.organisationId === "" ||
        w.a.leadId === filter.organisationId ||
        w.b.leadId === filter.organisationId),
  );
}

export type OrganisationOption = { id: string; label: string };

/** The lead organisations that appear in any warning, alphabetically, for the filter. */
export function leadOrganisations(warnings: readonly WarningView[]): OrganisationOption[] {
  const byId = new Map<string, string>();
  for (const warning of warnings) {
    for (const side of [warning.a, warning.b]) {
      if (side.leadId) byId.set(side.leadId, side.lead ?? side.leadId);
    }
  }
  return [...byId]
    .map(([id, label]) => ({ id, label }))
    .sort((x, y) => x.label.localeCompare(y.label));
}

/** The side of a warning that is not the given activity of the given workplan. */
export function otherSide(
  warning: WarningView,
  workplanId: string,
  activityId: string,
): WarningSide {
  const isA = warning.a.workplanId === workplanId && warning.a.activityId === activityId;
  return isA ? warning.b : warning.a;
}

/** activityId -> its warnings, for the activities of one workplan (both sides may be in it). */
export function groupByActivity(
  warnings: readonly WarningView[],
  workplanId: string,
): Map<string, WarningView[]> {
  const groups = new Map<string, WarningView[]>();
  for (const warning of sortWarnings(warnings)) {
    const activityIds = new Set(
      [warning.a, warning.b].filter((s) => s.workplanId === workplanId).map((s) => s.activityId),
    );
    for (const activityId of activityIds) {
      const group = groups.get(activityId);
      if (group) group.push(warning);
      else groups.set(activityId, [warning]);
    }
  }
  return groups;
}

/** How many activities a change may name before a page reloads all of a workplan's warnings. */
export const MAX_PATCHED_ACTIVITIES = 100;

/**
 * The activities of `workplanId` whose warnings an event says changed; null when it does not say
 * (an older server, a sweep of the network, a reconnect) or names too many: then reload them all.
 */
export function changedActivityIds(
  event: WarningsChangedEvent,
  workplanId: string,
): string[] | null {
  if (!event.activities || event.workplanIds.length === 0) return null;
  const ids = [
    ...new Set(
      event.activities.filter((a) => a.workplanId === workplanId).map((a) => a.activityId),
    ),
  ];
  return ids.length > MAX_PATCHED_ACTIVITIES ? null : ids;
}

/**
 * A workplan's warnings with those on `activityIds` replaced by `fresh` (what the server now
 * holds on them): the others stay as they were.
 */
export function patchWarnings(
  current: readonly WarningView[],
  fresh: readonly WarningView[],
  workplanId: string,
  activityIds: readonly string[],
): WarningView[] {
  const changed = new Set(activityIds);
  const touches = (warning: WarningView) =>
    [warning.a, warning.b].some((s) => s.workplanId === workplanId && changed.has(s.activityId));
  const replaced = new Set(fresh.map((w) => w.id));
  return [...current.filter((w) => !touches(w) && !replaced.has(w.id)), ...fresh];
}

export function activityHref(side: WarningSide): string {
  return `/workplans/${encodeURIComponent(side.workplanId)}#activity-${encodeURIComponent(side.activityId)}`;
}

/** "Marked not a duplicate by Tamar Kapanadze on 3 Mar 2025"; null while a warning is open. */
export function describeDecision(
  warning: WarningView,
  nameOf: (userId: string) => string | undefined,
  t: Translate<"warnings">,
): string | null {
  if (warning.status === "open") return null;
  const who = warning.decidedBy
    ? (nameOf(warning.decidedBy) ?? warning.decidedByName ?? t("decision.formerMember"))
    : "";
  const when = warning.decidedAt ? formatDate(warning.decidedAt, t.locale) : "";
  // one message per decision, with who and when optional (select on "" / "known")
  return t(warning.status === "dismissed" ? "decision.dismissed" : "decision.coordinate", {
    who,
    when,
    hasWho: who ? "yes" : "no",
    hasWhen: when ? "yes" : "no",
  });
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function coordinationTaskTitle(warning: WarningView, t: Translate<"warnings">): string {
  const title = t("coordinationTaskTitle", {
    a: warning.a.title || t("untitledActivity"),
    b: warning.b.title || t("untitledActivity"),
  });
  return truncate(title, 300);
}

/** Members of the side's lead organisation who can act on the activity (editors, coordinators). */
export function assigneesFor(side: WarningSide, members: readonly MemberView[]): MemberView[] {
  return members
    .filter(
      (m) => m.organisationId === side.leadId && (m.role === "editor" || m.role === "coordinator"),
    )
    .sort((x, y) => x.name.localeCompare(y.name));
}

/** A date `days` after `from` as YYYY-MM-DD, in the person's own calendar. */
export function dayAfter(from: Date, days: number): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const AGAINST =
  /^(different (places|target groups|audiences|kinds of work)|periods do not overlap|only one of them)/;

/** Most reasons support the warning; a few (different places, no overlap) speak against it. */
export function reasonKind(reason: string): "for" | "against" {
  return AGAINST.test(reason) ? "against" : "for";
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
