import type { Activity, ValidationOrganisation, ValidationView, Workplan } from "@junction/domain";
import {
  appendAudit,
  findLatestValidationRound,
  findOrganisation,
  leadsActivityIn,
  listMembers,
  listOrganisations,
  listValidationAnswers,
  listWorkplanActivities,
  answerValidation as storeAnswer,
  overruleObjection as storeOverrule,
  type ValidationRoundRecord,
  type WorkplanRecord,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";

/** The network's organisations leading at least one of these activities, in document order. */
export function leadOrganisations(
  deps: Deps,
  networkId: string,
  activities: readonly Pick<Activity, "lead">[],
): string[] {
  const own = new Set(listOrganisations(deps.db, networkId).map((o) => o.id));
  const leads: string[] = [];
  for (const { lead } of activities) {
    if (lead !== null && own.has(lead) && !leads.includes(lead)) leads.push(lead);
  }
  return leads;
}

function isCurrent(workplan: WorkplanRecord, round: ValidationRoundRecord): boolean {
  return workplan.stage === "validation" && !workplan.archived && round.endedAt === null;
}

/**
 * Who must answer in a round: the lead organisations when validation started, and while it runs,
 * any organisation that has come to lead an activity since (its part needs its approval too).
 */
function askedOrganisations(
  deps: Deps,
  workplan: WorkplanRecord,
  round: ValidationRoundRecord,
): { organisationId: string; askedSince: "start" | "later" }[] {
  const asked: { organisationId: string; askedSince: "start" | "later" }[] =
    round.organisationIds.map((organisationId) => ({ organisationId, askedSince: "start" }));
  if (!isCurrent(workplan, round)) return asked;
  const leads = leadOrganisations(
    deps,
    workplan.networkId,
    listWorkplanActivities(deps.db, workplan.id),
  );
  for (const organisationId of leads) {
    if (!round.organisationIds.includes(organisationId)) {
      asked.push({ organisationId, askedSince: "later" });
    }
  }
  return asked;
}

/** The current validation round of a workplan (else its last), as the coordinator sees it. */
export function validationView(deps: Deps, workplan: WorkplanRecord): ValidationView | null {
  const round = findLatestValidationRound(deps.db, workplan.id);
  if (!round) return null;
  const organisations = new Map(
    listOrganisations(deps.db, workplan.networkId).map((o) => [o.id, o]),
  );
  const answers = new Map(
    listValidationAnswers(deps.db, round.id).map((a) => [a.organisationId, a]),
  );
  const leading = new Map<string, number>();
  for (const activity of listWorkplanActivities(deps.db, workplan.id)) {
    if (activity.lead !== null) leading.set(activity.lead, (leading.get(activity.lead) ?? 0) + 1);
  }
  const rows: ValidationOrganisation[] = askedOrganisations(deps, workplan, round).map(
    ({ organisationId, askedSince }) => {
      const organisation = organisations.get(organisationId);
      const answer = answers.get(organisationId);
      return {
        organisationId,
        name: organisation?.name ?? organisationId,
        acronym: organisation?.acronym ?? "",
        activityCount: leading.get(organisationId) ?? 0,
        askedSince,
        answer: answer?.answer ?? null,
        comment: answer?.comment ?? "",
        answeredBy: answer?.answeredBy ?? null,
        answeredByName: answer?.answeredByName ?? null,
        answeredAt: answer?.answeredAt ?? null,
        overrule: answer?.overrule ?? null,
        blocking: answer?.answer === "objected" && answer.overrule === null,
      };
    },
  );
  const current = isCurrent(workplan, round);
  return {
    roundId: round.id,
    current,
    startedAt: round.startedAt,
    startedBy: round.startedBy,
    endedAt: round.endedAt,
    organisations: rows,
    approved: rows.filter((row) => row.answer === "approved").length,
    objected: rows.filter((row) => row.blocking).length,
    overruled: rows.filter((row) => row.answer === "objected" && !row.blocking).length,
    pending: rows.filter((row) => row.answer === null).length,
    canAdopt: current && rows.every((row) => !row.blocking),
  };
}

function label(row: Pick<ValidationOrganisation, "acronym" | "name">): string {
  return row.acronym || row.name;
}

/** Refuses (409) to adopt while an objection stands, naming who objects. */
export function requireNoStandingObjection(deps: Deps, workplan: WorkplanRecord): void {
  const view = validationView(deps, workplan);
  const blocking = view?.organisations.filter((row) => row.blocking) ?? [];
  if (blocking.length === 0) return;
  const names = blocking.map(label).join(", ");
  throw new AppError("conflict", msg("validation.objections", { names, count: blocking.length }));
}

function requireInValidation(workplan: WorkplanRecord): void {
  if (workplan.archived) {
    throw new AppError("conflict", msg("validation.archived"));
  }
  if (workplan.stage !== "validation") {
    throw new AppError(
      "conflict",
      msg("validation.wrongStage", { stage: msg(`stage.${workplan.stage}`) }),
    );
  }
}

function currentRound(deps: Deps, workplan: WorkplanRecord): ValidationRoundRecord {
  requireInValidation(workplan);
  const round = findLatestValidationRound(deps.db, workplan.id);
  if (!round || round.endedAt !== null) {
    throw new AppError("conflict", msg("validation.notRunning"));
  }
  return round;
}

function publishValidation(deps: Deps, workplan: WorkplanRecord): void {
  deps.events.publish({
    type: "lifecycle-changed",
    networkId: workplan.networkId,
    data: { networkId: workplan.networkId, workplanId: workplan.id, change: "validation" },
  });
}

function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An editor (or coordinator) approves or objects for their own organisation, if it is asked. */
export function answerValidation(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  body: { answer: "approve" | "object"; comment: string },
): ValidationView {
  const { workplan, membership } = requireWorkplanPermission(
    deps,
    caller,
    workplanId,
    "workplan.validate",
  );
  const round = currentRound(deps, workplan);
  const asked = askedOrganisations(deps, workplan, round);
  const organisation = listOrganisations(deps.db, workplan.networkId).find(
    (o) => o.id === membership.organisationId,
  );
  const name = organisation ? organisation.acronym || organisation.name : membership.organisationId;
  if (!asked.some((entry) => entry.organisationId === membership.organisationId)) {
    throw new AppError("forbidden", msg("validation.leadsNothing", { organisation: name }));
  }
  const answer = body.answer === "approve" ? "approved" : "objected";
  const write = deps.db.transaction(() => {
    storeAnswer(
      deps.db,
      {
        roundId: round.id,
        organisationId: membership.organisationId,
        answer,
        comment: body.comment,
        answeredBy: caller.user.id,
      },
      deps.now(),
    );
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "validation.answer",
        networkId: workplan.networkId,
        subject: workplan.id,
        detail: {
          roundId: round.id,
          organisationId: membership.organisationId,
          answer,
          comment: body.comment,
        },
        ip: caller.ip,
      },
      deps.now(),
    );
  });
  write.immediate();
  publishValidation(deps, workplan);
  if (answer === "objected") {
    for (const member of listMembers(deps.db, workplan.networkId)) {
      if (member.role !== "coordinator") continue;
      notify(deps, {
        userId: member.userId,
        networkId: workplan.networkId,
        kind: "validation-objection",
        actorId: caller.user.id,
        message: msg("notification.objection", {
          organisation: name,
          workplan: workplan.title,
          comment: excerpt(body.comment),
        }),
        subject: { workplanId: workplan.id },
      });
    }
  }
  return validationView(deps, workplan) as ValidationView;
}

/** A coordinator overrules a standing objection with a reason; adoption may then go ahead. */
export function overruleObjection(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  body: { organisationId: string; reason: string },
): ValidationView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.move-stage");
  const organisation = listOrganisations(deps.db, workplan.networkId).find(
    (o) => o.id === body.organisationId,
  );
  if (!organisation) {
    throw new AppError(
      "not_found",
      msg("validation.organisationOutside", { organisationId: body.organisationId }),
    );
  }
  const round = currentRound(deps, workplan);
  const name = organisation.acronym || organisation.name;
  const standing = listValidationAnswers(deps.db, round.id).find(
    (a) => a.organisationId === body.organisationId && a.answer === "objected" && !a.overrule,
  );
  if (!standing) {
    throw new AppError("conflict", msg("validation.noObjection", { organisation: name }));
  }
  const write = deps.db.transaction(() => {
    storeOverrule(
      deps.db,
      {
        roundId: round.id,
        organisationId: body.organisationId,
        by: caller.user.id,
        reason: body.reason,
      },
      deps.now(),
    );
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "validation.overrule",
        networkId: workplan.networkId,
        subject: workplan.id,
        detail: {
          roundId: round.id,
          organisationId: body.organisationId,
          objection: standing.comment,
          reason: body.reason,
        },
        ip: caller.ip,
      },
      deps.now(),
    );
  });
  write.immediate();
  publishValidation(deps, workplan);
  notify(deps, {
    userId: standing.answeredBy,
    networkId: workplan.networkId,
    kind: "validation-objection",
    actorId: caller.user.id,
    message: msg("notification.overruled", {
      actor: caller.user.name,
      organisation: name,
      workplan: workplan.title,
      reason: excerpt(body.reason),
    }),
    subject: { workplanId: workplan.id },
  });
  return validationView(deps, workplan) as ValidationView;
}

/** Editors and coordinators of each organisation asked in a round that has just opened. */
export function notifyValidationRequested(
  deps: Deps,
  workplan: WorkplanRecord,
  organisationIds: readonly string[],
  actorId: string,
): void {
  const labels = new Map(
    listOrganisations(deps.db, workplan.networkId).map((o) => [o.id, o.acronym || o.name]),
  );
  for (const member of listMembers(deps.db, workplan.networkId)) {
    if (member.role !== "editor" && member.role !== "coordinator") continue;
    if (!organisationIds.includes(member.organisationId)) continue;
    notify(deps, {
      userId: member.userId,
      networkId: workplan.networkId,
      kind: "validation-requested",
      actorId,
      message: msg("notification.validationRequested", {
        workplan: workplan.title,
        organisation: labels.get(member.organisationId) ?? member.organisationId,
      }),
      subject: { workplanId: workplan.id },
    });
  }
}

/** For My work: whether the member's organisation is asked in the workplan's running round and has not answered. */
export function awaitsAnswerFrom(
  deps: Deps,
  workplan: Pick<Workplan, "id" | "networkId" | "stage" | "archived">,
  organisationId: string,
): { since: string } | null {
  if (workplan.stage !== "validation" || workplan.archived) return null;
  const round = findLatestValidationRound(deps.db, workplan.id);
  if (!round || round.endedAt !== null) return null;
  // asked (askedOrganisations): at the start, or since as one of the network's organisations
  // leading an activity of the workplan now; read from the index, not the workplan's activities
  const asked =
    round.organisationIds.includes(organisationId) ||
    (findOrganisation(deps.db, organisationId)?.networkId === workplan.networkId &&
      leadsActivityIn(deps.db, workplan, organisationId));
  if (!asked) return null;
  const answered = listValidationAnswers(deps.db, round.id).some(
    (a) => a.organisationId === organisationId,
  );
  return answered ? null : { since: round.startedAt };
}
