import { z } from "zod";
import { iatiCodeName, isIatiCode } from "./iati-codes";

// {registration agency}-{number}, e.g. XM-DAC-47066; IATI identifiers may not hold / & | ? or spaces
const ORGANISATION_IDENTIFIER = /^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/;

/** What a network sets once to publish its activities to IATI (its settings page). */
export const iatiSettingsSchema = z.object({
  prefix: z
    .string()
    .trim()
    .max(100, "The IATI identifier prefix is at most 100 characters")
    .regex(
      ORGANISATION_IDENTIFIER,
      "The IATI identifier prefix is the reporting organisation's IATI identifier, such as XM-DAC-47066: a registration agency (XM-DAC) and a number, without spaces, /, &, | or ?",
    ),
  /** Who publishes: defaults to the network's name. */
  reportingOrgName: z.string().trim().max(300).optional(),
  reportingOrgType: z.string().refine((code) => isIatiCode("OrganisationType", code), {
    message:
      "The reporting organisation type must be an IATI OrganisationType code, such as 40 (Multilateral)",
  }),
  /** The language the plan is written in (ISO 639-1, from IATI's Language codelist). */
  language: z
    .string()
    .trim()
    .toLowerCase()
    .refine((code) => isIatiCode("Language", code), {
      message:
        "The language must be a two-letter ISO 639-1 code from IATI's Language codelist, such as en",
    }),
  /**
   * A DAC 5-digit sector the network declares for all its activities (e.g. 15190, facilitation
   * of migration): activities record none of their own, and IATI asks every activity for one.
   */
  sector: z
    .string()
    .trim()
    .refine((code) => isIatiCode("Sector", code), {
      message:
        "The sector must be an active DAC 5-digit code from IATI's Sector codelist, such as 15190",
    })
    .nullable()
    .optional(),
});

export type IatiSettings = z.infer<typeof iatiSettingsSchema>;

export type IatiSettingsIssue = { field: string; message: string };

/** Checks a network's IATI settings as typed on its settings page. */
export function parseIatiSettings(
  value: unknown,
): { ok: true; settings: IatiSettings } | { ok: false; issues: IatiSettingsIssue[] } {
  const parsed = iatiSettingsSchema.safeParse(value);
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: issue.path.join(".") || "settings",
      message: issue.message,
    })),
  };
}

/** "15190 Facilitation of orderly, safe, regular and responsible migration and mobility". */
export function sectorLabel(code: string): string {
  const name = iatiCodeName("Sector", code);
  return name ? `${code} ${name}` : code;
}
