import type { OrganisationView, OwnerView, WarningView } from "@junction/domain";
import type { ReactNode } from "react";
import { useT } from "../i18n";
import { AvatarStack } from "./avatar-stack";
import { ConnectionStatus } from "./connection-status";
import { EditorBody } from "./editor-body";
import type {
  EditorPanelTab,
  EditorPermissions,
  EditorUser,
  EditorWorkplan,
  PanelRequest,
} from "./editor-types";
import { useWorkplanSession } from "./use-workplan-session";
import "./editor.css";

export type { EditorPanelTab, EditorPermissions, EditorUser } from "./editor-types";

type Props = {
  workplan: EditorWorkplan;
  user: EditorUser;
  permissions: EditorPermissions;
  organisations: readonly OrganisationView[];
  /** Places and target groups used elsewhere in the network, for suggestions. */
  networkSuggestions: { locations: readonly string[]; targetGroups: readonly string[] };
  /** Duplication warnings by activity id (`useWorkplanWarnings`). */
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  /** Owners by activity id (`useWorkplanOwners`); `onOwnersChanged` reloads them. */
  owners: ReadonlyMap<string, readonly OwnerView[]>;
  onOwnersChanged: () => void;
  header: ReactNode;
  /** Shown under the header, above the toolbar: the workplan's stage. */
  banner?: ReactNode;
  /** More tabs for the side panel (validation, history), after people and comments. */
  panelTabs?: readonly EditorPanelTab[];
  /** Opens a panel tab; a new `seq` opens it again. */
  panelRequest?: PanelRequest | null;
};

const NO_TABS: readonly EditorPanelTab[] = [];

/** The collaborative workplan editor: narrative and activity blocks, presence, panel, connection. */
export function WorkplanEditor(props: Props) {
  const t = useT("editor");
  const { session, connection, ready, users, permissions } = useWorkplanSession(
    props.workplan.id,
    props.user.id,
    props.permissions,
    t("connection.refusedNotice"),
  );
  const status = <ConnectionStatus state={connection} canEdit={permissions.canEdit} />;

  return (
    <div className="workplan-editor">
      <header className="editor-header">
        <div className="editor-header-main">{props.header}</div>
        <div className="editor-header-aside">
          <AvatarStack users={users} />
        </div>
      </header>
      {props.banner}
      {session && ready ? (
        <EditorBody
          document={{ session, workplan: props.workplan, status }}
          people={{ user: props.user, present: users }}
          permissions={permissions}
          network={{
            organisations: props.organisations,
            suggestions: props.networkSuggestions,
            warnings: props.warnings,
            owners: props.owners,
          }}
          panel={{ tabs: props.panelTabs ?? NO_TABS, request: props.panelRequest }}
          callbacks={{ onOwnersChanged: props.onOwnersChanged }}
        />
      ) : (
        <>
          <div className="editor-bar">
            <div className="editor-readonly-bar">{status}</div>
          </div>
          <div className="editor-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {session ? t("document.loadingFromServer") : t("document.opening")}
          </div>
        </>
      )}
    </div>
  );
}
