import type { NotificationView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import {
  notificationHref,
  prependNotification,
  readableMessage,
  unreadBadge,
} from "./notification-logic";

function notification(overrides: Partial<NotificationView>): NotificationView {
  return {
    id: "n1",
    kind: "mention",
    networkId: "georgia",
    actorId: "tamar",
    message: "Tamar Kapanadze mentioned you in Joint workplan",
    workplanId: null,
    activityId: null,
    threadId: null,
    taskId: null,
    warningId: null,
    createdAt: "2026-11-23T10:00:00.000Z",
    read: false,
    ...overrides,
  };
}

describe("notificationHref", () => {
  it("opens the activity a mention is about", () => {
    expect(
      notificationHref(notification({ workplanId: "wp 1", activityId: "a1", threadId: "t1" })),
    ).toBe("/workplans/wp%201#activity-a1");
    expect(notificationHref(notification({ workplanId: "wp1" }))).toBe("/workplans/wp1");
  });

  it("opens the validation panel for a validation request or an objection", () => {
    for (const kind of ["validation-requested", "validation-objection"] as const) {
      expect(notificationHref(notification({ kind, workplanId: "wp1" }))).toBe(
        "/workplans/wp1#validation",
      );
    }
    expect(notificationHref(notification({ kind: "consultation", workplanId: "wp1" }))).toBe(
      "/workplans/wp1",
    );
  });

  it("sends a new task to My work and a changed one to the network's tasks", () => {
    expect(notificationHref(notification({ kind: "task-assigned", taskId: "t9" }))).toBe(
      "/my-work#task-t9",
    );
    expect(notificationHref(notification({ kind: "task-updated", taskId: "t9" }))).toBe(
      "/networks/georgia/tasks#task-t9",
    );
  });

  it("opens the warnings of the network for a warning, else the network", () => {
    expect(notificationHref(notification({ kind: "warning", warningId: "w1" }))).toBe(
      "/networks/georgia/warnings",
    );
    expect(notificationHref(notification({}))).toBe("/networks/georgia");
    expect(notificationHref(notification({ networkId: null }))).toBe("/my-work");
  });
});

describe("the bell", () => {
  it("shows nothing at zero and caps large counts", () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe("7");
    expect(unreadBadge(120)).toBe("99+");
  });

  it("adds a pushed notification on top, once", () => {
    const first = notification({ id: "a" });
    const second = notification({ id: "b" });
    expect(prependNotification([first], second).map((n) => n.id)).toEqual(["b", "a"]);
    expect(prependNotification([second, first], second).map((n) => n.id)).toEqual(["b", "a"]);
    expect(prependNotification([first], second, 1).map((n) => n.id)).toEqual(["b"]);
  });

  it("writes a task's due day as task lists do", () => {
    expect(readableMessage("Tamar assigned you a task: Agree roles (due 2026-12-16)")).toBe(
      "Tamar assigned you a task: Agree roles (due 16 Dec 2026)",
    );
    expect(readableMessage("Nino mentioned you in Joint workplan")).toBe(
      "Nino mentioned you in Joint workplan",
    );
  });
});
