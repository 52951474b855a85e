import type { OrganisationView, OwnerView, Role, WarningView } from "@junction/domain";
import type { ReactNode } from "react";

export type EditorUser = { id: string; name: string; organisation: string };

export type EditorWorkplan = { id: string; title: string; networkId: string };

/** What the person may do here, decided by the page from their role and the workplan's stage. */
export type EditorPermissions = {
  canEdit: boolean;
  /** Shown instead of the toolbar when the person may not change the text. */
  readOnlyNotice: ReactNode;
  /** Whether the person coordinates the network: decides warnings, sets owners, makes tasks. */
  canDecide: boolean;
  canComment: boolean;
  /** Editors and coordinators resolve any thread; others only their own. */
  canModerate: boolean;
  /** Coordinators remove other people's messages. */
  canRemoveComments: boolean;
  /** Commenters, editors and coordinators propose changes while the workplan takes them. */
  canSuggest: boolean;
  /** Why the workplan takes no suggestions (adopted, archived); null while it does. */
  suggestionsClosed: string | null;
  /** Why the workplan takes no new comments (adopted, archived); null while it does. */
  commentsClosed: string | null;
  /** The person's place in the network, for rules that depend on their organisation. */
  member: { readonly role: Role; readonly organisationId: string } | null;
};

/** What the network knows about the workplan's activities, loaded by the page. */
export type EditorNetworkData = {
  organisations: readonly OrganisationView[];
  /** Places and target groups used elsewhere in the network, for suggestions. */
  suggestions: { locations: readonly string[]; targetGroups: readonly string[] };
  /** Duplication warnings by activity id (`useWorkplanWarnings`). */
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  /** Owners by activity id (`useWorkplanOwners`). */
  owners: ReadonlyMap<string, readonly OwnerView[]>;
};

/** A side panel tab another feature provides; `render` may jump to an activity in the document. */
export type EditorPanelTab = {
  id: string;
  label: string;
  render: (helpers: { jumpTo: (activityId: string) => boolean }) => ReactNode;
};

/** Opens a panel tab; a new `seq` opens it again. */
export type PanelRequest = { tab: string; seq: number };
