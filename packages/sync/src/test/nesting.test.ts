import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { CloseEvents } from "../close-codes";
import { createMemoryUpdateLog } from "../memory-update-log";
import {
  closeRawSockets,
  connectClient,
  connectRaw,
  startTestServer,
  tearDown,
  whenSynced,
} from "./harness";
import { updateMessage } from "./messages";

afterEach(async () => {
  closeRawSockets();
  await tearDown();
});

const LIMIT = 10;

async function room() {
  const log = createMemoryUpdateLog();
  const server = await startTestServer({ log, limits: { maxNestingDepth: LIMIT } });
  const alice = connectClient(server, "wp-1", "alice", "editor");
  await whenSynced(alice);
  return { server, log, alice };
}

/** Nests `levels` blockquotes inside `parent` (one in the other), answering the innermost. */
function nest(parent: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlElement {
  let current = parent;
  for (let i = 0; i < levels; i++) {
    const element = new Y.XmlElement("blockquote");
    current.insert(0, [element]);
    current = element;
  }
  return current as Y.XmlElement;
}

/** What `change` does to `doc`, as one update. */
function changeOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, before);
}

describe("how deep a document may nest", () => {
  it("takes blocks nested up to the limit, and as many side by side as anyone writes", async () => {
    const { server, log, alice } = await room();
    const raw = await connectRaw(server, "wp-1", "mallory");
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment("default");
    raw.send(updateMessage(changeOf(doc, () => nest(fragment, LIMIT))));
    raw.send(
      updateMessage(
        changeOf(doc, () => {
          for (let i = 0; i < 500; i++) fragment.insert(i, [new Y.XmlElement("paragraph")]);
        }),
      ),
    );
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(2));
    await vi.waitFor(() => expect(alice.doc.getXmlFragment("default").length).toBe(501));
  });

  it("refuses an update nesting deeper, whether it nests alone, inside what is stored or inside what it sent just before", async () => {
    const { server, log, alice } = await room();

    // all in one update
    const alone = await connectRaw(server, "wp-1", "mallory");
    const doc = new Y.Doc();
    alone.send(updateMessage(changeOf(doc, () => nest(doc.getXmlFragment("default"), LIMIT + 1))));
    expect(await alone.closed).toEqual(CloseEvents.nestingTooDeep);

    // inside blocks already in the document
    const later = await connectRaw(server, "wp-1", "mallory");
    const built = new Y.Doc();
    let inner: Y.XmlElement | null = null;
    later.send(
      updateMessage(
        changeOf(built, () => {
          inner = nest(built.getXmlFragment("default"), LIMIT - 2);
        }),
      ),
    );
    await vi.waitFor(() => expect(log.updatesOf("wp-1")).toHaveLength(1));
    later.send(updateMessage(changeOf(built, () => nest(inner as unknown as Y.XmlElement, 3))));
    expect(await later.closed).toEqual(CloseEvents.nestingTooDeep);

    // inside blocks sent in the same breath, not yet stored
    const quick = await connectRaw(server, "wp-1", "mallory");
    const rushed = new Y.Doc();
    let deepest: Y.XmlElement | null = null;
    quick.send(
      updateMessage(
        changeOf(rushed, () => {
          deepest = nest(rushed.getXmlFragment("default"), LIMIT - 1);
        }),
      ),
    );
    quick.send(updateMessage(changeOf(rushed, () => nest(deepest as unknown as Y.XmlElement, 2))));
    expect(await quick.closed).toEqual(CloseEvents.nestingTooDeep);

    // what was within the limit is stored, nothing deeper; the room carries on
    expect(log.updatesOf("wp-1")).toHaveLength(2);
    alice.type("still here");
    const bob = connectClient(server, "wp-1", "bob", "viewer");
    await vi.waitFor(() => expect(bob.text()).toBe("still here"));
    expect(depthOf(bob.doc.getXmlFragment("default"))).toBe(LIMIT - 1);
  });
});

/** The deepest nesting of elements under `fragment`, walked without recursion. */
function depthOf(fragment: Y.XmlFragment): number {
  let deepest = 0;
  const stack: [Y.XmlFragment | Y.XmlElement, number][] = [[fragment, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [type, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
