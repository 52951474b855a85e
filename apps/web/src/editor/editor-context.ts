import type { CommitmentRights, OrganisationView, OwnerView, WarningView } from "@junction/domain";
import { createContext, useContext } from "react";

export type EditorContextValue = {
  canEdit: boolean;
  organisations: readonly OrganisationView[];
  organisationLabel: (id: string) => string;
  /** Datalist ids for the tag fields' suggestions (rendered once beside the editor). */
  locationsListId: string;
  targetGroupsListId: string;
  currenciesListId: string;
  fundingSourcesListId: string;
  workplanId: string;
  networkId: string;
  /** Duplication warnings by activity id, fetched once for the workplan and kept live. */
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  /** Owners by activity id, fetched once for the workplan and kept live. */
  owners: ReadonlyMap<string, readonly OwnerView[]>;
  /** Coordinators of the workplan's network set owners; `onOwnersChanged` refreshes the map. */
  canSetOwners: boolean;
  /**
   * What the member may change of an activity's lead, partners, budget and status (`lead` as the
   * block has it): the server's rule, so the fields it would put back are read-only here.
   */
  commitmentRights: (activityId: string, lead: string | null) => CommitmentRights;
  onOwnersChanged: () => void;
  /** Coordinators of the workplan's network decide warnings. */
  canDecide: boolean;
  /** Commenters, editors and coordinators comment (on text, or on an activity as a whole). */
  canComment: boolean;
  /** Open comment threads by activity id. */
  commentCounts: ReadonlyMap<string, number>;
  commentOnActivity: (activityId: string, title: string) => void;
  showActivityComments: (activityId: string) => void;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

/** What activity node views need from the page; node views render in portals under EditorContent. */
export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("activity blocks render only inside <WorkplanEditor>");
  return value;
}
