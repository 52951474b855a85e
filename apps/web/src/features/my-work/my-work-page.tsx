import type {
  ConsultationInvitation,
  MyWork,
  TaskView,
  ValidationRequest,
  WarningView,
} from "@junction/domain";
import type { ReactNode } from "react";
import { Link } from "../../app/router";
import { useMe } from "../../app/session";
import { formatCount, formatRelative } from "../../lib/format";
import { StatusBadge } from "../../ui/badges";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { formatDay } from "../lifecycle";
import {
  countUnfinished,
  DueLabel,
  sortTasks,
  TaskActivities,
  TaskStatusSelect,
  TaskThreadLink,
  toDay,
  useActivityIndex,
} from "../tasks";
import {
  groupByWorkplan,
  lastMessage,
  moreWarnings,
  mySidesFirst,
  sortThreads,
  splitResolved,
  threadReasonLabel,
  totalOpenWarnings,
} from "./my-work-logic";
import { replaceMyTask, useMyWork } from "./use-my-work";

type MyThread = MyWork["threads"][number];

function activityLink(workplanId: string, activityId: string | null): string {
  const path = `/workplans/${encodeURIComponent(workplanId)}`;
  return activityId ? `${path}#activity-${encodeURIComponent(activityId)}` : path;
}

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="section my-work-section" aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>
          {title} <span className="count">{count}</span>
        </h2>
      </div>
      {children}
    </section>
  );
}

export function MyWorkPage() {
  const me = useMe();
  const work = useMyWork(me.id);
  const networkIds = (work.data?.tasks ?? [])
    .filter((task) => task.activityIds.length > 0)
    .map((task) => task.networkId);
  const index = useActivityIndex(networkIds);

  if (work.status === "loading") return <LoadingState label="Gathering your work…" />;
  if (work.status === "error") {
    return (
      <section className="page">
        <ErrorState title="Could not load My work" error={work.error} onRetry={work.reload} />
      </section>
    );
  }

  const { activities, tasks, warnings } = work.data;
  const consultations = work.data.consultations ?? [];
  const validations = work.data.validations ?? [];
  const { open: threads, resolved: resolvedThreads } = splitResolved(work.data.threads);
  const warningCounts = work.data.warningCounts ?? [];
  const openWarnings = totalOpenWarnings(warnings.length, warningCounts);
  const open = countUnfinished(tasks);
  const multipleNetworks = me.memberships.length > 1;
  const networkName = (networkId: string) =>
    me.memberships.find((m) => m.networkId === networkId)?.networkName;

  return (
    <section className="page my-work" aria-labelledby="my-work-title">
      <div className="page-header">
        <div>
          <h1 id="my-work-title">My work</h1>
          <p className="muted">
            {[
              formatCount(open, "open task"),
              formatCount(threads.length, "thread"),
              formatCount(activities.length, "activity", "activities"),
              formatCount(openWarnings, "warning"),
            ].join(" · ")}
          </p>
        </div>
      </div>

      {validations.length > 0 ? (
        <Section
          id="my-validations"
          title="Workplans waiting for your organisation's approval"
          count={validations.length}
        >
          <ul className="list card">
            {validations.map((request) => (
              <ValidationRequestRow key={request.workplanId} request={request} />
            ))}
          </ul>
        </Section>
      ) : null}

      {consultations.length > 0 ? (
        <Section id="my-consultations" title="Invitations to comment" count={consultations.length}>
          <ul className="list card">
            {consultations.map((invitation) => (
              <ConsultationRow key={invitation.workplanId} invitation={invitation} />
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="my-tasks" title="Tasks assigned to you" count={open}>
        {tasks.length === 0 ? (
          <EmptyState title="No tasks for you">
            <p className="muted">
              When a coordinator assigns you a task, it appears here with its due date.
            </p>
          </EmptyState>
        ) : (
          <ul className="list card my-task-list">
            {sortTasks(tasks).map((task) => (
              <MyTask
                key={task.id}
                task={task}
                index={index}
                network={multipleNetworks ? networkName(task.networkId) : undefined}
              />
            ))}
          </ul>
        )}
      </Section>

      <Section id="my-threads" title="Threads for you" count={threads.length}>
        {threads.length === 0 ? (
          <EmptyState title="Nothing to answer">
            <p className="muted">
              Comment threads that @mention you, or wait for your reply, appear here.
            </p>
          </EmptyState>
        ) : (
          <ul className="list card">
            {sortThreads(threads).map((thread) => (
              <MyThreadRow key={thread.id} thread={thread} />
            ))}
          </ul>
        )}
        {resolvedThreads.length > 0 ? (
          <details className="my-resolved-threads">
            <summary>Resolved ({resolvedThreads.length})</summary>
            <ul className="list card">
              {resolvedThreads.map((thread) => (
                <MyThreadRow key={thread.id} thread={thread} />
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section id="my-activities" title="Activities you own" count={activities.length}>
        {activities.length === 0 ? (
          <EmptyState title="You own no activities">
            <p className="muted">
              When someone makes you an owner of an activity in a workplan, it is listed here.
            </p>
          </EmptyState>
        ) : (
          <div className="my-work-groups">
            {groupByWorkplan(activities).map((group) => (
              <div key={group.workplanId} className="card my-work-group">
                <h3 className="my-work-group-title">
                  <Link to={`/workplans/${encodeURIComponent(group.workplanId)}`}>
                    {group.workplanTitle}
                  </Link>
                </h3>
                <ul className="my-activity-list">
                  {group.activities.map((activity) => (
                    <li key={activity.activityId} className="my-activity">
                      <Link to={activityLink(activity.workplanId, activity.activityId)}>
                        {activity.title || "Untitled activity"}
                      </Link>
                      <StatusBadge status={activity.status} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        id="my-warnings"
        title="Open warnings on your organisation's activities"
        count={openWarnings}
      >
        {warnings.length === 0 ? (
          <EmptyState title="No open warnings">
            <p className="muted">
              When Junction finds an activity of another organisation that looks like one your
              organisation leads, the pair appears here until a coordinator decides.
            </p>
          </EmptyState>
        ) : (
          <ul className="list card">
            {warnings.map((warning) => (
              <MyWarningRow key={warning.id} warning={warning} />
            ))}
          </ul>
        )}
        {moreWarnings(warnings, warningCounts).map((more) => (
          <p key={more.networkId} className="muted load-more">
            {formatCount(more.shown, "strongest warning")} of {more.open} shown
            {multipleNetworks ? ` in ${networkName(more.networkId) ?? "this network"}` : ""}.{" "}
            <Link to={more.to} className="button button-secondary button-small">
              See all {more.open} on the Warnings page
            </Link>
          </p>
        ))}
      </Section>
    </section>
  );
}

function ValidationRequestRow({ request }: { request: ValidationRequest }) {
  return (
    <li className="list-row">
      <div className="list-row-main">
        <Link
          to={`/workplans/${encodeURIComponent(request.workplanId)}#validation`}
          className="list-row-title"
        >
          {request.workplanTitle}
        </Link>
        <span className="muted small">
          In validation since {formatRelative(request.since)}: approve it or object, with a comment,
          for your organisation
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/workplans/${encodeURIComponent(request.workplanId)}#validation`}
          className="button button-secondary button-small"
          aria-label={`Answer for “${request.workplanTitle}”`}
        >
          Answer
        </Link>
      </div>
    </li>
  );
}

function ConsultationRow({ invitation }: { invitation: ConsultationInvitation }) {
  return (
    <li className="list-row">
      <div className="list-row-main">
        <Link
          to={`/workplans/${encodeURIComponent(invitation.workplanId)}`}
          className="list-row-title"
        >
          {invitation.workplanTitle}
        </Link>
        <span className="muted small">
          {invitation.deadline
            ? `Comments are invited until ${formatDay(invitation.deadline)}`
            : "Comments are invited"}
          {invitation.since
            ? ` · out for consultation since ${formatRelative(invitation.since)}`
            : ""}
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/workplans/${encodeURIComponent(invitation.workplanId)}`}
          className="button button-secondary button-small"
          aria-label={`Comment on “${invitation.workplanTitle}”`}
        >
          Comment
        </Link>
      </div>
    </li>
  );
}

function MyTask({
  task,
  index,
  network,
}: {
  task: TaskView;
  index: ReturnType<typeof useActivityIndex>;
  network: string | undefined;
}) {
  return (
    <li
      id={`task-${task.id}`}
      className={`list-row my-task${task.overdue ? " my-task-overdue" : ""}`}
    >
      <div className="list-row-main">
        <span className="list-row-title">{task.title}</span>
        <TaskActivities task={task} index={index} />
        <TaskThreadLink task={task} />
        <span className="muted small">
          {network ? `${network} · ` : null}
          <Link to={`/networks/${encodeURIComponent(task.networkId)}/tasks`} className="link-quiet">
            All tasks of the network
          </Link>
        </span>
      </div>
      <div className="list-row-aside">
        <DueLabel task={task} today={toDay(new Date())} />
        <TaskStatusSelect
          task={task}
          label={`Status of “${task.title}”`}
          onChanged={replaceMyTask}
        />
      </div>
    </li>
  );
}

function MyThreadRow({ thread }: { thread: MyThread }) {
  const last = lastMessage(thread.comments);
  return (
    <li className="list-row my-thread">
      <div className="list-row-main">
        <span className="my-thread-meta">
          {thread.status === "resolved" ? (
            <span className="tag">Resolved</span>
          ) : (
            <span
              className={`tag ${thread.reasons.includes("awaiting-reply") ? "tag-attention" : ""}`}
            >
              {threadReasonLabel(thread.reasons)}
            </span>
          )}
          <span className="muted small">
            {thread.workplanTitle} · {formatRelative(thread.lastActivityAt)}
          </span>
        </span>
        {thread.quote ? <blockquote className="my-thread-quote">{thread.quote}</blockquote> : null}
        {last ? (
          <p className="my-thread-last">
            <span className="my-thread-author">{last.authorName}:</span> {last.body}
          </p>
        ) : null}
      </div>
      <div className="list-row-aside">
        <Link
          to={activityLink(thread.workplanId, thread.activityId)}
          className="button button-secondary button-small"
        >
          Open in workplan
        </Link>
      </div>
    </li>
  );
}

function MyWarningRow({ warning }: { warning: WarningView }) {
  const me = useMe();
  const [mine, other] = mySidesFirst(warning, me);
  return (
    <li className="list-row my-warning">
      <div className="list-row-main">
        <Link to={activityLink(mine.workplanId, mine.activityId)} className="list-row-title">
          {mine.title || "Untitled activity"}
        </Link>
        <span className="muted small">
          {mine.lead ? `Led by ${mine.lead} · ` : null}
          may duplicate{" "}
          <Link to={activityLink(other.workplanId, other.activityId)} className="link-quiet">
            {other.title || "Untitled activity"}
          </Link>
          {other.lead ? ` (${other.lead})` : null}
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/networks/${encodeURIComponent(warning.networkId)}/warnings`}
          className="button button-secondary button-small"
        >
          Review warning
        </Link>
      </div>
    </li>
  );
}
