import { readActivities, readNarrative } from "@junction/domain/doc";
import {
  createSqliteUpdateLog,
  findNetwork,
  listOrganisations,
  listWorkplans,
  openDatabase,
  seedDemoNetwork,
} from "@junction/store";
import * as Y from "yjs";
import type { ExportInput } from "../model";

/** The demo network as the server would hand it to an export: seeded into SQLite, read back. */
export function demoExportInput(generatedAt = "2026-12-03T09:30:00.000Z"): ExportInput {
  const db = openDatabase(":memory:");
  try {
    const { networkId } = seedDemoNetwork(db, "not-a-real-hash");
    const network = findNetwork(db, networkId);
    if (!network) throw new Error("the demo seed made no network");
    const log = createSqliteUpdateLog(db);
    const workplans = listWorkplans(db, networkId).map((workplan) => {
      const ydoc = new Y.Doc();
      const { snapshot, updates } = log.load(workplan.id);
      if (snapshot) Y.applyUpdate(ydoc, snapshot);
      for (const { update } of updates) Y.applyUpdate(ydoc, update);
      const exported = {
        id: workplan.id,
        title: workplan.title,
        stage: workplan.stage,
        version: null,
        activities: readActivities(ydoc),
        narrative: readNarrative(ydoc),
      };
      ydoc.destroy();
      return exported;
    });
    return {
      network: { id: network.id, name: network.name, country: network.country },
      organisations: listOrganisations(db, networkId),
      workplans,
      generatedAt,
    };
  } finally {
    db.close();
  }
}
