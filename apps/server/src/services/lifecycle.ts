import {
  earlierStages,
  type LifecycleView,
  nextStage,
  type WorkplanLink,
  workplanFreeze,
} from "@junction/domain";
import {
  appendAudit,
  findLastMoveTo,
  findWorkplan,
  findWorkplanLifecycle,
  listRevisionIds,
  setConsultationDeadline,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplan } from "./access";
import type { Caller } from "./caller";
import { requireDeadlineAhead } from "./stages";
import { validationView } from "./validation";

export function workplanLink(deps: Deps, workplan: WorkplanRecord): WorkplanLink {
  return {
    id: workplan.id,
    title: workplan.title,
    stage: workplan.stage,
    createdAt: workplan.createdAt,
    adoptedAt: findLastMoveTo(deps.db, workplan.id, "adopted")?.at ?? null,
  };
}

export function lifecycleOf(deps: Deps, workplan: WorkplanRecord): LifecycleView {
  const record = findWorkplanLifecycle(deps.db, workplan.id);
  const adopted =
    workplan.stage === "adopted" ? findLastMoveTo(deps.db, workplan.id, "adopted") : null;
  const original = record?.revisionOf ? findWorkplan(deps.db, record.revisionOf) : null;
  return {
    workplanId: workplan.id,
    networkId: workplan.networkId,
    stage: workplan.stage,
    archived: workplan.archived,
    frozen: workplanFreeze(workplan),
    nextStage: workplan.archived ? null : nextStage(workplan.stage),
    earlierStages: workplan.archived ? [] : earlierStages(workplan.stage),
    stageSince: findLastMoveTo(deps.db, workplan.id, workplan.stage)?.at ?? null,
    adoptedAt: adopted?.at ?? null,
    adoptedBy: adopted?.by ?? null,
    consultation: { deadline: record?.consultationDeadline ?? null },
    validation: validationView(deps, workplan),
    revisionOf: original ? workplanLink(deps, original) : null,
    revisions: listRevisionIds(deps.db, workplan.id).flatMap((id) => {
      const revision = findWorkplan(deps.db, id);
      return revision ? [workplanLink(deps, revision)] : [];
    }),
  };
}

/** Everything the stage banner, the validation panel and the revision links show. */
export function getLifecycle(deps: Deps, caller: Caller, workplanId: string): LifecycleView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  return lifecycleOf(deps, workplan);
}

/** Coordinators set (or clear) the day comments are invited until, before or during consultation. */
export function setConsultation(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  deadline: string | null,
): LifecycleView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.move-stage");
  requireWritableWorkplan(workplan, msg("access.frozen.deadline"));
  if (workplan.stage !== "draft" && workplan.stage !== "consultation") {
    throw new AppError(
      "conflict",
      msg("lifecycle.consultationOver", { stage: msg(`stage.${workplan.stage}`) }),
    );
  }
  requireDeadlineAhead(deps, deadline);
  const write = deps.db.transaction(() => {
    setConsultationDeadline(deps.db, workplanId, deadline, deps.now());
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "workplan.consultation-deadline",
        networkId: workplan.networkId,
        subject: workplanId,
        detail: { deadline },
        ip: caller.ip,
      },
      deps.now(),
    );
  });
  write.immediate();
  deps.events.publish({
    type: "lifecycle-changed",
    networkId: workplan.networkId,
    data: { networkId: workplan.networkId, workplanId, change: "consultation" },
  });
  return lifecycleOf(deps, findWorkplan(deps.db, workplanId) as WorkplanRecord);
}
