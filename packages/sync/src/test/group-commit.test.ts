import { afterEach, describe, expect, it, vi } from "vitest";
import { CloseEvents } from "../close-codes";
import type { UpdateLog } from "../update-log";
import { connectClient, startTestServer, type TestClient, tearDown, whenSynced } from "./harness";
import { openTestDatabase, removeTempDatabases, sqliteLog, tempDatabasePath } from "./sqlite";

afterEach(async () => {
  await tearDown();
  removeTempDatabases();
});

const WORKPLANS = ["wp-1", "wp-2", "wp-3"];

/** The real SQLite log, noting which workplans each `append` (one transaction) was asked to store. */
function notingAppends(log: UpdateLog, appends: string[][]): UpdateLog {
  return {
    load: (docName) => log.load(docName),
    append: (batches) => {
      appends.push(batches.map(({ docName }) => docName).sort());
      return log.append(batches);
    },
    compact: (docName, snapshot, upToId) => log.compact(docName, snapshot, upToId),
    quarantine: (docName, quarantine) => log.quarantine(docName, quarantine),
  };
}

/** A writer and a reader in each workplan, all synced. */
async function writersAndReaders(
  server: Parameters<typeof connectClient>[0],
): Promise<{ writers: TestClient[]; readers: TestClient[] }> {
  const writers = WORKPLANS.map((docName, i) => connectClient(server, docName, `w${i}`, "editor"));
  const readers = WORKPLANS.map((docName, i) => connectClient(server, docName, `r${i}`, "viewer"));
  await Promise.all([...writers, ...readers].map(whenSynced));
  return { writers, readers };
}

/** What a fresh server reading `path` has of each workplan. */
async function storedTexts(path: string): Promise<string[]> {
  const other = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
  const readers = WORKPLANS.map((docName, i) =>
    connectClient(other, docName, `late${i}`, "viewer"),
  );
  await Promise.all(readers.map(whenSynced));
  return readers.map((reader) => reader.text());
}

describe("one commit for every workplan's updates of a turn", () => {
  it("stores edits typed in several workplans at once together, and a restart finds them all", async () => {
    const path = tempDatabasePath();
    const appends: string[][] = [];
    const server = await startTestServer({
      log: notingAppends(sqliteLog(openTestDatabase(path)), appends),
    });
    const { writers, readers } = await writersAndReaders(server);

    for (const [i, writer] of writers.entries()) writer.type(`typed in ${WORKPLANS[i]}`);

    await vi.waitFor(() =>
      expect(readers.map((reader) => reader.text())).toEqual(WORKPLANS.map((w) => `typed in ${w}`)),
    );
    expect(appends).toEqual([WORKPLANS]);
    // the server never shut down: what the readers saw is in the file all the same
    expect(await storedTexts(path)).toEqual(WORKPLANS.map((w) => `typed in ${w}`));
  });

  it("refuses alone the batch a full disk cannot take: the other workplans' edits are stored and sent", async () => {
    const path = tempDatabasePath();
    const db = openTestDatabase(path);
    const server = await startTestServer({ log: sqliteLog(db) });
    const { writers, readers } = await writersAndReaders(server);
    const [big, ...small] = writers as [TestClient, ...TestClient[]];
    for (const writer of writers) writer.type("before ");
    await vi.waitFor(() =>
      expect(readers.map((r) => r.text())).toEqual(["before ", "before ", "before "]),
    );

    // a full disk: the file may not grow, but its pages still have room for a few small rows
    db.pragma(`max_page_count = ${Number(db.pragma("page_count", { simple: true }))}`);
    big.type("x".repeat(20_000));
    for (const writer of small) writer.type("kept");

    await vi.waitFor(() => expect(big.closes[0]).toEqual(CloseEvents.storageUnavailable));
    await vi.waitFor(() =>
      expect(readers.map((r) => r.text())).toEqual(["before ", "before kept", "before kept"]),
    );
    expect(small.map((writer) => writer.closes)).toEqual([[], []]);
    // nothing was sent that is not stored, and everything sent is
    expect(await storedTexts(path)).toEqual(["before ", "before kept", "before kept"]);

    db.pragma("max_page_count = 1073741823");
    await vi.waitFor(() => expect(readers[0]?.text()).toHaveLength(20_007), { timeout: 5000 });
    expect(big.text()).toBe(readers[0]?.text());
  });

  it("while another connection holds the lock, refuses every workplan's edits and tries once more, not once each", async () => {
    const path = tempDatabasePath();
    const server = await startTestServer({ log: sqliteLog(openTestDatabase(path)) });
    const { writers, readers } = await writersAndReaders(server);
    const other = openTestDatabase(path);

    other.exec("BEGIN IMMEDIATE");
    for (const [i, writer] of writers.entries()) writer.type(`typed in ${WORKPLANS[i]}`);

    await vi.waitFor(() =>
      expect(writers.map((writer) => writer.closes[0])).toEqual(
        WORKPLANS.map(() => CloseEvents.storageUnavailable),
      ),
    );
    expect(readers.map((reader) => reader.text())).toEqual(["", "", ""]);
    const untried = server.logger.entries.find(({ message }) =>
      message.startsWith("The storage is unavailable"),
    );
    expect(untried?.fields.workplanIds).toHaveLength(WORKPLANS.length - 1);

    other.exec("ROLLBACK");
    await vi.waitFor(
      () =>
        expect(readers.map((reader) => reader.text())).toEqual(
          WORKPLANS.map((w) => `typed in ${w}`),
        ),
      { timeout: 5000 },
    );
    expect(await storedTexts(path)).toEqual(WORKPLANS.map((w) => `typed in ${w}`));
  });
});
