import { encodeSuggestionAnchor, NARRATIVE_FIELD } from "@junction/domain/doc";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  connectClient,
  removeDataDir,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
  tokenFor,
  whenSynced,
} from "./test/process";

// the demo workplan in consultation: commenters are invited to comment and suggest
const WORKPLAN = "wp-network-2021-2023";
const servers: ServerProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const server of servers.splice(0)) {
    await stopServerProcess(server);
    removeDataDir(server);
  }
});

function client(server: ServerProcess, token: string) {
  const connection = connectClient(server, WORKPLAN, token);
  cleanups.push(() => {
    connection.provider.destroy();
    connection.ydoc.destroy();
  });
  return connection;
}

/** The narrative's paragraphs outside activities, in document order. */
function paragraphs(ydoc: Y.Doc): Y.XmlText[] {
  return ydoc
    .getXmlFragment(NARRATIVE_FIELD)
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement && node.nodeName === "paragraph"
        ? node.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
        : [],
    );
}

function plain(type: Y.XmlText): string {
  return type
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
    .join("");
}

function narrative(ydoc: Y.Doc): string {
  return paragraphs(ydoc).map(plain).join("\n");
}

describe("suggestions against the real server", { timeout: 60_000 }, () => {
  it("refuses a commenter's raw edit of the text but takes their suggestion, which an editor's accept applies for everyone", async () => {
    const server = await startServerProcess();
    servers.push(server);
    const commenterToken = await tokenFor(server, "mariam.chikovani@example.org");
    const editorToken = await tokenFor(server, "eka.lomidze@example.org");
    const editor = client(server, editorToken);
    const commenter = client(server, commenterToken);
    await Promise.all([whenSynced(editor.provider), whenSynced(commenter.provider)]);
    const [first, second] = paragraphs(commenter.ydoc).filter((p) => plain(p).length > 30);
    if (!first || !second) throw new Error("the demo narrative has fewer than two paragraphs");

    // a stock client sends the commenter's change of the text as an ordinary update
    first.insert(0, "COMMENTER REWROTE THIS. ");
    paragraphs(editor.ydoc)[0]?.insert(0, "Editor note. ");
    await vi.waitFor(() => expect(narrative(commenter.ydoc)).toContain("Editor note. "));
    expect(narrative(editor.ydoc)).not.toContain("COMMENTER REWROTE THIS");

    // the same commenter proposes wording for part of another paragraph over HTTP
    const quote = plain(second).slice(0, 20);
    const rest = plain(second).slice(20);
    const created = await fetch(`${server.url}/api/workplans/${WORKPLAN}/suggestions`, {
      method: "POST",
      headers: { authorization: `Bearer ${commenterToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        kind: "text",
        anchor: encodeSuggestionAnchor(second, 0, quote.length),
        quote,
        text: "SUGGESTED WORDING",
        reason: "Plainer.",
      }),
    });
    expect(created.status).toBe(201);
    const suggestion = (await created.json()) as { id: string; canDecide: boolean };
    expect(suggestion.canDecide).toBe(false);
    expect(narrative(editor.ydoc)).not.toContain("SUGGESTED WORDING");

    const accepted = await fetch(`${server.url}/api/suggestions/${suggestion.id}/accept`, {
      method: "POST",
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(accepted.status).toBe(200);
    await vi.waitFor(() => expect(narrative(editor.ydoc)).toContain("SUGGESTED WORDING"));
    await vi.waitFor(() => expect(narrative(commenter.ydoc)).toContain("SUGGESTED WORDING"));

    // what the server stored: the suggestion applied, the commenter's raw edit nowhere
    const late = client(server, await tokenFor(server, "tamar.kapanadze@example.org"));
    await whenSynced(late.provider);
    await vi.waitFor(() => expect(narrative(late.ydoc)).toContain("SUGGESTED WORDING"));
    expect(narrative(late.ydoc)).toContain("Editor note. ");
    expect(narrative(late.ydoc)).not.toContain("COMMENTER REWROTE THIS");
    expect(paragraphs(late.ydoc).map(plain)).toContain(`SUGGESTED WORDING${rest}`);
  });
});
