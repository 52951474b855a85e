import type { NotificationView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import arabic from "../../i18n/locales/ar/notifications.json";
import english from "../../i18n/locales/en/notifications.json";
import french from "../../i18n/locales/fr/notifications.json";
import {
  describeNotification,
  notificationHref,
  prependNotification,
  readableMessage,
  unreadBadge,
} from "./notification-logic";

const en = createTranslate("en", "notifications", english);
const fr = createTranslate("fr", "notifications", french);

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
    const arabicDigits = (n: number) => new Intl.NumberFormat("ar").format(n);
    expect(unreadBadge(7, arabicDigits)).toBe(arabicDigits(7));
  });

  it("adds a pushed notification on top, once", () => {
    const first = notification({ id: "a" });
    const second = notification({ id: "b" });
    expect(prependNotification([first], second).map((n) => n.id)).toEqual(["b", "a"]);
    expect(prependNotification([second, first], second).map((n) => n.id)).toEqual(["b", "a"]);
    expect(prependNotification([first], second, 1).map((n) => n.id)).toEqual(["b"]);
  });

  it("writes the days of a sentence it does not know in the reader's language", () => {
    expect(readableMessage("Tamar did something due 2026-12-16", "en")).toBe(
      "Tamar did something due 16 Dec 2026",
    );
    expect(readableMessage("Nino mentioned you in Joint workplan", "fr")).toBe(
      "Nino mentioned you in Joint workplan",
    );
  });
});

describe("describeNotification", () => {
  // the people's words are bidi-isolated (invisible marks): read as a person sees them
  const say = (kind: NotificationView["kind"], message: string, t = fr) =>
    describeNotification({ kind, message }, t).replace(/[\u2068\u2069]/g, "");

  it("isolates what people typed in Arabic, so an English title keeps its own order", () => {
    const ar = createTranslate("ar", "notifications", arabic);
    const message = "Nino mentioned you in a comment on Plan A";
    expect(describeNotification({ kind: "mention", message }, ar)).toContain("\u2068Plan A\u2069");
    expect(describeNotification({ kind: "mention", message }, en)).toBe(message);
  });

  it("puts each kind's people, titles and days into the reader's language", () => {
    expect(say("mention", "Tamar Kapanadze mentioned you in a comment on Joint workplan")).toBe(
      "Tamar Kapanadze vous a mentionné dans un commentaire sur Joint workplan",
    );
    expect(say("task-assigned", "Tamar assigned you a task: Agree roles (due 2026-12-16)")).toBe(
      "Tamar vous a confié une tâche : Agree roles (échéance le 16 déc. 2026)",
    );
    expect(say("task-assigned", "Tamar assigned you a task: Agree roles")).toBe(
      "Tamar vous a confié une tâche : Agree roles",
    );
    expect(say("task-updated", 'Eka marked "Agree roles" in-progress')).toBe(
      "Eka a marqué « Agree roles » comme en cours",
    );
    expect(
      say("consultation", 'Tamar invites you to comment on "Joint plan" until 16 December 2026'),
    ).toBe("Tamar vous invite à commenter « Joint plan » jusqu’au 16 déc. 2026");
    expect(
      say(
        "validation-requested",
        '"Joint plan" is in validation: your organisation is asked to approve it or object',
      ),
    ).toBe(
      "« Joint plan » est en validation : votre organisation est invitée à l’approuver ou à formuler une objection",
    );
    expect(
      say(
        "validation-objection",
        'Tamar overruled UNHCR\'s objection to "Joint plan": Agreed: we go on',
      ),
    ).toBe("Tamar a passé outre l’objection de UNHCR à « Joint plan » : Agreed: we go on");
  });

  it("reads the same in English as the server wrote it, days excepted", () => {
    expect(
      say("warning", '"Border workshops" may duplicate "Workshops at borders" (Joint plan)', en),
    ).toBe("“Border workshops” may duplicate “Workshops at borders” (Joint plan)");
    expect(
      say("task-assigned", "Tamar assigned you a task: Agree roles (due 2026-12-16)", en),
    ).toBe("Tamar assigned you a task: Agree roles (due 16 Dec 2026)");
  });

  it("uses Arabic digits and words in Arabic", () => {
    const ar = createTranslate("ar", "notifications", arabic);
    const text = say(
      "task-assigned",
      "Tamar assigned you a task: Agree roles (due 2026-12-16)",
      ar,
    );
    expect(text).toContain("أسند إليك Tamar مهمة");
    expect(text).not.toContain("2026-12-16");
  });

  it("shows a sentence of an unknown shape as it came", () => {
    expect(say("mention", "Nino mentioned you in Joint workplan")).toBe(
      "Nino mentioned you in Joint workplan",
    );
  });
});
