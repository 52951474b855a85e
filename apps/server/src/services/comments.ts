import {
  can,
  groupBy,
  THREAD_FIELDS,
  type ThreadTask,
  type ThreadView,
  threadTaskSchema,
} from "@junction/domain";
import { isEncodedRelativePosition } from "@junction/domain/doc";
import {
  appendAudit,
  type CommentRecord,
  findComment,
  findMembership,
  findThread,
  insertComment,
  insertThread,
  listThreadComments,
  listThreadsComments,
  listThreadTasks,
  listWorkplanThreadPage,
  listWorkplanThreadTasks,
  markCommentDeleted,
  setThreadResolved,
  type TaskRecord,
  type ThreadRecord,
  updateCommentBody,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplan } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";
import { today, toTaskView } from "./tasks";

export const DELETED_BODY = "(deleted)";
export const REMOVED_BODY = "(removed by a coordinator)";

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function toThreadTask(task: TaskRecord, day: string): ThreadTask {
  // the schema picks the thread's fields out of the task's view
  return threadTaskSchema.parse({ ...toTaskView(task, day), createdByName: task.createdByName });
}

/** A thread as everyone who may read it sees it: its messages and the tasks made from it. */
export function toThreadView(
  thread: ThreadRecord,
  comments: readonly CommentRecord[],
  tasks: readonly TaskRecord[],
  day: string,
): ThreadView {
  const anchor = thread.anchor;
  const field = anchor?.kind === "field" ? THREAD_FIELDS.find((f) => f === anchor.field) : null;
  const last = comments.reduce((latest, c) => Math.max(latest, c.createdAt), thread.createdAt);
  return {
    id: thread.id,
    networkId: thread.networkId,
    workplanId: thread.workplanId,
    activityId: thread.activityId,
    anchor: anchor?.kind === "range" ? { start: anchor.start, end: anchor.end } : null,
    field: field ?? null,
    quote: thread.quote,
    status: thread.resolvedAt === null ? "open" : "resolved",
    resolvedAt: thread.resolvedAt === null ? null : iso(thread.resolvedAt),
    resolvedBy: thread.resolvedBy,
    createdBy: thread.createdBy,
    createdAt: iso(thread.createdAt),
    lastActivityAt: iso(last),
    comments: comments.map((comment) => {
      const deleted = comment.deletedAt !== null;
      // a message deleted by anyone but its author was removed by a coordinator
      const removed =
        deleted && comment.deletedBy !== null && comment.deletedBy !== comment.authorId;
      return {
        id: comment.id,
        threadId: comment.threadId,
        authorId: comment.authorId,
        authorName: comment.authorName,
        body: removed ? REMOVED_BODY : deleted ? DELETED_BODY : comment.body,
        mentions: deleted ? [] : comment.mentions,
        createdAt: iso(comment.createdAt),
        editedAt: comment.editedAt === null ? null : iso(comment.editedAt),
        deleted,
        deletedBy: removed ? "coordinator" : deleted ? "author" : null,
      };
    }),
    tasks: tasks.map((task) => toThreadTask(task, day)),
  };
}

/** One thread's view from the store: its messages and its tasks. */
function threadViewOf(deps: Deps, thread: ThreadRecord): ThreadView {
  return toThreadView(
    thread,
    listThreadComments(deps.db, thread.id),
    listThreadTasks(deps.db, thread.id),
    today(deps),
  );
}

function viewOf(deps: Deps, threadId: string): ThreadView {
  const thread = findThread(deps.db, threadId);
  if (!thread) throw new AppError("not_found", msg("comment.threadNotFound", { threadId }));
  return threadViewOf(deps, thread);
}

/**
 * Adopted workplans are frozen and archived ones put away: their threads stay readable, but
 * nobody starts, answers, edits, resolves or reopens one.
 */
function requireOpenForComments(workplan: WorkplanRecord): void {
  requireWritableWorkplan(workplan, msg("access.frozen.comments"));
}

function requireThread(
  deps: Deps,
  caller: Caller,
  threadId: string,
  permission: "workplan.read" | "comment.create",
) {
  const thread = findThread(deps.db, threadId);
  if (!thread) {
    throw new AppError("not_found", msg("comment.threadNotFoundForYou", { threadId }));
  }
  const { workplan, membership } = requireWorkplanPermission(
    deps,
    caller,
    thread.workplanId,
    permission,
  );
  return { thread, workplan, membership };
}

/** Only members of the network can be mentioned; anything else the client sent is dropped. */
function keepMembers(deps: Deps, networkId: string, userIds: readonly string[]): string[] {
  return [...new Set(userIds)].filter((id) => findMembership(deps.db, networkId, id) !== null);
}

function announce(deps: Deps, thread: Pick<ThreadRecord, "id" | "networkId" | "workplanId">): void {
  deps.events.publish({
    type: "comments-changed",
    networkId: thread.networkId,
    data: { networkId: thread.networkId, workplanId: thread.workplanId, threadId: thread.id },
  });
}

function notifyMentions(
  deps: Deps,
  caller: Caller,
  thread: ThreadRecord,
  workplan: WorkplanRecord,
  userIds: readonly string[],
): void {
  for (const userId of userIds) {
    notify(deps, {
      userId,
      networkId: thread.networkId,
      kind: "mention",
      actorId: caller.user.id,
      message: msg("notification.mention", { actor: caller.user.name, workplan: workplan.title }),
      subject: {
        workplanId: thread.workplanId,
        ...(thread.activityId ? { activityId: thread.activityId } : {}),
        threadId: thread.id,
      },
    });
  }
}

const THREAD_CURSOR = ["number", "string"] as const;

/** A page of the workplan's threads, oldest first, each with its messages and tasks. */
export function listThreads(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: PageQuery,
  filters: { resolved?: boolean; activity?: string } = {},
): Page<ThreadView> {
  requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const page = listWorkplanThreadPage(
    deps.db,
    workplanId,
    { resolved: filters.resolved, activityId: filters.activity },
    pageRequest(query, THREAD_CURSOR),
  );
  const ids = page.items.map((thread) => thread.id);
  const byThread = groupBy(listThreadsComments(deps.db, ids), (c) => c.threadId);
  const shown = new Set(ids);
  const tasksByThread = groupBy(
    listWorkplanThreadTasks(deps.db, workplanId).filter(
      (task) => task.fromThreadId !== null && shown.has(task.fromThreadId),
    ),
    (task) => task.fromThreadId,
  );
  const day = today(deps);
  return mapPage(page, (threads) =>
    threads.map((thread) =>
      toThreadView(thread, byThread.get(thread.id) ?? [], tasksByThread.get(thread.id) ?? [], day),
    ),
  );
}

export function getThread(deps: Deps, caller: Caller, threadId: string): ThreadView {
  requireThread(deps, caller, threadId, "workplan.read");
  return viewOf(deps, threadId);
}

/** A new thread on a range of text or on an activity, with its first message. */
export function startThread(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  input: {
    activityId?: string;
    anchor?: { start: string; end: string };
    quote: string;
    body: string;
    mentions: readonly string[];
  },
): ThreadView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "comment.create");
  requireOpenForComments(workplan);
  if (
    input.anchor &&
    !(isEncodedRelativePosition(input.anchor.start) && isEncodedRelativePosition(input.anchor.end))
  ) {
    throw new AppError(
      "validation_failed",
      "anchor: both ends must be base64 of Y.encodeRelativePosition",
    );
  }
  const mentions = keepMembers(deps, workplan.networkId, input.mentions);
  const now = deps.now();
  const create = deps.db.transaction(() => {
    const thread = insertThread(
      deps.db,
      {
        workplanId,
        activityId: input.activityId ?? null,
        anchor: input.anchor ? { kind: "range", ...input.anchor } : null,
        quote: input.quote,
        createdBy: caller.user.id,
      },
      now,
    );
    insertComment(
      deps.db,
      { threadId: thread.id, authorId: caller.user.id, body: input.body, mentions },
      now,
    );
    return thread;
  });
  const thread = create.immediate();
  announce(deps, thread);
  notifyMentions(deps, caller, thread, workplan, mentions);
  return viewOf(deps, thread.id);
}

export function replyToThread(
  deps: Deps,
  caller: Caller,
  threadId: string,
  input: { body: string; mentions: readonly string[] },
): ThreadView {
  const { thread, workplan } = requireThread(deps, caller, threadId, "comment.create");
  requireOpenForComments(workplan);
  const mentions = keepMembers(deps, thread.networkId, input.mentions);
  const earlier = listThreadComments(deps.db, threadId);
  insertComment(
    deps.db,
    { threadId, authorId: caller.user.id, body: input.body, mentions },
    deps.now(),
  );
  announce(deps, thread);
  notifyMentions(deps, caller, thread, workplan, mentions);
  const participants = new Set([thread.createdBy, ...earlier.map((c) => c.authorId)]);
  for (const userId of participants) {
    if (mentions.includes(userId)) continue;
    if (!findMembership(deps.db, thread.networkId, userId)) continue;
    notify(deps, {
      userId,
      networkId: thread.networkId,
      kind: "reply",
      actorId: caller.user.id,
      message: msg("notification.reply", { actor: caller.user.name, workplan: workplan.title }),
      subject: {
        workplanId: thread.workplanId,
        ...(thread.activityId ? { activityId: thread.activityId } : {}),
        threadId,
      },
    });
  }
  return viewOf(deps, threadId);
}

function requireComment(deps: Deps, caller: Caller, commentId: string) {
  const comment = findComment(deps.db, commentId);
  if (!comment) {
    throw new AppError("not_found", msg("comment.messageNotFound", { commentId }));
  }
  return { comment, ...requireThread(deps, caller, comment.threadId, "comment.create") };
}

function refuseDeleted(comment: CommentRecord): void {
  if (comment.deletedAt !== null) {
    throw new AppError("conflict", msg("comment.deleted"));
  }
}

/** Only its author edits a message, and only while the workplan takes comments. */
export function editComment(
  deps: Deps,
  caller: Caller,
  commentId: string,
  input: { body: string; mentions: readonly string[] },
): ThreadView {
  const { comment, thread, workplan } = requireComment(deps, caller, commentId);
  if (comment.authorId !== caller.user.id) {
    throw new AppError("forbidden", msg("comment.onlyOwnEdit"));
  }
  refuseDeleted(comment);
  requireOpenForComments(workplan);
  const mentions = keepMembers(deps, thread.networkId, input.mentions);
  updateCommentBody(deps.db, commentId, { body: input.body, mentions }, deps.now());
  announce(deps, thread);
  const added = mentions.filter((id) => !comment.mentions.includes(id));
  notifyMentions(deps, caller, thread, workplan, added);
  return viewOf(deps, thread.id);
}

/**
 * Authors delete their own messages; coordinators may remove anyone's (moderation, recorded in
 * the audit log). Allowed on adopted and archived workplans too: what must go must be able to.
 */
export function deleteComment(deps: Deps, caller: Caller, commentId: string): void {
  const { comment, thread, workplan, membership } = requireComment(deps, caller, commentId);
  const own = comment.authorId === caller.user.id;
  if (!own && !can(membership.role, "comment.moderate")) {
    throw new AppError("forbidden", msg("comment.onlyOwnDelete"));
  }
  refuseDeleted(comment);
  const now = deps.now();
  const remove = deps.db.transaction(() => {
    markCommentDeleted(deps.db, commentId, caller.user.id, now);
    if (own) return;
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "comment.moderate",
        networkId: thread.networkId,
        subject: commentId,
        detail: {
          workplanId: thread.workplanId,
          threadId: thread.id,
          authorId: comment.authorId,
        },
        ip: caller.ip,
      },
      now,
    );
  });
  remove.immediate();
  announce(deps, thread);
  if (!own) {
    notify(deps, {
      userId: comment.authorId,
      networkId: thread.networkId,
      kind: "comment-removed",
      actorId: caller.user.id,
      message: msg("notification.commentRemoved", {
        actor: caller.user.name,
        workplan: workplan.title,
      }),
      subject: { workplanId: thread.workplanId, threadId: thread.id },
    });
  }
}

/** Resolve or reopen: coordinators, editors, and whoever started the thread. */
export function setThreadStatus(
  deps: Deps,
  caller: Caller,
  threadId: string,
  resolved: boolean,
): ThreadView {
  const { thread, workplan } = requireThread(deps, caller, threadId, "comment.create");
  if (thread.createdBy !== caller.user.id) {
    requireWorkplanPermission(deps, caller, thread.workplanId, "comment.resolve");
  }
  requireOpenForComments(workplan);
  if ((thread.resolvedAt !== null) !== resolved) {
    setThreadResolved(deps.db, threadId, resolved ? caller.user.id : null, deps.now());
    announce(deps, thread);
  }
  return viewOf(deps, threadId);
}
