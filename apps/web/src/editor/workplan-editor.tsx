import {
  type Activity,
  CURRENCIES,
  colorForUser,
  type MemberView,
  type OrganisationView,
  type OwnerView,
  type Role,
  TARGET_GROUPS,
  type ThreadView,
  type WarningView,
} from "@junction/domain";
import { NARRATIVE_FIELD, readActivities } from "@junction/domain/doc";
import { type Editor, Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import {
  memo,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import * as Y from "yjs";
import { api } from "../api/client";
import { useLocation } from "../app/router";
import { type ActivityRef, TaskDialog } from "../features/tasks";
import { FUNDING_SOURCES } from "./activity-fields";
import { ActivityIds } from "./activity-ids";
import { ActivityDescription, ActivityNode, ActivityTitle } from "./activity-nodes";
import {
  CommentHighlights,
  type CommentTarget,
  highlightMetaTransaction,
  isDetached,
  selectionTarget,
  taskTitleFromThread,
  threadActivityId,
  threadRange,
  useWorkplanThreads,
} from "./comments";
import { CommentsPanel } from "./comments-panel";
import { ConnectionStatus } from "./connection-status";
import {
  type ActivityActions,
  createActivityLive,
  EditorContext,
  type EditorContextValue,
} from "./editor-context";
import { Placeholders } from "./placeholders";
import { initials, type PresentUser, textColorOn, usePresence } from "./presence";
import { canChangeDocument, ReadOnlyDocument, setReadOnly } from "./read-only";
import { ActivitiesPanel, PresenceList } from "./side-panel";
import { SlashCommand } from "./slash-command";
import { SlashMenu } from "./slash-menu";
import {
  isDocumentReady,
  type SyncSession,
  useConnection,
  useServerSynced,
  useWorkplanSync,
} from "./sync";
import { CommentButton, Toolbar } from "./toolbar";
import "./editor.css";

export type EditorUser = { id: string; name: string; organisation: string };

/** What the person may do here, decided by the page from their role and the workplan's stage. */
export type EditorPermissions = {
  canEdit: boolean;
  /** Shown instead of the toolbar when the person may not change the text. */
  readOnlyNotice: ReactNode;
  /** Whether the person coordinates the network: decides warnings, sets owners, makes tasks. */
  canDecide: boolean;
  canComment: boolean;
  /** Editors and coordinators resolve any thread; others only their own. */
  canModerate: boolean;
  /** Coordinators remove other people's messages. */
  canRemoveComments: boolean;
  /** Why the workplan takes no new comments (adopted, archived); null while it does. */
  commentsClosed: string | null;
  /** The person's place in the network, for rules that depend on their organisation. */
  member: { readonly role: Role; readonly organisationId: string } | null;
};

type Props = {
  workplan: { id: string; title: string; networkId: string };
  user: EditorUser;
  permissions: EditorPermissions;
  organisations: readonly OrganisationView[];
  /** Places and target groups used elsewhere in the network, for suggestions. */
  networkSuggestions: { locations: readonly string[]; targetGroups: readonly string[] };
  /** Duplication warnings by activity id (`useWorkplanWarnings`). */
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  /** Owners by activity id (`useWorkplanOwners`); `onOwnersChanged` reloads them. */
  owners: ReadonlyMap<string, readonly OwnerView[]>;
  onOwnersChanged: () => void;
  header: ReactNode;
  /** Shown under the header, above the toolbar: the workplan's stage. */
  banner?: ReactNode;
  /** More tabs for the side panel (validation, history), after people and comments. */
  panelTabs?: readonly EditorPanelTab[];
  /** Opens a panel tab; a new `seq` opens it again. */
  panelRequest?: { tab: string; seq: number } | null;
};

/** A side panel tab another feature provides; `render` may jump to an activity in the document. */
export type EditorPanelTab = {
  id: string;
  label: string;
  render: (helpers: { jumpTo: (activityId: string) => boolean }) => ReactNode;
};

const ACTIVITY_HASH = /^#activity-(.+)$/;

function activityIdFromHash(hash: string): string | null {
  const match = ACTIVITY_HASH.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A deep link's activity (`#activity-A14`), once it is in the document and on screen. */
function useJumpToLinkedActivity(
  activities: readonly Activity[],
  jumpTo: (activityId: string) => boolean,
): void {
  const { hash } = useLocation();
  const handled = useRef<string | null>(null);
  const target = activityIdFromHash(hash);
  const present = target !== null && activities.some((a) => a.id === target);
  useEffect(() => {
    if (target === null) handled.current = null;
    if (target === null || !present || handled.current === hash) return;
    let frame = 0;
    let attempts = 0;
    // node views mount in portals a frame or two after the document has the block
    const attempt = () => {
      if (jumpTo(target)) handled.current = hash;
      else if (++attempts < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [hash, target, present, jumpTo]);
}

const THREAD_HASH = /^#thread-(.+)$/;

/** A deep link's thread (`#thread-…`, how a task leads back to it) opens in the panel. */
function useOpenLinkedThread(open: (threadId: string) => void): void {
  const { hash } = useLocation();
  useEffect(() => {
    const match = THREAD_HASH.exec(hash);
    if (!match?.[1]) return;
    try {
      open(decodeURIComponent(match[1]));
    } catch {
      // a malformed link opens nothing
    }
  }, [hash, open]);
}

/** The collaborative workplan editor: narrative and activity blocks, presence, panel, connection. */
export function WorkplanEditor(props: Props) {
  const session = useWorkplanSync(props.workplan.id, props.user.id);
  const connection = useConnection(session, props.workplan.id);
  const synced = useServerSynced(session?.provider ?? null);
  const users = usePresence(session?.provider.awareness ?? null);
  const ready = isDocumentReady(session, connection, synced);
  const refused = connection === "refused";
  const permissions = useMemo(
    () =>
      refused
        ? {
            ...props.permissions,
            canEdit: false,
            readOnlyNotice:
              "You no longer have access to this workplan; what you see may be out of date.",
          }
        : props.permissions,
    [refused, props.permissions],
  );
  const status = <ConnectionStatus state={connection} canEdit={permissions.canEdit} />;

  return (
    <div className="workplan-editor">
      <header className="editor-header">
        <div className="editor-header-main">{props.header}</div>
        <div className="editor-header-aside">
          <AvatarStack users={users} />
        </div>
      </header>
      {props.banner}
      {session && ready ? (
        <EditorBody
          {...props}
          permissions={permissions}
          session={session}
          users={users}
          status={status}
        />
      ) : (
        <>
          <div className="editor-bar">
            <div className="editor-readonly-bar">{status}</div>
          </div>
          <div className="editor-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {session
              ? "Loading the workplan from the server… It opens for editing once it has arrived."
              : "Opening the document…"}
          </div>
        </>
      )}
    </div>
  );
}

function AvatarStack({ users }: { users: readonly PresentUser[] }) {
  const shown = users.slice(0, 5);
  if (users.length === 0) return null;
  return (
    <ul className="avatar-stack" aria-label={`${users.length} here now`}>
      {shown.map((user) => (
        <li
          key={user.id}
          className="avatar-stack-item"
          style={{ backgroundColor: user.color, color: textColorOn(user.color) }}
          title={`${user.name}${user.organisation ? ` · ${user.organisation}` : ""}${user.isSelf ? " (you)" : ""}`}
        >
          <span aria-hidden="true">{initials(user.name)}</span>
          <span className="visually-hidden">
            {user.name}
            {user.isSelf ? " (you)" : ""}
          </span>
        </li>
      ))}
      {users.length > shown.length ? (
        <li className="avatar-stack-item avatar-stack-more">+{users.length - shown.length}</li>
      ) : null}
    </ul>
  );
}

/** Activities keep their identity while unchanged, so list rows can skip re-rendering. */
function reuseUnchanged(previous: readonly Activity[], next: Activity[]): Activity[] {
  const byId = new Map(previous.map((activity) => [activity.id, activity]));
  let same = previous.length === next.length;
  const result = next.map((activity, index) => {
    const old = byId.get(activity.id);
    const kept = old && JSON.stringify(old) === JSON.stringify(activity) ? old : activity;
    if (kept !== previous[index]) same = false;
    return kept;
  });
  return same ? (previous as Activity[]) : result;
}

function useActivities(ydoc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readActivities(ydoc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer !== null) return;
      // typing produces an update per key: read the document at most a few times a second
      timer = setTimeout(() => {
        timer = null;
        setActivities((previous) => reuseUnchanged(previous, readActivities(ydoc)));
      }, 300);
    };
    setActivities((previous) => reuseUnchanged(previous, readActivities(ydoc)));
    ydoc.on("update", refresh);
    return () => {
      ydoc.off("update", refresh);
      if (timer !== null) clearTimeout(timer);
    };
  }, [ydoc]);
  return activities;
}

function uniqueSorted(values: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== "" && !byKey.has(trimmed.toLowerCase()))
      byKey.set(trimmed.toLowerCase(), trimmed);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** Stable identity while the contents are equal, so what shows them does not re-render. */
function useStableList(values: string[]): string[] {
  const ref = useRef(values);
  if (ref.current.join("\u0000") !== values.join("\u0000")) ref.current = values;
  return ref.current;
}

/** The latest value of a callback behind a function that never changes identity. */
function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const ref = useRef(callback);
  ref.current = callback;
  return useCallback((...args: A) => ref.current(...args), []);
}

function caretElement(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "#5d6571";
  const name = typeof user.name === "string" ? user.name : "Someone";
  const organisation = typeof user.organisation === "string" ? user.organisation : "";
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.style.color = textColorOn(color);
  label.textContent = organisation ? `${name} · ${organisation}` : name;
  caret.append(label);
  return caret;
}

function useMembers(networkId: string): readonly MemberView[] {
  const [members, setMembers] = useState<readonly MemberView[]>([]);
  useEffect(() => {
    let live = true;
    // suggestions for @mentions only: without them a comment is still sent
    api.members(networkId).then(
      (list) => {
        if (live) setMembers(list);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [networkId]);
  return members;
}

type PanelTab = string;

type Removed = { title: string; undoDepth: number };

const NO_TABS: readonly EditorPanelTab[] = [];

function EditorBody({
  session,
  users,
  status,
  user,
  permissions,
  organisations,
  networkSuggestions,
  workplan,
  warnings,
  owners,
  onOwnersChanged,
  panelTabs = NO_TABS,
  panelRequest,
}: Props & { session: SyncSession; users: PresentUser[]; status: ReactNode }) {
  const { canEdit, canDecide, canComment, member } = permissions;
  const { networkId } = workplan;
  const workplanId = workplan.id;
  const [linkRequest, setLinkRequest] = useState(0);
  // narrow windows only: the panel folds away above the document
  const [panelOpen, setPanelOpen] = useState(false);
  const [tab, setTab] = useState<PanelTab>("overview");
  const [draft, setDraft] = useState<CommentTarget | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [taskFrom, setTaskFrom] = useState<ThreadView | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [live] = useState(createActivityLive);
  const activities = useActivities(session.ydoc);
  const comments = useWorkplanThreads(workplanId);
  const members = useMembers(networkId);
  const tabIds = { overview: useId(), comments: useId() };
  const locationsId = useId();
  const targetGroupsId = useId();
  const currenciesId = useId();
  const sourcesId = useId();
  const listIds = useMemo(
    () => ({
      locations: locationsId,
      targetGroups: targetGroupsId,
      currencies: currenciesId,
      sources: sourcesId,
    }),
    [locationsId, targetGroupsId, currenciesId, sourcesId],
  );
  const openThread = useStableCallback((threadId: string) => {
    setTab("comments");
    setPanelOpen(true);
    setActiveThread(threadId);
  });

  const editor = useEditor(
    {
      // readers too: they place a caret and select; ReadOnlyDocument keeps the text unchanged
      editable: true,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: "editor-document",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Workplan document",
          spellcheck: "true",
        },
      },
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          // a trailing paragraph added by every client at once would pile up as empty lines
          trailingNode: false,
          heading: { levels: [1, 2, 3] },
          code: false,
          codeBlock: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
        }),
        TableKit.configure({ table: { resizable: false } }),
        Collaboration.configure({ document: session.ydoc, field: NARRATIVE_FIELD }),
        CollaborationCaret.configure({
          provider: session.provider,
          // the server stamps the authenticated identity and the same colour over this, so you
          // see yourself as others see you
          user: { ...user, color: colorForUser(user.id) },
          render: caretElement,
        }),
        // the person who inserts an activity fills it in: its card opens with its form
        ActivityNode.configure({ onInsert: (id) => live.expanded.set(id, true) }),
        ActivityTitle,
        ActivityDescription,
        ActivityIds,
        CommentHighlights.configure({ onOpen: openThread }),
        SlashCommand,
        Placeholders,
        ReadOnlyDocument.configure({ readOnly: !canEdit }),
        Extension.create({
          name: "linkShortcut",
          addKeyboardShortcuts: () => ({
            "Mod-k": ({ editor: e }) => {
              if (!canChangeDocument(e)) return false;
              setLinkRequest((n) => n + 1);
              return true;
            },
          }),
        }),
      ],
    },
    [session],
  );

  useEffect(() => {
    if (!editor) return;
    setReadOnly(editor, !canEdit);
  }, [editor, canEdit]);

  const requestSeq = panelRequest?.seq;
  const requestTab = panelRequest?.tab;
  useEffect(() => {
    if (requestSeq === undefined || requestTab === undefined) return;
    setTab(requestTab);
    setPanelOpen(true);
  }, [requestSeq, requestTab]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      highlightMetaTransaction(editor.state, {
        threads: comments.threads,
        activeId: activeThread,
      }),
    );
  }, [editor, comments.threads, activeThread]);

  // cards read their own slice: a refreshed list re-renders only the cards whose data changed
  useLayoutEffect(() => live.warnings.replaceAll(warnings), [live, warnings]);
  useLayoutEffect(() => live.owners.replaceAll(owners), [live, owners]);
  const threads = comments.threads;
  useEffect(() => {
    // recounted when threads or the document change (text may have moved between cards)
    void activities;
    const counts = new Map<string, number>();
    for (const thread of threads) {
      if (thread.status !== "open") continue;
      const activityId = editor ? threadActivityId(editor.state, thread) : thread.activityId;
      if (activityId) counts.set(activityId, (counts.get(activityId) ?? 0) + 1);
    }
    live.commentCounts.replaceAll(counts);
  }, [live, editor, threads, activities]);

  // the undo toast stays while the removal is the last thing this person can undo
  useEffect(() => {
    if (!editor || !removed) return;
    const undoManager = undoManagerOf(editor);
    if (!undoManager) return;
    const check = () => {
      if (undoManager.undoStack.length !== removed.undoDepth) setRemoved(null);
    };
    undoManager.on("stack-item-added", check);
    undoManager.on("stack-item-popped", check);
    return () => {
      undoManager.off("stack-item-added", check);
      undoManager.off("stack-item-popped", check);
    };
  }, [editor, removed]);

  const startComment = useCallback(() => {
    if (!editor) return;
    const target = selectionTarget(editor.state);
    if (!target) return;
    setDraft(target);
    setTab("comments");
    setPanelOpen(true);
  }, [editor]);

  const organisationLabel = useCallback(
    (id: string) => {
      const organisation = organisations.find((o) => o.id === id);
      return organisation ? organisation.acronym || organisation.name : id;
    },
    [organisations],
  );

  const actions = useMemo<ActivityActions>(
    () => ({
      commentOnActivity: (activityId, title) => {
        setDraft({ anchor: null, activityId, label: `On activity “${title || "Untitled"}”` });
        setTab("comments");
        setPanelOpen(true);
      },
      showActivityComments: (activityId) => showActivityCommentsRef.current(activityId),
      onOwnersChanged: () => onOwnersChangedRef.current(),
      removeActivity: (pos, title) => removeActivityRef.current(pos, title),
    }),
    [],
  );
  const showActivityCommentsRef = useRef((_activityId: string) => {});
  showActivityCommentsRef.current = (activityId: string) => {
    setTab("comments");
    setPanelOpen(true);
    const first = threads.find((t) => t.status === "open" && t.activityId === activityId);
    if (first) setActiveThread(first.id);
  };
  const onOwnersChangedRef = useRef(onOwnersChanged);
  onOwnersChangedRef.current = onOwnersChanged;
  const removeActivityRef = useRef((_pos: number, _title: string) => {});
  removeActivityRef.current = (pos: number, title: string) => {
    if (!editor || !canChangeDocument(editor)) return;
    const node = editor.state.doc.nodeAt(pos);
    if (node?.type.name !== "activity") return;
    const undoManager = undoManagerOf(editor);
    // the removal is one step of its own: undo brings back the activity, and only it
    undoManager?.stopCapturing();
    // the caret stays where the activity was, so Ctrl+Z right after undoes it
    editor
      .chain()
      .deleteRange({ from: pos, to: pos + node.nodeSize })
      .focus(Math.min(pos, editor.state.doc.content.size - node.nodeSize), {
        scrollIntoView: false,
      })
      .run();
    undoManager?.stopCapturing();
    setRemoved({ title, undoDepth: undoManager?.undoStack.length ?? 0 });
  };
  const undoRemoval = () => {
    setRemoved(null);
    editor?.chain().focus().undo().run();
  };

  const context = useMemo<EditorContextValue>(
    () => ({
      canEdit,
      canDecide,
      // owners are the workplan's to change: not while it is frozen (canEdit is false then)
      canSetOwners: canDecide && canEdit,
      canComment,
      member,
      userId: user.id,
      organisations,
      organisationLabel,
      lists: listIds,
      workplanId,
      networkId,
      live,
      actions,
    }),
    [
      listIds,
      canEdit,
      canDecide,
      canComment,
      member,
      user.id,
      organisations,
      organisationLabel,
      workplanId,
      networkId,
      live,
      actions,
    ],
  );

  const jumpTo = useCallback(
    (activityId: string): boolean => {
      if (!editor) return false;
      let found: number | null = null;
      editor.state.doc.descendants((node, pos) => {
        if (found !== null) return false;
        if (node.type.name === "activity" && node.attrs.id === activityId) {
          found = pos;
          return false;
        }
        return true;
      });
      const element = editor.view.dom.querySelector<HTMLElement>(
        `[data-activity-id="${CSS.escape(activityId)}"]`,
      );
      if (found === null || !element) return false;
      landOn(element);
      if (canChangeDocument(editor)) {
        const title = editor.state.doc.nodeAt(found + 1);
        editor
          .chain()
          .setTextSelection(found + 2 + (title?.content.size ?? 0))
          .focus(undefined, { scrollIntoView: false })
          .run();
      } else {
        element.focus({ preventScroll: true });
      }
      element.classList.remove("activity-card-flash");
      void element.offsetWidth;
      element.classList.add("activity-card-flash");
      return true;
    },
    [editor],
  );
  useJumpToLinkedActivity(activities, jumpTo);
  useOpenLinkedThread(openThread);

  const selectThread = (thread: ThreadView) => {
    setActiveThread(thread.id);
    if (!editor) return;
    const range = threadRange(editor.state, thread);
    if (range) {
      const { node } = editor.view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: "center" });
    } else if (thread.activityId) {
      jumpTo(thread.activityId);
    }
  };

  const createThread = async (
    target: CommentTarget,
    message: { body: string; mentions: string[] },
  ) => {
    const thread = await api.createThread(workplanId, {
      ...(target.anchor ? { anchor: { start: target.anchor.start, end: target.anchor.end } } : {}),
      ...(target.activityId ? { activityId: target.activityId } : {}),
      quote: target.anchor?.quote ?? "",
      ...message,
    });
    setDraft(null);
    setActiveThread(thread.id);
    comments.reload();
  };

  const locations = useStableList(
    uniqueSorted([...networkSuggestions.locations, ...activities.flatMap((a) => a.locations)]),
  );
  const targetGroups = useStableList(
    uniqueSorted([
      ...TARGET_GROUPS.map((g) => g.label),
      ...networkSuggestions.targetGroups,
      ...activities.flatMap((a) => a.targetGroups),
    ]),
  );

  const activityTitle = (activityId: string) =>
    activities.find((a) => a.id === activityId)?.title || null;
  const openThreads = threads.filter((t) => t.status === "open").length;
  const taskActivities: ActivityRef[] = activities.map((activity) => ({
    workplanId,
    workplanTitle: workplan.title,
    activityId: activity.id,
    title: activity.title,
  }));
  const taskActivityId = taskFrom
    ? editor
      ? threadActivityId(editor.state, taskFrom)
      : taskFrom.activityId
    : null;

  return (
    <EditorContext.Provider value={context}>
      <div className="editor-bar">
        {canEdit && editor ? (
          <Toolbar
            editor={editor}
            linkRequest={linkRequest}
            onComment={startComment}
            status={status}
          />
        ) : (
          <div className="editor-readonly-bar">
            <div className="editor-readonly-notice" role="note">
              {permissions.readOnlyNotice}
            </div>
            {canComment && editor ? (
              <CommentButton editor={editor} onComment={startComment} />
            ) : null}
            {status}
          </div>
        )}
      </div>
      <div className="editor-layout">
        <div className="editor-column">
          <div className="editor-paper">
            <EditorContent editor={editor} />
          </div>
          {editor && canEdit ? <SlashMenu editor={editor} /> : null}
        </div>
        <aside
          className={panelOpen ? "editor-panel is-open" : "editor-panel"}
          aria-label="Workplan panel"
        >
          <button
            type="button"
            className="button button-secondary button-small panel-toggle"
            aria-expanded={panelOpen}
            onClick={() => setPanelOpen((open) => !open)}
          >
            {panelOpen ? "Hide" : "Show"} people and activities ({users.length} here,{" "}
            {activities.length} activities)
          </button>
          <div className="panel-tabs" role="tablist" aria-label="Panel">
            <button
              type="button"
              role="tab"
              id={`${tabIds.overview}-tab`}
              aria-selected={tab === "overview"}
              aria-controls={tabIds.overview}
              className="panel-tab"
              onClick={() => setTab("overview")}
            >
              People and activities
            </button>
            <button
              type="button"
              role="tab"
              id={`${tabIds.comments}-tab`}
              aria-selected={tab === "comments"}
              aria-controls={tabIds.comments}
              className="panel-tab"
              onClick={() => setTab("comments")}
            >
              Comments <span className="panel-count">{openThreads}</span>
            </button>
            {panelTabs.map((extra) => (
              <button
                key={extra.id}
                type="button"
                role="tab"
                id={`${tabIds.overview}-${extra.id}-tab`}
                aria-selected={tab === extra.id}
                aria-controls={`${tabIds.overview}-${extra.id}`}
                className="panel-tab"
                onClick={() => setTab(extra.id)}
              >
                {extra.label}
              </button>
            ))}
          </div>
          {panelTabs.map((extra) =>
            tab === extra.id ? (
              <div
                key={extra.id}
                role="tabpanel"
                id={`${tabIds.overview}-${extra.id}`}
                aria-labelledby={`${tabIds.overview}-${extra.id}-tab`}
              >
                {extra.render({ jumpTo })}
              </div>
            ) : null,
          )}
          {panelTabs.some((extra) => extra.id === tab) ? null : tab === "overview" ? (
            <div role="tabpanel" id={tabIds.overview} aria-labelledby={`${tabIds.overview}-tab`}>
              <PresenceList users={users} />
              <ActivitiesPanel
                activities={activities}
                organisations={organisations}
                organisationLabel={organisationLabel}
                warnings={warnings}
                onJump={jumpTo}
              />
            </div>
          ) : (
            <div role="tabpanel" id={tabIds.comments} aria-labelledby={`${tabIds.comments}-tab`}>
              <CommentsPanel
                threads={threads}
                error={comments.error}
                userId={user.id}
                canComment={canComment}
                canModerate={permissions.canModerate}
                canRemoveOthers={permissions.canRemoveComments}
                closedNotice={permissions.commentsClosed}
                members={members}
                draft={draft}
                activeId={activeThread}
                isDetached={(thread) => (editor ? isDetached(editor.state, thread) : false)}
                activityTitle={activityTitle}
                onCreate={createThread}
                onCancelDraft={() => setDraft(null)}
                onSelect={selectThread}
                onChanged={comments.reload}
                onMakeTask={canDecide ? setTaskFrom : null}
              />
            </div>
          )}
        </aside>
      </div>
      <div className="editor-toast-region" role="status" aria-live="polite">
        {removed ? (
          <div className="editor-toast">
            <span>Removed “{removed.title || "Untitled activity"}” for everyone.</span>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={undoRemoval}
            >
              Undo
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label="Dismiss"
              onClick={() => setRemoved(null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ) : null}
      </div>
      {taskFrom ? (
        <TaskDialog
          networkId={networkId}
          task={null}
          open
          activities={taskActivities}
          prefill={{
            title: taskTitleFromThread(taskFrom),
            activityIds: taskActivityId ? [taskActivityId] : [],
            fromThreadId: taskFrom.id,
          }}
          onClose={() => setTaskFrom(null)}
          // the thread lists its tasks: show the new one at once, the server's event confirms it
          onSaved={() => comments.reload()}
        />
      ) : null}
      <Datalists ids={listIds} locations={locations} targetGroups={targetGroups} />
    </EditorContext.Provider>
  );
}

const CURRENCY_CODES = CURRENCIES.map((currency) => currency.code);

const Datalists = memo(function Datalists({
  ids,
  locations,
  targetGroups,
}: {
  ids: EditorContextValue["lists"];
  locations: readonly string[];
  targetGroups: readonly string[];
}) {
  return (
    <>
      <datalist id={ids.locations}>
        {locations.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.targetGroups}>
        {targetGroups.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.currencies}>
        {CURRENCY_CODES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.sources}>
        {FUNDING_SOURCES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </>
  );
});

/**
 * Scrolls a card to the top of the window and keeps it there while the cards above it, skipped
 * by content-visibility until now, are laid out at their real height.
 */
function landOn(element: HTMLElement): void {
  let frames = 0;
  let steady = 0;
  let last = Number.NaN;
  const settle = () => {
    element.scrollIntoView({ block: "start" });
    const top = element.getBoundingClientRect().top;
    steady = Math.abs(top - last) < 1 ? steady + 1 : 0;
    last = top;
    if (steady < 2 && ++frames < 30) requestAnimationFrame(settle);
  };
  settle();
}

// y-tiptap's undo plugin state is untyped upstream: its UndoManager, when the plugin is there
function undoManagerOf(editor: Editor): Y.UndoManager | null {
  const state: unknown = yUndoPluginKey.getState(editor.state);
  if (typeof state !== "object" || state === null || !("undoManager" in state)) return null;
  return state.undoManager instanceof Y.UndoManager ? state.undoManager : null;
}
