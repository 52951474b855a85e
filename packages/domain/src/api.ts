import { z } from "zod";
import { activitySchema, activityStatusSchema, roleSchema, stageSchema } from "./schemas";

// Request and response shapes of the HTTP API under /api, shared by the server and the web app.

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** NIST SP 800-63B: single-factor passwords of at least 15 characters, any composition. */
export const MIN_PASSWORD_LENGTH = 15;
export const MAX_PASSWORD_LENGTH = 256;

export const emailSchema = z.string().trim().toLowerCase().email("a valid email address").max(254);

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "the password").max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const membershipSchema = z.object({
  networkId: z.string(),
  networkName: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationAcronym: z.string(),
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const networkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  description: z.string(),
  /** The caller's role; null for an instance administrator who is not a member. */
  role: roleSchema.nullable(),
  organisationCount: z.number().int(),
  memberCount: z.number().int(),
  workplanCount: z.number().int(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const createNetworkRequestSchema = z.object({
  name: z.string().trim().min(1).max(200),
  country: z.string().trim().max(100).default(""),
  description: z.string().trim().max(5000).default(""),
});

export const organisationViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  name: z.string(),
  acronym: z.string(),
  type: z.string(),
  memberCount: z.number().int(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const createOrganisationRequestSchema = z.object({
  name: z.string().trim().min(1, "a name").max(200),
  acronym: z.string().trim().max(40).default(""),
  type: z.string().trim().min(1, "an organisation type"),
});

export const memberViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  organisationAcronym: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const updateMemberRequestSchema = z
  .object({ role: roleSchema.optional(), organisationId: z.string().optional() })
  .refine((body) => body.role !== undefined || body.organisationId !== undefined, {
    message: "a role or an organisation to change",
  });

export const invitationViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  email: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const createInvitationRequestSchema = z.object({
  email: emailSchema,
  organisationId: z.string().min(1, "an organisation"),
  role: roleSchema,
});

/** Answer to creating an invitation: the single-use link, shown once to the coordinator. */
export const createdInvitationSchema = invitationViewSchema.extend({ link: z.string() });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

/**
 * What the invitation page shows before accepting (public, by secret token). Whether the
 * address already has an account is deliberately absent: the coordinator holds the link too.
 */
export const invitationPreviewSchema = z.object({
  networkId: z.string(),
  networkName: z.string(),
  organisationName: z.string(),
  role: roleSchema,
  email: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** Signed out: `password` alone signs in with the invited address; `name` too creates the account. */
export const acceptInvitationRequestSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024).optional(),
});

export const workplanViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  title: z.string(),
  stage: stageSchema,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activityCount: z.number().int(),
});
export type WorkplanView = z.infer<typeof workplanViewSchema>;

export const createWorkplanRequestSchema = z.object({
  title: z.string().trim().min(1, "a title").max(300),
});

export const updateWorkplanRequestSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    archived: z.boolean().optional(),
  })
  .refine((body) => body.title !== undefined || body.archived !== undefined, {
    message: "a title or an archived flag to change",
  });

export const sessionViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string(),
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const createTokenRequestSchema = z.object({
  name: z.string().trim().min(1, "a name for the token").max(100),
});

export const tokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenViewSchema>;

export const createdTokenSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const indexedActivitySchema = activitySchema.extend({
  workplanId: z.string(),
  leadId: z.string().nullable(),
  partnerIds: z.array(z.string()),
});
export type IndexedActivity = z.infer<typeof indexedActivitySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  networkId: z.string().nullable(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Events on GET /api/events (server-sent events); `event:` is the type, `data:` the JSON. */
export const roleChangedEventSchema = z.object({
  networkId: z.string(),
  userId: z.string(),
  role: roleSchema.nullable(),
});
export type RoleChangedEvent = z.infer<typeof roleChangedEventSchema>;

export const warningSideSchema = z.object({
  workplanId: z.string(),
  workplanTitle: z.string(),
  activityId: z.string(),
  title: z.string(),
  /** The lead organisation as people write it (acronym, else name). */
  lead: z.string().nullable(),
  leadId: z.string().nullable(),
});
export type WarningSide = z.infer<typeof warningSideSchema>;

export const WARNING_DECISIONS = ["not-duplicate", "coordinate", "reopen"] as const;
export const warningViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  status: z.enum(["open", "dismissed", "coordinate"]),
  a: warningSideSchema,
  b: warningSideSchema,
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WarningView = z.infer<typeof warningViewSchema>;

/** `GET /api/networks/:networkId/warnings/counts`: counted on the server, nothing listed. */
export const warningCountsSchema = z.object({
  open: z.number().int(),
  dismissed: z.number().int(),
  coordinate: z.number().int(),
});
export type WarningCounts = z.infer<typeof warningCountsSchema>;

export const warningDecisionRequestSchema = z.object({ decision: z.enum(WARNING_DECISIONS) });
export type WarningDecision = (typeof WARNING_DECISIONS)[number];

export const warningsChangedEventSchema = z.object({
  networkId: z.string(),
  workplanIds: z.array(z.string()),
});
export type WarningsChangedEvent = z.infer<typeof warningsChangedEventSchema>;

// Collaboration: comment threads, owners, tasks, "my work" and notifications.

// the format only: the server decodes the positions (with yjs) so the first page stays light
const MAX_ANCHOR_END_LENGTH = 2048;
const anchorEndSchema = z
  .string()
  .min(1)
  .max(MAX_ANCHOR_END_LENGTH, `at most ${MAX_ANCHOR_END_LENGTH} characters`)
  .regex(
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
    "base64 of Y.encodeRelativePosition",
  );

/** Both ends of a commented range, opaque to the server (see `resolveAnchor`). */
export const textAnchorSchema = z.object({ start: anchorEndSchema, end: anchorEndSchema });

const commentTextSchema = z.string().trim().min(1, "a message").max(10_000);
/** Users mentioned with @; the server keeps only members of the network. */
const mentionsSchema = z.array(z.string().min(1).max(100)).max(50).default([]);

export const createThreadRequestSchema = z
  .object({
    activityId: z.string().trim().min(1).max(200).optional(),
    anchor: textAnchorSchema.optional(),
    quote: z.string().max(5_000).default(""),
    body: commentTextSchema,
    mentions: mentionsSchema,
  })
  .refine((body) => body.activityId !== undefined || body.anchor !== undefined, {
    message: "an activity or a range of text to comment on",
  });

export const createCommentRequestSchema = z.object({
  body: commentTextSchema,
  mentions: mentionsSchema,
});

export const updateCommentRequestSchema = z.object({
  body: commentTextSchema,
  mentions: mentionsSchema,
});

export const commentViewSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  /** "(deleted)" once its author deleted it, "(removed by a coordinator)" once moderated. */
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  /** Who deleted it: its author, or a coordinator moderating the thread; null while it stands. */
  deletedBy: z.enum(["author", "coordinator"]).nullable(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const TASK_STATUSES = ["open", "in-progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const taskStatusSchema = z.enum(TASK_STATUSES);

export const taskViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  title: z.string(),
  activityIds: z.array(z.string()),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  createdBy: z.string(),
  due: z.string().nullable(),
  status: taskStatusSchema,
  /** Due before today and neither done nor cancelled. */
  overdue: z.boolean(),
  fromThreadId: z.string().nullable(),
  fromWarningId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

/** A task a coordinator made from a thread, as the thread shows it to everyone who reads it. */
export const threadTaskSchema = taskViewSchema
  .pick({
    id: true,
    title: true,
    assigneeId: true,
    assigneeName: true,
    createdBy: true,
    due: true,
    status: true,
    overdue: true,
    createdAt: true,
  })
  .extend({ createdByName: z.string() });
export type ThreadTask = z.infer<typeof threadTaskSchema>;

export const THREAD_FIELDS = ["title", "description"] as const;
export const threadViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  workplanId: z.string(),
  activityId: z.string().nullable(),
  anchor: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** A whole field of the activity, for threads that name a field instead of a range. */
  field: z.enum(THREAD_FIELDS).nullable(),
  quote: z.string(),
  status: z.enum(["open", "resolved"]),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  comments: z.array(commentViewSchema),
  /** Tasks made from this thread, oldest first. */
  tasks: z.array(threadTaskSchema),
});
export type ThreadView = z.infer<typeof threadViewSchema>;

export const ownerViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** The owner's organisation as people write it (acronym, else name). */
  organisation: z.string(),
  organisationId: z.string(),
});
export type OwnerView = z.infer<typeof ownerViewSchema>;

/** activityId -> its owners, for every activity of a workplan that has any. */
export const workplanOwnersSchema = z.record(z.string(), z.array(ownerViewSchema));
export type WorkplanOwners = z.infer<typeof workplanOwnersSchema>;

export const setOwnersRequestSchema = z.object({
  userIds: z.array(z.string().min(1).max(100)).max(20),
});

export const activityStatusRequestSchema = z.object({ status: activityStatusSchema });

const daySchema = z.iso.date("a date as YYYY-MM-DD");

export const createTaskRequestSchema = z.object({
  /** Defaults to the thread's first message or the warning's two activities. */
  title: z.string().trim().min(1).max(300).optional(),
  assigneeId: z.string().min(1, "an assignee"),
  due: daySchema.nullable().default(null),
  status: taskStatusSchema.default("open"),
  activityIds: z.array(z.string().min(1).max(200)).max(50).optional(),
  fromThreadId: z.string().min(1).optional(),
  fromWarningId: z.string().min(1).optional(),
});

export const updateTaskRequestSchema = z
  .object({
    status: taskStatusSchema.optional(),
    title: z.string().trim().min(1).max(300).optional(),
    assigneeId: z.string().min(1).optional(),
    due: daySchema.nullable().optional(),
    activityIds: z.array(z.string().min(1).max(200)).max(50).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "something to change",
  });

/** A workplan in consultation that invites the member (a commenter) to comment. */
export const consultationInvitationSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  workplanTitle: z.string(),
  deadline: z.iso.date().nullable(),
  /** When it went out for consultation. */
  since: z.string().nullable(),
});
export type ConsultationInvitation = z.infer<typeof consultationInvitationSchema>;

/** A workplan in validation that waits for the member's organisation to approve or object. */
export const validationRequestSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  workplanTitle: z.string(),
  organisationId: z.string(),
  since: z.string(),
});
export type ValidationRequest = z.infer<typeof validationRequestSchema>;

export const myWorkSchema = z.object({
  activities: z.array(
    z.object({
      networkId: z.string(),
      workplanId: z.string(),
      workplanTitle: z.string(),
      activityId: z.string(),
      title: z.string(),
      status: activityStatusSchema,
    }),
  ),
  tasks: z.array(taskViewSchema),
  threads: z.array(
    threadViewSchema.extend({
      workplanTitle: z.string(),
      reasons: z.array(z.enum(["mentioned", "awaiting-reply"])),
    }),
  ),
  /** The strongest open warnings on the caller's organisations' activities (the first few). */
  warnings: z.array(warningViewSchema),
  /** How many open warnings there are in all, per network (the list above shows the first few). */
  warningCounts: z
    .array(z.object({ networkId: z.string(), organisationId: z.string(), open: z.number().int() }))
    .optional(),
  /** Commenters: workplans in consultation inviting comments (the server always sends it). */
  consultations: z.array(consultationInvitationSchema).optional(),
  /** Editors and coordinators: workplans in validation waiting for their organisation's answer. */
  validations: z.array(validationRequestSchema).optional(),
});
export type MyWork = z.infer<typeof myWorkSchema>;

export const NOTIFICATION_KINDS = [
  "mention",
  "reply",
  "comment-removed",
  "owner-assigned",
  "task-assigned",
  "task-updated",
  "warning",
  "consultation",
  "validation-requested",
  "validation-objection",
  "suggestion",
  "suggestion-accepted",
  "suggestion-rejected",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  networkId: z.string().nullable(),
  actorId: z.string().nullable(),
  /** One sentence a person can read: "Nino mentioned you in Joint workplan". */
  message: z.string(),
  /** What it is about, to link to. */
  workplanId: z.string().nullable(),
  activityId: z.string().nullable(),
  threadId: z.string().nullable(),
  taskId: z.string().nullable(),
  warningId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const markNotificationsReadRequestSchema = z.object({
  /** Which to mark read; all of the user's notifications when absent. */
  ids: z.array(z.string()).max(500).optional(),
});

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const commentsChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  threadId: z.string(),
});
export type CommentsChangedEvent = z.infer<typeof commentsChangedEventSchema>;

export const tasksChangedEventSchema = z.object({ networkId: z.string(), taskId: z.string() });
export type TasksChangedEvent = z.infer<typeof tasksChangedEventSchema>;

export const ownersChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  activityId: z.string(),
});
export type OwnersChangedEvent = z.infer<typeof ownersChangedEventSchema>;

/** Sent to one user only: a new notification and their unread count after it. */
export const notificationEventSchema = z.object({
  notification: notificationViewSchema,
  unread: z.number().int(),
});
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

/** Sent to one user only when they marked notifications read (other tabs update the badge). */
export const notificationsReadEventSchema = unreadCountSchema;
export type NotificationsReadEvent = z.infer<typeof notificationsReadEventSchema>;
