import {
  can,
  canWriteDocument,
  documentRole,
  type Membership,
  type OrganisationView,
  type WorkplanFreeze,
  type WorkplanView,
  workplanFreeze,
} from "@junction/domain";
import { use, useCallback, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { useCurrentNetwork } from "../../app/current-network";
import { Link, useLocation } from "../../app/router";
import { findMembership, useMe, useServerEvent } from "../../app/session";
import { commentsClosedNotice } from "../../editor/comments";
import { suggestionsClosedNotice } from "../../editor/suggestions";
import {
  type EditorPanelTab,
  type EditorPermissions,
  WorkplanEditor,
} from "../../editor/workplan-editor";
import { type Namespace, preloadNamespaces, type Translate, useLocale, useT } from "../../i18n";
import { RoleBadge, StageBadge } from "../../ui/badges";
import { ErrorState, LoadingState } from "../../ui/states";
import { ExportMenu } from "../exports/export-menu";
import { HistoryPanel } from "../history";
import { StageBanner, useLifecycle, ValidationPanel } from "../lifecycle";
import { useWorkplanOwners } from "../owners";
import { useWorkplanWarnings } from "../warnings";

type Suggestions = { locations: string[]; targetGroups: string[] };
const NO_SUGGESTIONS: Suggestions = { locations: [], targetGroups: [] };
const NO_ORGANISATIONS: readonly OrganisationView[] = [];

/** Places and target groups of the network's other workplans (this one's come live from the document). */
function useNetworkSuggestions(networkId: string | null, workplanId: string): Suggestions {
  const [suggestions, setSuggestions] = useState<Suggestions>(NO_SUGGESTIONS);
  useEffect(() => {
    if (!networkId) return;
    let live = true;
    const load = async () => {
      const workplans = await api.workplans(networkId);
      const lists = await Promise.all(
        workplans
          .filter((w) => w.id !== workplanId)
          .map((w) => api.activities(w.id).catch(() => [])),
      );
      const activities = lists.flat();
      if (!live) return;
      setSuggestions({
        locations: activities.flatMap((a) => a.locations),
        targetGroups: activities.flatMap((a) => a.targetGroups),
      });
    };
    // suggestions are a convenience: offline or refused, the fields still take free text
    load().catch(() => {});
    return () => {
      live = false;
    };
  }, [networkId, workplanId]);
  return suggestions;
}

const FROZEN_NOTICES = {
  archived: "readOnly.archived",
  adopted: "readOnly.adopted",
} as const satisfies Record<WorkplanFreeze, string>;

function readOnlyNotice(
  workplan: Pick<WorkplanView, "stage" | "archived">,
  role: string | null,
  t: Translate<"workplan">,
): string {
  const freeze = workplanFreeze(workplan);
  if (freeze) return t(FROZEN_NOTICES[freeze]);
  return role === "commenter" ? t("readOnly.commenter") : t("readOnly.reader");
}

/** What the person may do in the editor; the same object while nothing it holds changes. */
function usePermissions(
  view: WorkplanView | null,
  membership: Membership | null,
): EditorPermissions | null {
  const t = useT("workplan");
  const tComments = useT("comments");
  const role = membership?.role ?? null;
  const organisationId = membership?.organisationId ?? null;
  const stage = view?.stage;
  const archived = view?.archived;
  const ts = useT("suggestions");
  return useMemo(() => {
    if (stage === undefined || archived === undefined) return null;
    const state = { stage, archived };
    const canEdit = role !== null && canWriteDocument(documentRole(role, state));
    const commentsClosed = commentsClosedNotice(state, tComments);
    const suggestionsClosed = suggestionsClosedNotice(ts, state);
    return {
      canEdit,
      readOnlyNotice: readOnlyNotice(state, role, t),
      canDecide: role === "coordinator",
      canComment: role !== null && can(role, "comment.create") && commentsClosed === null,
      canSuggest: role !== null && can(role, "comment.create") && suggestionsClosed === null,
      suggestionsClosed,
      canModerate: role !== null && can(role, "comment.resolve"),
      canRemoveComments: role !== null && can(role, "comment.moderate"),
      commentsClosed,
      member: role !== null && organisationId !== null ? { role, organisationId } : null,
    };
  }, [role, organisationId, stage, archived, t, tComments, ts]);
}

// every namespace the open editor shows loads before it mounts: one loading later (a dialog's
// first opening) would suspend the page and take the open editor, and its session, down with it
const EDITOR_NAMESPACES: readonly Namespace[] = [
  "editor",
  "comments",
  "owners",
  "warnings",
  "tasks",
  "lifecycle",
  "history",
  "exports",
  "suggestions",
];
const editorMessages = new Map<string, Promise<void>>();

function editorMessagesLoaded(locale: string): Promise<void> {
  let loaded = editorMessages.get(locale);
  if (!loaded) {
    loaded = preloadNamespaces(locale, EDITOR_NAMESPACES);
    editorMessages.set(locale, loaded);
  }
  return loaded;
}

const PANEL_HASHES: Record<string, string> = { "#validation": "validation", "#history": "history" };

/** A panel tab asked for by the link (`#validation`, `#history`) or by a button on the page. */
function usePanelRequest() {
  const { hash } = useLocation();
  const [request, setRequest] = useState<{ tab: string; seq: number } | null>(null);
  useEffect(() => {
    const tab = PANEL_HASHES[hash];
    if (tab) setRequest((current) => ({ tab, seq: (current?.seq ?? 0) + 1 }));
  }, [hash]);
  const open = useCallback(
    (tab: string) => setRequest((current) => ({ tab, seq: (current?.seq ?? 0) + 1 })),
    [],
  );
  return { request, open };
}

/** `/workplans/:workplanId`: the collaborative editor of one workplan. */
export function WorkplanEditorPage({ workplanId }: { workplanId: string }) {
  use(editorMessagesLoaded(useLocale().locale));
  const t = useT("workplan");
  const me = useMe();
  const workplan = useResource(() => api.workplan(workplanId), workplanId);
  const lifecycle = useLifecycle(workplanId);
  const panel = usePanelRequest();
  // a stage move freezes or unfreezes the editor for everyone at once, without reconnecting
  useServerEvent("stage-changed", (event) => {
    if (event.workplanId !== workplanId) return;
    workplan.update((current) => ({ ...current, stage: event.to }));
    workplan.reload();
  });
  const networkId = workplan.data?.networkId ?? null;
  useCurrentNetwork(networkId);
  const organisations = useResource(
    () => (networkId ? api.organisations(networkId) : Promise.resolve([])),
    networkId ?? "",
  );
  const suggestions = useNetworkSuggestions(networkId, workplanId);
  const warnings = useWorkplanWarnings(workplanId);
  const owners = useWorkplanOwners(workplanId);
  const title = workplan.data?.title;
  const membership = workplan.data ? findMembership(me, workplan.data.networkId) : undefined;
  const permissions = usePermissions(workplan.data ?? null, membership ?? null);
  const organisation = membership
    ? membership.organisationAcronym || membership.organisationName
    : "";
  const user = useMemo(
    () => ({ id: me.id, name: me.name, organisation }),
    [me.id, me.name, organisation],
  );
  const workplanRef = useMemo(
    () =>
      workplan.data
        ? { id: workplan.data.id, title: workplan.data.title, networkId: workplan.data.networkId }
        : null,
    [workplan.data],
  );
  useEffect(() => {
    if (title) document.title = `${title} · Junction`;
  }, [title]);

  const lifecycleView = lifecycle.data ?? null;
  const reloadLifecycle = lifecycle.reload;
  const role = membership?.role ?? null;
  const panelTabs = useMemo<EditorPanelTab[]>(() => {
    if (!lifecycleView || !workplanRef) return [];
    const tabs: EditorPanelTab[] = [];
    if (lifecycleView.validation) {
      tabs.push({
        id: "validation",
        label: t("tab.validation"),
        render: () => (
          <ValidationPanel
            workplan={workplanRef}
            lifecycle={lifecycleView}
            member={
              membership
                ? { organisationId: membership.organisationId, role: membership.role }
                : null
            }
            onChanged={reloadLifecycle}
          />
        ),
      });
    }
    tabs.push({
      id: "history",
      label: t("tab.history"),
      render: ({ jumpTo }) => (
        <HistoryPanel
          workplan={workplanRef}
          frozen={lifecycleView.frozen}
          canSave={role === "editor" || role === "coordinator"}
          canRestore={role === "coordinator"}
          onShowActivity={(activityId) => {
            jumpTo(activityId);
          }}
        />
      ),
    });
    return tabs;
  }, [lifecycleView, workplanRef, membership, role, reloadLifecycle, t]);

  if (workplan.status === "loading") return <LoadingState label={t("opening")} />;
  if (workplan.status === "error") {
    return (
      <section className="page">
        <ErrorState title={t("openError")} error={workplan.error} onRetry={workplan.reload} />
      </section>
    );
  }
  if (organisations.status === "loading" || !permissions || !workplanRef) {
    return <LoadingState label={t("opening")} />;
  }

  const view = workplan.data;
  const networkHref = `/networks/${encodeURIComponent(view.networkId)}`;

  const header = (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("yourNetworks")}</Link>
          </li>
          <li>
            <Link to={networkHref} dir="auto">
              {membership?.networkName ?? t("network")}
            </Link>
          </li>
          <li aria-current="page" dir="auto">
            {view.title}
          </li>
        </ol>
      </nav>
      <div className="title-row">
        <h1 id="workplan-title" className="editor-title" dir="auto">
          {view.title}
        </h1>
        <StageBadge stage={view.stage} />
        {view.archived ? <span className="badge badge-archived">{t("archived")}</span> : null}
        {role ? <RoleBadge role={role} /> : null}
        <ExportMenu workplanId={view.id} networkId={view.networkId} />
      </div>
    </>
  );

  return (
    <article className="page page-editor" aria-labelledby="workplan-title">
      <WorkplanEditor
        key={`${workplanId}:${me.id}`}
        workplan={workplanRef}
        user={user}
        permissions={permissions}
        organisations={organisations.data ?? NO_ORGANISATIONS}
        networkSuggestions={suggestions}
        warnings={warnings}
        owners={owners.byActivity}
        onOwnersChanged={owners.reload}
        header={header}
        banner={
          lifecycleView ? (
            <StageBanner
              workplan={workplanRef}
              lifecycle={lifecycleView}
              canCoordinate={role === "coordinator"}
              onChanged={() => {
                reloadLifecycle();
                workplan.reload();
              }}
              onShowValidation={() => panel.open("validation")}
            />
          ) : null
        }
        panelTabs={panelTabs}
        panelRequest={panel.request}
      />
    </article>
  );
}
