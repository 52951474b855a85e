import {
  checkStageMove,
  isWorkplanFrozen,
  type Stage,
  type StageMoveRequest,
  type StageMoveResult,
  type StageMoveView,
} from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  appendAudit,
  endValidationRounds,
  findWorkplan,
  findWorkplanLifecycle,
  listMembers,
  listStageMoves,
  moveWorkplanStage,
  openValidationRound,
  type StageMoveRecord,
  setConsultationDeadline,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { documentOf, readLiveState } from "./document-state";
import { notify } from "./notifications";
import { today } from "./tasks";
import {
  leadOrganisations,
  notifyValidationRequested,
  requireNoStandingObjection,
} from "./validation";
import { publishVersion, saveVersion } from "./versions";

const VERSION_NAMES: Record<Stage, string> = {
  draft: "Back to draft",
  consultation: "Sent for consultation",
  validation: "Sent for validation",
  adopted: "Adopted",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-03-15" as people read it: "15 March 2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return `${date} ${MONTHS[(month ?? 1) - 1] ?? ""} ${year}`;
}

/** Refuses (400) a consultation deadline before today. */
export function requireDeadlineAhead(deps: Deps, deadline: string | null | undefined): void {
  if (deadline && deadline < today(deps)) {
    throw new AppError("bad_request", msg("stages.deadlinePassed", { deadline }));
  }
}

export function toStageMoveView(record: StageMoveRecord): StageMoveView {
  const { workplanId: _workplanId, ...view } = record;
  return view;
}

export function listWorkplanStages(
  deps: Deps,
  caller: Caller,
  workplanId: string,
): StageMoveView[] {
  requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  return listStageMoves(deps.db, workplanId).map(toStageMoveView);
}

function notifyConsultation(
  deps: Deps,
  workplan: WorkplanRecord,
  deadline: string | null,
  caller: Caller,
): void {
  for (const member of listMembers(deps.db, workplan.networkId)) {
    if (member.role !== "commenter") continue;
    notify(deps, {
      userId: member.userId,
      networkId: workplan.networkId,
      kind: "consultation",
      actorId: caller.user.id,
      message: deadline
        ? msg("notification.consultationUntil", {
            actor: caller.user.name,
            workplan: workplan.title,
            deadline: new Date(`${deadline}T00:00:00Z`),
          })
        : msg("notification.consultation", { actor: caller.user.name, workplan: workplan.title }),
      subject: { workplanId: workplan.id },
    });
  }
}

/**
 * Moves a workplan to another stage (coordinators): one step forward, or back with a reason.
 * Every move saves the document as a version; entering validation asks the organisations that
 * lead its activities; adopting freezes the document on the server for everyone at once.
 */
export function moveStage(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  body: StageMoveRequest,
): StageMoveResult {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.move-stage");
  if (workplan.archived) {
    throw new AppError("conflict", msg("stages.archived"));
  }
  const reason = body.reason?.trim() || null;
  const check = checkStageMove(workplan.stage, body.stage, reason);
  if (!check.ok) {
    const isConflict = check.problem === "same-stage" || check.problem === "adopted-is-final";
    throw new AppError(isConflict ? "conflict" : "bad_request", check.message);
  }
  if (body.deadline !== undefined && body.stage !== "consultation") {
    throw new AppError("bad_request", msg("stages.deadlineNeedsConsultation"));
  }
  requireDeadlineAhead(deps, body.deadline);
  if (body.stage === "adopted") requireNoStandingObjection(deps, workplan);

  // the document as it is at the move: nothing a client sent before it is left out
  const state = readLiveState(deps, workplanId);
  const ydoc = documentOf(state);
  const leads = leadOrganisations(deps, workplan.networkId, readActivities(ydoc));
  ydoc.destroy();
  const now = deps.now();
  const apply = deps.db.transaction(() => {
    const version = saveVersion(
      deps,
      workplan,
      {
        name: VERSION_NAMES[body.stage],
        kind: "stage",
        stage: body.stage,
        createdBy: caller.user.id,
        state,
      },
      now,
    );
    const move = moveWorkplanStage(
      deps.db,
      {
        workplanId,
        from: workplan.stage,
        to: body.stage,
        movedBy: caller.user.id,
        reason,
        versionId: version.id,
      },
      now,
    );
    if (body.stage === "validation") {
      openValidationRound(
        deps.db,
        { workplanId, startedBy: caller.user.id, organisationIds: leads },
        now,
      );
    } else if (workplan.stage === "validation") {
      endValidationRounds(deps.db, workplanId, now);
    }
    if (body.deadline !== undefined) {
      setConsultationDeadline(deps.db, workplanId, body.deadline, now);
    }
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "workplan.stage",
        networkId: workplan.networkId,
        subject: workplanId,
        detail: {
          from: workplan.stage,
          to: body.stage,
          reason,
          versionId: version.id,
          ...(body.deadline !== undefined ? { deadline: body.deadline } : {}),
        },
        ip: caller.ip,
      },
      now,
    );
    return { version, move };
  });
  const { version, move } = apply.immediate();
  const updated = findWorkplan(deps.db, workplanId) as WorkplanRecord;
  // adopted: every open connection, coordinators' included, becomes a reader at once
  if (isWorkplanFrozen(updated) !== isWorkplanFrozen(workplan)) {
    deps.live.refreshWorkplan(workplanId);
  }
  const view = toStageMoveView(move);
  deps.events.publish({
    type: "stage-changed",
    networkId: workplan.networkId,
    data: { networkId: workplan.networkId, workplanId, ...view },
  });
  publishVersion(deps, workplan, version);
  if (body.stage === "consultation") {
    const deadline =
      body.deadline !== undefined
        ? body.deadline
        : (findWorkplanLifecycle(deps.db, workplanId)?.consultationDeadline ?? null);
    notifyConsultation(deps, updated, deadline, caller);
  }
  if (body.stage === "validation") {
    deps.events.publish({
      type: "lifecycle-changed",
      networkId: workplan.networkId,
      data: { networkId: workplan.networkId, workplanId, change: "validation" },
    });
    notifyValidationRequested(deps, updated, leads, caller.user.id);
  }
  return { ...updated, move: view };
}
