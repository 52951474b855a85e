import {
  emptyActivity,
  type RestoreResult,
  type VersionView,
  type WorkplanDiff,
} from "@junction/domain";
import {
  appendNarrative,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
} from "@junction/domain/doc";
import { createSqliteUpdateLog, createWorkplan } from "@junction/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { stateFromLog } from "./services/document-state";
import { createTestNetwork, type TestNetwork } from "./test/harness";
import {
  type Client,
  connectClient,
  destroyClient,
  type LiveServer,
  startLiveServer,
  whenSynced,
} from "./test/live-server";

let server: LiveServer | null = null;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) destroyClient(client);
  await server?.close();
  server = null;
});

type Actor = "coordinator" | "editor" | "commenter" | "viewer";
const ROLES: Actor[] = ["coordinator", "editor", "commenter", "viewer"];

async function setUp(): Promise<{ s: LiveServer; n: TestNetwork }> {
  server = await startLiveServer();
  const s = server;
  const n = createTestNetwork(s);
  s.sync.change(n.workplanId, (ydoc) =>
    appendNarrative(ydoc, [
      { kind: "heading", level: 2, text: "Context" },
      { kind: "paragraph", text: "The Network supports the State Commission." },
      { kind: "paragraph", text: "Border work is planned below." },
      {
        kind: "activity",
        activity: { ...emptyActivity("X1"), title: "Train border police", lead: n.orgB },
      },
    ]),
  );
  return { s, n };
}

async function call<T>(
  s: LiveServer,
  cookie: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      cookie,
      origin: s.url,
      ...(json === undefined ? {} : { "content-type": "application/json" }),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function open(s: LiveServer, workplanId: string, cookie: string): Promise<Client> {
  const client = connectClient(s, workplanId, { cookie });
  clients.push(client);
  await whenSynced(client.provider);
  return client;
}

function storedState(s: LiveServer, workplanId: string): Uint8Array {
  return stateFromLog(createSqliteUpdateLog(s.db).load(workplanId));
}

function storedRows(s: LiveServer, workplanId: string): number {
  return s.db
    .prepare("SELECT COUNT(*) FROM workplan_updates WHERE workplan_id = ?")
    .pluck()
    .get(workplanId) as number;
}

function paragraph(ydoc: Y.Doc, index: number): Y.XmlText {
  return (ydoc.getXmlFragment(NARRATIVE_FIELD).get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

function moveTo(s: LiveServer, n: TestNetwork, stage: string, workplanId = n.workplanId) {
  return call(s, n.cookies.coordinator, "POST", `/api/workplans/${workplanId}/stage`, { stage });
}

async function adopt(s: LiveServer, n: TestNetwork, workplanId = n.workplanId): Promise<void> {
  for (const stage of ["consultation", "validation", "adopted"]) {
    expect((await moveTo(s, n, stage, workplanId)).status).toBe(200);
  }
}

describe("an adopted workplan with stock y-websocket clients of every role", () => {
  it("refuses every role's updates, coordinators' included: nothing stored or broadcast, sockets stay open", async () => {
    const { s, n } = await setUp();
    const connected = new Map<Actor, Client>();
    for (const role of ROLES) connected.set(role, await open(s, n.workplanId, n.cookies[role]));
    const closes: Actor[] = [];
    for (const [role, client] of connected) {
      client.provider.on("connection-close", () => closes.push(role));
    }
    const editor = connected.get("editor") as Client;
    const viewer = connected.get("viewer") as Client;
    paragraph(editor.ydoc, 1).insert(0, "Before adoption. ");
    await vi.waitFor(() =>
      expect(paragraph(viewer.ydoc, 1).toString()).toContain("Before adoption."),
    );

    await adopt(s, n);
    const rows = storedRows(s, n.workplanId);
    const adopted = storedState(s, n.workplanId);
    const refused = s.sync.stats().refusedUpdates;
    for (const [role, client] of connected)
      paragraph(client.ydoc, 2).insert(0, `${role} was here. `);
    await vi.waitFor(() => expect(s.sync.stats().refusedUpdates).toBe(refused + ROLES.length));

    // a reader joining now gets the adopted text and nobody's later typing
    const late = await open(s, n.workplanId, n.cookies.viewer);
    expect(paragraph(late.ydoc, 2).toString()).toBe("Border work is planned below.");
    for (const [role, client] of connected) {
      expect(paragraph(client.ydoc, 2).toString()).toBe(
        `${role} was here. Border work is planned below.`,
      );
      expect(client.provider.wsconnected).toBe(true);
    }
    expect(closes).toEqual([]);
    expect(storedRows(s, n.workplanId)).toBe(rows);
    expect(Buffer.from(storedState(s, n.workplanId)).equals(Buffer.from(adopted))).toBe(true);
    // and the adoption saved the adopted text as a version
    const versions = await call<VersionView[]>(
      s,
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/versions`,
    );
    expect(versions.body[0]).toMatchObject({ name: "Adopted", kind: "stage", stage: "adopted" });
  });

  it("turns an open editor into a reader live, then lets it edit the revision a coordinator opens", async () => {
    const { s, n } = await setUp();
    const editor = await open(s, n.workplanId, n.cookies.editor);
    const coordinator = await open(s, n.workplanId, n.cookies.coordinator);
    await adopt(s, n);
    const refused = s.sync.stats().refusedUpdates;
    paragraph(editor.ydoc, 1).insert(0, "Too late. ");
    await vi.waitFor(() => expect(s.sync.stats().refusedUpdates).toBe(refused + 1));
    expect(paragraph(coordinator.ydoc, 1).toString()).not.toContain("Too late.");

    const revision = await call<{ id: string; stage: string; revisionOf: { id: string } }>(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    expect(revision.status).toBe(201);
    expect(revision.body).toMatchObject({ stage: "draft", revisionOf: { id: n.workplanId } });
    const activities = await call<{ id: string }[]>(
      s,
      n.cookies.viewer,
      "GET",
      `/api/workplans/${revision.body.id}/activities`,
    );
    expect(activities.body.map((a) => a.id)).toEqual(["X1"]);

    const reviser = await open(s, revision.body.id, n.cookies.editor);
    const reader = await open(s, revision.body.id, n.cookies.viewer);
    expect(paragraph(reviser.ydoc, 1).toString()).toBe(
      "The Network supports the State Commission.",
    );
    paragraph(reviser.ydoc, 1).insert(0, "Revised: ");
    await vi.waitFor(() => expect(paragraph(reader.ydoc, 1).toString()).toContain("Revised: "));
    const adoptedText = paragraph(docOf(storedState(s, n.workplanId)), 1).toString();
    expect(adoptedText).toBe("The Network supports the State Commission.");
  });
});

function docOf(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

describe("restoring a version with editors typing", () => {
  it("makes the document equal the version again, keeps what was typed meanwhile, and converges", async () => {
    const { s, n } = await setUp();
    const saved = await call<VersionView>(
      s,
      n.cookies.editor,
      "POST",
      `/api/workplans/${n.workplanId}/versions`,
      { name: "Before the workshop" },
    );
    expect(saved.status).toBe(201);
    const editor = await open(s, n.workplanId, n.cookies.editor);
    const offline = await open(s, n.workplanId, n.cookies.coordinator);
    const watcher = await open(s, n.workplanId, n.cookies.viewer);
    editor.ydoc.transact(() => {
      paragraph(editor.ydoc, 1).insert(0, "Rewritten: ");
      (findActivityElement(editor.ydoc, "X1") as Y.XmlElement).setAttribute("status", "ongoing");
    });
    await vi.waitFor(() => {
      expect(readActivities(watcher.ydoc)[0]?.status).toBe("ongoing");
      expect(readActivities(offline.ydoc)[0]?.status).toBe("ongoing");
    });

    // one editor types on a train (concurrent with the restore for sure), the other live
    offline.provider.disconnect();
    paragraph(offline.ydoc, 2).insert(0, "Typed offline. ");
    let typed = 0;
    const typing = setInterval(() => {
      paragraph(editor.ydoc, 2).insert(0, `k${typed++} `);
    }, 2);
    const restore = await call<RestoreResult>(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/versions/${saved.body.id}/restore`,
    );
    clearInterval(typing);
    paragraph(editor.ydoc, 2).insert(0, "after ");
    offline.provider.connect();
    expect(restore.status).toBe(200);
    expect(restore.body).toMatchObject({
      changed: true,
      restored: { id: saved.body.id },
      version: {
        kind: "restore",
        restoredFrom: saved.body.id,
        name: 'Restored "Before the workshop"',
      },
    });

    await vi.waitFor(() => {
      const text = paragraph(watcher.ydoc, 2).toString();
      expect(text).toContain("Typed offline. ");
      expect(text).toContain("after ");
      expect(paragraph(editor.ydoc, 2).toString()).toBe(text);
      expect(paragraph(offline.ydoc, 2).toString()).toBe(text);
    });
    for (const client of [editor, offline, watcher]) {
      expect(paragraph(client.ydoc, 1).toString()).toBe(
        "The Network supports the State Commission.",
      );
      expect(readActivities(client.ydoc)[0]?.status).toBe("planned");
    }
    const stored = docOf(storedState(s, n.workplanId));
    expect(stored.getXmlFragment(NARRATIVE_FIELD).toJSON()).toBe(
      editor.ydoc.getXmlFragment(NARRATIVE_FIELD).toJSON(),
    );

    // what differs from the version now is the typing done meanwhile, and nothing else
    const diff = await call<WorkplanDiff>(
      s,
      n.cookies.viewer,
      "GET",
      `/api/workplans/${n.workplanId}/diff?from=${saved.body.id}&to=current`,
    );
    expect(diff.body.activities).toMatchObject({ added: [], removed: [], changed: [] });
    expect(diff.body.narrative.every((op) => op.op === "added")).toBe(true);
    expect(diff.body.narrative.map((op) => op.text).join(" ")).toContain("Typed offline.");
  });
});

describe("the diff names who changed what", () => {
  it("attributes an editor's field and text changes to them and their organisation", async () => {
    const { s, n } = await setUp();
    const saved = await call<VersionView>(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/versions`,
      { name: "Baseline" },
    );
    const editor = await open(s, n.workplanId, n.cookies.editor);
    editor.ydoc.transact(() => {
      const block = findActivityElement(editor.ydoc, "X1") as Y.XmlElement;
      block.setAttribute("end", "2027-06");
      block.setAttribute("partners", [n.orgA] as unknown as string);
      const added = new Y.XmlElement("paragraph");
      added.insert(0, [new Y.XmlText("Risks are listed in the annex.")]);
      const fragment = editor.ydoc.getXmlFragment(NARRATIVE_FIELD);
      fragment.insert(fragment.length, [added]);
    });
    await vi.waitFor(() =>
      expect(readActivities(docOf(storedState(s, n.workplanId)))[0]?.end).toBe("2027-06"),
    );
    const diff = await call<WorkplanDiff>(
      s,
      n.cookies.commenter,
      "GET",
      `/api/workplans/${n.workplanId}/diff?from=${saved.body.id}&to=current`,
    );
    expect(diff.status).toBe(200);
    const author = {
      userId: n.users.editor.id,
      name: n.users.editor.name,
      organisationId: n.orgB,
      organisation: "MB",
    };
    expect(diff.body.narrative).toEqual([
      {
        op: "added",
        text: "Risks are listed in the annex.",
        context: "Risks are listed in the annex.",
        changedBy: [author],
      },
    ]);
    expect(diff.body.activities.changed).toEqual([
      {
        id: "X1",
        fields: { partners: { from: [], to: [n.orgA] }, end: { from: null, to: "2027-06" } },
        fieldsChangedBy: { partners: [author], end: [author] },
        changedBy: [author],
      },
    ]);
    expect(diff.body.organisations[n.orgA]).toBe("AA");
  });
});

describe("duplication warnings and revisions", () => {
  it("never pairs a revision with its adopted plan, and keeps the warnings and decisions it had", async () => {
    const { s, n } = await setUp();
    const other = createWorkplan(s.db, {
      networkId: n.networkId,
      title: "Ministry plan",
      createdBy: null,
    });
    s.sync.change(other.id, (ydoc) =>
      appendNarrative(ydoc, [
        {
          kind: "activity",
          activity: {
            ...emptyActivity("M1"),
            title: "Train border police",
            lead: n.orgA,
            gcmObjectives: [10],
          },
        },
      ]),
    );
    type Warning = {
      id: string;
      status: string;
      a: { workplanId: string };
      b: { workplanId: string };
    };
    const warningsOf = async (workplanId: string) =>
      (await call<Warning[]>(s, n.cookies.viewer, "GET", `/api/workplans/${workplanId}/warnings`))
        .body;
    await vi.waitFor(async () => expect(await warningsOf(other.id)).toHaveLength(1));
    const [known] = await warningsOf(other.id);
    const decided = await call(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/warnings/${known?.id}/decision`,
      { decision: "not-duplicate" },
    );
    expect(decided.status).toBe(200);
    // without a lead nothing rules the twin out: the pair would be flagged but for revisions
    s.sync.change(n.workplanId, (ydoc) =>
      appendNarrative(ydoc, [
        {
          kind: "activity",
          activity: {
            ...emptyActivity("X2"),
            title: "Open a shelter for returning migrants in Batumi",
            gcmObjectives: [21],
            locations: ["Batumi"],
          },
        },
      ]),
    );
    await adopt(s, n);
    const warningNotifications = () =>
      s.db.prepare("SELECT COUNT(*) FROM notifications WHERE kind = 'warning'").pluck().get();
    const notified = warningNotifications();
    const revision = await call<{ id: string }>(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    // the pair a coordinator judged "not a duplicate" stays judged in the revision, unannounced
    const warnings = await warningsOf(revision.body.id);
    expect(warnings.map((w) => [[w.a.workplanId, w.b.workplanId].sort(), w.status])).toEqual([
      [[other.id, revision.body.id].sort(), "dismissed"],
    ]);
    expect(warningNotifications()).toBe(notified);
  });

  it("counts a duplication once a revision opens: the adopted plan's open warning moves to it", async () => {
    const { s, n } = await setUp();
    const other = createWorkplan(s.db, {
      networkId: n.networkId,
      title: "Ministry plan",
      createdBy: null,
    });
    const ministryActivity = (title: string) =>
      s.sync.change(other.id, (ydoc) => {
        const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
        if (fragment.length > 0) fragment.delete(0, fragment.length);
        appendNarrative(ydoc, [
          {
            kind: "activity",
            activity: { ...emptyActivity("M1"), title, lead: n.orgA, gcmObjectives: [10] },
          },
        ]);
      });
    ministryActivity("Train border police");
    const openPairs = () =>
      s.db
        .prepare(
          "SELECT workplan_a || '+' || workplan_b FROM warnings WHERE network_id = ? AND status = 'open' ORDER BY 1",
        )
        .pluck()
        .all(n.networkId);
    await vi.waitFor(() => expect(openPairs()).toHaveLength(1));
    await adopt(s, n);
    const revision = await call<{ id: string }>(
      s,
      n.cookies.coordinator,
      "POST",
      `/api/workplans/${n.workplanId}/revisions`,
    );
    expect(revision.status).toBe(201);
    const once = [[other.id, revision.body.id].sort().join("+")];
    expect(openPairs()).toEqual(once);
    // the other side changes: the engine re-scores it, and pairs it with the revision alone
    ministryActivity("Train border police officers");
    // the index and the warnings are rewritten in one transaction
    await vi.waitFor(() =>
      expect(
        s.db.prepare("SELECT data FROM activities WHERE workplan_id = ?").pluck().get(other.id),
      ).toContain("officers"),
    );
    expect(openPairs()).toEqual(once);
  });
});
