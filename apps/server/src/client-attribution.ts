import { findMembership, findWorkplan, recordDocumentClients } from "@junction/store";
import type { UpdateGuard } from "@junction/sync";
import * as Y from "yjs";
import type { BaseDeps } from "./deps";

/** Client ids remembered per document before the set starts afresh (a rewrite is harmless). */
const MAX_KNOWN_PER_DOCUMENT = 10_000;

type Writer = { userId: string; clientIds: Set<number> };

/**
 * Wraps the sync server's update guard to remember which user wrote with which Yjs client id in
 * each document (the diff names who changed what by the client ids of the Yjs items). The guard
 * is the one hook of @junction/sync's public API that sees every writer's update with its user;
 * the write to the database happens off the hot path.
 */
export function withClientAttribution(deps: BaseDeps, inner: UpdateGuard): UpdateGuard {
  const known = new Map<string, Set<number>>();
  const unsaved = new Map<string, Map<string, Writer>>();

  function save(workplanId: string): void {
    const writers = unsaved.get(workplanId);
    unsaved.delete(workplanId);
    const workplan = writers ? findWorkplan(deps.db, workplanId) : null;
    if (!writers || !workplan) return;
    const entries = [...writers.values()].flatMap(({ userId, clientIds }) => {
      const organisationId = findMembership(deps.db, workplan.networkId, userId)?.organisationId;
      return [...clientIds].map((clientId) => ({
        clientId,
        userId,
        organisationId: organisationId ?? null,
      }));
    });
    try {
      recordDocumentClients(deps.db, workplanId, entries, deps.now());
    } catch (error) {
      // busy: put them back so the background writer's next attempt has them
      const again = unsaved.get(workplanId) ?? new Map<string, Writer>();
      for (const [userId, writer] of writers) {
        const merged = again.get(userId) ?? { userId, clientIds: new Set<number>() };
        for (const clientId of writer.clientIds) merged.clientIds.add(clientId);
        again.set(userId, merged);
      }
      unsaved.set(workplanId, again);
      throw error;
    }
  }

  function note(workplanId: string, clientIds: Iterable<number>, userId: string): void {
    let seen = known.get(workplanId);
    if (!seen || seen.size > MAX_KNOWN_PER_DOCUMENT) {
      seen = new Set();
      known.set(workplanId, seen);
    }
    let isNew = false;
    for (const clientId of clientIds) {
      if (seen.has(clientId)) continue;
      seen.add(clientId);
      let writers = unsaved.get(workplanId);
      if (!writers) {
        writers = new Map();
        unsaved.set(workplanId, writers);
      }
      const writer = writers.get(userId) ?? { userId, clientIds: new Set<number>() };
      writer.clientIds.add(clientId);
      writers.set(userId, writer);
      isNew = true;
    }
    if (isNew) deps.background.schedule(`document-clients:${workplanId}`, () => save(workplanId));
  }

  return {
    concerns(decoded, ydoc, writer) {
      try {
        const clientIds = new Set<number>();
        for (const struct of decoded.structs) {
          if (!(struct instanceof Y.Skip)) clientIds.add(struct.id.client);
        }
        if (clientIds.size > 0) note(writer.docName, clientIds, writer.user.id);
      } catch (error) {
        deps.log.warn("could not note who wrote an update", { workplanId: writer.docName, error });
      }
      return inner.concerns(decoded, ydoc, writer);
    },
    review: (ydoc, apply, writer) => inner.review(ydoc, apply, writer),
  };
}
