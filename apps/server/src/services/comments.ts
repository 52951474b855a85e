import { THREAD_FIELDS, type ThreadView } from "@junction/domain";
import { isEncodedRelativePosition } from "@junction/domain/doc";
import {
  type CommentRecord,
  findComment,
  findMembership,
  findThread,
  insertComment,
  insertThread,
  listThreadComments,
  listWorkplanComments,
  listWorkplanThreads,
  markCommentDeleted,
  setThreadResolved,
  type ThreadRecord,
  updateCommentBody,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";

export const DELETED_BODY = "(deleted)";

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function toThreadView(thread: ThreadRecord, comments: readonly CommentRecord[]): ThreadView {
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
      return {
        id: comment.id,
        threadId: comment.threadId,
        authorId: comment.authorId,
        authorName: comment.authorName,
        body: deleted ? DELETED_BODY : comment.body,
        mentions: deleted ? [] : comment.mentions,
        createdAt: iso(comment.createdAt),
        editedAt: comment.editedAt === null ? null : iso(comment.editedAt),
        deleted,
      };
    }),
  };
}

function viewOf(deps: Deps, threadId: string): ThreadView {
  const thread = findThread(deps.db, threadId);
  if (!thread) throw new AppError("not_found", `Thread ${threadId} not found`);
  return toThreadView(thread, listThreadComments(deps.db, threadId));
}

function requireThread(
  deps: Deps,
  caller: Caller,
  threadId: string,
  permission: "workplan.read" | "comment.create",
) {
  const thread = findThread(deps.db, threadId);
  if (!thread) {
    throw new AppError(
      "not_found",
      `Thread ${threadId} not found, or you are not a member of its network`,
    );
  }
  const { workplan } = requireWorkplanPermission(deps, caller, thread.workplanId, permission);
  return { thread, workplan };
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
      message: `${caller.user.name} mentioned you in a comment on ${workplan.title}`,
      subject: {
        workplanId: thread.workplanId,
        ...(thread.activityId ? { activityId: thread.activityId } : {}),
        threadId: thread.id,
      },
    });
  }
}

export function listThreads(deps: Deps, caller: Caller, workplanId: string): ThreadView[] {
  requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const byThread = new Map<string, CommentRecord[]>();
  for (const comment of listWorkplanComments(deps.db, workplanId)) {
    const list = byThread.get(comment.threadId) ?? [];
    list.push(comment);
    byThread.set(comment.threadId, list);
  }
  return listWorkplanThreads(deps.db, workplanId).map((thread) =>
    toThreadView(thread, byThread.get(thread.id) ?? []),
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
      message: `${caller.user.name} replied in a thread you took part in on ${workplan.title}`,
      subject: {
        workplanId: thread.workplanId,
        ...(thread.activityId ? { activityId: thread.activityId } : {}),
        threadId,
      },
    });
  }
  return viewOf(deps, threadId);
}

function requireOwnComment(deps: Deps, caller: Caller, commentId: string) {
  const comment = findComment(deps.db, commentId);
  if (!comment) {
    throw new AppError(
      "not_found",
      `Message ${commentId} not found, or you are not a member of its network`,
    );
  }
  const { thread, workplan } = requireThread(deps, caller, comment.threadId, "comment.create");
  if (comment.authorId !== caller.user.id) {
    throw new AppError("forbidden", "You can only edit or delete your own messages");
  }
  if (comment.deletedAt !== null) {
    throw new AppError("conflict", "This message was deleted; write a new one instead");
  }
  return { comment, thread, workplan };
}

export function editComment(
  deps: Deps,
  caller: Caller,
  commentId: string,
  input: { body: string; mentions: readonly string[] },
): ThreadView {
  const { comment, thread, workplan } = requireOwnComment(deps, caller, commentId);
  const mentions = keepMembers(deps, thread.networkId, input.mentions);
  updateCommentBody(deps.db, commentId, { body: input.body, mentions }, deps.now());
  announce(deps, thread);
  const added = mentions.filter((id) => !comment.mentions.includes(id));
  notifyMentions(deps, caller, thread, workplan, added);
  return viewOf(deps, thread.id);
}

export function deleteComment(deps: Deps, caller: Caller, commentId: string): void {
  const { thread } = requireOwnComment(deps, caller, commentId);
  markCommentDeleted(deps.db, commentId, deps.now());
  announce(deps, thread);
}

/** Resolve or reopen: coordinators, editors, and whoever started the thread. */
export function setThreadStatus(
  deps: Deps,
  caller: Caller,
  threadId: string,
  resolved: boolean,
): ThreadView {
  const { thread } = requireThread(deps, caller, threadId, "comment.create");
  if (thread.createdBy !== caller.user.id) {
    requireWorkplanPermission(deps, caller, thread.workplanId, "comment.resolve");
  }
  if ((thread.resolvedAt !== null) !== resolved) {
    setThreadResolved(deps.db, threadId, resolved ? caller.user.id : null, deps.now());
    announce(deps, thread);
  }
  return viewOf(deps, threadId);
}
