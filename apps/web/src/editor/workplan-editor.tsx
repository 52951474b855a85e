import {
  type Activity,
  colorForUser,
  commitmentRights,
  type MemberView,
  type OrganisationView,
  type OwnerView,
  type Role,
  TARGET_GROUPS,
  type ThreadView,
  type WarningView,
} from "@junction/domain";
import { NARRATIVE_FIELD, readActivities } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TableKit } from "@tiptap/extension-table";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { api } from "../api/client";
import { useLocation } from "../app/router";
import { type ActivityRef, TaskDialog } from "../features/tasks";
import { CURRENCIES, FUNDING_SOURCES } from "./activity-fields";
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
import { EditorContext, type EditorContextValue } from "./editor-context";
import { Placeholders } from "./placeholders";
import { initials, type PresentUser, textColorOn, usePresence } from "./presence";
import { ActivitiesPanel, PresenceList } from "./side-panel";
import { SlashCommand } from "./slash-command";
import { SlashMenu } from "./slash-menu";
import { type SyncSession, useConnection, useServerSynced, useWorkplanSync } from "./sync";
import { CommentButton, Toolbar } from "./toolbar";
import "./editor.css";

export type EditorUser = { id: string; name: string; organisation: string };

type Props = {
  workplanId: string;
  networkId: string;
  user: EditorUser;
  canEdit: boolean;
  /** Shown instead of the toolbar when the person may not change the text. */
  readOnlyNotice: ReactNode;
  organisations: readonly OrganisationView[];
  /** Places and target groups used elsewhere in the network, for suggestions. */
  networkSuggestions: { locations: readonly string[]; targetGroups: readonly string[] };
  header: ReactNode;
  /** Duplication warnings by activity id (`useWorkplanWarnings`). */
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  /** Owners by activity id (`useWorkplanOwners`); `onOwnersChanged` reloads them. */
  owners: ReadonlyMap<string, readonly OwnerView[]>;
  onOwnersChanged: () => void;
  workplanTitle: string;
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

/** A deep link's activity (`#activity-A14`), once it is in the synced document and on screen. */
function useJumpToLinkedActivity(
  session: SyncSession,
  activities: readonly Activity[],
  jumpTo: (activityId: string) => boolean,
): void {
  const { hash } = useLocation();
  const synced = useServerSynced(session.provider);
  const handled = useRef<string | null>(null);
  const target = activityIdFromHash(hash);
  const present = target !== null && activities.some((a) => a.id === target);
  useEffect(() => {
    if (target === null) handled.current = null;
    // offline, the local copy is all there is: jump within it rather than wait for a server
    const ready = synced || !navigator.onLine;
    if (target === null || !present || !ready || handled.current === hash) return;
    let frame = 0;
    let attempts = 0;
    // node views mount in portals a frame or two after the document has the block
    const attempt = () => {
      if (jumpTo(target)) handled.current = hash;
      else if (++attempts < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [hash, target, present, synced, jumpTo]);
}

/** The collaborative workplan editor: narrative and activity blocks, presence, panel, connection. */
export function WorkplanEditor(props: Props) {
  const session = useWorkplanSync(props.workplanId, props.user.id);
  const connection = useConnection(session, props.workplanId);
  const users = usePresence(session?.provider.awareness ?? null);

  return (
    <div className="workplan-editor">
      <header className="editor-header">
        <div className="editor-header-main">{props.header}</div>
        <div className="editor-header-aside">
          <ConnectionStatus state={connection} canEdit={props.canEdit} />
          <AvatarStack users={users} />
        </div>
      </header>
      {session ? (
        <EditorBody
          {...props}
          canEdit={props.canEdit && connection !== "refused"}
          readOnlyNotice={
            connection === "refused"
              ? "You no longer have access to this workplan; what you see may be out of date."
              : props.readOnlyNotice
          }
          session={session}
          users={users}
        />
      ) : (
        <div className="editor-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Opening the document…
        </div>
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

function useActivities(ydoc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readActivities(ydoc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer !== null) return;
      // typing produces an update per key: read the document at most a few times a second
      timer = setTimeout(() => {
        timer = null;
        setActivities(readActivities(ydoc));
      }, 150);
    };
    setActivities(readActivities(ydoc));
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

/** Stable identity while the contents are equal, so node views do not re-render on every keystroke. */
function useStableList(values: string[]): string[] {
  const ref = useRef(values);
  if (ref.current.join("\u0000") !== values.join("\u0000")) ref.current = values;
  return ref.current;
}

function caretElement(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "#6b7380";
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

type PanelTab = "overview" | "comments";

function EditorBody({
  session,
  users,
  user,
  canEdit,
  readOnlyNotice,
  organisations,
  networkSuggestions,
  workplanId,
  networkId,
  warnings,
  owners,
  onOwnersChanged,
  workplanTitle,
  canDecide,
  canComment,
  canModerate,
  canRemoveComments,
  commentsClosed,
  member,
}: Props & { session: SyncSession; users: PresentUser[] }) {
  const [linkRequest, setLinkRequest] = useState(0);
  // narrow windows only: the panel folds away above the document
  const [panelOpen, setPanelOpen] = useState(false);
  const [tab, setTab] = useState<PanelTab>("overview");
  const [draft, setDraft] = useState<CommentTarget | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [taskFrom, setTaskFrom] = useState<ThreadView | null>(null);
  const activities = useActivities(session.ydoc);
  const comments = useWorkplanThreads(workplanId);
  const members = useMembers(networkId);
  const tabIds = { overview: useId(), comments: useId() };
  const openThread = useRef((_threadId: string) => {});
  openThread.current = (threadId: string) => {
    setTab("comments");
    setPanelOpen(true);
    setActiveThread(threadId);
  };
  const listIds = {
    locations: useId(),
    targetGroups: useId(),
    currencies: useId(),
    sources: useId(),
  };

  const editor = useEditor(
    {
      editable: canEdit,
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
          // the server stamps the authenticated identity over this; it is what we show meanwhile
          // the server stamps the same colour, so you see yourself as others see you
          user: { ...user, color: colorForUser(user.id) },
          render: caretElement,
        }),
        ActivityNode,
        ActivityTitle,
        ActivityDescription,
        ActivityIds,
        CommentHighlights.configure({ onOpen: (threadId) => openThread.current(threadId) }),
        SlashCommand,
        Placeholders,
        Extension.create({
          name: "linkShortcut",
          addKeyboardShortcuts: () => ({
            "Mod-k": ({ editor: e }) => {
              if (!e.isEditable) return false;
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
    if (editor.isEditable !== canEdit) editor.setEditable(canEdit);
    editor.view.dom.setAttribute("aria-readonly", String(!canEdit));
  }, [editor, canEdit]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      highlightMetaTransaction(editor.state, {
        threads: comments.threads,
        activeId: activeThread,
      }),
    );
  }, [editor, comments.threads, activeThread]);

  const startComment = useCallback(() => {
    if (!editor) return;
    const target = selectionTarget(editor.state);
    if (!target) return;
    setDraft(target);
    setTab("comments");
    setPanelOpen(true);
  }, [editor]);

  const commentOnActivity = useCallback((activityId: string, title: string) => {
    setDraft({ anchor: null, activityId, label: `On activity “${title || "Untitled"}”` });
    setTab("comments");
    setPanelOpen(true);
  }, []);

  const threads = comments.threads;
  const showActivityComments = useCallback(
    (activityId: string) => {
      setTab("comments");
      setPanelOpen(true);
      const first = threads.find((t) => t.status === "open" && t.activityId === activityId);
      if (first) setActiveThread(first.id);
    },
    [threads],
  );

  // recounted on each render (the document may have moved text between cards), kept stable
  // while equal so node views do not re-render on every keystroke
  const countsRef = useRef<ReadonlyMap<string, number>>(new Map());
  const counts = new Map<string, number>();
  for (const thread of threads) {
    if (thread.status !== "open") continue;
    const activityId = editor ? threadActivityId(editor.state, thread) : thread.activityId;
    if (activityId) counts.set(activityId, (counts.get(activityId) ?? 0) + 1);
  }
  const countsKey = (map: ReadonlyMap<string, number>) => JSON.stringify([...map]);
  if (countsKey(counts) !== countsKey(countsRef.current)) countsRef.current = counts;
  const commentCounts = countsRef.current;

  const organisationLabel = useCallback(
    (id: string) => {
      const organisation = organisations.find((o) => o.id === id);
      return organisation ? organisation.acronym || organisation.name : id;
    },
    [organisations],
  );

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

  const rightsOf = useCallback(
    (activityId: string, lead: string | null) =>
      commitmentRights(
        {
          role: member?.role ?? "viewer",
          organisationId: member?.organisationId ?? "",
          isOwner: (owners.get(activityId) ?? []).some((owner) => owner.userId === user.id),
        },
        { lead },
      ),
    [member, owners, user.id],
  );

  const context = useMemo<EditorContextValue>(
    () => ({
      canEdit,
      organisations,
      organisationLabel,
      locationsListId: listIds.locations,
      targetGroupsListId: listIds.targetGroups,
      currenciesListId: listIds.currencies,
      fundingSourcesListId: listIds.sources,
      workplanId,
      networkId,
      warnings,
      owners,
      // owners are the workplan's to change: not while it is frozen (canEdit is false then)
      canSetOwners: canDecide && canEdit,
      commitmentRights: rightsOf,
      onOwnersChanged,
      canDecide,
      canComment,
      commentCounts,
      commentOnActivity,
      showActivityComments,
    }),
    [
      workplanId,
      networkId,
      warnings,
      owners,
      onOwnersChanged,
      rightsOf,
      canDecide,
      canComment,
      commentCounts,
      commentOnActivity,
      showActivityComments,
      canEdit,
      organisations,
      organisationLabel,
      listIds.locations,
      listIds.targetGroups,
      listIds.currencies,
      listIds.sources,
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
      const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      element.scrollIntoView({ block: "start", behavior: reduceMotion ? "auto" : "smooth" });
      if (editor.isEditable) {
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
  useJumpToLinkedActivity(session, activities, jumpTo);

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

  const activityTitle = (activityId: string) =>
    activities.find((a) => a.id === activityId)?.title || null;
  const openThreads = threads.filter((t) => t.status === "open").length;
  const taskActivities: ActivityRef[] = activities.map((activity) => ({
    workplanId,
    workplanTitle,
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
      {canEdit && editor ? (
        <Toolbar editor={editor} linkRequest={linkRequest} onComment={startComment} />
      ) : (
        <div className="editor-readonly-bar">
          <div className="editor-readonly-notice" role="note">
            {readOnlyNotice}
          </div>
          {canComment && editor ? <CommentButton editor={editor} onComment={startComment} /> : null}
        </div>
      )}
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
          </div>
          {tab === "overview" ? (
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
                canModerate={canModerate}
                canRemoveOthers={canRemoveComments}
                closedNotice={commentsClosed}
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
      <datalist id={listIds.locations}>
        {locations.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={listIds.targetGroups}>
        {targetGroups.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={listIds.currencies}>
        {CURRENCIES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={listIds.sources}>
        {FUNDING_SOURCES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </EditorContext.Provider>
  );
}
