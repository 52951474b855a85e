import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mayAddForeignContent } from "./foreign-content";
import { removeForeignContent } from "./xml-content";

/** A document with one paragraph, and a writer's copy of it. */
function setUp() {
  const live = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  live.getXmlFragment("default").insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText("Hello")]);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(live));
  const judge = (change: (fragment: Y.XmlFragment) => void): boolean => {
    const before = Y.encodeStateVector(writer);
    change(writer.getXmlFragment("default"));
    const update = Y.encodeStateAsUpdate(writer, before);
    const judged = mayAddForeignContent(live, Y.decodeUpdate(update));
    Y.applyUpdate(live, update);
    return judged;
  };
  return { live, writer, judge };
}

const firstText = (fragment: Y.XmlFragment) =>
  (fragment.get(0) as Y.XmlElement).get(0) as unknown as Y.XmlText;

describe("what the editor writes, told apart from what it never does", () => {
  it("lets typing, formatting, new blocks and JSON attributes through unreviewed", () => {
    const { judge } = setUp();
    expect(judge((f) => firstText(f).insert(5, " world"))).toBe(false);
    expect(judge((f) => firstText(f).insert(0, "Oh, "))).toBe(false);
    expect(judge((f) => firstText(f).format(0, 3, { bold: true }))).toBe(false);
    expect(judge((f) => (f.get(0) as Y.XmlElement).setAttribute("lead", "iom"))).toBe(false);
    // undefined reads as unset: no review, and nothing to put back after every edit
    expect(
      judge((f) =>
        (f.get(0) as Y.XmlElement).setAttribute("colwidth", undefined as unknown as string),
      ),
    ).toBe(false);
    expect(
      judge((f) =>
        (f.get(0) as Y.XmlElement).setAttribute("budget", {
          amount: 5,
          currency: "USD",
        } as unknown as string),
      ),
    ).toBe(false);
    expect(
      judge((f) => {
        const list = new Y.XmlElement("bulletList");
        f.insert(1, [list]);
        const item = new Y.XmlElement("listItem");
        list.insert(0, [item]);
        const paragraph = new Y.XmlElement("paragraph");
        item.insert(0, [paragraph]);
        paragraph.insert(0, [new Y.XmlText("A point")]);
      }),
    ).toBe(false);
    expect(judge((f) => f.delete(0, 1))).toBe(false);
  });

  it("flags values, binary, embeds, other Y types and characters among blocks", () => {
    const strays: ((fragment: Y.XmlFragment) => void)[] = [
      (f) =>
        (f.get(0) as Y.XmlElement).insert(0, [new Y.XmlHook("hook") as unknown as Y.XmlElement]),
      (f) => (f.get(0) as Y.XmlElement).setAttribute("x", new Y.Map() as unknown as string),
      (f) => (f.get(0) as Y.XmlElement).setAttribute("x", new Uint8Array([1]) as unknown as string),
      (f) => firstText(f).insertEmbed(1, { image: "x" }),
      (f) => f.insert(0, [new Y.XmlFragment() as unknown as Y.XmlElement]),
    ];
    for (const stray of strays) expect(setUp().judge(stray), String(stray)).toBe(true);
    for (const content of [null, "stray", new Uint8Array([1]), new Y.Array()]) {
      const { live } = setUp();
      const raw = new Y.Doc();
      raw.getArray("default").insert(0, [content]);
      expect(mayAddForeignContent(live, Y.decodeUpdate(Y.encodeStateAsUpdate(raw)))).toBe(true);
    }
  });

  it("removes all of it, however deep, and keeps the rest", () => {
    const { live } = setUp();
    const fragment = live.getXmlFragment("default");
    const paragraph = fragment.get(0) as Y.XmlElement;
    paragraph.setAttribute("x", new Y.Map() as unknown as string);
    paragraph.setAttribute("lead", "iom");
    paragraph.setAttribute("colwidth", undefined as unknown as string);
    firstText(fragment).insertEmbed(2, { image: "x" });
    const raw = new Y.Doc();
    raw.getArray("default").insert(0, [null, "ab", new Uint8Array([1])]);
    Y.applyUpdate(live, Y.encodeStateAsUpdate(raw));
    expect(live.transact(() => removeForeignContent(fragment))).toBe(5);
    expect(fragment.toArray()).toEqual([paragraph]);
    expect(Object.keys(paragraph.getAttributes()).sort()).toEqual(["colwidth", "lead"]);
    expect(firstText(fragment).toDelta()).toEqual([{ insert: "Hello" }]);
  });
});
