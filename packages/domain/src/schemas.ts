import { z } from "zod";
import { CURRENCIES } from "./catalogues/currencies";
import { ROLES } from "./roles";

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const STAGES = ["draft", "consultation", "validation", "adopted"] as const;
export type Stage = (typeof STAGES)[number];

export const ACTIVITY_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const roleSchema = z.enum(ROLES);
export const stageSchema = z.enum(STAGES);
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export const monthSchema = z.string().regex(MONTH, "a month as YYYY-MM");

export const organisationSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  name: z.string().min(1).max(200),
  acronym: z.string().max(40),
  type: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const networkSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(200),
  country: z.string().max(100),
  description: z.string().max(5000),
});
export type Network = z.infer<typeof networkSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  networkId: z.string(),
  name: z.string(),
  email: z.string(),
  organisationId: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const workplanSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  title: z.string().min(1).max(300),
  stage: stageSchema,
  archived: z.boolean(),
  createdAt: z.string(),
});
export type Workplan = z.infer<typeof workplanSchema>;

export const budgetSchema = z.object({
  amount: z.number().nonnegative().nullable(),
  currency: z.string().max(8),
  source: z.string().max(300),
  secured: z.boolean(),
});
export type Budget = z.infer<typeof budgetSchema>;

const CURRENCY_CODES: ReadonlySet<string> = new Set(CURRENCIES.map((c) => c.code));

/** Whether `code` is an ISO 4217 currency in use (the IATI Currency codelist). */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

export const currencySchema = z
  .string()
  .refine(isCurrencyCode, "a three-letter ISO 4217 currency code, such as USD or EUR");

/**
 * A budget as the editor writes it: an amount that is a number of zero or more, an ISO 4217
 * currency. Documents are still read with the looser `budgetSchema`, so a budget stored before
 * (or by another tool) with an unknown currency keeps its amount and source.
 */
export const budgetInputSchema = budgetSchema.extend({
  amount: z.number().nonnegative().finite().nullable(),
  currency: currencySchema,
});

export const indicatorSchema = z.object({
  name: z.string().max(500),
  baseline: z.string().max(200),
  target: z.string().max(200),
  meansOfVerification: z.string().max(500),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** One activity block as users fill it in; every field but the id may be empty. */
export const activitySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  description: z.string(),
  lead: z.string().nullable(),
  partners: z.array(z.string()),
  gcmObjectives: z.array(z.number().int().min(1).max(23)),
  principles: z.array(z.string()),
  sdgTargets: z.array(z.string()),
  locations: z.array(z.string()),
  targetGroups: z.array(z.string()),
  start: monthSchema.nullable(),
  end: monthSchema.nullable(),
  budget: budgetSchema.nullable(),
  status: activityStatusSchema,
  indicators: z.array(indicatorSchema),
});
export type Activity = z.infer<typeof activitySchema>;

/** An empty activity with a fresh id; callers fill in what they know. */
export function emptyActivity(id: string): Activity {
  return {
    id,
    title: "",
    description: "",
    lead: null,
    partners: [],
    gcmObjectives: [],
    principles: [],
    sdgTargets: [],
    locations: [],
    targetGroups: [],
    start: null,
    end: null,
    budget: null,
    status: "planned",
    indicators: [],
  };
}
