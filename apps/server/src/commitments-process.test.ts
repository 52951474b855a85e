import { type Activity, type Commitments, readCommitments } from "@junction/domain";
import {
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
} from "@junction/domain/doc";
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Y from "yjs";
import {
  connectClient,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";

// A19 is led by UNICEF (Eka's organisation); Irakli is an editor at ILO
const WORKPLAN = "wp-network-2021-2023";
const IRAKLI = "irakli.janelidze@example.org";
const EKA = "eka.lomidze@example.org";
const NINO = "nino.kiknadze@example.org";

const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const server of servers.splice(0)) {
    await stopServerProcess(server);
    removeDataDir(server);
  }
});

async function start(dataDir?: string, port?: number): Promise<ServerProcess> {
  const server = await startServerProcess({ dataDir, port });
  servers.push(server);
  return server;
}

async function client(server: ServerProcess, email: string) {
  const connection = connectClient(server, WORKPLAN, await tokenFor(server, email));
  cleanups.push(() => {
    connection.provider.destroy();
    connection.ydoc.destroy();
  });
  await whenSynced(connection.provider);
  return connection;
}

function block(ydoc: Y.Doc, id: string): Y.XmlElement {
  const found = findActivityElement(ydoc, id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

function commitmentsOf(ydoc: Y.Doc, id: string): Commitments | null {
  const found = findActivityElement(ydoc, id);
  return found ? readCommitments(found.getAttributes()) : null;
}

function activityOf(ydoc: Y.Doc, id: string): Activity | undefined {
  return readActivities(ydoc).find((a) => a.id === id);
}

/** Every state of A19's commitments a client held after any transaction, as JSON. */
function watch(ydoc: Y.Doc, id: string): string[] {
  const seen: string[] = [];
  ydoc.on("afterTransaction", () => seen.push(JSON.stringify(commitmentsOf(ydoc, id))));
  return seen;
}

function setStatus(server: ServerProcess, token: string, id: string, status: string) {
  return fetch(`${server.url}/api/workplans/${WORKPLAN}/activities/${id}/status`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ status }),
  });
}

describe("an activity's commitments on the real server", { timeout: 60_000 }, () => {
  it("puts back a lead another organisation's editor names, and the status, partners and budget set after it", async () => {
    const server = await start();
    const irakli = await client(server, IRAKLI);
    const viewer = await client(server, NINO);
    const original = commitmentsOf(irakli.ydoc, "A19");
    expect(original?.lead).toBe("unicef");
    const seen = watch(viewer.ydoc, "A19");

    block(irakli.ydoc, "A19").setAttribute("lead", "ilo");
    await vi.waitFor(() => expect(commitmentsOf(irakli.ydoc, "A19")?.lead).toBe("unicef"));
    irakli.ydoc.transact(() => {
      const element = block(irakli.ydoc, "A19");
      element.setAttribute("status", "completed");
      element.setAttribute("partners", ["ilo"] as unknown as string);
      element.setAttribute("budget", {
        amount: 1,
        currency: "EUR",
        source: "ILO",
        secured: false,
      } as unknown as string);
      element.setAttribute("locations", ["Poti"] as unknown as string);
    });
    // what Irakli may change arrives; everything else is as it was, for him too
    await vi.waitFor(() => expect(activityOf(viewer.ydoc, "A19")?.locations).toEqual(["Poti"]));
    await vi.waitFor(() => expect(commitmentsOf(irakli.ydoc, "A19")).toEqual(original));
    expect(commitmentsOf(viewer.ydoc, "A19")).toEqual(original);
    expect(new Set(seen)).toEqual(new Set([JSON.stringify(original)]));

    // the HTTP route agrees: the lead is still UNICEF, so only UNICEF's editors may set the status
    expect((await setStatus(server, await tokenFor(server, IRAKLI), "A19", "ongoing")).status).toBe(
      403,
    );
    expect((await setStatus(server, await tokenFor(server, EKA), "A19", "ongoing")).status).toBe(
      204,
    );
    await vi.waitFor(() => expect(commitmentsOf(viewer.ydoc, "A19")?.status).toBe("ongoing"));
    const nino = await tokenFor(server, NINO);
    // the index names organisations as the dedupe contract does
    await vi.waitFor(async () => {
      const index = (await (
        await fetch(`${server.url}/api/workplans/${WORKPLAN}/activities`, {
          headers: { authorization: `Bearer ${nino}` },
        })
      ).json()) as Activity[];
      expect(index.find((a) => a.id === "A19")).toMatchObject({
        lead: "UNICEF",
        status: "ongoing",
      });
    });
  });

  it("judges a block re-created with a deleted activity's id as that activity, after a restart too", async () => {
    const server = await start();
    const irakli = await client(server, IRAKLI);
    const viewer = await client(server, NINO);
    const original = commitmentsOf(irakli.ydoc, "A19");
    const title = activityOf(irakli.ydoc, "A19")?.title ?? "";

    const fragment = irakli.ydoc.getXmlFragment(NARRATIVE_FIELD);
    fragment.delete(fragment.toArray().indexOf(block(irakli.ydoc, "A19")), 1);
    await vi.waitFor(() => expect(activityOf(viewer.ydoc, "A19")).toBeUndefined());
    expect(await stopServerProcess(server)).toBe(0);

    const restarted = await start(server.dataDir, server.port);
    const again = await client(restarted, IRAKLI);
    const watcher = await client(restarted, NINO);
    const seen = watch(watcher.ydoc, "A19");
    const recreated: Activity = {
      ...(activityOf(again.ydoc, "A10") as Activity),
      id: "A19",
      title,
      lead: "ilo",
      partners: ["ilo"],
      budget: null,
      status: "completed",
    };
    const narrative = again.ydoc.getXmlFragment(NARRATIVE_FIELD);
    narrative.insert(narrative.length, [createActivityElement(recreated)]);
    await vi.waitFor(() => expect(activityOf(watcher.ydoc, "A19")?.title).toBe(title));
    await vi.waitFor(() => expect(commitmentsOf(again.ydoc, "A19")).toEqual(original));
    expect(commitmentsOf(watcher.ydoc, "A19")).toEqual(original);
    expect(seen.filter((state) => state !== "null")).toEqual(
      seen.filter((state) => state !== "null").map(() => JSON.stringify(original)),
    );
  });
});
