import { z } from "zod";
import type { DedupeInput } from "./types";

const month = z
  .string()
  .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, "a month as YYYY-MM")
  .nullish()
  .transform((value) => (value ? value : null));
const texts = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

export const dedupeActivitySchema = z.object({
  id: z.string().min(1, "an activity id must not be empty"),
  title: z.string(),
  description: z
    .string()
    .nullish()
    .transform((value) => value ?? ""),
  lead: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  partners: texts,
  gcmObjectives: z
    .array(z.number().int().min(1).max(23))
    .nullish()
    .transform((value) => value ?? []),
  locations: texts,
  targetGroups: texts,
  start: month,
  end: month,
  // a plain amount, or the activity index's budget object (amount, currency, source, secured)
  budget: z
    .union([
      z.number().nonnegative(),
      z.looseObject({ amount: z.number().nonnegative().nullish() }),
    ])
    .nullish()
    .transform((value) => (typeof value === "number" ? value : (value?.amount ?? null))),
});

export const organisationRecordSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  acronym: z.string().nullish(),
});

export const dedupeInputSchema = z.object({
  activities: z.array(dedupeActivitySchema).superRefine((activities, context) => {
    const seen = new Set<string>();
    activities.forEach((activity, index) => {
      if (seen.has(activity.id))
        context.addIssue({
          code: "custom",
          message: `activity id "${activity.id}" appears twice`,
          path: [index, "id"],
        });
      seen.add(activity.id);
    });
  }),
  organisations: z.array(organisationRecordSchema).optional(),
});

export type ParsedInput = { ok: true; input: DedupeInput } | { ok: false; message: string };

/** Checks untrusted JSON against the dedupe input shape; the message fits on one line. */
export function parseDedupeInput(value: unknown): ParsedInput {
  const result = dedupeInputSchema.safeParse(value);
  if (result.success) return { ok: true, input: result.data };
  const issues = result.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more =
    result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : "";
  return { ok: false, message: `invalid input: ${issues.join("; ")}${more}`.replace(/\s+/g, " ") };
}
