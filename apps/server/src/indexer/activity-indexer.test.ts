import { type Activity, emptyActivity } from "@junction/domain";
import { appendNarrative, findActivityElement, NARRATIVE_FIELD } from "@junction/domain/doc";
import { findWorkplan, listWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createHarness, createTestNetwork, type Harness } from "../test/harness";
import { type ActivityIndexer, createActivityIndexer } from "./activity-indexer";

let harness: Harness | null = null;
let indexer: ActivityIndexer | null = null;
afterEach(() => {
  indexer?.close();
  harness?.close();
  indexer = null;
  harness = null;
});

const TRAINING: Activity = { ...emptyActivity("A1"), title: "Train border police" };

function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, [
    { kind: "paragraph", text: "Our network works on migration." },
    { kind: "activity", activity: TRAINING },
  ]);
  const indexed: { before: readonly Activity[]; after: readonly Activity[] }[] = [];
  indexer = createActivityIndexer(
    h.deps,
    () => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
      return copy;
    },
    (_workplan, before, after) => indexed.push({ before, after }),
    { debounceMs: 0 },
  );
  const live = indexer;
  /** A change to the live document, then the call the sync server makes after it. */
  const edit = (change: () => void) => {
    change();
    live.schedule(n.workplanId, ydoc);
  };
  const narrative = () =>
    (ydoc.getXmlFragment(NARRATIVE_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const title = () => {
    const element = findActivityElement(ydoc, "A1");
    if (!element) throw new Error("A1 is missing");
    return (element.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  return { h, n, ydoc, indexer: live, indexed, edit, narrative, title };
}

describe("the activity index", () => {
  it("reads a document it has not seen, then leaves the index alone while the narrative changes", async () => {
    const { h, n, indexer, indexed, edit, narrative } = setUp();
    edit(() => narrative().insert(0, "Today "));
    await vi.waitFor(() => expect(indexed).toHaveLength(1));
    expect(listWorkplanActivities(h.db, n.workplanId).map((a) => a.title)).toEqual([
      "Train border police",
    ]);

    for (let i = 0; i < 20; i++) {
      h.advance(1000);
      edit(() => narrative().insert(0, "x"));
    }
    const lastEdit = h.deps.now();
    indexer.flush();
    expect(indexed).toHaveLength(1);
    // the workplan still says when its document last changed
    expect(findWorkplan(h.db, n.workplanId)?.updatedAt).toBe(new Date(lastEdit).toISOString());
  });

  it("re-reads a changed title and tells what each activity was and is", async () => {
    const { h, n, indexed, edit, title } = setUp();
    edit(() => {});
    await vi.waitFor(() => expect(indexed).toHaveLength(1));
    edit(() => title().insert(5, " more"));
    await vi.waitFor(() => expect(indexed).toHaveLength(2));
    expect(indexed[1]).toEqual({
      before: [TRAINING],
      after: [{ ...TRAINING, title: "Train more border police" }],
    });
    expect(listWorkplanActivities(h.db, n.workplanId).map((a) => a.title)).toEqual([
      "Train more border police",
    ]);
  });

  it("writes no activity when a change inside a block leaves every activity as it was", async () => {
    const { h, n, ydoc, indexer, indexed, edit } = setUp();
    edit(() => {});
    await vi.waitFor(() => expect(indexed).toHaveLength(1));
    edit(() => findActivityElement(ydoc, "A1")?.setAttribute("status", "planned"));
    indexer.flush();
    expect(indexed).toHaveLength(1);
    expect(listWorkplanActivities(h.db, n.workplanId)).toHaveLength(1);
  });
});
