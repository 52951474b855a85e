import type {
  Budget,
  OrganisationView,
  OwnerView,
  Role,
  SuggestionField,
  WarningView,
} from "@junction/domain";
import { createContext, useContext } from "react";
import { KeyedStore, sameJson, useKeyedValue } from "./keyed-store";

/** Per-activity data that changes while people work, read by each card for its own id only. */
export type ActivityLive = {
  /** Duplication warnings, fetched once for the workplan and kept live. */
  warnings: KeyedStore<readonly WarningView[]>;
  /** Owners, fetched once for the workplan and kept live. */
  owners: KeyedStore<readonly OwnerView[]>;
  /** Open comment threads on (or in) the activity. */
  commentCounts: KeyedStore<number>;
  /** Cards showing their full form; the others show a summary line. */
  expanded: KeyedStore<boolean>;
};

/** What a card asks of the page; the functions keep their identity for the editor's lifetime. */
export type ActivityActions = {
  commentOnActivity: (activityId: string, title: string) => void;
  showActivityComments: (activityId: string) => void;
  onOwnersChanged: () => void;
  /** Opens the dialog proposing a new value for one of the activity's structured fields. */
  suggestField: (
    activityId: string,
    field: SuggestionField,
    current: { title: string; budget: Budget | null; month: string | null },
  ) => void;
  /** Removes the block at `pos` for everyone, offering to undo it. */
  removeActivity: (pos: number, title: string) => void;
};

/**
 * What activity node views need from the page. Its value changes only when permissions or the
 * network's organisations do: nothing in it changes per keystroke, so cards do not re-render then.
 */
export type EditorContextValue = {
  canEdit: boolean;
  /** Coordinators of the workplan's network decide warnings and set owners (while not frozen). */
  canDecide: boolean;
  canSetOwners: boolean;
  /** Commenters, editors and coordinators comment (on text, or on an activity as a whole). */
  canComment: boolean;
  /** Proposes field changes instead of making them (commenters, editors in suggesting mode). */
  canSuggest: boolean;
  /** The person's place in the network, for the commitments rule; null for outsiders. */
  member: { readonly role: Role; readonly organisationId: string } | null;
  userId: string;
  organisations: readonly OrganisationView[];
  organisationLabel: (id: string) => string;
  /** Datalist ids for the fields' suggestions (rendered once beside the editor). */
  lists: { locations: string; targetGroups: string; currencies: string; sources: string };
  workplanId: string;
  networkId: string;
  live: ActivityLive;
  actions: ActivityActions;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

/** What activity node views need from the page; node views render in portals under EditorContent. */
export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error("activity blocks render only inside <WorkplanEditor>");
  return value;
}

const NO_WARNINGS: readonly WarningView[] = [];
const NO_OWNERS: readonly OwnerView[] = [];

export function createActivityLive(): ActivityLive {
  return {
    warnings: new KeyedStore<readonly WarningView[]>(sameJson),
    owners: new KeyedStore<readonly OwnerView[]>(sameJson),
    commentCounts: new KeyedStore<number>(),
    expanded: new KeyedStore<boolean>(),
  };
}

export function useActivityWarnings(activityId: string): readonly WarningView[] {
  return useKeyedValue(useEditorContext().live.warnings, activityId, NO_WARNINGS);
}

export function useActivityOwners(activityId: string): readonly OwnerView[] {
  return useKeyedValue(useEditorContext().live.owners, activityId, NO_OWNERS);
}

export function useCommentCount(activityId: string): number {
  return useKeyedValue(useEditorContext().live.commentCounts, activityId, 0);
}

export function useExpanded(activityId: string): boolean {
  return useKeyedValue(useEditorContext().live.expanded, activityId, false);
}
