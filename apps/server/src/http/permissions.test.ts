import { emptyActivity } from "@junction/domain";
import {
  addMembership,
  answerValidation,
  createUser,
  createWorkplan,
  insertComment,
  insertInvitation,
  insertSuggestion,
  insertTask,
  insertThread,
  insertVersion,
  insertWarning,
  moveWorkplanStage,
  openValidationRound,
  replaceWorkplanActivities,
  setThreadResolved,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import { issueSecret } from "../auth/secrets";
import { activity, storeDocument } from "../test/documents";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
  type TestNetwork,
} from "../test/harness";

type Actor = "anonymous" | "stranger" | "admin" | "viewer" | "commenter" | "editor" | "coordinator";
const ACTORS: Actor[] = [
  "anonymous",
  "stranger",
  "admin",
  "viewer",
  "commenter",
  "editor",
  "coordinator",
];
const MEMBERS: Actor[] = ["viewer", "commenter", "editor", "coordinator"];

type Case = {
  method: string;
  /** Registered Hono path, to prove every route is in the table. */
  route: string;
  path: (n: Fixture) => string;
  body?: (n: Fixture) => unknown;
  /** Who gets the success status; everyone else gets the refusal for their kind. */
  allowed: Actor[];
  success: number;
  /** Members outside `allowed` get 403; strangers and admins 404 unless listed here. */
  outsider?: number;
  anonymous?: number;
};

type Fixture = TestNetwork & {
  invitationId: string;
  invitationToken: string;
  target: string;
  warningId: string;
  threadId: string;
  resolvedThreadId: string;
  commentId: string;
  taskId: string;
  /** A saved version of the main workplan. */
  versionId: string;
  /** A workplan in validation whose only lead organisation (B, the editor's) objected. */
  validationPlanId: string;
  /** An adopted workplan, to revise. */
  adoptedPlanId: string;
  /** The commenter's open suggestion of a start month for X1 (led by B, the editor's). */
  suggestionId: string;
};

const CASES: Case[] = [
  {
    method: "GET",
    route: "/api/me",
    path: () => "/api/me",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/auth/logout-others",
    path: () => "/api/auth/logout-others",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/users/:userId/password-reset",
    path: (n) => `/api/users/${n.users.viewer.id}/password-reset`,
    allowed: ["admin"],
    success: 201,
    outsider: 403,
  },
  {
    method: "GET",
    route: "/api/sessions",
    path: () => "/api/sessions",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/tokens",
    path: () => "/api/tokens",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/tokens",
    path: () => "/api/tokens",
    body: () => ({ name: "ci" }),
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/networks",
    path: () => "/api/networks",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/networks",
    path: () => "/api/networks",
    body: () => ({ name: "New network" }),
    allowed: ["admin"],
    success: 201,
    outsider: 403,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId",
    path: (n) => `/api/networks/${n.networkId}`,
    allowed: [...MEMBERS, "admin"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/organisations",
    path: (n) => `/api/networks/${n.networkId}/organisations`,
    allowed: [...MEMBERS, "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/networks/:networkId/organisations",
    path: (n) => `/api/networks/${n.networkId}/organisations`,
    body: () => ({ name: "Civil Society C", acronym: "CSC", type: "civil-society-organisation" }),
    allowed: ["coordinator", "admin"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/members",
    path: (n) => `/api/networks/${n.networkId}/members`,
    allowed: [...MEMBERS, "admin"],
    success: 200,
  },
  {
    method: "PATCH",
    route: "/api/networks/:networkId/members/:userId",
    path: (n) => `/api/networks/${n.networkId}/members/${n.target}`,
    body: () => ({ role: "editor" }),
    allowed: ["coordinator", "admin"],
    success: 200,
  },
  {
    method: "DELETE",
    route: "/api/networks/:networkId/members/:userId",
    path: (n) => `/api/networks/${n.networkId}/members/${n.target}`,
    allowed: ["coordinator", "admin"],
    success: 204,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/invitations",
    path: (n) => `/api/networks/${n.networkId}/invitations`,
    allowed: ["coordinator", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/networks/:networkId/invitations",
    path: (n) => `/api/networks/${n.networkId}/invitations`,
    body: (n) => ({ email: "new.person@example.test", organisationId: n.orgA, role: "commenter" }),
    allowed: ["coordinator", "admin"],
    success: 201,
  },
  {
    method: "DELETE",
    route: "/api/invitations/:invitationId",
    path: (n) => `/api/invitations/${n.invitationId}`,
    allowed: ["coordinator", "admin"],
    success: 204,
  },
  {
    method: "GET",
    route: "/api/invitations/accept/:token",
    path: (n) => `/api/invitations/accept/${n.invitationToken}`,
    allowed: ACTORS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/workplans",
    path: (n) => `/api/networks/${n.networkId}/workplans`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/networks/:networkId/workplans",
    path: (n) => `/api/networks/${n.networkId}/workplans`,
    body: () => ({ title: "Action plan 2027" }),
    allowed: ["editor", "coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId",
    path: (n) => `/api/workplans/${n.workplanId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "PATCH",
    route: "/api/workplans/:workplanId",
    path: (n) => `/api/workplans/${n.workplanId}`,
    body: () => ({ title: "Renamed" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/warnings",
    path: (n) => `/api/workplans/${n.workplanId}/warnings`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/warnings",
    path: (n) => `/api/networks/${n.networkId}/warnings`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/warnings/counts",
    path: (n) => `/api/networks/${n.networkId}/warnings/counts`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/warnings/:warningId/decision",
    path: (n) => `/api/warnings/${n.warningId}/decision`,
    body: () => ({ decision: "not-duplicate" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/activities",
    path: (n) => `/api/workplans/${n.workplanId}/activities`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/export",
    path: (n) => `/api/workplans/${n.workplanId}/export?format=md`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/export/iati-check",
    path: (n) => `/api/workplans/${n.workplanId}/export/iati-check?version=${n.versionId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/export",
    path: (n) => `/api/networks/${n.networkId}/export?format=xlsx`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/export/iati-check",
    path: (n) => `/api/networks/${n.networkId}/export/iati-check`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/coverage",
    path: (n) => `/api/networks/${n.networkId}/coverage?status=planned`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/report",
    path: (n) => `/api/networks/${n.networkId}/report?format=docx`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/iati-settings",
    path: (n) => `/api/networks/${n.networkId}/iati-settings`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "PUT",
    route: "/api/networks/:networkId/iati-settings",
    path: (n) => `/api/networks/${n.networkId}/iati-settings`,
    body: () => ({ prefix: "XM-DAC-47066", reportingOrgType: "40", language: "en" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/threads",
    path: (n) => `/api/workplans/${n.workplanId}/threads`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/threads",
    path: (n) => `/api/workplans/${n.workplanId}/threads`,
    body: (n) => ({ activityId: "X1", body: "Which crossings?", mentions: [n.users.editor.id] }),
    allowed: ["commenter", "editor", "coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/threads/:threadId",
    path: (n) => `/api/threads/${n.threadId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/threads/:threadId/comments",
    path: (n) => `/api/threads/${n.threadId}/comments`,
    body: () => ({ body: "Agreed." }),
    allowed: ["commenter", "editor", "coordinator"],
    success: 201,
  },
  {
    // the thread was started by the commenter, who may resolve it like editors and coordinators
    method: "POST",
    route: "/api/threads/:threadId/resolve",
    path: (n) => `/api/threads/${n.threadId}/resolve`,
    allowed: ["commenter", "editor", "coordinator"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/threads/:threadId/reopen",
    path: (n) => `/api/threads/${n.resolvedThreadId}/reopen`,
    allowed: ["commenter", "editor", "coordinator"],
    success: 200,
  },
  {
    // the message is the commenter's own: nobody else edits or deletes it
    method: "PATCH",
    route: "/api/comments/:commentId",
    path: (n) => `/api/comments/${n.commentId}`,
    body: () => ({ body: "Which border crossings?" }),
    allowed: ["commenter"],
    success: 200,
  },
  {
    // its author deletes it; coordinators remove anyone's (moderation); nobody else
    method: "DELETE",
    route: "/api/comments/:commentId",
    path: (n) => `/api/comments/${n.commentId}`,
    allowed: ["commenter", "coordinator"],
    success: 204,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/suggestions",
    path: (n) => `/api/workplans/${n.workplanId}/suggestions`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/suggestions",
    path: (n) => `/api/workplans/${n.workplanId}/suggestions`,
    body: () => ({ kind: "field", activityId: "X1", field: "end", value: "2026-12" }),
    allowed: ["commenter", "editor", "coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/suggestions/:suggestionId",
    path: (n) => `/api/suggestions/${n.suggestionId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    // X1 is led by the editor's organisation; its author (the commenter) has no say
    method: "POST",
    route: "/api/suggestions/:suggestionId/accept",
    path: (n) => `/api/suggestions/${n.suggestionId}/accept`,
    allowed: ["editor", "coordinator"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/suggestions/:suggestionId/reject",
    path: (n) => `/api/suggestions/${n.suggestionId}/reject`,
    body: () => ({ note: "Not this year" }),
    allowed: ["editor", "coordinator"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/suggestions/:suggestionId/withdraw",
    path: (n) => `/api/suggestions/${n.suggestionId}/withdraw`,
    allowed: ["commenter"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/owners",
    path: (n) => `/api/workplans/${n.workplanId}/owners`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "PUT",
    route: "/api/workplans/:workplanId/activities/:activityId/owners",
    path: (n) => `/api/workplans/${n.workplanId}/activities/X1/owners`,
    body: (n) => ({ userIds: [n.users.editor.id] }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    // X1 is led by the editor's organisation
    method: "POST",
    route: "/api/workplans/:workplanId/activities/:activityId/status",
    path: (n) => `/api/workplans/${n.workplanId}/activities/X1/status`,
    body: () => ({ status: "ongoing" }),
    allowed: ["editor", "coordinator"],
    success: 204,
  },
  {
    method: "GET",
    route: "/api/networks/:networkId/tasks",
    path: (n) => `/api/networks/${n.networkId}/tasks`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/networks/:networkId/tasks",
    path: (n) => `/api/networks/${n.networkId}/tasks`,
    body: (n) => ({ title: "Map the crossings", assigneeId: n.users.editor.id, due: "2026-03-01" }),
    allowed: ["coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/tasks/:taskId",
    path: (n) => `/api/tasks/${n.taskId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    // the task is the editor's: its assignee and coordinators move it along
    method: "PATCH",
    route: "/api/tasks/:taskId",
    path: (n) => `/api/tasks/${n.taskId}`,
    body: () => ({ status: "done" }),
    allowed: ["editor", "coordinator"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/stage",
    path: (n) => `/api/workplans/${n.workplanId}/stage`,
    body: () => ({ stage: "consultation" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/stages",
    path: (n) => `/api/workplans/${n.workplanId}/stages`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/lifecycle",
    path: (n) => `/api/workplans/${n.validationPlanId}/lifecycle`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "PUT",
    route: "/api/workplans/:workplanId/consultation",
    path: (n) => `/api/workplans/${n.workplanId}/consultation`,
    body: () => ({ deadline: "2026-03-15" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    // only organisation B leads an activity there: its editor answers, A's coordinator may not
    method: "POST",
    route: "/api/workplans/:workplanId/validation",
    path: (n) => `/api/workplans/${n.validationPlanId}/validation`,
    body: () => ({ answer: "approve" }),
    allowed: ["editor"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/validation/overrule",
    path: (n) => `/api/workplans/${n.validationPlanId}/validation/overrule`,
    body: (n) => ({ organisationId: n.orgB, reason: "Settled at the steering meeting" }),
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/revisions",
    path: (n) => `/api/workplans/${n.adoptedPlanId}/revisions`,
    allowed: ["coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/versions",
    path: (n) => `/api/workplans/${n.workplanId}/versions`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/versions",
    path: (n) => `/api/workplans/${n.workplanId}/versions`,
    body: () => ({ name: "Before the retreat" }),
    allowed: ["editor", "coordinator"],
    success: 201,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/versions/:versionId",
    path: (n) => `/api/workplans/${n.workplanId}/versions/${n.versionId}`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/versions/:versionId/activities",
    path: (n) => `/api/workplans/${n.workplanId}/versions/${n.versionId}/activities`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "GET",
    route: "/api/workplans/:workplanId/diff",
    path: (n) => `/api/workplans/${n.workplanId}/diff?from=${n.versionId}&to=current`,
    allowed: MEMBERS,
    success: 200,
  },
  {
    method: "POST",
    route: "/api/workplans/:workplanId/versions/:versionId/restore",
    path: (n) => `/api/workplans/${n.workplanId}/versions/${n.versionId}/restore`,
    allowed: ["coordinator"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/me/work",
    path: () => "/api/me/work",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/notifications",
    path: () => "/api/notifications",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "GET",
    route: "/api/notifications/unread",
    path: () => "/api/notifications/unread",
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
  {
    method: "POST",
    route: "/api/notifications/read",
    path: () => "/api/notifications/read",
    body: () => ({}),
    allowed: [...MEMBERS, "stranger", "admin"],
    success: 200,
  },
];

// routes whose rules depend on who owns the target; each has its own tests in auth.test.ts
const TESTED_ELSEWHERE = new Set([
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "DELETE /api/sessions/:sessionId",
  "DELETE /api/tokens/:tokenId",
  "POST /api/invitations/accept/:token",
  // passwords.test.ts: the current password, or a reset link, decides
  "POST /api/me/password",
  "POST /api/auth/password-reset",
  "GET /api/auth/password-reset/:token",
  "POST /api/auth/password-reset/:token",
]);

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function setUp(): { h: Harness; n: Fixture } {
  const h = createHarness();
  harness = h;
  const network = createTestNetwork(h);
  const target = createUser(h.db, {
    email: "target@example.test",
    name: "Target member",
    passwordHash: null,
  });
  addMembership(h.db, {
    networkId: network.networkId,
    userId: target.id,
    organisationId: network.orgB,
    role: "viewer",
  });
  const issued = issueSecret();
  insertInvitation(h.db, {
    id: issued.id,
    secretHash: issued.secretHash,
    networkId: network.networkId,
    email: "invitee@example.test",
    organisationId: network.orgA,
    role: "editor",
    invitedBy: network.users.coordinator.id,
    createdAt: h.deps.now(),
    expiresAt: h.deps.now() + 86_400_000,
    acceptedAt: null,
    revokedAt: null,
  });
  const second = createWorkplan(h.db, {
    networkId: network.networkId,
    title: "Second plan",
    createdBy: null,
  });
  const warning = insertWarning(
    h.db,
    {
      networkId: network.networkId,
      a: { workplanId: network.workplanId, activityId: "X1" },
      b: { workplanId: second.id, activityId: "Y1" },
      score: 0.9,
      reasons: ["both train border police"],
    },
    h.deps.now(),
  );
  replaceWorkplanActivities(
    h.db,
    { id: network.workplanId, networkId: network.networkId },
    [{ ...emptyActivity("X1"), title: "Train border police", lead: network.orgB }],
    h.deps.now(),
  );
  const thread = insertThread(
    h.db,
    {
      workplanId: network.workplanId,
      activityId: "X1",
      anchor: null,
      quote: "",
      createdBy: network.users.commenter.id,
    },
    h.deps.now(),
  );
  const comment = insertComment(
    h.db,
    { threadId: thread.id, authorId: network.users.commenter.id, body: "Where?", mentions: [] },
    h.deps.now(),
  );
  const resolved = insertThread(
    h.db,
    {
      workplanId: network.workplanId,
      activityId: null,
      anchor: null,
      quote: "",
      createdBy: network.users.commenter.id,
    },
    h.deps.now(),
  );
  setThreadResolved(h.db, resolved.id, network.users.coordinator.id, h.deps.now());
  const task = insertTask(
    h.db,
    {
      networkId: network.networkId,
      title: "Share the training plan",
      activityIds: ["X1"],
      assigneeId: network.users.editor.id,
      createdBy: network.users.coordinator.id,
      due: null,
      status: "open",
      fromThreadId: null,
      fromWarningId: null,
    },
    h.deps.now(),
  );
  const lifecycle = lifecycleFixture(h, network);
  const suggestionThread = insertThread(
    h.db,
    {
      workplanId: network.workplanId,
      activityId: "X1",
      anchor: null,
      quote: "",
      createdBy: network.users.commenter.id,
    },
    h.deps.now(),
  );
  const suggestion = insertSuggestion(
    h.db,
    {
      workplanId: network.workplanId,
      threadId: suggestionThread.id,
      kind: "field",
      activityId: "X1",
      anchor: null,
      field: "start",
      quote: "",
      text: "2026-03",
      value: "2026-03",
      before: null,
      reason: "",
      authorId: network.users.commenter.id,
    },
    h.deps.now(),
  );
  return {
    h,
    n: {
      ...network,
      ...lifecycle,
      target: target.id,
      invitationId: issued.id,
      invitationToken: issued.token,
      warningId: warning.id,
      threadId: thread.id,
      resolvedThreadId: resolved.id,
      commentId: comment.id,
      taskId: task.id,
      suggestionId: suggestion.id,
    },
  };
}

function lifecycleFixture(
  h: Harness,
  network: TestNetwork,
): Pick<Fixture, "versionId" | "validationPlanId" | "adoptedPlanId"> {
  const now = h.deps.now();
  const main = { id: network.workplanId, networkId: network.networkId };
  storeDocument(h, main, [
    { kind: "paragraph", text: "The plan's context." },
    { kind: "activity", activity: activity("X1", network.orgB, { title: "Train border police" }) },
  ]);
  const version = insertVersion(
    h.db,
    {
      workplanId: network.workplanId,
      name: "Baseline",
      kind: "named",
      stage: "draft",
      createdBy: network.users.coordinator.id,
      state: h.deps.live.readState(network.workplanId),
    },
    now,
  );
  // the main workplan changes after the version, so a restore has something to do
  storeDocument(h, main, [{ kind: "paragraph", text: "Added after the baseline." }]);
  const validating = createWorkplan(h.db, {
    networkId: network.networkId,
    title: "Plan in validation",
    stage: "validation",
    createdBy: null,
  });
  storeDocument(h, validating, [{ kind: "activity", activity: activity("V1", network.orgB) }]);
  const round = openValidationRound(
    h.db,
    { workplanId: validating.id, startedBy: null, organisationIds: [network.orgB] },
    now,
  );
  answerValidation(
    h.db,
    {
      roundId: round.id,
      organisationId: network.orgB,
      answer: "objected",
      comment: "Wrong budget",
      answeredBy: network.users.editor.id,
    },
    now,
  );
  const adopted = createWorkplan(h.db, {
    networkId: network.networkId,
    title: "Adopted plan",
    stage: "validation",
    createdBy: null,
  });
  storeDocument(h, adopted, [{ kind: "activity", activity: activity("A1", network.orgA) }]);
  moveWorkplanStage(
    h.db,
    {
      workplanId: adopted.id,
      from: "validation",
      to: "adopted",
      movedBy: network.users.coordinator.id,
      reason: null,
      versionId: null,
    },
    now,
  );
  return { versionId: version.id, validationPlanId: validating.id, adoptedPlanId: adopted.id };
}

function expected(c: Case, actor: Actor): number {
  if (c.allowed.includes(actor)) return c.success;
  if (actor === "anonymous") return c.anonymous ?? 401;
  if (actor === "stranger" || actor === "admin") return c.outsider ?? 404;
  return 403;
}

describe("the role x route matrix", () => {
  it("covers every route the API registers", () => {
    const { h } = setUp();
    const covered = new Set([...CASES.map((c) => `${c.method} ${c.route}`), ...TESTED_ELSEWHERE]);
    const registered = h.routes.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(registered.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const c of CASES) {
    for (const actor of ACTORS) {
      const status = expected(c, actor);
      const verb = status < 300 ? "lets" : "refuses";
      it(`${verb} ${actor} ${c.method} ${c.route} (${status})`, async () => {
        const { h, n } = setUp();
        const before = snapshotDatabase(h.db);
        const headers: Record<string, string> = { origin: ORIGIN };
        if (actor !== "anonymous") headers.cookie = n.cookies[actor];
        const response = await h.request(c.path(n), {
          method: c.method,
          headers,
          json: c.body?.(n),
        });
        expect(response.status).toBe(status);
        if (status >= 400) {
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.message.length).toBeGreaterThan(0);
          expect(snapshotDatabase(h.db)).toBe(before);
        }
      });
    }
  }
});
