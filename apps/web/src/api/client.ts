import {
  type acceptInvitationRequestSchema,
  type ChangePasswordRequest,
  type ChangePasswordResult,
  type CreatedInvitation,
  type CreatedToken,
  changePasswordResultSchema,
  type createCommentRequestSchema,
  createdInvitationSchema,
  createdTokenSchema,
  type createInvitationRequestSchema,
  type createNetworkRequestSchema,
  type createOrganisationRequestSchema,
  type createSuggestionRequestSchema,
  type createTaskRequestSchema,
  type createThreadRequestSchema,
  errorBodySchema,
  type IndexedActivity,
  type InvitationPreview,
  type InvitationView,
  type IssuedPasswordReset,
  indexedActivitySchema,
  invitationPreviewSchema,
  invitationViewSchema,
  issuedPasswordResetSchema,
  type LifecycleView,
  LOCALES,
  type LoginRequest,
  lifecycleViewSchema,
  type MemberView,
  type MyWork,
  memberViewSchema,
  meSchema,
  myWorkSchema,
  type NetworkSummary,
  type NotificationView,
  networkSummarySchema,
  notificationViewSchema,
  type OrganisationView,
  type OwnerView,
  organisationViewSchema,
  type overruleRequestSchema,
  ownerViewSchema,
  type PasswordResetPreview,
  type PasswordResetRequested,
  passwordResetPreviewSchema,
  passwordResetRequestedSchema,
  type RestoreResult,
  type RevisionResult,
  restoreResultSchema,
  revisionResultSchema,
  type SessionView,
  type StageMoveRequest,
  type StageMoveResult,
  type StageMoveView,
  type SuggestionView,
  sessionViewSchema,
  stageMoveResultSchema,
  stageMoveViewSchema,
  suggestionViewSchema,
  type TaskView,
  type ThreadView,
  type TokenView,
  taskViewSchema,
  threadViewSchema,
  tokenViewSchema,
  type UnreadCount,
  unreadCountSchema,
  type updateCommentRequestSchema,
  type updateMemberRequestSchema,
  type updateTaskRequestSchema,
  type updateWorkplanRequestSchema,
  type ValidationView,
  type VersionView,
  validationViewSchema,
  versionViewSchema,
  type WarningCounts,
  type WarningDecision,
  type WarningView,
  type WorkplanDiff,
  type WorkplanOwners,
  type WorkplanView,
  warningCountsSchema,
  warningViewSchema,
  workplanDiffSchema,
  workplanOwnersSchema,
  workplanViewSchema,
} from "@junction/domain";
import { z } from "zod";
import { ApiError, parseRetryAfter } from "./errors";

/** The signed-in account, with its saved language (null or absent until the user chooses one). */
const accountSchema = meSchema.extend({
  locale: z.enum(LOCALES).nullable().optional().catch(null),
});
export type Account = z.infer<typeof accountSchema>;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type RequestOptions = { body?: unknown; expectUnauthorized?: boolean };

let unauthorizedHandler: () => void = () => {};

/** Called when a protected call answers 401: the session ended, so the app sends the user to sign in. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (options.body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(path, init);
  if (response.ok) return response;
  throw await toApiError(response, options);
}

async function toApiError(response: Response, options: RequestOptions): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get("Retry-After"));
  const parsed = errorBodySchema.safeParse(await response.json().catch(() => null));
  if (response.status === 401 && !options.expectUnauthorized) unauthorizedHandler();
  if (parsed.success) {
    const { code, message } = parsed.data.error;
    return new ApiError(response.status, code, message, { retryAfterSeconds });
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    fallbackMessage(response.status),
    {
      retryAfterSeconds,
    },
  );
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Please sign in again.";
  if (status === 403) return "You do not have permission to do this.";
  if (status === 404) return "Not found, or you are not a member of it.";
  if (status >= 500) return "The server ran into a problem. Please try again in a moment.";
  return `The request failed (HTTP ${status}).`;
}

async function request<T>(
  method: Method,
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, options);
  const json: unknown = await response.json();
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "bad_response",
      "The server sent an answer this page cannot read. Reload the page; if this persists, tell your administrator.",
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** One page of a collection and the URL of the next one (`Link: <…>; rel="next"`), if any. */
export type ListPage<T> = { items: T[]; next: string | null };

/** The path and query of the `rel="next"` URL in a Link header; null when there is none. */
export function nextPageUrl(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    const match = /<([^>]*)>\s*;\s*rel="?next"?/i.exec(part.trim());
    if (match?.[1] !== undefined) {
      // the server names itself; the app asks its own origin, whatever host it was reached at
      const url = new URL(match[1], "http://origin.invalid");
      return `${url.pathname}${url.search}`;
    }
  }
  return null;
}

/** Sets query parameters on a path (undefined and "" leave one out). */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined>,
): string {
  const [pathname, search = ""] = path.split("?");
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${pathname}?${text}` : (pathname ?? path);
}

async function requestPage<T>(path: string, item: z.ZodType<T>): Promise<ListPage<T>> {
  const response = await send("GET", path, {});
  const parsed = z.array(item).safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "bad_response",
      "The server sent an answer this page cannot read. Reload the page; if this persists, tell your administrator.",
      { cause: parsed.error },
    );
  }
  return { items: parsed.data, next: nextPageUrl(response.headers.get("Link")) };
}

/** Every item of a collection, following its pages (for lists bounded by nature). */
async function requestAll<T>(path: string, item: z.ZodType<T>): Promise<T[]> {
  const items: T[] = [];
  for (let next: string | null = withQuery(path, { limit: 500 }); next !== null; ) {
    const page: ListPage<T> = await requestPage(next, item);
    items.push(...page.items);
    next = page.next;
  }
  return items;
}

async function requestEmpty(method: Method, path: string, options: RequestOptions = {}) {
  await send(method, path, options);
}

const id = encodeURIComponent;

export const api = {
  login: (body: LoginRequest) =>
    request<Account>("POST", "/api/auth/login", accountSchema, { body, expectUnauthorized: true }),
  logout: () => requestEmpty("POST", "/api/auth/logout", { expectUnauthorized: true }),
  logoutOthers: () =>
    request("POST", "/api/auth/logout-others", z.object({ count: z.number().int() })),
  me: () => request<Account>("GET", "/api/me", accountSchema, { expectUnauthorized: true }),
  changePassword: (body: ChangePasswordRequest) =>
    request<ChangePasswordResult>("POST", "/api/me/password", changePasswordResultSchema, {
      body,
    }),
  requestPasswordReset: (email: string) =>
    request<PasswordResetRequested>(
      "POST",
      "/api/auth/password-reset",
      passwordResetRequestedSchema,
      { body: { email }, expectUnauthorized: true },
    ),
  passwordResetPreview: (token: string) =>
    request<PasswordResetPreview>(
      "GET",
      `/api/auth/password-reset/${id(token)}`,
      passwordResetPreviewSchema,
      { expectUnauthorized: true },
    ),
  resetPassword: (token: string, password: string) =>
    requestEmpty("POST", `/api/auth/password-reset/${id(token)}`, {
      body: { password },
      expectUnauthorized: true,
    }),
  issuePasswordReset: (userId: string) =>
    request<IssuedPasswordReset>(
      "POST",
      `/api/users/${id(userId)}/password-reset`,
      issuedPasswordResetSchema,
    ),

  networks: () => requestAll<NetworkSummary>("/api/networks", networkSummarySchema),
  network: (networkId: string) =>
    request<NetworkSummary>("GET", `/api/networks/${id(networkId)}`, networkSummarySchema),
  createNetwork: (body: z.input<typeof createNetworkRequestSchema>) =>
    request<NetworkSummary>("POST", "/api/networks", networkSummarySchema, { body }),

  organisations: (networkId: string) =>
    requestAll<OrganisationView>(
      `/api/networks/${id(networkId)}/organisations`,
      organisationViewSchema,
    ),
  createOrganisation: (networkId: string, body: z.input<typeof createOrganisationRequestSchema>) =>
    request<OrganisationView>(
      "POST",
      `/api/networks/${id(networkId)}/organisations`,
      organisationViewSchema,
      { body },
    ),

  members: (networkId: string) =>
    requestAll<MemberView>(`/api/networks/${id(networkId)}/members`, memberViewSchema),
  updateMember: (
    networkId: string,
    userId: string,
    body: z.input<typeof updateMemberRequestSchema>,
  ) =>
    request<MemberView>(
      "PATCH",
      `/api/networks/${id(networkId)}/members/${id(userId)}`,
      memberViewSchema,
      { body },
    ),
  removeMember: (networkId: string, userId: string) =>
    requestEmpty("DELETE", `/api/networks/${id(networkId)}/members/${id(userId)}`),

  invitations: (networkId: string) =>
    requestAll<InvitationView>(`/api/networks/${id(networkId)}/invitations`, invitationViewSchema),
  invite: (networkId: string, body: z.input<typeof createInvitationRequestSchema>) =>
    request<CreatedInvitation>(
      "POST",
      `/api/networks/${id(networkId)}/invitations`,
      createdInvitationSchema,
      { body },
    ),
  revokeInvitation: (invitationId: string) =>
    requestEmpty("DELETE", `/api/invitations/${id(invitationId)}`),
  invitationPreview: (token: string) =>
    request<InvitationPreview>(
      "GET",
      `/api/invitations/accept/${id(token)}`,
      invitationPreviewSchema,
      { expectUnauthorized: true },
    ),
  acceptInvitation: (token: string, body: z.input<typeof acceptInvitationRequestSchema>) =>
    request<Account>("POST", `/api/invitations/accept/${id(token)}`, accountSchema, {
      body,
      expectUnauthorized: true,
    }),

  workplans: (networkId: string) =>
    requestAll<WorkplanView>(`/api/networks/${id(networkId)}/workplans`, workplanViewSchema),
  createWorkplan: (networkId: string, title: string) =>
    request<WorkplanView>("POST", `/api/networks/${id(networkId)}/workplans`, workplanViewSchema, {
      body: { title },
    }),
  updateWorkplan: (workplanId: string, body: z.input<typeof updateWorkplanRequestSchema>) =>
    request<WorkplanView>("PATCH", `/api/workplans/${id(workplanId)}`, workplanViewSchema, {
      body,
    }),
  workplan: (workplanId: string) =>
    request<WorkplanView>("GET", `/api/workplans/${id(workplanId)}`, workplanViewSchema),
  activities: (workplanId: string) =>
    requestAll<IndexedActivity>(
      `/api/workplans/${id(workplanId)}/activities`,
      indexedActivitySchema,
    ),

  /** A page of the network's warnings (server filters); `next` continues a walk. */
  warningPage: (
    networkId: string,
    filter: { status?: string; organisation?: string; limit?: number },
    next?: string | null,
  ) =>
    requestPage<WarningView>(
      next ??
        withQuery(`/api/networks/${id(networkId)}/warnings`, {
          status: filter.status,
          organisation: filter.organisation,
          limit: filter.limit,
        }),
      warningViewSchema,
    ),
  warningCounts: (networkId: string, organisation?: string) =>
    request<WarningCounts>(
      "GET",
      withQuery(`/api/networks/${id(networkId)}/warnings/counts`, { organisation }),
      warningCountsSchema,
    ),
  networkWarnings: (networkId: string) =>
    requestAll<WarningView>(`/api/networks/${id(networkId)}/warnings`, warningViewSchema),
  workplanWarnings: (workplanId: string) =>
    requestAll<WarningView>(`/api/workplans/${id(workplanId)}/warnings`, warningViewSchema),
  decideWarning: (warningId: string, decision: WarningDecision) =>
    request<WarningView>("POST", `/api/warnings/${id(warningId)}/decision`, warningViewSchema, {
      body: { decision },
    }),
  threads: (workplanId: string) =>
    requestAll<ThreadView>(`/api/workplans/${id(workplanId)}/threads`, threadViewSchema),
  createThread: (workplanId: string, body: z.input<typeof createThreadRequestSchema>) =>
    request<ThreadView>("POST", `/api/workplans/${id(workplanId)}/threads`, threadViewSchema, {
      body,
    }),
  reply: (threadId: string, body: z.input<typeof createCommentRequestSchema>) =>
    request<ThreadView>("POST", `/api/threads/${id(threadId)}/comments`, threadViewSchema, {
      body,
    }),
  thread: (threadId: string) =>
    request<ThreadView>("GET", `/api/threads/${id(threadId)}`, threadViewSchema),
  setThreadResolved: (threadId: string, resolved: boolean) =>
    request<ThreadView>(
      "POST",
      `/api/threads/${id(threadId)}/${resolved ? "resolve" : "reopen"}`,
      threadViewSchema,
    ),
  editComment: (commentId: string, body: z.input<typeof updateCommentRequestSchema>) =>
    request<ThreadView>("PATCH", `/api/comments/${id(commentId)}`, threadViewSchema, { body }),
  deleteComment: (commentId: string) => requestEmpty("DELETE", `/api/comments/${id(commentId)}`),
  /** Every open suggestion of a workplan, oldest first. */
  openSuggestions: (workplanId: string) =>
    requestAll<SuggestionView>(
      withQuery(`/api/workplans/${id(workplanId)}/suggestions`, { status: "open" }),
      suggestionViewSchema,
    ),
  /** A page of a workplan's suggestions, oldest first; `next` continues a walk. */
  suggestionPage: (
    workplanId: string,
    filter: { status?: string; limit?: number },
    next?: string | null,
  ) =>
    requestPage<SuggestionView>(
      next ??
        withQuery(`/api/workplans/${id(workplanId)}/suggestions`, {
          status: filter.status,
          limit: filter.limit,
        }),
      suggestionViewSchema,
    ),
  createSuggestion: (workplanId: string, body: z.input<typeof createSuggestionRequestSchema>) =>
    request<SuggestionView>(
      "POST",
      `/api/workplans/${id(workplanId)}/suggestions`,
      suggestionViewSchema,
      { body },
    ),
  acceptSuggestion: (suggestionId: string) =>
    request<SuggestionView>(
      "POST",
      `/api/suggestions/${id(suggestionId)}/accept`,
      suggestionViewSchema,
    ),
  rejectSuggestion: (suggestionId: string, note?: string) =>
    request<SuggestionView>(
      "POST",
      `/api/suggestions/${id(suggestionId)}/reject`,
      suggestionViewSchema,
      { body: note ? { note } : {} },
    ),
  withdrawSuggestion: (suggestionId: string) =>
    request<SuggestionView>(
      "POST",
      `/api/suggestions/${id(suggestionId)}/withdraw`,
      suggestionViewSchema,
    ),
  workplanOwners: (workplanId: string) =>
    request<WorkplanOwners>("GET", `/api/workplans/${id(workplanId)}/owners`, workplanOwnersSchema),
  setActivityOwners: (workplanId: string, activityId: string, userIds: string[]) =>
    request<OwnerView[]>(
      "PUT",
      `/api/workplans/${id(workplanId)}/activities/${id(activityId)}/owners`,
      z.array(ownerViewSchema),
      { body: { userIds } },
    ),
  createTask: (networkId: string, body: z.input<typeof createTaskRequestSchema>) =>
    request<TaskView>("POST", `/api/networks/${id(networkId)}/tasks`, taskViewSchema, { body }),

  sessions: () => requestAll<SessionView>("/api/sessions", sessionViewSchema),
  revokeSession: (sessionId: string) => requestEmpty("DELETE", `/api/sessions/${id(sessionId)}`),
  tokens: () => requestAll<TokenView>("/api/tokens", tokenViewSchema),
  createToken: (name: string) =>
    request<CreatedToken>("POST", "/api/tokens", createdTokenSchema, { body: { name } }),
  revokeToken: (tokenId: string) => requestEmpty("DELETE", `/api/tokens/${id(tokenId)}`),

  myWork: () => request<MyWork>("GET", "/api/me/work", myWorkSchema),
  taskPage: (networkId: string, limit: number, next?: string | null) =>
    requestPage<TaskView>(
      next ?? withQuery(`/api/networks/${id(networkId)}/tasks`, { limit }),
      taskViewSchema,
    ),
  tasks: (networkId: string) =>
    requestAll<TaskView>(`/api/networks/${id(networkId)}/tasks`, taskViewSchema),
  updateTask: (taskId: string, body: z.input<typeof updateTaskRequestSchema>) =>
    request<TaskView>("PATCH", `/api/tasks/${id(taskId)}`, taskViewSchema, { body }),
  notificationPage: (limit: number, next?: string | null) =>
    requestPage<NotificationView>(
      next ?? withQuery("/api/notifications", { limit }),
      notificationViewSchema,
    ),
  notifications: () => requestAll<NotificationView>("/api/notifications", notificationViewSchema),
  unreadNotifications: () =>
    request<UnreadCount>("GET", "/api/notifications/unread", unreadCountSchema),
  lifecycle: (workplanId: string) =>
    request<LifecycleView>(
      "GET",
      `/api/workplans/${id(workplanId)}/lifecycle`,
      lifecycleViewSchema,
    ),
  stageMoves: (workplanId: string) =>
    requestAll<StageMoveView>(`/api/workplans/${id(workplanId)}/stages`, stageMoveViewSchema),
  moveStage: (workplanId: string, body: StageMoveRequest) =>
    request<StageMoveResult>(
      "POST",
      `/api/workplans/${id(workplanId)}/stage`,
      stageMoveResultSchema,
      { body },
    ),
  setConsultationDeadline: (workplanId: string, deadline: string | null) =>
    request<LifecycleView>(
      "PUT",
      `/api/workplans/${id(workplanId)}/consultation`,
      lifecycleViewSchema,
      { body: { deadline } },
    ),
  answerValidation: (workplanId: string, body: { answer: "approve" | "object"; comment: string }) =>
    request<ValidationView>(
      "POST",
      `/api/workplans/${id(workplanId)}/validation`,
      validationViewSchema,
      { body },
    ),
  overruleObjection: (workplanId: string, body: z.input<typeof overruleRequestSchema>) =>
    request<ValidationView>(
      "POST",
      `/api/workplans/${id(workplanId)}/validation/overrule`,
      validationViewSchema,
      { body },
    ),
  openRevision: (workplanId: string) =>
    request<RevisionResult>(
      "POST",
      `/api/workplans/${id(workplanId)}/revisions`,
      revisionResultSchema,
    ),
  versions: (workplanId: string) =>
    requestAll<VersionView>(`/api/workplans/${id(workplanId)}/versions`, versionViewSchema),
  saveVersion: (workplanId: string, name: string) =>
    request<VersionView>("POST", `/api/workplans/${id(workplanId)}/versions`, versionViewSchema, {
      body: { name },
    }),
  diff: (workplanId: string, from: string, to: string) =>
    request<WorkplanDiff>(
      "GET",
      `/api/workplans/${id(workplanId)}/diff?from=${id(from)}&to=${id(to)}`,
      workplanDiffSchema,
    ),
  restoreVersion: (workplanId: string, versionId: string) =>
    request<RestoreResult>(
      "POST",
      `/api/workplans/${id(workplanId)}/versions/${id(versionId)}/restore`,
      restoreResultSchema,
    ),
  markNotificationsRead: (ids?: string[]) =>
    request<UnreadCount>("POST", "/api/notifications/read", unreadCountSchema, {
      body: ids ? { ids } : {},
    }),
};
