import type { MemberView, SuggestionView, ThreadView } from "@junction/domain";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { api } from "../api/client";
import { describeError } from "../api/errors";
import { useFormat, useT } from "../i18n";
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
  const t = useT("suggestions");
  if (suggestion.kind === "field") {
    return (
      <span className="suggestion-change">
        <span className="suggestion-field">
          {suggestion.field ? fieldLabel(t, suggestion.field) : ""}
        </span>{" "}
        <del>{suggestion.quote || t("notSet")}</del>{" "}
        <span className="suggestion-arrow" aria-hidden="true">
          →
        </span>
        <span className="visually-hidden">{t("change.to")}</span>{" "}
        <ins>{suggestion.text || t("notSet")}</ins>
      </span>
    );
  }
  if (suggestion.quote === "") {
    return (
      <span className="suggestion-change" dir="auto">
        {t.rich("change.insert", {
          text: suggestion.text,
          ins: (chunks) => <ins>{chunks}</ins>,
        })}
      </span>
    );
  }
  if (suggestion.text === "") {
    return (
      <span className="suggestion-change" dir="auto">
        {t.rich("change.delete", {
          quote: suggestion.quote,
          del: (chunks) => <del>{chunks}</del>,
        })}
      </span>
    );
  }
  return (
    <span className="suggestion-change" dir="auto">
      <del>{suggestion.quote}</del>{" "}
      <span className="suggestion-arrow" aria-hidden="true">
        →
      </span>
      <span className="visually-hidden">{t("change.to")}</span> <ins>{suggestion.text}</ins>
    </span>
  );
}

function Decision({ suggestion }: { suggestion: SuggestionView }) {
  const t = useT("suggestions");
  const f = useFormat();
  const name = suggestion.decidedByName ?? t("decision.someone");
  const date = suggestion.decidedAt ? f.dateTime(suggestion.decidedAt) : null;
  const badge = (className: string) => (chunks: ReactNode[]) => (
    <span className={`badge ${className}`}>{chunks}</span>
  );
  switch (suggestion.status) {
    case "accepted":
      return (
        <p className="suggestion-decision">
          {t.rich(date ? "decision.acceptedAt" : "decision.accepted", {
            name,
            date: date ?? "",
            badge: badge("badge-suggestion-accepted"),
          })}
        </p>
      );
    case "rejected":
      return (
        <p className="suggestion-decision">
          {t.rich(date ? "decision.rejectedAt" : "decision.rejected", {
            name,
            date: date ?? "",
            badge: badge("badge-suggestion-rejected"),
          })}
          {suggestion.decisionNote ? ": " : null}
          {suggestion.decisionNote ? <span dir="auto">{suggestion.decisionNote}</span> : null}
        </p>
      );
    case "withdrawn":
      return (
        <p className="suggestion-decision">
          {t.rich(date ? "decision.withdrawnAt" : "decision.withdrawn", {
            date: date ?? "",
            badge: badge("badge-detached"),
          })}
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
  const t = useT("suggestions");
  const f = useFormat();
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
      aria-label={t("card.label", {
        author: authorLabel(t, suggestion),
        change: describeSuggestion(t, suggestion),
      })}
      data-suggestion-id={suggestion.id}
      style={{ borderInlineStartColor: color }}
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
        <time dateTime={suggestion.createdAt}>{f.dateTime(suggestion.createdAt)}</time>
      </div>
      <button type="button" className="suggestion-target" onClick={onSelect}>
        {isOpen && outdated ? (
          <span className="badge badge-outdated">{t("card.outdated")}</span>
        ) : null}
        {activityTitle ? (
          <span className="suggestion-activity">
            {t("card.inActivity", { title: activityTitle })}
          </span>
        ) : null}
        <Change suggestion={suggestion} />
      </button>
      {suggestion.reason ? (
        <p className="suggestion-reason" dir="auto">
          {suggestion.reason}
        </p>
      ) : null}
      {isOpen && outdated ? (
        <p className="suggestion-outdated-note">{t("card.outdatedNote")}</p>
      ) : null}
      <Decision suggestion={suggestion} />
      {replies.length > 0 ? (
        <ol className="comment-list" aria-label={t("card.replies")}>
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
          label={t("card.reply")}
          submitLabel={t("card.reply")}
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
              {t("card.accept")}
            </button>
          ) : null}
          {suggestion.canDecide ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() => void run(() => api.rejectSuggestion(suggestion.id))}
            >
              {t("card.reject")}
            </button>
          ) : null}
          {canReply && !active ? (
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={t("card.replyLabel", { name: suggestion.authorName })}
              onClick={onSelect}
            >
              {t("card.reply")}
            </button>
          ) : null}
          {suggestion.canWithdraw ? (
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={busy}
              onClick={() => void run(() => api.withdrawSuggestion(suggestion.id))}
            >
              {t("card.withdraw")}
            </button>
          ) : null}
        </div>
      ) : null}
      {isOpen && suggestion.canDecide ? (
        <details className="suggestion-reject-note">
          <summary>{t("card.rejectWithNote")}</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => api.rejectSuggestion(suggestion.id, note.trim() || undefined));
            }}
          >
            <label htmlFor={noteId} className="visually-hidden">
              {t("card.whyRejected")}
            </label>
            <textarea
              id={noteId}
              className="comment-input"
              rows={2}
              maxLength={10_000}
              dir="auto"
              placeholder={t("card.whyRejectedPlaceholder")}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="submit" className="button button-secondary button-small" disabled={busy}>
              {t("card.rejectWithThisNote")}
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
  const t = useT("suggestions");
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
        {t("panel.title")} <span className="panel-count">{open.length}</span>
      </h2>
      {closedNotice ? (
        <p className="comment-closed" role="note">
          {closedNotice}
        </p>
      ) : null}
      {error ? (
        <p className="comment-error" role="alert">
          {t("panel.couldNotLoad", { error: describeError(error) })}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="panel-empty">
          {t("panel.none")} {canSuggest && closedNotice === null ? t("panel.howTo") : null}
        </p>
      ) : (
        <ol className="suggestion-list" aria-label={t("panel.open")}>
          {open.map(card)}
        </ol>
      )}
      {decided.items.length > 0 || decided.hasMore ? (
        <details
          className="comment-resolved"
          open={decided.items.some((s) => s.id === activeId) || undefined}
        >
          <summary>
            {t(decided.hasMore ? "panel.decidedMore" : "panel.decided", {
              count: decided.items.length,
            })}
          </summary>
          <ol className="suggestion-list" aria-label={t("panel.decidedList")}>
            {decided.items.map(card)}
          </ol>
          <LoadMore
            hasMore={decided.hasMore}
            isLoading={decided.isLoadingMore}
            onLoadMore={decided.loadMore}
            label={t("panel.showMore")}
          />
        </details>
      ) : null}
    </section>
  );
}
