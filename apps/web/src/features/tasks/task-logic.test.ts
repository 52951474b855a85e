import type { TaskView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import english from "../../i18n/locales/en/tasks.json";
import russian from "../../i18n/locales/ru/tasks.json";
import {
  assigneesOf,
  countUnfinished,
  describeDue,
  filterTasks,
  NO_TASK_FILTER,
  sortTasks,
  toDay,
} from "./task-logic";

const t = createTranslate("en", "tasks", english);

function task(overrides: Partial<TaskView>): TaskView {
  return {
    id: "t",
    networkId: "n",
    title: "Agree who runs the border workshops",
    activityIds: [],
    assigneeId: "eka",
    assigneeName: "Eka Lomidze",
    createdBy: "tamar",
    due: null,
    status: "open",
    overdue: false,
    fromThreadId: null,
    fromWarningId: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-01T10:00:00.000Z",
    ...overrides,
  };
}

describe("describeDue", () => {
  const today = "2026-11-23";

  it("says how many days a task is overdue", () => {
    expect(describeDue(task({ due: "2026-11-20", overdue: true }), today, t)).toEqual({
      text: "Overdue by 3 days",
      tone: "overdue",
    });
    expect(describeDue(task({ due: "2026-11-22", overdue: true }), today, t).text).toBe(
      "Overdue by 1 day",
    );
  });

  it("rounds long delays to weeks, months and years", () => {
    const late = (due: string) => describeDue(task({ due, overdue: true }), today, t).text;
    expect(late("2026-10-26")).toBe("Overdue by 4 weeks");
    expect(late("2026-05-23")).toBe("Overdue by 6 months");
    expect(late("2022-06-30")).toBe("Overdue by more than 4 years");
  });

  it("counts down the last week and gives the date beyond it", () => {
    expect(describeDue(task({ due: today }), today, t).text).toBe("Due today");
    expect(describeDue(task({ due: "2026-11-24" }), today, t).text).toBe("Due tomorrow");
    expect(describeDue(task({ due: "2026-11-27" }), today, t).text).toBe("Due in 4 days");
    expect(describeDue(task({ due: "2026-12-15" }), today, t)).toEqual({
      text: "Due 15 Dec 2026",
      tone: "later",
    });
  });

  it("counts in the reader's language, with its plural forms", () => {
    const ru = createTranslate("ru", "tasks", russian);
    expect(describeDue(task({ due: "2026-11-20", overdue: true }), today, ru).text).toBe(
      "Просрочено на 3 дня",
    );
    expect(describeDue(task({ due: "2026-10-29", overdue: true }), today, ru).text).toBe(
      "Просрочено на 25 дней",
    );
    expect(describeDue(task({ due: "2026-12-15" }), today, ru).text).toMatch(/^Срок: 15 дек/);
  });

  it("does not hurry a finished task or one without a date", () => {
    expect(describeDue(task({ due: "2026-11-20", status: "done" }), today, t).tone).toBe("later");
    expect(describeDue(task({ due: null }), today, t)).toEqual({
      text: "No due date",
      tone: "none",
    });
  });
});

describe("task lists", () => {
  const late = task({ id: "late", due: "2026-11-01", overdue: true });
  const soon = task({ id: "soon", due: "2026-11-25" });
  const undated = task({ id: "undated" });
  const done = task({ id: "done", status: "done", due: "2026-10-01", assigneeId: "tamar" });

  it("puts overdue work first and finished work last", () => {
    expect(sortTasks([done, undated, soon, late]).map((t) => t.id)).toEqual([
      "late",
      "soon",
      "undated",
      "done",
    ]);
  });

  it("shows unfinished tasks unless told otherwise, and filters by assignee", () => {
    const all = [late, soon, undated, done];
    expect(filterTasks(all, NO_TASK_FILTER)).toHaveLength(3);
    expect(filterTasks(all, { status: "done", assigneeId: "" })).toEqual([done]);
    expect(filterTasks(all, { status: "all", assigneeId: "tamar" })).toEqual([done]);
    expect(countUnfinished(all)).toBe(3);
  });

  it("lists each assignee once, by name", () => {
    const other = task({ assigneeId: "ana", assigneeName: "Ana Beridze" });
    expect(assigneesOf([late, other, soon])).toEqual([
      { id: "ana", name: "Ana Beridze" },
      { id: "eka", name: "Eka Lomidze" },
    ]);
  });

  it("writes a local day as YYYY-MM-DD", () => {
    expect(toDay(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});
