import { randomUUID } from "node:crypto";
import { TASK_STATUSES, type TaskStatus } from "@junction/domain";
import type { Db } from "./db";
import { type OrderKey, type Page, type PageRequest, selectPage } from "./pages";
import { statement } from "./statements";

export type TaskRecord = {
  id: string;
  networkId: string;
  title: string;
  activityIds: string[];
  assigneeId: string | null;
  assigneeName: string | null;
  createdBy: string;
  createdByName: string;
  /** YYYY-MM-DD */
  due: string | null;
  status: TaskStatus;
  fromThreadId: string | null;
  fromWarningId: string | null;
  createdAt: number;
  updatedAt: number;
};

type TaskRow = {
  id: string;
  network_id: string;
  title: string;
  activity_ids: string;
  assignee_id: string | null;
  assignee_name: string | null;
  created_by: string;
  created_by_name: string | null;
  due: string | null;
  status: string;
  from_thread_id: string | null;
  from_warning_id: string | null;
  created_at: number;
  updated_at: number | null;
};

function asStatus(value: string): TaskStatus {
  return TASK_STATUSES.find((status) => status === value) ?? "open";
}

function asIds(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function toTask(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    networkId: row.network_id,
    title: row.title,
    activityIds: asIds(row.activity_ids),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    createdBy: row.created_by,
    createdByName: row.created_by_name ?? "",
    due: row.due,
    status: asStatus(row.status),
    fromThreadId: row.from_thread_id,
    fromWarningId: row.from_warning_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at ?? row.created_at,
  };
}

const TASK_SELECT = `
  SELECT t.*, u.name AS assignee_name, c.name AS created_by_name
  FROM tasks t LEFT JOIN users u ON u.id = t.assignee_id LEFT JOIN users c ON c.id = t.created_by`;

export function insertTask(
  db: Db,
  input: {
    networkId: string;
    title: string;
    activityIds: readonly string[];
    assigneeId: string;
    createdBy: string;
    due: string | null;
    status: TaskStatus;
    fromThreadId: string | null;
    fromWarningId: string | null;
  },
  now: number,
): TaskRecord {
  const id = randomUUID();
  statement(
    db,
    `INSERT INTO tasks (id, network_id, title, activity_ids, assignee_id, created_by, due, status,
       from_thread_id, from_warning_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.networkId,
    input.title,
    JSON.stringify(input.activityIds),
    input.assigneeId,
    input.createdBy,
    input.due,
    input.status,
    input.fromThreadId,
    input.fromWarningId,
    now,
    now,
  );
  const created = findTask(db, id);
  if (!created) throw new Error(`task ${id} vanished after insert`);
  return created;
}

export function findTask(db: Db, id: string): TaskRecord | null {
  const row = statement(db, `${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  return row ? toTask(row) : null;
}

/** The network's tasks: unfinished first, then by due date (undated last). */
export function listNetworkTasks(db: Db, networkId: string): TaskRecord[] {
  const rows = statement(
    db,
    `${TASK_SELECT} WHERE t.network_id = ?
     ORDER BY t.status IN ('done', 'cancelled'), t.due IS NULL, t.due, t.created_at`,
  ).all(networkId) as TaskRow[];
  return rows.map(toTask);
}

/** The tasks made from one comment thread, oldest first. */
export function listThreadTasks(db: Db, threadId: string): TaskRecord[] {
  const rows = statement(
    db,
    `${TASK_SELECT} WHERE t.from_thread_id = ? ORDER BY t.created_at, t.rowid`,
  ).all(threadId) as TaskRow[];
  return rows.map(toTask);
}

/** The tasks made from any of a workplan's comment threads, oldest first, in one query. */
export function listWorkplanThreadTasks(db: Db, workplanId: string): TaskRecord[] {
  const rows = statement(
    db,
    `${TASK_SELECT} JOIN comment_threads th ON th.id = t.from_thread_id
     WHERE th.workplan_id = ? ORDER BY t.created_at, t.rowid`,
  ).all(workplanId) as TaskRow[];
  return rows.map(toTask);
}

/** Tasks assigned to a user in networks they are still a member of. */
export function listAssignedTasks(db: Db, userId: string): TaskRecord[] {
  const rows = statement(
    db,
    `${TASK_SELECT} JOIN memberships m ON m.network_id = t.network_id AND m.user_id = t.assignee_id
     WHERE t.assignee_id = ?
     ORDER BY t.status IN ('done', 'cancelled'), t.due IS NULL, t.due, t.created_at`,
  ).all(userId) as TaskRow[];
  return rows.map(toTask);
}

export function updateTask(
  db: Db,
  id: string,
  change: {
    title?: string;
    status?: TaskStatus;
    assigneeId?: string;
    due?: string | null;
    activityIds?: readonly string[];
  },
  now: number,
): void {
  const current = findTask(db, id);
  if (!current) return;
  statement(
    db,
    "UPDATE tasks SET title = ?, status = ?, assignee_id = ?, due = ?, activity_ids = ?, updated_at = ? WHERE id = ?",
  ).run(
    change.title ?? current.title,
    change.status ?? current.status,
    change.assigneeId ?? current.assigneeId,
    change.due === undefined ? current.due : change.due,
    JSON.stringify(change.activityIds ?? current.activityIds),
    now,
    id,
  );
}

// unfinished first, then by due date (undated last), then oldest; the id makes the order total
const TASK_ORDER: readonly OrderKey[] = [
  { sql: "(t.status IN ('done', 'cancelled'))" },
  { sql: "(t.due IS NULL)" },
  { sql: "coalesce(t.due, '')" },
  { sql: "t.created_at" },
  { sql: "t.rowid" },
];

export type TaskFilter = { status?: TaskStatus; assigneeId?: string };

/** A page of the network's tasks in the order the tasks page shows them. */
export function listNetworkTaskPage(
  db: Db,
  networkId: string,
  filter: TaskFilter,
  page: PageRequest,
): Page<TaskRecord> {
  const where = ["t.network_id = ?"];
  const params: unknown[] = [networkId];
  if (filter.status !== undefined) {
    where.push("t.status = ?");
    params.push(filter.status);
  }
  if (filter.assigneeId !== undefined) {
    where.push("t.assignee_id = ?");
    params.push(filter.assigneeId);
  }
  const rows = selectPage<TaskRow>(db, { select: TASK_SELECT, where, params }, TASK_ORDER, page);
  return { items: rows.items.map(toTask), next: rows.next };
}
