import { type Activity, emptyActivity } from "@junction/domain";
import type { ExportInput, ExportOrganisation, ExportWorkplan } from "../model";

export const ORGANISATIONS: ExportOrganisation[] = [
  {
    id: "org-iom",
    name: "International Organization for Migration",
    acronym: "IOM",
    type: "un-agency",
    iatiRef: "XM-DAC-47066",
  },
  {
    id: "org-unicef",
    name: "United Nations Children's Fund",
    acronym: "UNICEF",
    type: "un-agency",
  },
  {
    id: "org-scmi",
    name: "State Commission on Migration Issues",
    acronym: "SCMI",
    type: "government-commission",
  },
  {
    id: "org-gyla",
    name: "Young Lawyers' Association",
    acronym: "",
    type: "civil-society-organisation",
  },
];

export function activity(id: string, fields: Partial<Activity> = {}): Activity {
  return {
    ...emptyActivity(id),
    title: `Activity ${id}`,
    description: `What ${id} does.`,
    lead: "org-iom",
    start: "2024-01",
    end: "2024-06",
    ...fields,
  };
}

export function workplan(fields: Partial<ExportWorkplan> = {}): ExportWorkplan {
  return {
    id: "wp-1",
    title: "Joint workplan 2024",
    stage: "consultation",
    version: null,
    activities: [],
    ...fields,
  };
}

export function exportInput(
  workplans: ExportWorkplan[],
  fields: Partial<ExportInput> = {},
): ExportInput {
  return {
    network: { id: "net-1", name: "UN Network on Migration – Georgia", country: "Georgia" },
    organisations: ORGANISATIONS,
    workplans,
    generatedAt: "2026-12-03T09:30:00.000Z",
    ...fields,
  };
}
