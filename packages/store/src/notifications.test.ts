import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./db";
import {
  countUnreadNotifications,
  insertNotification,
  listUserNotifications,
  markNotificationsRead,
} from "./notifications";
import { openTestStore } from "./testing";

import { createUser } from "./users";

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp() {
  const db = openTestStore(":memory:");
  open.push(db);
  const ana = createUser(db, { email: "ana@example.test", name: "Ana", passwordHash: null });
  const ben = createUser(db, { email: "ben@example.test", name: "Ben", passwordHash: null });
  const notify = (userId: string, message: string, now: number) =>
    insertNotification(
      db,
      {
        userId,
        networkId: null,
        kind: "mention",
        actorId: null,
        message,
        subject: { taskId: "t" },
      },
      now,
    );
  return { db, ana, ben, notify };
}

describe("notifications in the store", () => {
  it("lists a user's own notifications, newest first, with what they are about", () => {
    const { db, ana, ben, notify } = setUp();
    notify(ana.id, "first", 1);
    notify(ana.id, "second", 2);
    notify(ben.id, "not for Ana", 3);
    const list = listUserNotifications(db, ana.id);
    expect(list.map((n) => n.message)).toEqual(["second", "first"]);
    expect(list[0]?.subject).toEqual({ taskId: "t" });
    expect(listUserNotifications(db, ana.id, 1)).toHaveLength(1);
  });

  it("marks chosen or all notifications read, never someone else's", () => {
    const { db, ana, ben, notify } = setUp();
    const first = notify(ana.id, "first", 1);
    notify(ana.id, "second", 2);
    const bens = notify(ben.id, "Ben's", 3);
    expect(countUnreadNotifications(db, ana.id)).toBe(2);
    expect(markNotificationsRead(db, ana.id, [first.id, bens.id], 5)).toBe(1);
    expect(countUnreadNotifications(db, ana.id)).toBe(1);
    expect(countUnreadNotifications(db, ben.id)).toBe(1);
    expect(markNotificationsRead(db, ana.id, null, 6)).toBe(1);
    expect(countUnreadNotifications(db, ana.id)).toBe(0);
  });
});
