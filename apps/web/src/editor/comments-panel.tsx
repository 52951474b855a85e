import type { CommentView, MemberView, ThreadTask, ThreadView } from "@junction/domain";
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { api } from "../api/client";
import { describeError } from "../api/errors";
import { Link } from "../app/router";
import { TaskStatusBadge } from "../features/tasks";
import { formatDate, formatDateTime } from "../lib/format";
import {
  type CommentTarget,
  deletedMessageLabel,
  describeThreadTask,
  threadTaskPath,
} from "./comments";

type Message = { body: string; mentions: string[] };

const MENTION_QUERY = /(?:^|\s)@([^\s@]*)$/;

/** A comment box: typing "@" suggests network members; the chosen ones are sent as mentions. */
export function CommentBox({
  label,
  submitLabel,
  members,
  initial = "",
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  members: readonly MemberView[];
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (message: Message) => Promise<void>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [picked, setPicked] = useState<MemberView[]>([]);
  const [query, setQuery] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const listId = useId();

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const suggestions = useMemo(() => {
    if (query === null) return [];
    const q = query.toLowerCase();
    return members
      .filter((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().startsWith(q))
      .slice(0, 6);
  }, [members, query]);

  const updateQuery = (text: string, caret: number) => {
    const match = MENTION_QUERY.exec(text.slice(0, caret));
    setQuery(match ? (match[1] ?? "") : null);
    setHighlighted(0);
  };

  const choose = (member: MemberView) => {
    const textarea = ref.current;
    const caret = textarea?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@([^\s@]*)$/, `@${member.name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setPicked((list) => (list.some((m) => m.userId === member.userId) ? list : [...list, member]));
    setQuery(null);
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(before.length, before.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((i) => (i + step + suggestions.length) % suggestions.length);
        event.preventDefault();
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const member = suggestions[highlighted];
        if (member) choose(member);
        event.preventDefault();
        return;
      }
      if (event.key === "Escape") {
        setQuery(null);
        event.preventDefault();
        return;
      }
    }
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.currentTarget.form?.requestSubmit();
      event.preventDefault();
    } else if (event.key === "Escape" && onCancel) onCancel();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === "" || busy) return;
    setBusy(true);
    setError(null);
    try {
      const mentions = picked.filter((m) => body.includes(`@${m.name}`)).map((m) => m.userId);
      await onSubmit({ body: body.trim(), mentions });
      setBody("");
      setPicked([]);
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  };

  const activeOption = suggestions[highlighted];
  return (
    <form className="comment-box" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        ref={ref}
        className="comment-input"
        rows={2}
        value={body}
        placeholder={`${label}… (@ to mention)`}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption ? `${listId}-${activeOption.userId}` : undefined}
        onChange={(event) => {
          setBody(event.target.value);
          updateQuery(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      <div
        id={listId}
        className="mention-list"
        role="listbox"
        aria-label="Mention someone"
        hidden={suggestions.length === 0}
      >
        {suggestions.map((member, index) => (
          <div
            key={member.userId}
            id={`${listId}-${member.userId}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === highlighted}
            className={index === highlighted ? "mention-option is-active" : "mention-option"}
            // keep the textarea focused: the choice lands at its caret
            onMouseDown={(event) => {
              event.preventDefault();
              choose(member);
            }}
          >
            {member.name}
            <span className="mention-org">
              {member.organisationAcronym || member.organisationName}
            </span>
          </div>
        ))}
      </div>
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="comment-box-actions">
        {onCancel ? (
          <button type="button" className="button button-ghost button-small" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={busy || body.trim() === ""}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export function CommentItem({
  comment,
  isMine,
  canEdit,
  canRemove,
  members,
  onChanged,
}: {
  comment: CommentView;
  isMine: boolean;
  /** Its author edits it while the workplan takes comments. */
  canEdit: boolean;
  /** Its author deletes it; a coordinator removes anyone's. */
  canRemove: boolean;
  members: readonly MemberView[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    const question = isMine
      ? "Delete this message? It shows as “Message deleted” in the thread."
      : `Remove this message by ${comment.authorName}? Everyone sees “Message removed by a coordinator” instead, and the removal is recorded in the audit log.`;
    if (!window.confirm(question)) return;
    try {
      await api.deleteComment(comment.id);
      onChanged();
    } catch (cause) {
      setError(describeError(cause));
    }
  };
  return (
    <li className="comment">
      <div className="comment-meta">
        <span className="comment-author">{comment.authorName}</span>
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt ? <span className="comment-edited">(edited)</span> : null}
      </div>
      {editing ? (
        <CommentBox
          label="Edit your message"
          submitLabel="Save"
          members={members}
          initial={comment.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (message) => {
            await api.editComment(comment.id, message);
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <p className={comment.deleted ? "comment-body comment-deleted" : "comment-body"}>
          {comment.deleted ? deletedMessageLabel(comment) : comment.body}
        </p>
      )}
      {!comment.deleted && !editing && (canEdit || canRemove) ? (
        <div className="comment-actions">
          {canEdit ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          {canRemove ? (
            <button
              type="button"
              className="link-button"
              onClick={() => void remove()}
              aria-label={isMine ? undefined : `Remove the message by ${comment.authorName}`}
            >
              {isMine ? "Delete" : "Remove"}
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** The tasks made from a thread: who made each for whom, when it is due, where it stands. */
function ThreadTasks({ networkId, tasks }: { networkId: string; tasks: readonly ThreadTask[] }) {
  return (
    <ul className="comment-tasks" aria-label="Tasks from this thread">
      {tasks.map((task) => (
        <li key={task.id} className="comment-task">
          <svg className="comment-task-icon" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="2.5" y="2.5" width="11" height="11" rx="2" />
            <path d="M5.5 8.2l1.8 1.8 3.4-3.6" />
          </svg>
          <span className="comment-task-text">
            {describeThreadTask(task, formatDate)}
            {task.overdue ? <span className="comment-task-overdue"> (overdue)</span> : null} —{" "}
            <Link to={threadTaskPath(networkId, task.id)}>{task.title}</Link>
          </span>
          <TaskStatusBadge status={task.status} />
        </li>
      ))}
    </ul>
  );
}

function ThreadCard({
  thread,
  userId,
  canComment,
  canModerate,
  canRemoveOthers,
  closed,
  detached,
  activityTitle,
  active,
  members,
  onSelect,
  onChanged,
  onMakeTask,
}: {
  thread: ThreadView;
  userId: string;
  canComment: boolean;
  canModerate: boolean;
  canRemoveOthers: boolean;
  /** The workplan takes no comments: nothing is added, edited, resolved or reopened. */
  closed: boolean;
  detached: boolean;
  activityTitle: string | null;
  active: boolean;
  members: readonly MemberView[];
  onSelect: () => void;
  onChanged: () => void;
  onMakeTask: (() => void) | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  const resolved = thread.status === "resolved";
  const canResolve = !closed && (canModerate || thread.createdBy === userId);

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const toggle = async () => {
    try {
      await api.setThreadResolved(thread.id, !resolved);
      onChanged();
    } catch (cause) {
      setError(describeError(cause));
    }
  };

  const first = thread.comments[0];
  return (
    <article
      ref={ref}
      className={`comment-thread${active ? " is-active" : ""}${resolved ? " is-resolved" : ""}`}
      aria-label={`Comment by ${first?.authorName ?? "someone"}${thread.quote ? ` on “${thread.quote}”` : ""}`}
      data-thread-id={thread.id}
    >
      <button type="button" className="comment-thread-target" onClick={onSelect}>
        {detached ? <span className="badge badge-detached">Detached</span> : null}
        {thread.quote ? (
          <q className="comment-quote">{thread.quote}</q>
        ) : (
          <span className="comment-quote">On activity {activityTitle ?? thread.activityId}</span>
        )}
      </button>
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            isMine={comment.authorId === userId}
            canEdit={comment.authorId === userId && !closed}
            canRemove={comment.authorId === userId || canRemoveOthers}
            members={members}
            onChanged={onChanged}
          />
        ))}
      </ol>
      {thread.tasks.length > 0 ? (
        <ThreadTasks networkId={thread.networkId} tasks={thread.tasks} />
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      {canComment && !closed && !resolved ? (
        <CommentBox
          label="Reply"
          submitLabel="Reply"
          members={members}
          onSubmit={async (message) => {
            await api.reply(thread.id, message);
            onChanged();
          }}
        />
      ) : null}
      {canResolve || onMakeTask ? (
        <div className="comment-thread-actions">
          {onMakeTask ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={onMakeTask}
            >
              Make a task
            </button>
          ) : null}
          {canResolve ? (
            <button
              type="button"
              className="button button-secondary button-small comment-resolve"
              onClick={() => void toggle()}
            >
              {resolved ? "Reopen" : "Resolve"}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

/** The "Comments" tab: a new comment's box, the open threads, then the resolved ones folded. */
export function CommentsPanel({
  threads,
  error,
  userId,
  canComment,
  canModerate,
  canRemoveOthers,
  closedNotice,
  members,
  draft,
  activeId,
  isDetached,
  activityTitle,
  onCreate,
  onCancelDraft,
  onSelect,
  onChanged,
  onMakeTask,
}: {
  threads: readonly ThreadView[];
  error: unknown;
  userId: string;
  canComment: boolean;
  canModerate: boolean;
  /** Coordinators remove other people's messages. */
  canRemoveOthers: boolean;
  /** Why the workplan takes no comments (adopted, archived); null while it does. */
  closedNotice: string | null;
  members: readonly MemberView[];
  draft: CommentTarget | null;
  activeId: string | null;
  isDetached: (thread: ThreadView) => boolean;
  activityTitle: (activityId: string) => string | null;
  onCreate: (target: CommentTarget, message: Message) => Promise<void>;
  onCancelDraft: () => void;
  onSelect: (thread: ThreadView) => void;
  onChanged: () => void;
  /** Coordinators turn a thread into a task; null for everyone else. */
  onMakeTask: ((thread: ThreadView) => void) | null;
}) {
  const closed = closedNotice !== null;
  const open = threads.filter((t) => t.status === "open");
  const resolved = threads.filter((t) => t.status === "resolved");
  const card = (thread: ThreadView) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        userId={userId}
        canComment={canComment}
        canModerate={canModerate}
        canRemoveOthers={canRemoveOthers}
        closed={closed}
        detached={isDetached(thread)}
        activityTitle={thread.activityId ? activityTitle(thread.activityId) : null}
        active={thread.id === activeId}
        members={members}
        onSelect={() => onSelect(thread)}
        onChanged={onChanged}
        onMakeTask={onMakeTask ? () => onMakeTask(thread) : null}
      />
    </li>
  );
  return (
    <section className="panel-section panel-comments" aria-labelledby="comments-panel-title">
      <h2 className="panel-title" id="comments-panel-title">
        Comments <span className="panel-count">{open.length}</span>
      </h2>
      {closedNotice ? (
        <p className="comment-closed" role="note">
          {closedNotice}
        </p>
      ) : null}
      {draft && !closed ? (
        <div className="comment-draft">
          <p className="comment-draft-target">
            {draft.anchor ? <q className="comment-quote">{draft.label}</q> : draft.label}
          </p>
          <CommentBox
            key={draft.anchor?.start ?? draft.activityId ?? ""}
            label="New comment"
            submitLabel="Comment"
            members={members}
            autoFocus
            onCancel={onCancelDraft}
            onSubmit={(message) => onCreate(draft, message)}
          />
        </div>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          Could not load the comments: {describeError(error)}
        </p>
      ) : null}
      {open.length === 0 && !draft ? (
        <p className="panel-empty">
          No open comments.{" "}
          {canComment && !closed ? "Select some text and choose “Comment” to start one." : null}
        </p>
      ) : (
        <ol className="comment-threads">{open.map(card)}</ol>
      )}
      {resolved.length > 0 ? (
        <details
          className="comment-resolved"
          // a link to a resolved thread (a task's way back to it) shows it unfolded
          open={resolved.some((thread) => thread.id === activeId) || undefined}
        >
          <summary>Resolved ({resolved.length})</summary>
          <ol className="comment-threads">{resolved.map(card)}</ol>
        </details>
      ) : null}
    </section>
  );
}
