import type { Db } from "./db";
import { statement } from "./statements";

/** Who wrote with one Yjs client id in one workplan's document. */
export type DocumentClientRecord = {
  clientId: number;
  userId: string;
  name: string;
  /** The writer's organisation when the client id was first seen. */
  organisationId: string | null;
};

/** Remembers writers' client ids; the first user seen with a client id keeps it. */
export function recordDocumentClients(
  db: Db,
  workplanId: string,
  clients: readonly { clientId: number; userId: string; organisationId: string | null }[],
  now = Date.now(),
): void {
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO workplan_clients (workplan_id, client_id, user_id, organisation_id, first_seen_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const write = db.transaction(() => {
    for (const { clientId, userId, organisationId } of clients) {
      insert.run(workplanId, clientId, userId, organisationId, now);
    }
  });
  write();
}

export function listDocumentClients(db: Db, workplanId: string): DocumentClientRecord[] {
  const rows = statement(
    db,
    `SELECT c.client_id, c.user_id, u.name, c.organisation_id FROM workplan_clients c
     JOIN users u ON u.id = c.user_id WHERE c.workplan_id = ? ORDER BY c.first_seen_at, c.client_id`,
  ).all(workplanId) as {
    client_id: number;
    user_id: string;
    name: string;
    organisation_id: string | null;
  }[];
  return rows.map((row) => ({
    clientId: row.client_id,
    userId: row.user_id,
    name: row.name,
    organisationId: row.organisation_id,
  }));
}

/** A revision starts from its adopted workplan's document, client ids and all: so do its writers. */
export function copyDocumentClients(db: Db, fromWorkplanId: string, toWorkplanId: string): void {
  statement(
    db,
    `INSERT OR IGNORE INTO workplan_clients (workplan_id, client_id, user_id, organisation_id, first_seen_at)
     SELECT ?, client_id, user_id, organisation_id, first_seen_at FROM workplan_clients WHERE workplan_id = ?`,
  ).run(toWorkplanId, fromWorkplanId);
}
