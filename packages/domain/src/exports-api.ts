import { z } from "zod";
import { activityStatusSchema, indicatorSchema, stageSchema } from "./schemas";

// Request and response shapes of the export, coverage, GCM report and IATI settings routes,
// shared by the server (OpenAPI) and the web app. The files themselves are not JSON.

export const WORKPLAN_EXPORT_FORMATS = ["docx", "xlsx", "csv", "md", "iati"] as const;
export const NETWORK_EXPORT_FORMATS = ["xlsx", "csv", "iati"] as const;
export const REPORT_FORMATS = ["json", "docx"] as const;

export const coverageCellSchema = z.object({
  organisation: z.string(),
  activities: z.array(z.string()),
  leads: z.array(z.string()),
  crowded: z.boolean(),
});

export const coverageActivitySchema = z.object({
  id: z.string(),
  workplanId: z.string(),
  title: z.string(),
  status: activityStatusSchema,
  lead: z.string().nullable(),
  partners: z.array(z.string()),
  locations: z.array(z.string()),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

/** `GET /api/networks/:id/coverage`: the contract's `objectives`, and what the page shows. */
export const coverageSchema = z.object({
  objectives: z.array(
    z.object({
      objective: z.number().int().min(1).max(23),
      title: z.string(),
      gap: z.boolean(),
      organisations: z.array(coverageCellSchema),
    }),
  ),
  gaps: z.array(z.number().int()),
  crowding: z.array(
    z.object({
      objective: z.number().int(),
      place: z.string(),
      start: z.string(),
      end: z.string(),
      organisations: z.array(z.string()),
      activities: z.array(z.string()),
    }),
  ),
  organisations: z.array(
    z.object({ id: z.string(), name: z.string(), acronym: z.string(), type: z.string() }),
  ),
  activities: z.array(coverageActivitySchema),
  /** Every place the network's activities name, for the place filter. */
  places: z.array(z.string()),
});
export type CoverageView = z.infer<typeof coverageSchema>;

const reportOrganisationSchema = z.object({ id: z.string(), name: z.string() });

const reportActivitySchema = z.object({
  id: z.string(),
  workplanId: z.string(),
  title: z.string(),
  lead: reportOrganisationSchema.nullable(),
  partners: z.array(reportOrganisationSchema),
  start: z.string().nullable(),
  end: z.string().nullable(),
  budget: z
    .object({
      amount: z.number().nullable(),
      currency: z.string(),
      secured: z.boolean(),
      source: z.string(),
    })
    .nullable(),
  indicators: z.array(indicatorSchema),
});

/** `GET /api/networks/:id/report?format=json`: the GCM review report. */
export const gcmReportSchema = z.object({
  network: z.object({ id: z.string(), name: z.string() }),
  workplans: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: stageSchema,
      version: z.string().nullable(),
    }),
  ),
  generatedAt: z.string(),
  objectives: z.array(
    z.object({
      objective: z.number().int(),
      title: z.string(),
      activityCount: z.number().int(),
      activities: z.object({
        planned: z.array(reportActivitySchema),
        ongoing: z.array(reportActivitySchema),
        completed: z.array(reportActivitySchema),
        cancelled: z.array(reportActivitySchema),
      }),
      indicators: z.array(indicatorSchema.extend({ activityId: z.string() })),
      budget: z.array(
        z.object({
          currency: z.string(),
          required: z.number(),
          secured: z.number(),
          gap: z.number(),
          activities: z.number().int(),
        }),
      ),
      activitiesWithoutAmount: z.number().int(),
      leads: z.array(reportOrganisationSchema),
      partners: z.array(reportOrganisationSchema),
    }),
  ),
  untagged: z.array(z.object({ id: z.string(), workplanId: z.string(), title: z.string() })),
});
export type GcmReportView = z.infer<typeof gcmReportSchema>;

/** What a coordinator types on the network's IATI settings page (checked again by the server). */
export const iatiSettingsRequestSchema = z.object({
  prefix: z.string(),
  reportingOrgType: z.string(),
  reportingOrgName: z.string().nullable().optional(),
  language: z.string(),
  sector: z.string().nullable().optional(),
});
export type IatiSettingsRequest = z.infer<typeof iatiSettingsRequestSchema>;

export const iatiSettingsViewSchema = z.object({
  /** null until a coordinator sets them: IATI exports are refused (409) until then. */
  settings: z
    .object({
      prefix: z.string(),
      reportingOrgType: z.string(),
      reportingOrgName: z.string().nullable(),
      language: z.string(),
      sector: z.string().nullable(),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    })
    .nullable(),
  /** The reporting organisation's name when none is set: the network's. */
  defaultReportingOrgName: z.string(),
  /** Codes the page offers: IATI OrganisationType and the common languages. */
  organisationTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  canChange: z.boolean(),
});
export type IatiSettingsView = z.infer<typeof iatiSettingsViewSchema>;

/** What an IATI export leaves out: activities it cannot express, and what it omits of others. */
export const iatiCheckSchema = z.object({
  configured: z.boolean(),
  exported: z.number().int(),
  skipped: z.array(
    z.object({
      workplanId: z.string(),
      activityId: z.string(),
      title: z.string(),
      reasons: z.array(z.string()),
    }),
  ),
  notices: z.array(
    z.object({
      workplanId: z.string().nullable(),
      activityId: z.string().nullable(),
      message: z.string(),
    }),
  ),
});
export type IatiCheck = z.infer<typeof iatiCheckSchema>;
