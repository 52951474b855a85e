import type { OrganisationView } from "@junction/domain";
import { useMemo } from "react";
import type { ActivityActions, ActivityLive, EditorContextValue } from "./editor-context";
import type { EditorPermissions, EditorWorkplan } from "./editor-types";
import { useSuggestionListIds } from "./suggestion-lists";

type Options = {
  permissions: EditorPermissions;
  workplan: EditorWorkplan;
  userId: string;
  organisations: readonly OrganisationView[];
  live: ActivityLive;
  /** Must keep its identity: a new one re-renders every card. */
  actions: ActivityActions;
};

/**
 * The cards' context, from pieces that each change only with their own inputs: permissions, the
 * network's organisations, where the editor is. Nothing in it changes per keystroke.
 */
export function useEditorContextValue({
  permissions,
  workplan,
  userId,
  organisations,
  live,
  actions,
}: Options): EditorContextValue {
  const { canEdit, canDecide, canComment, canSuggest, member } = permissions;
  const rights = useMemo(
    () => ({
      canEdit,
      canDecide,
      // owners are the workplan's to change: not while it is frozen (canEdit is false then)
      canSetOwners: canDecide && canEdit,
      canComment,
      // an editor changes fields directly; the others (and editors in suggesting mode) propose
      canSuggest: canSuggest && !canEdit,
      member,
    }),
    [canEdit, canDecide, canComment, canSuggest, member],
  );
  const network = useMemo(
    () => ({
      organisations,
      organisationLabel: (id: string) => {
        const organisation = organisations.find((o) => o.id === id);
        return organisation ? organisation.acronym || organisation.name : id;
      },
    }),
    [organisations],
  );
  const { id: workplanId, networkId } = workplan;
  const place = useMemo(() => ({ userId, workplanId, networkId }), [userId, workplanId, networkId]);
  const lists = useSuggestionListIds();
  return useMemo(
    () => ({ ...rights, ...network, ...place, lists, live, actions }),
    [rights, network, place, lists, live, actions],
  );
}
