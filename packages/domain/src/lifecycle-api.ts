import { z } from "zod";
import { workplanViewSchema } from "./api";
import { stageSchema } from "./schemas";

// Request and response shapes of the workplan lifecycle (stages, consultation, validation,
// revisions) and of its history (versions, diff, restore), shared by the server and the web app.

const daySchema = z.iso.date("a date as YYYY-MM-DD");

/** POST /api/workplans/:workplanId/stage */
export const stageMoveRequestSchema = z.object({
  stage: stageSchema,
  /** Required (non-empty) to go back to an earlier stage; kept with the move otherwise. */
  reason: z.string().trim().max(2000).nullable().optional(),
  /** Moving to consultation: the day comments are invited until (also PUT .../consultation). */
  deadline: daySchema.nullable().optional(),
});
export type StageMoveRequest = z.infer<typeof stageMoveRequestSchema>;

/** One recorded stage move (GET /api/workplans/:workplanId/stages). */
export const stageMoveViewSchema = z.object({
  id: z.string(),
  from: stageSchema,
  to: stageSchema,
  /** The user who moved it. */
  by: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  /** The version saved with the move: the document as it was at that moment. */
  versionId: z.string().nullable(),
});
export type StageMoveView = z.infer<typeof stageMoveViewSchema>;

/** Answer to a stage move: the workplan with its new stage, and the move. */
export const stageMoveResultSchema = workplanViewSchema.extend({ move: stageMoveViewSchema });
export type StageMoveResult = z.infer<typeof stageMoveResultSchema>;

/** PUT /api/workplans/:workplanId/consultation (coordinators); null clears the deadline. */
export const consultationRequestSchema = z.object({ deadline: daySchema.nullable() });

export const VALIDATION_ANSWERS = ["approved", "objected"] as const;
export type ValidationAnswer = (typeof VALIDATION_ANSWERS)[number];

/** POST /api/workplans/:workplanId/validation: the caller's organisation answers. */
export const validationAnswerRequestSchema = z
  .object({
    answer: z.enum(["approve", "object"]),
    comment: z.string().trim().max(5000).default(""),
  })
  .refine((body) => body.answer === "approve" || body.comment !== "", {
    message: "an objection needs a comment saying what must change",
    path: ["comment"],
  });

/** POST /api/workplans/:workplanId/validation/overrule (coordinators). */
export const overruleRequestSchema = z.object({
  organisationId: z.string().min(1, "the organisation whose objection is overruled"),
  reason: z.string().trim().min(1, "a reason for overruling the objection").max(2000),
});

export const validationOrganisationSchema = z.object({
  organisationId: z.string(),
  name: z.string(),
  acronym: z.string(),
  /** Activities it leads in the live document now. */
  activityCount: z.number().int(),
  /** Asked when validation started, or since then because it came to lead an activity. */
  askedSince: z.enum(["start", "later"]),
  answer: z.enum(VALIDATION_ANSWERS).nullable(),
  comment: z.string(),
  answeredBy: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  overrule: z
    .object({ by: z.string(), byName: z.string(), reason: z.string(), at: z.string() })
    .nullable(),
  /** An objection that stands (not overruled): adoption waits for it. */
  blocking: z.boolean(),
});
export type ValidationOrganisation = z.infer<typeof validationOrganisationSchema>;

export const validationViewSchema = z.object({
  roundId: z.string(),
  /** The workplan is in validation now (false: the last round, kept for the record). */
  current: z.boolean(),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  endedAt: z.string().nullable(),
  organisations: z.array(validationOrganisationSchema),
  approved: z.number().int(),
  objected: z.number().int(),
  overruled: z.number().int(),
  pending: z.number().int(),
  /** No objection stands: a coordinator may adopt (silence does not block). */
  canAdopt: z.boolean(),
});
export type ValidationView = z.infer<typeof validationViewSchema>;

export const workplanLinkSchema = z.object({
  id: z.string(),
  title: z.string(),
  stage: stageSchema,
  createdAt: z.string(),
  /** When it was adopted, for "Revision of … adopted 2024-03-01". */
  adoptedAt: z.string().nullable(),
});
export type WorkplanLink = z.infer<typeof workplanLinkSchema>;

/** GET /api/workplans/:workplanId/lifecycle: everything the stage banner and panels show. */
export const lifecycleViewSchema = z.object({
  workplanId: z.string(),
  networkId: z.string(),
  stage: stageSchema,
  archived: z.boolean(),
  /** Why nobody may change the document ("adopted", "archived"), or null. */
  frozen: z.enum(["adopted", "archived"]).nullable(),
  /** Where a coordinator may move it: the next stage, and the earlier ones (with a reason). */
  nextStage: stageSchema.nullable(),
  earlierStages: z.array(stageSchema),
  /** The last move into the current stage. */
  stageSince: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  adoptedBy: z.string().nullable(),
  consultation: z.object({ deadline: daySchema.nullable() }),
  /** The current validation round, else the last one; null before the first. */
  validation: validationViewSchema.nullable(),
  revisionOf: workplanLinkSchema.nullable(),
  revisions: z.array(workplanLinkSchema),
});
export type LifecycleView = z.infer<typeof lifecycleViewSchema>;

/** Answer to POST /api/workplans/:workplanId/revisions: the new draft and what it revises. */
export const revisionResultSchema = workplanViewSchema.extend({ revisionOf: workplanLinkSchema });
export type RevisionResult = z.infer<typeof revisionResultSchema>;

// Versions

export const VERSION_KINDS = ["named", "stage", "restore", "revision"] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** GET /api/workplans/:workplanId/versions (newest first). */
export const versionViewSchema = z.object({
  id: z.string(),
  workplanId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** The user who saved it (null: the server, e.g. a revision's starting point). */
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** The workplan's stage when it was saved. */
  stage: stageSchema,
  /** named: saved by someone; stage: saved by a stage move; restore: saved by a restore; revision: the adopted text a revision starts from. */
  kind: z.enum(VERSION_KINDS),
  /** For kind "restore": the version that was restored. */
  restoredFrom: z.string().nullable(),
  /** Stored size of the document state, in bytes. */
  bytes: z.number().int(),
});
export type VersionView = z.infer<typeof versionViewSchema>;

export const createVersionRequestSchema = z.object({
  name: z.string().trim().min(1, "a name for the version").max(200),
});

/** Who made a change, as far as the document knows: the writer and their organisation. */
export const changeAuthorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisationId: z.string().nullable(),
  /** The organisation as people write it (acronym, else name). */
  organisation: z.string(),
});
export type ChangeAuthor = z.infer<typeof changeAuthorSchema>;

export const narrativeChangeSchema = z.object({
  op: z.enum(["added", "removed"]),
  text: z.string(),
  /** The whole passage the change sits in (as it is in `to` for added, in `from` for removed). */
  context: z.string(),
  /** Who wrote the added text (empty for removals: Yjs does not record who deleted). */
  changedBy: z.array(changeAuthorSchema),
});
export type NarrativeChange = z.infer<typeof narrativeChangeSchema>;

export const fieldChangeSchema = z.object({ from: z.unknown(), to: z.unknown() });

export const activityChangeSchema = z.object({
  id: z.string(),
  /** Field name (title, lead, partners, budget, start, end, gcmObjectives, status, indicators...) -> values. */
  fields: z.record(z.string(), fieldChangeSchema),
  /** Who set the new values, per field (where the document knows it). */
  fieldsChangedBy: z.record(z.string(), z.array(changeAuthorSchema)),
  changedBy: z.array(changeAuthorSchema),
});
export type ActivityChange = z.infer<typeof activityChangeSchema>;

export const diffSideSchema = z.object({
  /** A version id, or "current" for the live document. */
  id: z.string(),
  name: z.string(),
  createdAt: z.string().nullable(),
});

/** GET /api/workplans/:workplanId/diff?from=:versionId&to=:versionId|current */
export const workplanDiffSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  narrative: z.array(narrativeChangeSchema),
  activities: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(activityChangeSchema),
    /** Who added each added activity, where the document knows it. */
    addedBy: z.record(z.string(), z.array(changeAuthorSchema)),
    /** Titles of every activity named above (from `to`, else `from`). */
    titles: z.record(z.string(), z.string()),
  }),
  /** Organisation id -> label, for the lead and partners values in `fields`. */
  organisations: z.record(z.string(), z.string()),
});
export type WorkplanDiff = z.infer<typeof workplanDiffSchema>;

/** Answer to a restore: the version it saved (kind "restore", naming the restored one). */
export const restoreResultSchema = z.object({
  version: versionViewSchema,
  restored: versionViewSchema,
  /** False when the live document already equalled the version: nothing was changed. */
  changed: z.boolean(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

// Events on GET /api/events

export const stageChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  from: stageSchema,
  to: stageSchema,
  by: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  versionId: z.string().nullable(),
});
export type StageChangedEvent = z.infer<typeof stageChangedEventSchema>;

export const LIFECYCLE_CHANGES = ["consultation", "validation", "revision"] as const;
/** Something on GET .../lifecycle changed: refetch it. */
export const lifecycleChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  change: z.enum(LIFECYCLE_CHANGES),
});
export type LifecycleChangedEvent = z.infer<typeof lifecycleChangedEventSchema>;

/** A version was saved (by someone, a stage move or a restore): refetch GET .../versions. */
export const versionsChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  versionId: z.string(),
  kind: z.enum(VERSION_KINDS),
});
export type VersionsChangedEvent = z.infer<typeof versionsChangedEventSchema>;
