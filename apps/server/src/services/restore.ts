import type { Activity, RestoreResult } from "@junction/domain";
import { readActivities, restoreDocument } from "@junction/domain/doc";
import { appendAudit } from "@junction/store";
import type { Deps } from "../deps";
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplan } from "./access";
import type { Caller } from "./caller";
import { readLiveState, recordServerWriter, reindexNow } from "./document-state";
import { refuseIfUnavailable } from "./storage";
import {
  publishVersion,
  requireVersionOf,
  saveVersion,
  toVersionView,
  versionDocument,
} from "./versions";

/**
 * Makes the live document equal a saved version (coordinators), as a new change on top of it:
 * the sync server stores and broadcasts it like any edit, so open editors converge and keep what
 * they type meanwhile, and the history before it stays. Saves a version naming the restored one.
 */
export function restoreVersion(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  versionId: string,
): RestoreResult {
  const { workplan, membership } = requireWorkplanPermission(
    deps,
    caller,
    workplanId,
    "version.restore",
  );
  requireWritableWorkplan(workplan, msg("access.frozen.restore"));
  const restored = requireVersionOf(deps, caller, workplan, versionId);
  const target = versionDocument(deps, restored);
  let clientId: number | null = null;
  let activities: Activity[] = [];
  let changed: boolean;
  try {
    changed = deps.live.change(workplanId, (ydoc) => {
      clientId = ydoc.clientID;
      restoreDocument(ydoc, target);
      activities = readActivities(ydoc);
    });
  } catch (error) {
    refuseIfUnavailable(error, msg("storage.notRestored"));
  } finally {
    target.destroy();
  }
  const state = readLiveState(deps, workplanId);
  const save = deps.db.transaction(() => {
    // the restore's text is the coordinator's writing as far as the diff is concerned
    if (changed && clientId !== null) {
      recordServerWriter(deps, workplanId, clientId, caller.user.id, membership.organisationId);
    }
    const version = saveVersion(deps, workplan, {
      name: `Restored "${restored.name}"`,
      kind: "restore",
      stage: workplan.stage,
      createdBy: caller.user.id,
      state,
      restoredFrom: restored.id,
    });
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "version.restore",
        networkId: workplan.networkId,
        subject: workplanId,
        detail: { restored: restored.id, name: restored.name, versionId: version.id, changed },
        ip: caller.ip,
      },
      deps.now(),
    );
    return version;
  });
  const version = save.immediate();
  if (changed) reindexNow(deps, workplan, activities);
  publishVersion(deps, workplan, version);
  return { version: toVersionView(version), restored: toVersionView(restored), changed };
}
