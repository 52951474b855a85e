import {
  type CoordinatorDecision,
  createDedupeIndex,
  type DedupeActivity,
  type DedupeIndex,
} from "@junction/dedupe";
import type { Activity, WarningDecision, WarningView } from "@junction/domain";
import {
  type ActivityRef,
  appendAudit,
  countNetworkActivities,
  countWarnings,
  decideWarning,
  findActivity,
  findWarning,
  findWarningByPair,
  insertWarning,
  listActivityWarnings,
  listDecidedWarnings,
  listNetworkActivities,
  listWarningPage,
  listWorkplanActivities,
  listWorkplans,
  type StoredActivity,
  setWarningStatus,
  updateWarningAssessment,
  type WarningFilter,
  type WarningListItem,
  type WarningRecord,
  type WarningSide,
} from "@junction/store";
import type { BaseDeps, Deps, DuplicationWarnings } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireNetworkPermission, requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { notifyWarning } from "./notifications";
import {
  type OrganisationLabels,
  organisationFilter,
  organisationLabels,
  organisationLabelsOf,
} from "./organisation-labels";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";
import { isRevisionPair, isSuperseded } from "./revision-lineage";

const SEPARATOR = "::";

function keyOf(ref: ActivityRef): string {
  return `${ref.workplanId}${SEPARATOR}${ref.activityId}`;
}

/** A pair of activities in the order warnings store them (by workplan, then activity). */
export function orderedPair(a: ActivityRef, b: ActivityRef): [ActivityRef, ActivityRef] {
  return keyOf(a) < keyOf(b) ? [a, b] : [b, a];
}

function refOf(key: string): ActivityRef {
  const at = key.indexOf(SEPARATOR);
  return { workplanId: key.slice(0, at), activityId: key.slice(at + SEPARATOR.length) };
}

/** The fields whose change makes a dismissed warning worth a second look. */
type MaterialFields = Pick<
  Activity,
  | "title"
  | "description"
  | "lead"
  | "partners"
  | "gcmObjectives"
  | "locations"
  | "targetGroups"
  | "start"
  | "end"
>;

function materialOf(activity: Activity): MaterialFields {
  return {
    title: activity.title,
    description: activity.description,
    lead: activity.lead,
    partners: [...activity.partners].sort(),
    gcmObjectives: [...activity.gcmObjectives].sort((x, y) => x - y),
    locations: activity.locations.map((l) => l.toLowerCase()).sort(),
    targetGroups: activity.targetGroups.map((t) => t.toLowerCase()).sort(),
    start: activity.start,
    end: activity.end,
  };
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter(Boolean),
  );
}

/** A typo fix is not material; a new place, period, partner or a rewritten text is. */
export function changedMaterially(before: MaterialFields, after: MaterialFields): boolean {
  const { title: t1, description: d1, ...rest1 } = before;
  const { title: t2, description: d2, ...rest2 } = after;
  if (JSON.stringify(rest1) !== JSON.stringify(rest2)) return true;
  const a = words(`${t1} ${d1}`);
  const b = words(`${t2} ${d2}`);
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 && shared / union < 0.8;
}

/** A network of at most this many activities is swept, or indexed, in the turn that needs it. */
const SWEEP_IN_ONE_TURN = 200;
const BUILD_IN_ONE_TURN = 50;
/** How long one slice of a bigger network's build or sweep may hold the event loop. */
const SLICE_MS = 8;

type NetworkState = { index: DedupeIndex; activities: Map<string, StoredActivity> };

/** A network's index being built a slice per turn: workplans still to read, in order. */
type Build = { queue: string[] };

/** The live duplication warnings; see `DuplicationWarnings`. */
export type WarningEngine = DuplicationWarnings;

export function createWarningEngine(deps: BaseDeps): WarningEngine {
  const networks = new Map<string, NetworkState>();
  const builds = new Map<string, Build>();

  function toDedupe(activity: StoredActivity, labels: OrganisationLabels): DedupeActivity {
    const label = labels.labelOf;
    return {
      id: keyOf({ workplanId: activity.workplanId, activityId: activity.id }),
      title: activity.title,
      description: activity.description,
      lead: activity.lead === null ? null : label(activity.lead),
      partners: activity.partners.map(label),
      gcmObjectives: activity.gcmObjectives,
      locations: activity.locations,
      targetGroups: activity.targetGroups,
      start: activity.start,
      end: activity.end,
      budget: activity.budget?.amount ?? null,
    };
  }

  function reconcile(networkId: string, state: NetworkState, key: string, now: number): boolean {
    let changed = false;
    const ref = refOf(key);
    const current = new Map<string, { score: number; reasons: string[] }>();
    // a superseded plan's warnings were carried over to its revision: it pairs with nothing more
    const superseded = new Map<string, boolean>();
    const isCurrent = (workplanId: string): boolean => {
      let known = superseded.get(workplanId);
      if (known === undefined) {
        known = isSuperseded(deps, workplanId);
        superseded.set(workplanId, known);
      }
      return !known;
    };
    if (state.index.has(key) && isCurrent(ref.workplanId)) {
      for (const pair of state.index.pairsFor(key)) {
        const other = pair.a === key ? pair.b : pair.a;
        // a workplan and its revision hold copies of one another's activities, not duplicates
        if (isRevisionPair(deps, ref.workplanId, refOf(other).workplanId)) continue;
        if (!isCurrent(refOf(other).workplanId)) continue;
        current.set(other, { score: pair.score, reasons: pair.reasons });
      }
    }
    for (const [otherKey, assessment] of current) {
      const [first, second] = key < otherKey ? [key, otherKey] : [otherKey, key];
      const a = refOf(first);
      const b = refOf(second);
      const existing = findWarningByPair(deps.db, networkId, a, b);
      if (!existing) {
        notifyWarning(deps, insertWarning(deps.db, { networkId, a, b, ...assessment }, now));
        changed = true;
        continue;
      }
      let status = existing.status;
      let clearDecision = false;
      if (status === "gone") status = "open";
      if (status === "dismissed" && isMaterialSinceDecision(existing, state)) {
        status = "open";
        clearDecision = true;
      }
      if (
        status !== existing.status ||
        Math.abs(existing.score - assessment.score) > 1e-6 ||
        JSON.stringify(existing.reasons) !== JSON.stringify(assessment.reasons)
      ) {
        updateWarningAssessment(
          deps.db,
          existing.id,
          { ...assessment, status, clearDecision },
          now,
        );
        changed = true;
      }
    }
    for (const warning of listActivityWarnings(deps.db, ref)) {
      const otherKey = keyOf(keyOf(warning.a) === key ? warning.b : warning.a);
      if (!current.has(otherKey) && warning.status === "open") {
        setWarningStatus(deps.db, warning.id, "gone", now);
        changed = true;
      }
    }
    return changed;
  }

  function isMaterialSinceDecision(warning: WarningRecord, state: NetworkState): boolean {
    const basis = warning.decisionBasis as { a?: MaterialFields; b?: MaterialFields } | null;
    const a = state.activities.get(keyOf(warning.a));
    const b = state.activities.get(keyOf(warning.b));
    if (!basis?.a || !basis.b || !a || !b) return true;
    return changedMaterially(basis.a, materialOf(a)) || changedMaterially(basis.b, materialOf(b));
  }

  function learn(networkId: string, index: DedupeIndex): void {
    const decisions: CoordinatorDecision[] = listDecidedWarnings(deps.db, networkId).map(
      (warning) => ({
        a: keyOf(warning.a),
        b: keyOf(warning.b),
        verdict: warning.status === "coordinate" ? "duplicate" : "not-duplicate",
      }),
    );
    index.learn(decisions);
  }

  /** Reconciles `keys` from `at` on, in one transaction, until `until` (performance.now()) passes. */
  function sweepKeys(
    networkId: string,
    state: NetworkState,
    keys: readonly string[],
    at: number,
    until: number,
  ): { at: number; changed: boolean } {
    const now = deps.now();
    let changed = false;
    let next = at;
    const apply = deps.db.transaction(() => {
      while (next < keys.length) {
        const key = keys[next++];
        if (key !== undefined && reconcile(networkId, state, key, now)) changed = true;
        if (performance.now() >= until) break;
      }
    });
    apply();
    return { at: next, changed };
  }

  function publishNetworkChange(networkId: string): void {
    deps.events.publish({
      type: "warnings-changed",
      networkId,
      data: {
        networkId,
        workplanIds: [...new Set(listWorkplans(deps.db, networkId).map((w) => w.id))],
      },
    });
  }

  /**
   * Brings stored warnings in line with every activity of the network (and `removed`, activities
   * that left it). A big network is done a slice of SLICE_MS per turn of the event loop, so
   * requests and sockets are served between.
   */
  function sweep(
    networkId: string,
    state: NetworkState,
    announce: boolean,
    removed: readonly string[] = [],
  ): void {
    const keys = [...state.activities.keys(), ...removed];
    if (keys.length <= SWEEP_IN_ONE_TURN) {
      if (sweepKeys(networkId, state, keys, 0, Number.POSITIVE_INFINITY).changed && announce) {
        publishNetworkChange(networkId);
      }
      return;
    }
    let changed = false;
    let at = 0;
    const step = () => {
      // the network was forgotten (or rebuilt) meanwhile: its new state sweeps itself
      if (networks.get(networkId) !== state) return;
      try {
        const slice = sweepKeys(networkId, state, keys, at, performance.now() + SLICE_MS);
        at = slice.at;
        if (slice.changed) changed = true;
      } catch (error) {
        // a locked database: the next change or decision sweeps again
        deps.log.warn("could not bring the warnings up to date", {
          networkId,
          error: String(error),
        });
        return;
      }
      if (at < keys.length) setImmediate(step);
      else if (changed && announce) publishNetworkChange(networkId);
    };
    setImmediate(step);
  }

  function emptyState(networkId: string): { state: NetworkState; labels: OrganisationLabels } {
    const labels = organisationLabels(deps, networkId);
    const index = createDedupeIndex({ organisations: labels.records });
    return { state: { index, activities: new Map() }, labels };
  }

  function add(state: NetworkState, labels: OrganisationLabels, activity: StoredActivity): string {
    const key = keyOf({ workplanId: activity.workplanId, activityId: activity.id });
    state.activities.set(key, activity);
    state.index.upsert(toDedupe(activity, labels));
    return key;
  }

  /** A small network, indexed now: the caller's change is scored in its own turn. */
  function buildNow(networkId: string): NetworkState {
    const { state, labels } = emptyState(networkId);
    for (const activity of listNetworkActivities(deps.db, networkId)) add(state, labels, activity);
    learn(networkId, state.index);
    networks.set(networkId, state);
    // first use in this process: bring stored warnings in line with every activity once
    sweep(networkId, state, false);
    return state;
  }

  /**
   * A big network, indexed a slice of SLICE_MS per turn (a few thousand activities take seconds
   * to profile): a workplan's activities are read when the build reaches it, and a workplan that
   * changes meanwhile is read again. Until the build ends the network has no warnings engine;
   * then its warnings are swept and announced like any change.
   */
  function buildInSlices(networkId: string): Build {
    const { state, labels } = emptyState(networkId);
    const build: Build = { queue: listWorkplans(deps.db, networkId).map((w) => w.id) };
    builds.set(networkId, build);
    const keysOf = new Map<string, string[]>();
    const removed = new Set<string>();
    let pending: StoredActivity[] = [];
    let at = 0;
    const readNext = (): boolean => {
      const workplanId = build.queue.shift();
      if (workplanId === undefined) return false;
      pending = listWorkplanActivities(deps.db, workplanId);
      at = 0;
      const keys = pending.map((a) => keyOf({ workplanId, activityId: a.id }));
      const present = new Set(keys);
      for (const key of keysOf.get(workplanId) ?? []) {
        if (present.has(key)) continue;
        state.activities.delete(key);
        state.index.remove(key);
        removed.add(key);
      }
      for (const key of keys) removed.delete(key);
      keysOf.set(workplanId, keys);
      return true;
    };
    const step = () => {
      // the network was forgotten meanwhile (its organisations changed): its next use rebuilds
      if (builds.get(networkId) !== build) return;
      try {
        const until = performance.now() + SLICE_MS;
        for (;;) {
          const activity = pending[at];
          if (activity) {
            at++;
            add(state, labels, activity);
            if (performance.now() >= until) break;
          } else if (!readNext()) {
            learn(networkId, state.index);
            builds.delete(networkId);
            networks.set(networkId, state);
            sweep(networkId, state, true, [...removed]);
            return;
          }
        }
      } catch (error) {
        // a locked database: the network's next change starts over
        builds.delete(networkId);
        deps.log.warn("could not index the network's activities", {
          networkId,
          error: String(error),
        });
        return;
      }
      setImmediate(step);
    };
    setImmediate(step);
    return build;
  }

  /**
   * Indexes a network this process has not indexed yet: a small one now, then `announce`; a big
   * one in slices, whose end announces its changes itself.
   */
  function buildFirst(networkId: string, announce: () => void): void {
    if (countNetworkActivities(deps.db, networkId) > BUILD_IN_ONE_TURN) {
      buildInSlices(networkId);
      return;
    }
    buildNow(networkId);
    announce();
  }

  return {
    onActivitiesChanged(workplan, before, after) {
      const building = builds.get(workplan.networkId);
      if (building) {
        // read (again) when the build gets there: it holds what this change wrote
        if (!building.queue.includes(workplan.id)) building.queue.push(workplan.id);
        return;
      }
      const existing = networks.get(workplan.networkId);
      if (!existing) {
        buildFirst(workplan.networkId, () =>
          deps.events.publish({
            type: "warnings-changed",
            networkId: workplan.networkId,
            data: { networkId: workplan.networkId, workplanIds: [workplan.id] },
          }),
        );
        return;
      }
      const state = existing;
      const labels = organisationLabels(deps, workplan.networkId);
      const previous = new Map(before.map((a) => [a.id, JSON.stringify(a)]));
      const changedKeys: string[] = [];
      const seen = new Set<string>();
      for (const activity of after) {
        seen.add(activity.id);
        if (previous.get(activity.id) === JSON.stringify(activity)) continue;
        const stored: StoredActivity = {
          ...activity,
          workplanId: workplan.id,
          networkId: workplan.networkId,
        };
        changedKeys.push(add(state, labels, stored));
      }
      for (const activity of before) {
        if (seen.has(activity.id)) continue;
        const key = keyOf({ workplanId: workplan.id, activityId: activity.id });
        state.activities.delete(key);
        state.index.remove(key);
        changedKeys.push(key);
      }
      if (changedKeys.length === 0) return;
      const now = deps.now();
      let changed = false;
      const workplanIds = new Set<string>([workplan.id]);
      // both sides of every warning on a changed activity, before and after: a warning that went
      // away changed the other activity's list too
      const touched = new Set<string>();
      const touch = (key: string) => {
        touched.add(key);
        for (const warning of listActivityWarnings(deps.db, refOf(key))) {
          touched.add(keyOf(warning.a));
          touched.add(keyOf(warning.b));
        }
      };
      const apply = deps.db.transaction(() => {
        for (const key of changedKeys) {
          touch(key);
          if (reconcile(workplan.networkId, state, key, now)) changed = true;
          touch(key);
        }
      });
      apply();
      if (changed) {
        const activities = [...touched].map(refOf);
        for (const activity of activities) workplanIds.add(activity.workplanId);
        deps.events.publish({
          type: "warnings-changed",
          networkId: workplan.networkId,
          data: { networkId: workplan.networkId, workplanIds: [...workplanIds], activities },
        });
      }
    },
    forgetNetwork(networkId) {
      networks.delete(networkId);
      builds.delete(networkId);
    },
    learnDecisions(networkId) {
      // a network being built learns every decision when its build ends
      if (builds.has(networkId)) return;
      const state = networks.get(networkId);
      if (!state) {
        // not indexed in this process yet (no activity changed since it started): index it now,
        // which learns every decision, rather than wait for the next edit to apply this one
        buildFirst(networkId, () => publishNetworkChange(networkId));
        return;
      }
      learn(networkId, state.index);
      sweep(networkId, state, true);
    },
  };
}

export type WarningStatusFilter = "open" | "dismissed" | "coordinate" | "decided";
export const WARNING_STATUS_FILTERS: readonly WarningStatusFilter[] = [
  "open",
  "dismissed",
  "coordinate",
  "decided",
];
export type WarningListFilters = {
  status?: WarningStatusFilter;
  organisation?: string;
  /** Only warnings on these activities (of the workplan listed); at most MAX_ACTIVITY_FILTER. */
  activityIds?: readonly string[];
};

/** How many activities one request may narrow a workplan's warnings to. */
export const MAX_ACTIVITY_FILTER = 100;
export type WarningCounts = { open: number; dismissed: number; coordinate: number };

const WARNING_CURSOR = ["number", "number", "string"] as const;

function statusesOf(status: WarningStatusFilter | undefined): WarningFilter["statuses"] {
  if (status === undefined) return undefined;
  return status === "decided" ? ["dismissed", "coordinate"] : [status];
}

function toView(
  warning: WarningListItem,
  labelOf: OrganisationLabels["labelOf"],
): WarningView | null {
  if (warning.status === "gone") return null;
  const side = (ref: ActivityRef, stored: WarningSide) => ({
    workplanId: ref.workplanId,
    workplanTitle: stored?.workplanTitle ?? "",
    activityId: ref.activityId,
    title: stored?.title ?? "",
    lead: stored?.lead ? labelOf(stored.lead) : null,
    leadId: stored?.lead ?? null,
  });
  return {
    id: warning.id,
    networkId: warning.networkId,
    score: Math.round(warning.score * 1000) / 1000,
    reasons: warning.reasons,
    status: warning.status,
    a: side(warning.a, warning.sideA),
    b: side(warning.b, warning.sideB),
    decidedBy: warning.decidedBy,
    decidedByName: warning.decidedByName,
    decidedAt: warning.decidedAt === null ? null : new Date(warning.decidedAt).toISOString(),
    createdAt: new Date(warning.createdAt).toISOString(),
    updatedAt: new Date(warning.updatedAt).toISOString(),
  };
}

/** One page of warnings as views: the page's activities and their leads' names only. */
function warningPage(
  deps: Deps,
  networkId: string,
  filter: WarningFilter,
  query: PageQuery,
): Page<WarningView> {
  const page = listWarningPage(deps.db, filter, pageRequest(query, WARNING_CURSOR));
  const leads = page.items.flatMap((w) => [w.sideA?.lead, w.sideB?.lead]);
  const labelOf = organisationLabelsOf(
    deps,
    networkId,
    leads.filter((lead): lead is string => typeof lead === "string"),
  );
  return mapPage(page, (items) =>
    items.flatMap((warning) => {
      const view = toView(warning, labelOf);
      return view ? [view] : [];
    }),
  );
}

function viewOfWarning(deps: Deps, warning: WarningRecord): WarningView | null {
  const page = warningPage(deps, warning.networkId, { id: warning.id }, { limit: 1, cursor: null });
  return page.items[0] ?? null;
}

/** The warnings on a workplan's activities, open first, a page at a time. */
export function listWarningsForWorkplan(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: PageQuery,
  filters: WarningListFilters = {},
): Page<WarningView> {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const { activityIds } = filters;
  if (activityIds && (activityIds.length > MAX_ACTIVITY_FILTER || activityIds.includes(""))) {
    throw new AppError(
      "bad_request",
      `activity takes 1 to ${MAX_ACTIVITY_FILTER} non-empty activity ids (got ${activityIds.length}); leave it out for every activity`,
    );
  }
  return warningPage(
    deps,
    workplan.networkId,
    {
      workplanId,
      ...(activityIds ? { activityIds } : {}),
      statuses: statusesOf(filters.status),
      organisationId: organisationFilter(deps, workplan.networkId, filters.organisation),
    },
    query,
  );
}

/** The network's warnings, open first, then the strongest, a page at a time. */
export function listWarningsForNetwork(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: PageQuery,
  filters: WarningListFilters = {},
): Page<WarningView> {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  return warningPage(
    deps,
    networkId,
    {
      networkId,
      statuses: statusesOf(filters.status),
      organisationId: organisationFilter(deps, networkId, filters.organisation),
    },
    query,
  );
}

/** How many of the network's warnings are open, not duplicates, coordinating (COUNT, no rows). */
export function countWarningsForNetwork(
  deps: Deps,
  caller: Caller,
  networkId: string,
  filters: { organisation?: string } = {},
): WarningCounts {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  return countWarnings(deps.db, {
    networkId,
    organisationId: organisationFilter(deps, networkId, filters.organisation),
  });
}

/** Open warnings on an organisation's activities in a network, for My work. */
export function openWarningsOfOrganisation(
  deps: Deps,
  networkId: string,
  organisationId: string,
  limit: number,
): { items: WarningView[]; count: number } {
  const filter: WarningFilter = { networkId, statuses: ["open"], organisationId };
  return {
    items: warningPage(deps, networkId, filter, { limit, cursor: null }).items,
    count: countWarnings(deps.db, filter).open,
  };
}

/** A coordinator's decision on a warning; every decision lands in the audit log. */
export function decideOnWarning(
  deps: Deps,
  caller: Caller,
  warningId: string,
  decision: WarningDecision,
): WarningView {
  const warning = findWarning(deps.db, warningId);
  if (!warning || warning.status === "gone")
    throw new AppError("not_found", msg("warning.notRaised", { warningId }));
  requireNetworkPermission(deps, caller, warning.networkId, "warning.decide");
  const a = findActivity(deps.db, warning.a);
  const b = findActivity(deps.db, warning.b);
  const now = deps.now();
  const status =
    decision === "not-duplicate" ? "dismissed" : decision === "coordinate" ? "coordinate" : "open";
  const apply = deps.db.transaction(() => {
    decideWarning(
      deps.db,
      warningId,
      {
        status,
        decidedBy: decision === "reopen" ? null : caller.user.id,
        basis: decision === "reopen" || !a || !b ? null : { a: materialOf(a), b: materialOf(b) },
      },
      now,
    );
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "warning.decide",
        networkId: warning.networkId,
        subject: warningId,
        detail: { decision, a: keyOf(warning.a), b: keyOf(warning.b), score: warning.score },
        ip: caller.ip,
      },
      now,
    );
  });
  apply.immediate();
  deps.warnings.learnDecisions(warning.networkId);
  deps.events.publish({
    type: "warnings-changed",
    networkId: warning.networkId,
    data: {
      networkId: warning.networkId,
      workplanIds: [...new Set([warning.a.workplanId, warning.b.workplanId])],
      activities: [warning.a, warning.b],
    },
  });
  const updated = findWarning(deps.db, warningId);
  const view = updated ? viewOfWarning(deps, updated) : null;
  if (!view) throw new AppError("not_found", msg("warning.notFound", { warningId }));
  return view;
}
