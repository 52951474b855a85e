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
import { useFormat, useT } from "../../i18n";
import { StatusBadge } from "../../ui/badges";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
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
  const t = useT("my-work");
  const work = useMyWork(me.id);
  const networkIds = (work.data?.tasks ?? [])
    .filter((task) => task.activityIds.length > 0)
    .map((task) => task.networkId);
  const index = useActivityIndex(networkIds);

  if (work.status === "loading") return <LoadingState label={t("loading")} />;
  if (work.status === "error") {
    return (
      <section className="page">
        <ErrorState title={t("couldNotLoad")} error={work.error} onRetry={work.reload} />
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
          <h1 id="my-work-title">{t("title")}</h1>
          <p className="muted">
            {[
              t("summary.tasks", { count: open }),
              t("summary.threads", { count: threads.length }),
              t("summary.activities", { count: activities.length }),
              t("summary.warnings", { count: openWarnings }),
            ].join(" · ")}
          </p>
        </div>
      </div>

      {validations.length > 0 ? (
        <Section id="my-validations" title={t("validations.title")} count={validations.length}>
          <ul className="list card">
            {validations.map((request) => (
              <ValidationRequestRow key={request.workplanId} request={request} />
            ))}
          </ul>
        </Section>
      ) : null}

      {consultations.length > 0 ? (
        <Section
          id="my-consultations"
          title={t("consultations.title")}
          count={consultations.length}
        >
          <ul className="list card">
            {consultations.map((invitation) => (
              <ConsultationRow key={invitation.workplanId} invitation={invitation} />
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="my-tasks" title={t("tasks.title")} count={open}>
        {tasks.length === 0 ? (
          <EmptyState title={t("tasks.empty.title")}>
            <p className="muted">{t("tasks.empty.body")}</p>
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

      <Section id="my-threads" title={t("threads.title")} count={threads.length}>
        {threads.length === 0 ? (
          <EmptyState title={t("threads.empty.title")}>
            <p className="muted">{t("threads.empty.body")}</p>
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
            <summary>{t("threads.resolvedCount", { count: resolvedThreads.length })}</summary>
            <ul className="list card">
              {resolvedThreads.map((thread) => (
                <MyThreadRow key={thread.id} thread={thread} />
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section id="my-activities" title={t("activities.title")} count={activities.length}>
        {activities.length === 0 ? (
          <EmptyState title={t("activities.empty.title")}>
            <p className="muted">{t("activities.empty.body")}</p>
          </EmptyState>
        ) : (
          <div className="my-work-groups">
            {groupByWorkplan(activities).map((group) => (
              <div key={group.workplanId} className="card my-work-group">
                <h3 className="my-work-group-title">
                  <Link to={`/workplans/${encodeURIComponent(group.workplanId)}`} dir="auto">
                    {group.workplanTitle}
                  </Link>
                </h3>
                <ul className="my-activity-list">
                  {group.activities.map((activity) => (
                    <li key={activity.activityId} className="my-activity">
                      <Link to={activityLink(activity.workplanId, activity.activityId)} dir="auto">
                        {activity.title || t("untitledActivity")}
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

      <Section id="my-warnings" title={t("warnings.title")} count={openWarnings}>
        {warnings.length === 0 ? (
          <EmptyState title={t("warnings.empty.title")}>
            <p className="muted">{t("warnings.empty.body")}</p>
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
            {multipleNetworks
              ? t("warnings.shownIn", {
                  count: more.shown,
                  open: more.open,
                  network: networkName(more.networkId) ?? t("warnings.thisNetwork"),
                })
              : t("warnings.shown", { count: more.shown, open: more.open })}{" "}
            <Link to={more.to} className="button button-secondary button-small">
              {t("warnings.seeAll", { count: more.open })}
            </Link>
          </p>
        ))}
      </Section>
    </section>
  );
}

function ValidationRequestRow({ request }: { request: ValidationRequest }) {
  const t = useT("my-work");
  const f = useFormat();
  return (
    <li className="list-row">
      <div className="list-row-main">
        <Link
          to={`/workplans/${encodeURIComponent(request.workplanId)}#validation`}
          className="list-row-title"
          dir="auto"
        >
          {request.workplanTitle}
        </Link>
        <span className="muted small">
          {t("validations.since", { since: f.relative(request.since) })}
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/workplans/${encodeURIComponent(request.workplanId)}#validation`}
          className="button button-secondary button-small"
          aria-label={t("validations.answerLabel", { title: request.workplanTitle })}
        >
          {t("validations.answer")}
        </Link>
      </div>
    </li>
  );
}

function ConsultationRow({ invitation }: { invitation: ConsultationInvitation }) {
  const t = useT("my-work");
  const f = useFormat();
  return (
    <li className="list-row">
      <div className="list-row-main">
        <Link
          to={`/workplans/${encodeURIComponent(invitation.workplanId)}`}
          className="list-row-title"
          dir="auto"
        >
          {invitation.workplanTitle}
        </Link>
        <span className="muted small">
          {invitation.deadline
            ? t("consultations.until", { date: f.calendarDate(invitation.deadline) })
            : t("consultations.invited")}
          {invitation.since
            ? ` · ${t("consultations.since", { since: f.relative(invitation.since) })}`
            : ""}
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/workplans/${encodeURIComponent(invitation.workplanId)}`}
          className="button button-secondary button-small"
          aria-label={t("consultations.commentLabel", { title: invitation.workplanTitle })}
        >
          {t("consultations.comment")}
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
  const t = useT("my-work");
  return (
    <li
      id={`task-${task.id}`}
      className={`list-row my-task${task.overdue ? " my-task-overdue" : ""}`}
    >
      <div className="list-row-main">
        <span className="list-row-title" dir="auto">
          {task.title}
        </span>
        <TaskActivities task={task} index={index} />
        <TaskThreadLink task={task} />
        <span className="muted small">
          {network ? `${network} · ` : null}
          <Link to={`/networks/${encodeURIComponent(task.networkId)}/tasks`} className="link-quiet">
            {t("tasks.allOfNetwork")}
          </Link>
        </span>
      </div>
      <div className="list-row-aside">
        <DueLabel task={task} today={toDay(new Date())} />
        <TaskStatusSelect
          task={task}
          label={t("tasks.statusOf", { title: task.title })}
          onChanged={replaceMyTask}
        />
      </div>
    </li>
  );
}

function MyThreadRow({ thread }: { thread: MyThread }) {
  const t = useT("my-work");
  const f = useFormat();
  const last = lastMessage(thread.comments);
  return (
    <li className="list-row my-thread">
      <div className="list-row-main">
        <span className="my-thread-meta">
          {thread.status === "resolved" ? (
            <span className="tag">{t("threads.resolved")}</span>
          ) : (
            <span
              className={`tag ${thread.reasons.includes("awaiting-reply") ? "tag-attention" : ""}`}
            >
              {threadReasonLabel(thread.reasons, t)}
            </span>
          )}
          <span className="muted small">
            <bdi>{thread.workplanTitle}</bdi> · {f.relative(thread.lastActivityAt)}
          </span>
        </span>
        {thread.quote ? (
          <blockquote className="my-thread-quote" dir="auto">
            {thread.quote}
          </blockquote>
        ) : null}
        {last ? (
          <p className="my-thread-last">
            <span className="my-thread-author">
              {t("threads.author", { name: last.authorName })}
            </span>{" "}
            <bdi>{last.body}</bdi>
          </p>
        ) : null}
      </div>
      <div className="list-row-aside">
        <Link
          to={activityLink(thread.workplanId, thread.activityId)}
          className="button button-secondary button-small"
        >
          {t("threads.open")}
        </Link>
      </div>
    </li>
  );
}

function MyWarningRow({ warning }: { warning: WarningView }) {
  const me = useMe();
  const t = useT("my-work");
  const [mine, other] = mySidesFirst(warning, me);
  return (
    <li className="list-row my-warning">
      <div className="list-row-main">
        <Link
          to={activityLink(mine.workplanId, mine.activityId)}
          className="list-row-title"
          dir="auto"
        >
          {mine.title || t("untitledActivity")}
        </Link>
        <span className="muted small">
          {mine.lead ? `${t("warnings.ledBy", { lead: mine.lead })} · ` : null}
          {t.rich(other.lead ? "warnings.mayDuplicateLed" : "warnings.mayDuplicate", {
            lead: other.lead ?? "",
            link: (chunks) => (
              <Link
                key="other"
                to={activityLink(other.workplanId, other.activityId)}
                className="link-quiet"
                dir="auto"
              >
                {other.title || chunks}
              </Link>
            ),
          })}
        </span>
      </div>
      <div className="list-row-aside">
        <Link
          to={`/networks/${encodeURIComponent(warning.networkId)}/warnings`}
          className="button button-secondary button-small"
        >
          {t("warnings.review")}
        </Link>
      </div>
    </li>
  );
}
