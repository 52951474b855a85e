import type { MemberView, SuggestionView, ThreadView } from "@junction/domain";
import { useEffect, useId, useRef, useState } from "react";
import { api } from "../api/client";
import { describeError } from "../api/errors";
import { formatDateTime } from "../lib/format";
import { LoadMore } from "../ui/load-more";
import { CommentBox, CommentItem } from "./comments-panel";
import { textColorOn } from "./presence";
import {
  authorLabel,
  describeSuggestion,
  fieldLabel,
  type WorkplanSuggestions,
} from "./suggestions";

type CardProps = {
  suggestion: SuggestionView;
  thread: ThreadView | null;
  outdated: boolean;
  activityTitle: string | null;
  userId: string;
  canReply: boolean;
  canRemoveOthers: boolean;
  members: readonly MemberView[];
  active: boolean;
  onSelect: () => void;
  onChanged: () => void;
};

function Change({ suggestion }: { suggestion: SuggestionView }) {
  if (suggestion.kind === "field") {
    return (
      <span className="suggestion-change">
        <span className="suggestion-field">
          {suggestion.field ? fieldLabel(suggestion.field) : ""}
        </span>{" "}
        <del>{suggestion.quote || "not set"}</del> <span aria-hidden="true">→</span>
        <span className="visually-hidden"> to </span> <ins>{suggestion.text || "not set"}</ins>
      </span>
    );
  }
  if (suggestion.quote === "") {
    return (
      <span className="suggestion-change">
        Insert <ins>{suggestion.text}</ins>
      </span>
    );
  }
  if (suggestion.text === "") {
    return (
      <span className="suggestion-change">
        Delete <del>{suggestion.quote}</del>
      </span>
    );
  }
  return (
    <span className="suggestion-change">
      <del>{suggestion.quote}</del> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> to </span> <ins>{suggestion.text}</ins>
    </span>
  );
}

function Decision({ suggestion }: { suggestion: SuggestionView }) {
  const by = suggestion.decidedByName ?? "someone";
  const when = suggestion.decidedAt ? `, ${formatDateTime(suggestion.decidedAt)}` : "";
  switch (suggestion.status) {
    case "accepted":
      return (
        <p className="suggestion-decision">
          <span className="badge badge-suggestion-accepted">Accepted</span> by {by}
          {when}
        </p>
      );
    case "rejected":
      return (
        <p className="suggestion-decision">
          <span className="badge badge-suggestion-rejected">Rejected</span> by {by}
          {when}
          {suggestion.decisionNote ? `: ${suggestion.decisionNote}` : null}
        </p>
      );
    case "withdrawn":
      return (
        <p className="suggestion-decision">
          <span className="badge badge-detached">Withdrawn</span> by its author{when}
        </p>
      );
    case "open":
      return null;
  }
}

function SuggestionCard({
  suggestion,
  thread,
  outdated,
  activityTitle,
  userId,
  canReply,
  canRemoveOthers,
  members,
  active,
  onSelect,
  onChanged,
}: CardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const noteId = useId();
  const ref = useRef<HTMLElement>(null);
  const isOpen = suggestion.status === "open";

  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (cause) {
      setError(describeError(cause));
      // an outdated or decided suggestion: show what the server knows now
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  // the reason is the thread's first message; the rest are replies
  const replies = (thread?.comments ?? []).filter(
    (comment, index) => !(index === 0 && comment.body === suggestion.reason),
  );
  const color = suggestion.authorColor;
  return (
    <article
      ref={ref}
      className={`suggestion-card${active ? " is-active" : ""}${isOpen ? "" : " is-decided"}`}
      aria-label={`Suggestion by ${authorLabel(suggestion)}: ${describeSuggestion(suggestion)}`}
      data-suggestion-id={suggestion.id}
      style={{ borderLeftColor: color }}
    >
      <div className="suggestion-meta">
        <span
          className="suggestion-avatar"
          style={{ backgroundColor: color, color: textColorOn(color) }}
          aria-hidden="true"
        />
        <span className="suggestion-author">{suggestion.authorName}</span>
        {suggestion.authorOrganisation ? (
          <span className="suggestion-org">{suggestion.authorOrganisation}</span>
        ) : null}
        <time dateTime={suggestion.createdAt}>{formatDateTime(suggestion.createdAt)}</time>
      </div>
      <button type="button" className="suggestion-target" onClick={onSelect}>
        {isOpen && outdated ? <span className="badge badge-outdated">Outdated</span> : null}
        {activityTitle ? <span className="suggestion-activity">In “{activityTitle}”</span> : null}
        <Change suggestion={suggestion} />
      </button>
      {suggestion.reason ? <p className="suggestion-reason">{suggestion.reason}</p> : null}
      {isOpen && outdated ? (
        <p className="suggestion-outdated-note">
          The text under it changed since it was suggested, so it can no longer be applied.
        </p>
      ) : null}
      <Decision suggestion={suggestion} />
      {replies.length > 0 ? (
        <ol className="comment-list" aria-label="Replies">
          {replies.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              isMine={comment.authorId === userId}
              canEdit={comment.authorId === userId && canReply}
              canRemove={comment.authorId === userId || canRemoveOthers}
              members={members}
              onChanged={onChanged}
            />
          ))}
        </ol>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {error}
        </p>
      ) : null}
      {isOpen && canReply && active ? (
        <CommentBox
          label="Reply"
          submitLabel="Reply"
          members={members}
          onSubmit={async (message) => {
            await api.reply(suggestion.threadId, message);
            onChanged();
          }}
        />
      ) : null}
      {isOpen && (suggestion.canDecide || suggestion.canWithdraw || (canReply && !active)) ? (
        <div className="suggestion-actions">
          {suggestion.canDecide && !outdated ? (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy}
              onClick={() => void run(() => api.acceptSuggestion(suggestion.id))}
            >
              Accept
            </button>
          ) : null}
          {suggestion.canDecide ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() => void run(() => api.rejectSuggestion(suggestion.id))}
            >
              Reject
            </button>
          ) : null}
          {canReply && !active ? (
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={`Reply to the suggestion by ${suggestion.authorName}`}
              onClick={onSelect}
            >
              Reply
            </button>
          ) : null}
          {suggestion.canWithdraw ? (
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={busy}
              onClick={() => void run(() => api.withdrawSuggestion(suggestion.id))}
            >
              Withdraw
            </button>
          ) : null}
        </div>
      ) : null}
      {isOpen && suggestion.canDecide ? (
        <details className="suggestion-reject-note">
          <summary>Reject with a note</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => api.rejectSuggestion(suggestion.id, note.trim() || undefined));
            }}
          >
            <label htmlFor={noteId} className="visually-hidden">
              Why it is rejected
            </label>
            <textarea
              id={noteId}
              className="comment-input"
              rows={2}
              maxLength={10_000}
              placeholder="Why it is rejected (the author is told)"
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="submit" className="button button-secondary button-small" disabled={busy}>
              Reject with this note
            </button>
          </form>
        </details>
      ) : null}
    </article>
  );
}

/** The "Suggestions" tab: open suggestions with their decisions, then the decided ones folded. */
export function SuggestionsPanel({
  suggestions,
  threadOf,
  isOutdated,
  activityTitle,
  userId,
  canSuggest,
  canComment,
  canRemoveOthers,
  closedNotice,
  members,
  activeId,
  onSelect,
}: {
  suggestions: WorkplanSuggestions;
  threadOf: (threadId: string) => ThreadView | null;
  isOutdated: (suggestion: SuggestionView) => boolean;
  activityTitle: (activityId: string) => string | null;
  userId: string;
  /** Whether the person may suggest here (the empty state says how). */
  canSuggest: boolean;
  canComment: boolean;
  canRemoveOthers: boolean;
  /** Why the workplan takes no suggestions (adopted, archived); null while it does. */
  closedNotice: string | null;
  members: readonly MemberView[];
  activeId: string | null;
  onSelect: (suggestion: SuggestionView) => void;
}) {
  const { open, decided, error, reload } = suggestions;
  const card = (suggestion: SuggestionView) => (
    <li key={suggestion.id}>
      <SuggestionCard
        suggestion={suggestion}
        thread={threadOf(suggestion.threadId)}
        outdated={isOutdated(suggestion)}
        activityTitle={suggestion.activityId ? activityTitle(suggestion.activityId) : null}
        userId={userId}
        canReply={canComment && closedNotice === null}
        canRemoveOthers={canRemoveOthers}
        members={members}
        active={suggestion.id === activeId}
        onSelect={() => onSelect(suggestion)}
        onChanged={reload}
      />
    </li>
  );
  return (
    <section className="panel-section panel-suggestions" aria-labelledby="suggestions-panel-title">
      <h2 className="panel-title" id="suggestions-panel-title">
        Suggestions <span className="panel-count">{open.length}</span>
      </h2>
      {closedNotice ? (
        <p className="comment-closed" role="note">
          {closedNotice}
        </p>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          Could not load the suggestions: {describeError(error)}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="panel-empty">
          No open suggestions.{" "}
          {canSuggest && closedNotice === null
            ? "Select some text (or place the cursor) and choose “Suggest” to propose a change."
            : null}
        </p>
      ) : (
        <ol className="suggestion-list" aria-label="Open suggestions">
          {open.map(card)}
        </ol>
      )}
      {decided.items.length > 0 || decided.hasMore ? (
        <details
          className="comment-resolved"
          open={decided.items.some((s) => s.id === activeId) || undefined}
        >
          <summary>
            Decided ({decided.items.length}
            {decided.hasMore ? "+" : ""})
          </summary>
          <ol className="suggestion-list" aria-label="Decided suggestions">
            {decided.items.map(card)}
          </ol>
          <LoadMore
            hasMore={decided.hasMore}
            isLoading={decided.isLoadingMore}
            onLoadMore={decided.loadMore}
            label="Show more decided suggestions"
          />
        </details>
      ) : null}
    </section>
  );
}
