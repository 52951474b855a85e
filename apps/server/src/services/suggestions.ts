import {
  type CreateSuggestionRequest,
  can,
  colorForUser,
  commitmentRights,
  isWorkplanFrozen,
  type Role,
  type SuggestionField,
  type SuggestionStatus,
  type SuggestionView,
} from "@junction/domain";
import {
  applyFieldSuggestion,
  applyTextSuggestion,
  describeFieldValue,
  isEncodedRelativePosition,
  isFieldSuggestionOutdated,
  isTextSuggestionOutdated,
  readSuggestionField,
  readSuggestionLead,
  resolveSuggestionRange,
} from "@junction/domain/doc";
import {
  appendAudit,
  decideSuggestion,
  findMembership,
  findSuggestion,
  insertComment,
  insertSuggestion,
  insertThread,
  listMembers,
  listWorkplanSuggestionPage,
  type MembershipRecord,
  type SuggestionRecord,
  type WorkplanRecord,
} from "@junction/store";
import type * as Y from "yjs";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplan } from "./access";
import type { Caller } from "./caller";
import { documentOf, readLiveState, recordServerWriter } from "./document-state";
import { notify } from "./notifications";
import { organisationLabels } from "./organisation-labels";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";
import { isSuperseded } from "./revision-lineage";
import { refuseIfUnavailable } from "./storage";

const SUGGESTION_CURSOR = ["number", "string"] as const;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Where a suggestion sits in the document now, which decides who may accept it. */
type Place = { activityId: string | null; lead: string | null };

/**
 * Who may accept or reject: coordinators; inside an activity, editors of its lead organisation
 * (any editor while nobody leads it, except for its budget, a commitment); in the narrative,
 * editors. Being its author gives no right of its own.
 */
function mayDecide(
  membership: { role: Role; organisationId: string },
  field: SuggestionField | null,
  place: Place,
): boolean {
  if (!can(membership.role, "workplan.edit")) return false;
  if (can(membership.role, "activity.update-any-commitments")) return true;
  if (place.activityId === null) return true;
  if (field === "budget") {
    return commitmentRights({ ...membership, isOwner: false }, { lead: place.lead }).budget;
  }
  return place.lead === null || place.lead === membership.organisationId;
}

/** The suggestion's place in a document: its range's activity for text, its activity for fields. */
function placeIn(ydoc: Y.Doc, suggestion: SuggestionRecord): Place {
  let activityId = suggestion.activityId;
  if (suggestion.kind === "text" && suggestion.anchor) {
    const range = resolveSuggestionRange(ydoc, suggestion.anchor);
    if (range) activityId = range.activityId;
  }
  if (activityId === null) return { activityId: null, lead: null };
  return { activityId, lead: readSuggestionLead(ydoc, activityId) ?? null };
}

function isOutdated(ydoc: Y.Doc, suggestion: SuggestionRecord): boolean {
  if (suggestion.kind === "text") {
    return (
      suggestion.anchor === null ||
      isTextSuggestionOutdated(ydoc, {
        anchor: suggestion.anchor,
        quote: suggestion.quote,
        text: suggestion.text,
      })
    );
  }
  return (
    suggestion.activityId === null ||
    suggestion.field === null ||
    isFieldSuggestionOutdated(ydoc, {
      activityId: suggestion.activityId,
      field: suggestion.field,
      before: suggestion.before,
      value: suggestion.value,
    })
  );
}

type Viewer = {
  caller: Caller;
  membership: MembershipRecord;
  workplan: WorkplanRecord;
  /** The live document, or null when only decided suggestions are shown (nothing to judge). */
  ydoc: Y.Doc | null;
  labelOf: (organisationId: string) => string;
  /** A newer revision carries the workplan on: nothing is decided here any more. */
  superseded: boolean;
};

function toView(viewer: Viewer, suggestion: SuggestionRecord): SuggestionView {
  const isOpen = suggestion.status === "open";
  const frozen = isWorkplanFrozen(viewer.workplan) || viewer.superseded;
  const { ydoc } = viewer;
  // decided suggestions were never outdated when it mattered; only open ones are judged
  const outdated = isOpen && ydoc !== null && isOutdated(ydoc, suggestion);
  const canDecide =
    isOpen &&
    !frozen &&
    ydoc !== null &&
    mayDecide(viewer.membership, suggestion.field, placeIn(ydoc, suggestion));
  return {
    id: suggestion.id,
    networkId: suggestion.networkId,
    workplanId: suggestion.workplanId,
    threadId: suggestion.threadId,
    kind: suggestion.kind,
    activityId: suggestion.activityId,
    anchor: suggestion.anchor,
    field: suggestion.field,
    quote: suggestion.quote,
    text: suggestion.text,
    value: suggestion.kind === "field" ? (suggestion.value ?? null) : null,
    reason: suggestion.reason,
    status: suggestion.status,
    outdated,
    authorId: suggestion.authorId,
    authorName: suggestion.authorName,
    authorOrganisation:
      suggestion.authorOrganisationId === null
        ? null
        : viewer.labelOf(suggestion.authorOrganisationId),
    authorColor: colorForUser(suggestion.authorId),
    createdAt: iso(suggestion.createdAt),
    decidedBy: suggestion.decidedBy,
    decidedByName: suggestion.decidedByName,
    decidedAt: suggestion.decidedAt === null ? null : iso(suggestion.decidedAt),
    decisionNote: suggestion.decisionNote,
    canDecide,
    canWithdraw: isOpen && !frozen && suggestion.authorId === viewer.caller.user.id,
  };
}

/**
 * Adopted and archived workplans are read-only, and a superseded one lives on in its revision:
 * none takes new suggestions or decisions (409, saying where to go instead).
 */
function requireOpenForSuggestions(deps: Deps, workplan: WorkplanRecord): void {
  requireWritableWorkplan(workplan, msg("suggestion.frozen"));
  if (isSuperseded(deps, workplan.id)) {
    throw new AppError("conflict", msg("suggestion.superseded"));
  }
}

function liveDocument(deps: Deps, workplanId: string): Y.Doc {
  return documentOf(readLiveState(deps, workplanId));
}

function viewerFor(
  deps: Deps,
  caller: Caller,
  access: { workplan: WorkplanRecord; membership: MembershipRecord },
  ydoc: Y.Doc | null,
): Viewer {
  const labels = organisationLabels(deps, access.workplan.networkId);
  return {
    caller,
    ...access,
    ydoc,
    labelOf: labels.labelOf,
    superseded: isSuperseded(deps, access.workplan.id),
  };
}

/** One suggestion as the caller sees it, judged against the live document. */
function viewOf(deps: Deps, caller: Caller, suggestionId: string): SuggestionView {
  const { suggestion, ...access } = requireSuggestion(deps, caller, suggestionId, "workplan.read");
  const ydoc = suggestion.status === "open" ? liveDocument(deps, suggestion.workplanId) : null;
  try {
    return toView(viewerFor(deps, caller, access, ydoc), suggestion);
  } finally {
    ydoc?.destroy();
  }
}

function requireSuggestion(
  deps: Deps,
  caller: Caller,
  suggestionId: string,
  permission: "workplan.read" | "comment.create",
) {
  const suggestion = findSuggestion(deps.db, suggestionId);
  if (!suggestion) {
    throw new AppError("not_found", msg("suggestion.notFound", { suggestionId }));
  }
  const access = requireWorkplanPermission(deps, caller, suggestion.workplanId, permission);
  return { suggestion, ...access };
}

function announce(
  deps: Deps,
  suggestion: Pick<SuggestionRecord, "id" | "networkId" | "workplanId">,
) {
  deps.events.publish({
    type: "suggestions-changed",
    networkId: suggestion.networkId,
    data: {
      networkId: suggestion.networkId,
      workplanId: suggestion.workplanId,
      suggestionId: suggestion.id,
    },
  });
}

/** A page of the workplan's suggestions, oldest first, each judged against the live document. */
export function listSuggestions(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: PageQuery,
  filters: { status?: SuggestionStatus; activity?: string } = {},
): Page<SuggestionView> {
  const access = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const page = listWorkplanSuggestionPage(
    deps.db,
    workplanId,
    { status: filters.status, activityId: filters.activity },
    pageRequest(query, SUGGESTION_CURSOR),
  );
  const ydoc = page.items.some((s) => s.status === "open") ? liveDocument(deps, workplanId) : null;
  try {
    const viewer = viewerFor(deps, caller, access, ydoc);
    return mapPage(page, (items) => items.map((suggestion) => toView(viewer, suggestion)));
  } finally {
    ydoc?.destroy();
  }
}

export function getSuggestion(deps: Deps, caller: Caller, suggestionId: string): SuggestionView {
  return viewOf(deps, caller, suggestionId);
}

type Proposal = {
  activityId: string | null;
  anchor: { start: string; end: string } | null;
  field: SuggestionField | null;
  quote: string;
  text: string;
  value?: unknown;
  before?: unknown;
};

// a range lives in one paragraph: line breaks in the wording become spaces
function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, " ");
}

/** What the suggestion proposes, checked against the live document as it is now. */
function proposalOf(ydoc: Y.Doc, input: CreateSuggestionRequest): Proposal {
  if (input.kind === "text") {
    const { anchor } = input;
    if (!(isEncodedRelativePosition(anchor.start) && isEncodedRelativePosition(anchor.end))) {
      throw new AppError("validation_failed", msg("suggestion.badAnchor"));
    }
    const range = resolveSuggestionRange(ydoc, anchor);
    if (range === null || range.text !== input.quote) {
      throw new AppError("conflict", msg("suggestion.textChanged"));
    }
    const text = oneLine(input.text);
    if (text === input.quote) {
      throw new AppError("validation_failed", msg("suggestion.sameText"));
    }
    // the document says where the range is, whatever the client named
    return { activityId: range.activityId, anchor, field: null, quote: input.quote, text };
  }
  const before = readSuggestionField(ydoc, input.activityId, input.field);
  if (before === undefined) {
    throw new AppError(
      "not_found",
      msg("suggestion.activityMissing", { activityId: input.activityId }),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(input.value ?? null)) {
    throw new AppError("validation_failed", msg("suggestion.sameValue", { field: input.field }));
  }
  return {
    activityId: input.activityId,
    anchor: null,
    field: input.field,
    quote: describeFieldValue(input.field, before),
    text: describeFieldValue(input.field, input.value),
    value: input.value ?? null,
    before,
  };
}

/** Members to tell of a new suggestion: those who may decide it, but not its author. */
function deciders(
  deps: Deps,
  networkId: string,
  field: SuggestionField | null,
  place: Place,
  authorId: string,
): string[] {
  return listMembers(deps.db, networkId)
    .filter((member) => member.userId !== authorId)
    .filter((member) => {
      // in the narrative every editor may decide; telling coordinators is enough
      if (place.activityId === null) return member.role === "coordinator";
      return mayDecide(member, field, place);
    })
    .map((member) => member.userId);
}

/**
 * A suggested change of wording or of an activity's field (commenters, editors, coordinators),
 * with its own comment thread whose first message is the reason when one is given.
 */
export function createSuggestion(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  input: CreateSuggestionRequest,
): SuggestionView {
  const access = requireWorkplanPermission(deps, caller, workplanId, "comment.create");
  const { workplan } = access;
  requireOpenForSuggestions(deps, workplan);
  // read once: it judges the proposal and then the new suggestion's view (nothing edits it between)
  const ydoc = liveDocument(deps, workplanId);
  try {
    const suggestion = recordSuggestion(deps, caller, workplan, ydoc, input);
    return toView(viewerFor(deps, caller, access, ydoc), suggestion);
  } finally {
    ydoc.destroy();
  }
}

/** Stores a new suggestion and its thread, then tells the network and whoever may decide it. */
function recordSuggestion(
  deps: Deps,
  caller: Caller,
  workplan: WorkplanRecord,
  ydoc: Y.Doc,
  input: CreateSuggestionRequest,
): SuggestionRecord {
  const workplanId = workplan.id;
  const proposal = proposalOf(ydoc, input);
  const place: Place = {
    activityId: proposal.activityId,
    lead:
      proposal.activityId === null ? null : (readSuggestionLead(ydoc, proposal.activityId) ?? null),
  };
  const reason = input.reason?.trim() ?? "";
  const mentions = [...new Set(input.mentions)].filter(
    (id) => findMembership(deps.db, workplan.networkId, id) !== null,
  );
  const now = deps.now();
  const create = deps.db.transaction(() => {
    const thread = insertThread(
      deps.db,
      {
        workplanId,
        activityId: proposal.activityId,
        anchor: proposal.anchor ? { kind: "range", ...proposal.anchor } : null,
        quote: proposal.quote,
        createdBy: caller.user.id,
      },
      now,
    );
    if (reason !== "") {
      insertComment(
        deps.db,
        { threadId: thread.id, authorId: caller.user.id, body: reason, mentions },
        now,
      );
    }
    return insertSuggestion(
      deps.db,
      {
        workplanId,
        threadId: thread.id,
        kind: input.kind,
        ...proposal,
        reason,
        authorId: caller.user.id,
      },
      now,
    );
  });
  const suggestion = create.immediate();
  announce(deps, suggestion);
  deps.events.publish({
    type: "comments-changed",
    networkId: suggestion.networkId,
    data: {
      networkId: suggestion.networkId,
      workplanId,
      threadId: suggestion.threadId,
    },
  });
  const subject = {
    workplanId,
    ...(suggestion.activityId ? { activityId: suggestion.activityId } : {}),
    threadId: suggestion.threadId,
  };
  const told = new Set<string>();
  for (const userId of reason === "" ? [] : mentions) {
    if (userId === caller.user.id) continue;
    told.add(userId);
    notify(deps, {
      userId,
      networkId: workplan.networkId,
      kind: "mention",
      actorId: caller.user.id,
      message: msg("notification.suggestionMention", {
        actor: caller.user.name,
        workplan: workplan.title,
      }),
      subject,
    });
  }
  for (const userId of deciders(
    deps,
    workplan.networkId,
    suggestion.field,
    place,
    caller.user.id,
  )) {
    if (told.has(userId)) continue;
    notify(deps, {
      userId,
      networkId: workplan.networkId,
      kind: "suggestion",
      actorId: caller.user.id,
      message: msg("notification.suggestion", {
        actor: caller.user.name,
        workplan: workplan.title,
      }),
      subject,
    });
  }
  return suggestion;
}

function requireOpen(suggestion: SuggestionRecord): void {
  if (suggestion.status !== "open") {
    throw new AppError("conflict", msg("suggestion.notOpen", { status: suggestion.status }));
  }
}

const DECIDE_FORBIDDEN = msg("suggestion.decideForbidden");

function tellAuthor(
  deps: Deps,
  caller: Caller,
  suggestion: SuggestionRecord,
  workplan: WorkplanRecord,
  kind: "suggestion-accepted" | "suggestion-rejected",
): void {
  if (suggestion.authorId === caller.user.id) return;
  if (!findMembership(deps.db, suggestion.networkId, suggestion.authorId)) return;
  notify(deps, {
    userId: suggestion.authorId,
    networkId: suggestion.networkId,
    kind,
    actorId: caller.user.id,
    message: msg("notification.suggestionDecided", {
      actor: caller.user.name,
      decision: kind === "suggestion-accepted" ? "accepted" : "rejected",
      workplan: workplan.title,
    }),
    subject: {
      workplanId: suggestion.workplanId,
      ...(suggestion.activityId ? { activityId: suggestion.activityId } : {}),
      threadId: suggestion.threadId,
    },
  });
}

function audit(
  deps: Deps,
  caller: Caller,
  suggestion: SuggestionRecord,
  action: "suggestion.accept" | "suggestion.reject",
  detail: Record<string, unknown>,
  now: number,
): void {
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action,
      networkId: suggestion.networkId,
      subject: suggestion.id,
      detail: {
        workplanId: suggestion.workplanId,
        authorId: suggestion.authorId,
        kind: suggestion.kind,
        ...(suggestion.activityId ? { activityId: suggestion.activityId } : {}),
        ...(suggestion.field ? { field: suggestion.field } : {}),
        ...detail,
      },
      ip: caller.ip,
    },
    now,
  );
}

/**
 * Applies an open suggestion to the live document as the caller's own edit (stored, applied and
 * broadcast like any edit), judged and applied in one step on the document as it is: refused
 * (409, nothing applied) when the text or field under it changed since it was made.
 */
export function acceptSuggestion(deps: Deps, caller: Caller, suggestionId: string): SuggestionView {
  const { suggestion, workplan, membership } = requireSuggestion(
    deps,
    caller,
    suggestionId,
    "workplan.read",
  );
  if (!can(membership.role, "workplan.edit")) throw new AppError("forbidden", DECIDE_FORBIDDEN);
  requireOpenForSuggestions(deps, workplan);
  requireOpen(suggestion);
  let outcome = "outdated" as "applied" | "outdated" | "forbidden";
  let clientId: number | null = null;
  try {
    deps.live.change(workplan.id, (ydoc) => {
      clientId = ydoc.clientID;
      if (!mayDecide(membership, suggestion.field, placeIn(ydoc, suggestion))) {
        outcome = "forbidden";
        return;
      }
      const result =
        suggestion.kind === "text" && suggestion.anchor
          ? applyTextSuggestion(ydoc, {
              anchor: suggestion.anchor,
              quote: suggestion.quote,
              text: suggestion.text,
            })
          : suggestion.kind === "field" && suggestion.activityId && suggestion.field
            ? applyFieldSuggestion(ydoc, {
                activityId: suggestion.activityId,
                field: suggestion.field,
                before: suggestion.before,
                value: suggestion.value,
              })
            : ({ ok: false, reason: "outdated" } as const);
      outcome = result.ok ? "applied" : "outdated";
    });
  } catch (error) {
    refuseIfUnavailable(error, msg("suggestion.notSaved"));
  }
  if (outcome === "forbidden") throw new AppError("forbidden", DECIDE_FORBIDDEN);
  if (outcome === "outdated") {
    throw new AppError("conflict", msg("suggestion.outdated"));
  }
  const now = deps.now();
  const decide = deps.db.transaction(() => {
    // the accepted words are the accepter's writing as far as the diff is concerned
    if (clientId !== null) {
      recordServerWriter(deps, workplan.id, clientId, caller.user.id, membership.organisationId);
    }
    decideSuggestion(
      deps.db,
      suggestion.id,
      { status: "accepted", by: caller.user.id, note: null },
      now,
    );
    audit(deps, caller, suggestion, "suggestion.accept", {}, now);
  });
  decide.immediate();
  announce(deps, suggestion);
  tellAuthor(deps, caller, suggestion, workplan, "suggestion-accepted");
  return viewOf(deps, caller, suggestion.id);
}

/** Declines an open suggestion: the record stays, with the note; the document is not touched. */
export function rejectSuggestion(
  deps: Deps,
  caller: Caller,
  suggestionId: string,
  input: { note?: string },
): SuggestionView {
  const { suggestion, workplan, membership } = requireSuggestion(
    deps,
    caller,
    suggestionId,
    "workplan.read",
  );
  if (!can(membership.role, "workplan.edit")) throw new AppError("forbidden", DECIDE_FORBIDDEN);
  const ydoc = liveDocument(deps, workplan.id);
  let allowed: boolean;
  try {
    allowed = mayDecide(membership, suggestion.field, placeIn(ydoc, suggestion));
  } finally {
    ydoc.destroy();
  }
  if (!allowed) throw new AppError("forbidden", DECIDE_FORBIDDEN);
  requireOpenForSuggestions(deps, workplan);
  requireOpen(suggestion);
  const note = input.note?.trim() ? input.note.trim() : null;
  const now = deps.now();
  const decide = deps.db.transaction(() => {
    if (
      !decideSuggestion(
        deps.db,
        suggestion.id,
        { status: "rejected", by: caller.user.id, note },
        now,
      )
    ) {
      throw new AppError("conflict", msg("suggestion.decidedMeanwhile"));
    }
    audit(deps, caller, suggestion, "suggestion.reject", note ? { note } : {}, now);
  });
  decide.immediate();
  announce(deps, suggestion);
  tellAuthor(deps, caller, suggestion, workplan, "suggestion-rejected");
  return viewOf(deps, caller, suggestion.id);
}

/** Its author takes an open suggestion back; nobody else can. */
export function withdrawSuggestion(
  deps: Deps,
  caller: Caller,
  suggestionId: string,
): SuggestionView {
  const { suggestion, workplan } = requireSuggestion(deps, caller, suggestionId, "workplan.read");
  if (suggestion.authorId !== caller.user.id) {
    throw new AppError("forbidden", msg("suggestion.onlyAuthorWithdraws"));
  }
  requireOpenForSuggestions(deps, workplan);
  requireOpen(suggestion);
  decideSuggestion(
    deps.db,
    suggestion.id,
    { status: "withdrawn", by: caller.user.id, note: null },
    deps.now(),
  );
  announce(deps, suggestion);
  return viewOf(deps, caller, suggestion.id);
}
