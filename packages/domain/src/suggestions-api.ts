import { z } from "zod";
import { textAnchorSchema } from "./api";
import { currencySchema, monthSchema } from "./schemas";

// Request and response shapes of suggested changes (issue #22): proposed wording or field values
// kept outside the document and applied by the server when an editor or coordinator accepts.

export const SUGGESTION_STATUSES = ["open", "accepted", "rejected", "withdrawn"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const suggestionStatusSchema = z.enum(SUGGESTION_STATUSES);

export const SUGGESTION_KINDS = ["text", "field"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** The structured fields of an activity a suggestion may change. */
export const SUGGESTION_FIELDS = ["budget", "start", "end"] as const;
export type SuggestionField = (typeof SUGGESTION_FIELDS)[number];
export const suggestionFieldSchema = z.enum(SUGGESTION_FIELDS);

/** A proposed budget; the block's source and secured flag stay as they are unless given. */
export const suggestedBudgetSchema = z.object({
  amount: z.number().nonnegative().finite(),
  currency: currencySchema,
  source: z.string().max(300).optional(),
  secured: z.boolean().optional(),
});
export type SuggestedBudget = z.infer<typeof suggestedBudgetSchema>;

/** The value a field suggestion may propose, per field (null clears it). */
export const SUGGESTION_VALUE_SCHEMAS = {
  budget: suggestedBudgetSchema.nullable(),
  start: monthSchema.nullable(),
  end: monthSchema.nullable(),
} as const satisfies Record<SuggestionField, z.ZodType>;

const reasonSchema = z.string().trim().max(10_000).optional();
const mentionsSchema = z.array(z.string().min(1).max(100)).max(50).default([]);
const activityIdSchema = z.string().trim().min(1).max(200);

const textSuggestionRequestSchema = z.object({
  kind: z.literal("text"),
  anchor: textAnchorSchema,
  /** The text between start and end now; "" marks an insertion point. */
  quote: z.string().max(5_000),
  /** The proposed wording; "" proposes deleting the quote. */
  text: z.string().max(10_000),
  activityId: activityIdSchema.optional(),
  reason: reasonSchema,
  mentions: mentionsSchema,
});

const fieldSuggestionRequestSchema = z.object({
  kind: z.literal("field"),
  activityId: activityIdSchema,
  field: suggestionFieldSchema,
  value: z.unknown(),
  reason: reasonSchema,
  mentions: mentionsSchema,
});

/** POST /api/workplans/:workplanId/suggestions */
export const createSuggestionRequestSchema = z
  .discriminatedUnion("kind", [textSuggestionRequestSchema, fieldSuggestionRequestSchema])
  .superRefine((body, context) => {
    if (body.kind === "text") {
      if (body.text === body.quote) {
        context.addIssue({
          code: "custom",
          path: ["text"],
          message: "a wording different from the quoted text",
        });
      }
      return;
    }
    const parsed = SUGGESTION_VALUE_SCHEMAS[body.field].safeParse(body.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        context.addIssue({
          code: "custom",
          path: ["value", ...issue.path.map(String)],
          message: issue.message,
        });
      }
    }
  });
export type CreateSuggestionRequest = z.infer<typeof createSuggestionRequestSchema>;

/** POST /api/suggestions/:suggestionId/reject */
export const rejectSuggestionRequestSchema = z.object({
  note: z.string().trim().max(10_000).optional(),
});
export type RejectSuggestionRequest = z.infer<typeof rejectSuggestionRequestSchema>;

export const suggestionViewSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  workplanId: z.string(),
  /** Its comment thread: the reason is the first message; replies go to the thread's routes. */
  threadId: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  activityId: z.string().nullable(),
  /** Text suggestions: both ends of the range, as comment threads anchor. */
  anchor: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** Field suggestions: which field. */
  field: suggestionFieldSchema.nullable(),
  /** Text: the quoted text; field: the value when it was suggested, as display text. */
  quote: z.string(),
  /** Text: the proposed wording; field: the proposed value as display text. */
  text: z.string(),
  /** Field: the proposed value (JSON); null for text suggestions. */
  value: z.unknown().nullable(),
  /** "" when none was given. */
  reason: z.string(),
  status: suggestionStatusSchema,
  /** The text or field under it changed since it was made: accepting it is refused. */
  outdated: z.boolean(),
  authorId: z.string(),
  authorName: z.string(),
  authorOrganisation: z.string().nullable(),
  authorColor: z.string(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** The caller may accept or reject it now. */
  canDecide: z.boolean(),
  /** The caller is its author and it is open. */
  canWithdraw: z.boolean(),
});
export type SuggestionView = z.infer<typeof suggestionViewSchema>;

/** Data of the `suggestions-changed` event on /api/events (network-scoped). */
export const suggestionsChangedEventSchema = z.object({
  networkId: z.string(),
  workplanId: z.string(),
  suggestionId: z.string(),
});
export type SuggestionsChangedEvent = z.infer<typeof suggestionsChangedEventSchema>;
