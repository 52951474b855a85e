import type { MyWork } from "@junction/domain";
import {
  findActivity,
  findMembership,
  findThread,
  findWorkplan,
  listAssignedTasks,
  listThreadComments,
  listThreadTasks,
  listUserMemberships,
  listUserOwnedActivities,
  listUserThreadIds,
} from "@junction/store";
import type { Deps } from "../deps";
import type { Caller } from "./caller";
import { toThreadView } from "./comments";
import { lifecycleWork } from "./lifecycle-work";
import { taskViewsFor, today } from "./tasks";
import { openWarningsOfOrganisation } from "./warnings";

/** Open warnings My work lists per network; it counts them all. */
export const MY_WORK_WARNINGS = 20;

type MyThread = MyWork["threads"][number];

function ownedActivities(deps: Deps, userId: string): MyWork["activities"] {
  return listUserOwnedActivities(deps.db, userId).flatMap((owned) => {
    const activity = findActivity(deps.db, owned);
    const workplan = findWorkplan(deps.db, owned.workplanId);
    // an activity deleted from its document leaves no work to show
    if (!activity || !workplan) return [];
    return [
      {
        networkId: workplan.networkId,
        workplanId: workplan.id,
        workplanTitle: workplan.title,
        activityId: activity.id,
        title: activity.title,
        status: activity.status,
      },
    ];
  });
}

/** Threads that mention the user, or wait for their answer (they took part, someone else spoke last). */
function threadsFor(deps: Deps, userId: string): MyThread[] {
  const threads: MyThread[] = [];
  const day = today(deps);
  for (const { threadId, mentioned, participated } of listUserThreadIds(deps.db, userId)) {
    const thread = findThread(deps.db, threadId);
    if (!thread || !findMembership(deps.db, thread.networkId, userId)) continue;
    const comments = listThreadComments(deps.db, threadId);
    const last = comments.filter((c) => c.deletedAt === null).at(-1);
    const awaiting =
      participated && thread.resolvedAt === null && last !== undefined && last.authorId !== userId;
    const reasons: MyThread["reasons"] = [];
    if (mentioned) reasons.push("mentioned");
    if (awaiting) reasons.push("awaiting-reply");
    if (reasons.length === 0) continue;
    threads.push({
      ...toThreadView(thread, comments, listThreadTasks(deps.db, threadId), day),
      workplanTitle: findWorkplan(deps.db, thread.workplanId)?.title ?? "",
      reasons,
    });
  }
  return threads.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
}

/** Everything waiting for the caller across their networks. */
export function getMyWork(deps: Deps, caller: Caller): MyWork {
  const userId = caller.user.id;
  const warnings: MyWork["warnings"] = [];
  const warningCounts: NonNullable<MyWork["warningCounts"]> = [];
  for (const membership of listUserMemberships(deps.db, userId)) {
    // counted and cut on the server: the rest is on the network's Warnings page (?organisation=)
    const mine = openWarningsOfOrganisation(
      deps,
      membership.networkId,
      membership.organisationId,
      MY_WORK_WARNINGS,
    );
    warnings.push(...mine.items);
    warningCounts.push({
      networkId: membership.networkId,
      organisationId: membership.organisationId,
      open: mine.count,
    });
  }
  return {
    warningCounts,
    activities: ownedActivities(deps, userId),
    tasks: taskViewsFor(deps, listAssignedTasks(deps.db, userId)),
    threads: threadsFor(deps, userId),
    warnings,
    ...lifecycleWork(deps, userId),
  };
}
