import type { Activity, Stage } from "@junction/domain";
import type { NarrativeNode } from "@junction/domain/doc";

/** An organisation as the network knows it; `type` is a key of ORGANISATION_TYPES. */
export type ExportOrganisation = {
  id: string;
  name: string;
  acronym: string;
  type: string;
  /** Its IATI organisation identifier, when the network has recorded one. */
  iatiRef?: string | null;
};

/** `country` is a name ("Georgia") or an ISO 3166-1 alpha-2 code ("GE"). */
export type ExportNetwork = { id: string; name: string; country: string };

export type ExportVersion = { id: string; name: string; createdAt: string };

export type ExportWorkplan = {
  id: string;
  title: string;
  stage: Stage;
  /** The saved version exported, or null for the live document. */
  version: ExportVersion | null;
  /** In document order; `lead` and `partners` are organisation ids of the network. */
  activities: readonly Activity[];
  /** The narrative (DOCX, Markdown); without it the activities are listed on their own. */
  narrative?: readonly NarrativeNode[];
  /** Open suggestions on the text: exports leave them out and say how many there are. */
  openSuggestions?: number;
};

/** Everything an export reads: one workplan for a workplan's export, several for the network's. */
export type ExportInput = {
  network: ExportNetwork;
  organisations: readonly ExportOrganisation[];
  workplans: readonly ExportWorkplan[];
  /** ISO 8601 date-time of the export, printed on the files. */
  generatedAt: string;
  /** The reader's language (`fr`, `es-AR`…): the files' fixed words, dates and amounts; English when absent. */
  locale?: string;
  /** Corrections of single fixed words (see wording-en.ts), ICU messages by key. */
  wording?: Readonly<Partial<Record<string, string>>>;
};

/** An activity with the workplan it belongs to. */
export type PlacedActivity = { workplan: ExportWorkplan; activity: Activity };

export function placedActivities(input: ExportInput): PlacedActivity[] {
  return input.workplans.flatMap((workplan) =>
    workplan.activities.map((activity) => ({ workplan, activity })),
  );
}
