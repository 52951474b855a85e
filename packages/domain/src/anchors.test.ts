import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { NARRATIVE_FIELD } from "./activity-doc";
import {
  base64ToBytes,
  bytesToBase64,
  encodeAnchor,
  isEncodedRelativePosition,
  resolveAnchor,
  type TextAnchor,
} from "./anchors";

/** A narrative as y-prosemirror stores it: paragraph elements, each holding one XmlText. */
function narrative(paragraphs: string[]): Y.Doc {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const element = new Y.XmlElement("paragraph");
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  return ydoc;
}

function paragraphText(ydoc: Y.Doc, index: number): Y.XmlText {
  const element = ydoc.getXmlFragment(NARRATIVE_FIELD).get(index);
  if (!(element instanceof Y.XmlElement)) throw new Error(`no paragraph ${index}`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} holds no text`);
  return text;
}

function anchorOn(ydoc: Y.Doc, paragraph: number, words: string): TextAnchor {
  const text = paragraphText(ydoc, paragraph);
  const from = text.toString().indexOf(words);
  if (from < 0) throw new Error(`"${words}" not in paragraph ${paragraph}`);
  return encodeAnchor(text, from, from + words.length);
}

function copy(ydoc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  return other;
}

function merge(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

/** Enter at `at`, as y-prosemirror writes it: the tail leaves the text and a new paragraph holds it. */
function splitParagraph(ydoc: Y.Doc, paragraph: number, at: number): void {
  const text = paragraphText(ydoc, paragraph);
  const tail = text.toString().slice(at);
  ydoc.transact(() => {
    text.delete(at, tail.length);
    const element = new Y.XmlElement("paragraph");
    element.insert(0, [new Y.XmlText(tail)]);
    ydoc.getXmlFragment(NARRATIVE_FIELD).insert(paragraph + 1, [element]);
  });
}

/** Backspace at the start of the next paragraph: its text joins this one, its element goes. */
function joinWithNext(ydoc: Y.Doc, paragraph: number): void {
  const text = paragraphText(ydoc, paragraph);
  const next = paragraphText(ydoc, paragraph + 1).toString();
  ydoc.transact(() => {
    text.insert(text.length, next);
    ydoc.getXmlFragment(NARRATIVE_FIELD).delete(paragraph + 1, 1);
  });
}

const SENTENCE = "The ministry will train border police at all crossings.";

describe("comment anchors", () => {
  it("finds the commented words where they are", () => {
    const ydoc = narrative(["Context.", SENTENCE]);
    const anchor = anchorOn(ydoc, 1, "border police");
    const resolved = resolveAnchor(ydoc, anchor);
    expect(resolved).toMatchObject({ status: "attached", text: "border police", via: "position" });
    if (resolved.status === "attached") {
      expect(resolved.type).toBe(paragraphText(ydoc, 1));
      expect(resolved.from).toBe(SENTENCE.indexOf("border"));
    }
  });

  it("follows the words through concurrent edits around and inside them, in every replica", () => {
    const alice = narrative([SENTENCE]);
    const bob = copy(alice);
    const anchor = anchorOn(alice, 0, "border police");

    paragraphText(alice, 0).insert(0, "In 2027, ");
    const bobText = paragraphText(bob, 0);
    bobText.insert(SENTENCE.indexOf("police"), "and coast ");
    bobText.insert(SENTENCE.indexOf("border"), "the ");
    bobText.insert(bobText.toString().indexOf(" at all"), " officers");
    merge(alice, bob);

    expect(paragraphText(alice, 0).toString()).toBe(paragraphText(bob, 0).toString());
    for (const ydoc of [alice, bob]) {
      expect(resolveAnchor(ydoc, anchor)).toMatchObject({
        status: "attached",
        text: "border and coast police",
      });
    }
  });

  it("stays on the words when someone deletes text before them at the same time", () => {
    const alice = narrative([SENTENCE]);
    const bob = copy(alice);
    const anchor = anchorOn(bob, 0, "border police");
    paragraphText(alice, 0).delete(0, "The ministry will ".length);
    paragraphText(bob, 0).format(SENTENCE.indexOf("border"), 6, { bold: true });
    merge(alice, bob);
    const resolved = resolveAnchor(alice, anchor);
    expect(resolved).toMatchObject({ status: "attached", text: "border police", from: 6 });
  });

  it("keeps the comment when the paragraph is split after the commented words", () => {
    const ydoc = narrative([SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border police");
    splitParagraph(ydoc, 0, SENTENCE.indexOf(" at all"));
    expect(resolveAnchor(ydoc, anchor)).toMatchObject({
      status: "attached",
      text: "border police",
      via: "position",
    });
  });

  it("follows the words into the new paragraph when Enter is pressed before them", () => {
    const ydoc = narrative([SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border police");
    splitParagraph(ydoc, 0, SENTENCE.indexOf("train"));
    const resolved = resolveAnchor(ydoc, anchor);
    expect(resolved).toMatchObject({ status: "attached", text: "border police", via: "quote" });
    if (resolved.status === "attached") expect(resolved.type).toBe(paragraphText(ydoc, 1));
  });

  it("keeps the part before a split made inside the commented words", () => {
    const ydoc = narrative([SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border police");
    splitParagraph(ydoc, 0, SENTENCE.indexOf("police"));
    expect(resolveAnchor(ydoc, anchor)).toMatchObject({ status: "attached", text: "border " });
  });

  it("keeps comments on both sides when two paragraphs are joined", () => {
    const ydoc = narrative(["Border police lack training.", SENTENCE]);
    const first = anchorOn(ydoc, 0, "lack training");
    const second = anchorOn(ydoc, 1, "all crossings");
    joinWithNext(ydoc, 0);
    expect(ydoc.getXmlFragment(NARRATIVE_FIELD).length).toBe(1);
    expect(resolveAnchor(ydoc, first)).toMatchObject({
      status: "attached",
      text: "lack training",
      via: "position",
    });
    const moved = resolveAnchor(ydoc, second);
    expect(moved).toMatchObject({ status: "attached", text: "all crossings" });
    if (moved.status === "attached") expect(moved.type).toBe(paragraphText(ydoc, 0));
  });

  it("survives a split in one replica while another types inside the words", () => {
    const alice = narrative([SENTENCE]);
    const bob = copy(alice);
    const anchor = anchorOn(alice, 0, "border police");
    splitParagraph(alice, 0, SENTENCE.indexOf(" at all"));
    paragraphText(bob, 0).insert(SENTENCE.indexOf("police"), "and coast ");
    merge(alice, bob);
    for (const ydoc of [alice, bob]) {
      expect(resolveAnchor(ydoc, anchor)).toMatchObject({
        status: "attached",
        text: "border and coast police",
      });
    }
  });

  it("shows the thread as detached, with its quote, when the words are deleted", () => {
    const ydoc = narrative([SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border police");
    paragraphText(ydoc, 0).delete(SENTENCE.indexOf("border"), "border police ".length);
    expect(resolveAnchor(ydoc, anchor)).toEqual({ status: "detached", quote: "border police" });
  });

  it("shows the thread as detached when its whole paragraph is removed", () => {
    const alice = narrative(["Context.", SENTENCE]);
    const bob = copy(alice);
    const anchor = anchorOn(alice, 1, "border police");
    alice.getXmlFragment(NARRATIVE_FIELD).delete(1, 1);
    paragraphText(bob, 1).insert(0, "Meanwhile, ");
    merge(alice, bob);
    expect(resolveAnchor(bob, anchor)).toEqual({ status: "detached", quote: "border police" });
  });

  it("does not guess when the quote appears more than once", () => {
    const ydoc = narrative([SENTENCE, SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border police");
    ydoc.getXmlFragment(NARRATIVE_FIELD).delete(0, 1);
    paragraphText(ydoc, 0).insert(0, "Also: border police. ");
    expect(resolveAnchor(ydoc, anchor)).toEqual({ status: "detached", quote: "border police" });
  });

  it("treats garbage or foreign anchors as detached instead of failing", () => {
    const ydoc = narrative([SENTENCE]);
    expect(resolveAnchor(ydoc, { start: "not base64!", end: "AAAA", quote: "x" })).toEqual({
      status: "detached",
      quote: "x",
    });
    const elsewhere = narrative(["Another document entirely."]);
    const foreign = anchorOn(elsewhere, 0, "document");
    expect(resolveAnchor(ydoc, foreign).status).toBe("detached");
  });

  it("accepts encoded positions and refuses anything else", () => {
    const ydoc = narrative([SENTENCE]);
    const anchor = anchorOn(ydoc, 0, "border");
    expect(isEncodedRelativePosition(anchor.start)).toBe(true);
    expect(isEncodedRelativePosition(anchor.end)).toBe(true);
    expect(isEncodedRelativePosition("")).toBe(false);
    expect(isEncodedRelativePosition("%%%")).toBe(false);
    expect(isEncodedRelativePosition("A".repeat(4000))).toBe(false);
  });

  it("round-trips bytes through base64", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      const encoded = bytesToBase64(bytes);
      expect(base64ToBytes(encoded)).toEqual(bytes);
    }
    expect(bytesToBase64(Uint8Array.from([104, 105]))).toBe("aGk=");
  });
});
