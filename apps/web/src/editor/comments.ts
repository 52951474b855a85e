import {
  type CommentView,
  type ThreadTask,
  type ThreadView,
  type WorkplanView,
  workplanFreeze,
} from "@junction/domain";
import {
  ACTIVITY_DESCRIPTION_NODE,
  ACTIVITY_NODE,
  ACTIVITY_TITLE_NODE,
  encodeAnchor,
  resolveAnchor,
  type TextAnchor,
} from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import { useCallback, useEffect, useState } from "react";
import * as Y from "yjs";
import { api } from "../api/client";
import { useServerEvent } from "../app/session";

/** What a new thread points at: a range of text (with its quote) and/or a whole activity. */
export type CommentTarget = {
  anchor: TextAnchor | null;
  activityId: string | null;
  /** Shown above the comment box: the quoted text, or the activity's title. */
  label: string;
};

export type Range = { from: number; to: number };

// the ProseMirror <-> Yjs mapping y-tiptap keeps; its plugin state is untyped upstream
export type SyncState = {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
};

/** y-tiptap's Yjs document and mapping behind the editor; null before it is bound. */
export function syncStateOf(state: EditorState): SyncState | null {
  const value: unknown = ySyncPluginKey.getState(state);
  if (typeof value !== "object" || value === null) return null;
  const sync = value as Partial<SyncState>;
  return sync.doc && sync.type && sync.binding ? (sync as SyncState) : null;
}

/** The Y.Text and index at a ProseMirror position; null outside text. */
export function textIndexAt(sync: SyncState, pos: number): { type: Y.Text; index: number } | null {
  const relative = absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping);
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, sync.doc);
  if (!absolute || !(absolute.type instanceof Y.Text)) return null;
  return { type: absolute.type, index: absolute.index };
}

/** The activity block around a position, if any. */
export function activityAround(doc: PmNode, pos: number): PmNode | null {
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === ACTIVITY_NODE) return node;
  }
  return null;
}

/** The current selection as a comment target; null when nothing is selected. */
export function selectionTarget(state: EditorState): CommentTarget | null {
  const { from, to, empty } = state.selection;
  if (empty) return null;
  const sync = syncStateOf(state);
  if (!sync) return null;
  const start = textIndexAt(sync, from);
  if (!start) return null;
  const end = textIndexAt(sync, to);
  // an anchor lives in one paragraph: a selection running on is cut at the first one's end
  const endIndex = end && end.type === start.type ? end.index : start.type.length;
  if (endIndex <= start.index) return null;
  const anchor = encodeAnchor(start.type, start.index, endIndex);
  const activity = activityAround(state.doc, from);
  const id: unknown = activity?.attrs.id;
  return {
    anchor,
    activityId: typeof id === "string" && id !== "" ? id : null,
    label: anchor.quote,
  };
}

export function findActivity(
  doc: PmNode,
  activityId: string,
): { node: PmNode; pos: number } | null {
  let found: { node: PmNode; pos: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === ACTIVITY_NODE) {
      if (node.attrs.id === activityId) found = { node, pos };
      return false;
    }
    return true;
  });
  return found;
}

// seeded and imported threads name a field of an activity and a quote, without positions
function findQuoteInField(doc: PmNode, thread: ThreadView): Range | null {
  if (!thread.activityId || !thread.field || thread.quote.trim() === "") return null;
  const activity = findActivity(doc, thread.activityId);
  if (!activity) return null;
  const fieldName = thread.field === "title" ? ACTIVITY_TITLE_NODE : ACTIVITY_DESCRIPTION_NODE;
  let range: Range | null = null;
  activity.node.forEach((field, offset) => {
    if (range || field.type.name !== fieldName) return;
    let text = "";
    const positions: number[] = [];
    field.descendants((node, pos) => {
      if (!node.isText || !node.text) return true;
      const base = activity.pos + 1 + offset + 1 + pos;
      for (let i = 0; i < node.text.length; i++) positions.push(base + i);
      text += node.text;
      return false;
    });
    const at = text.indexOf(thread.quote);
    const first = positions[at];
    const last = positions[at + thread.quote.length - 1];
    if (at >= 0 && first !== undefined && last !== undefined) range = { from: first, to: last + 1 };
  });
  return range;
}

/** The ProseMirror position of an index in a Y.Text; null when it is not in the document. */
export function toAbsolute(sync: SyncState, type: Y.Text, index: number): number | null {
  return relativePositionToAbsolutePosition(
    sync.doc,
    sync.type,
    Y.createRelativePositionFromTypeIndex(type, index),
    sync.binding.mapping,
  );
}

/** Where a thread's text is in the document now; null for a thread on a whole activity or a detached one. */
export function threadRange(state: EditorState, thread: ThreadView): Range | null {
  if (!thread.anchor) return findQuoteInField(state.doc, thread);
  const sync = syncStateOf(state);
  if (!sync) return null;
  const resolved = resolveAnchor(sync.doc, { ...thread.anchor, quote: thread.quote });
  if (resolved.status === "detached") return null;
  const from = toAbsolute(sync, resolved.type, resolved.from);
  const to = toAbsolute(sync, resolved.type, resolved.to);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to };
}

/** The activity a thread is about: the one it names, else the one around its text. */
export function threadActivityId(state: EditorState, thread: ThreadView): string | null {
  if (thread.activityId) return thread.activityId;
  const range = threadRange(state, thread);
  const id: unknown = range ? activityAround(state.doc, range.from)?.attrs.id : null;
  return typeof id === "string" && id !== "" ? id : null;
}

/** Whether a thread's text is gone from the document (it then shows as detached, with its quote). */
export function isDetached(state: EditorState, thread: ThreadView): boolean {
  if (thread.anchor) return threadRange(state, thread) === null;
  if (thread.field && thread.quote.trim() !== "")
    return findQuoteInField(state.doc, thread) === null;
  return thread.activityId !== null && findActivity(state.doc, thread.activityId) === null;
}

type HighlightState = { threads: readonly ThreadView[]; activeId: string | null };
type HighlightMeta = Partial<HighlightState>;

type HighlightPluginState = { decorations: DecorationSet } & HighlightState;

const commentHighlightsKey = new PluginKey<HighlightPluginState>("commentHighlights");

function decorate(state: EditorState, highlight: HighlightState): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of highlight.threads) {
    if (thread.status !== "open") continue;
    const range = threadRange(state, thread);
    if (!range) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class:
          thread.id === highlight.activeId
            ? "comment-highlight comment-highlight-active"
            : "comment-highlight",
        "data-thread-id": thread.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** A transaction telling the highlight plugin the threads, or which one the panel shows. */
export function highlightMetaTransaction(state: EditorState, meta: HighlightMeta) {
  return state.tr.setMeta(commentHighlightsKey, meta).setMeta("addToHistory", false);
}

/** Highlights each open thread's text; a click on a highlight calls `onOpen` with its thread. */
export const CommentHighlights = Extension.create<{ onOpen: (threadId: string) => void }>({
  name: "commentHighlights",
  addOptions: () => ({ onOpen: () => {} }),
  addProseMirrorPlugins() {
    const { onOpen } = this.options;
    return [
      new Plugin({
        key: commentHighlightsKey,
        state: {
          init: (): HighlightPluginState => ({
            decorations: DecorationSet.empty,
            threads: [],
            activeId: null,
          }),
          apply: (tr, value, _old, state): HighlightPluginState => {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (meta || sync?.isChangeOrigin) {
              const next = { ...value, ...meta };
              return { ...next, decorations: decorate(state, next) };
            }
            // a local edit reaches Yjs only after this transaction: map what we have meanwhile
            if (tr.docChanged)
              return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (_view, _pos, event) => {
            const target = event.target instanceof Element ? event.target : null;
            const id = target?.closest("[data-thread-id]")?.getAttribute("data-thread-id");
            if (!id) return false;
            onOpen(id);
            return false;
          },
        },
      }),
    ];
  },
});

function byRecency(a: ThreadView, b: ThreadView): number {
  return b.lastActivityAt.localeCompare(a.lastActivityAt);
}

/** The workplan's threads, refetched whenever the server says they changed, and after a reconnect. */
export function useWorkplanThreads(workplanId: string): {
  threads: readonly ThreadView[];
  error: unknown;
  reload: () => void;
} {
  const [threads, setThreads] = useState<readonly ThreadView[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useEffect(() => {
    void version;
    let live = true;
    api.threads(workplanId).then(
      (list) => {
        if (!live) return;
        setThreads([...list].sort(byRecency));
        setError(null);
      },
      (cause: unknown) => {
        if (live) setError(cause);
      },
    );
    return () => {
      live = false;
    };
  }, [workplanId, version]);
  useServerEvent("comments-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  // the event stream came back: a message or a task may have come meanwhile
  useServerEvent("reconnected", () => reload());
  return { threads, error, reload };
}

const TASK_TITLE_LENGTH = 80;

/** A task's title from a thread: its first message on one line, cut at a word near 80 characters. */
export function taskTitleFromThread(thread: Pick<ThreadView, "comments" | "quote">): string {
  const text = (thread.comments[0]?.body || thread.quote).replace(/\s+/g, " ").trim();
  if (text.length <= TASK_TITLE_LENGTH) return text;
  const cut = text.slice(0, TASK_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > TASK_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Why nobody may add to, edit, resolve or reopen a workplan's comments; null while they may. */
export function commentsClosedNotice(
  workplan: Pick<WorkplanView, "stage" | "archived">,
): string | null {
  switch (workplanFreeze(workplan)) {
    case "archived":
      return "This workplan is archived: its comments can be read, but no one can add, edit, resolve or reopen them.";
    case "adopted":
      return "This workplan is adopted and frozen: its comments can be read, but no one can add, edit, resolve or reopen them.";
    case null:
      return null;
  }
}

/** A task on a thread as one line: "Task created by Tamar for Eka, due 10 Feb 2026". */
export function describeThreadTask(
  task: Pick<ThreadTask, "createdByName" | "assigneeName" | "due">,
  formatDay: (day: string) => string,
): string {
  const by = task.createdByName || "a coordinator";
  const due = task.due ? `, due ${formatDay(task.due)}` : "";
  return `Task created by ${by} for ${task.assigneeName ?? "nobody yet"}${due}`;
}

/** Where a thread's task is listed: its network's tasks page, at its row. */
export function threadTaskPath(networkId: string, taskId: string): string {
  return `/networks/${encodeURIComponent(networkId)}/tasks#task-${encodeURIComponent(taskId)}`;
}

/** What a message shows once deleted: its author deleted it, or a coordinator removed it. */
export function deletedMessageLabel(comment: Pick<CommentView, "deletedBy">): string {
  return comment.deletedBy === "coordinator"
    ? "Message removed by a coordinator"
    : "Message deleted";
}
