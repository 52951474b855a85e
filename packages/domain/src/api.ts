import { z } from "zod";
import { activitySchema, roleSchema, stageSchema } from "./schemas";

// Request and response shapes of the HTTP API under /api, shared by the server and the web app.

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

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

/** What the invitation page shows before accepting (public, by secret token). */
export const invitationPreviewSchema = z.object({
  networkName: z.string(),
  organisationName: z.string(),
  role: roleSchema,
  email: z.string(),
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

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
