import {
  type ComponentType,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useLayoutEffect,
} from "react";
import { LoginPage } from "../features/auth/login-page";
import { HomePage } from "../features/home/home-page";
import { type MessageKey, useT } from "../i18n";
import { PageErrorBoundary } from "../ui/error-boundary";
import { ErrorState, LoadingState } from "../ui/states";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./not-found-page";
import { loginPath, safeNext } from "./redirects";
import { matchRoutes, navigate, type Params, useLocation } from "./router";
import { useSession } from "./session";

/** A page loaded on first visit: the first page (sign-in or home) carries only its own code. */
function lazyPage<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }));
}

const AccountPage = lazyPage(() =>
  import("../features/account/account-page").then((m) => m.AccountPage),
);
const ForgotPasswordPage = lazyPage(() =>
  import("../features/auth/forgot-password-page").then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyPage(() =>
  import("../features/auth/reset-password-page").then((m) => m.ResetPasswordPage),
);
const CoveragePage = lazyPage(() =>
  import("../features/coverage/coverage-page").then((m) => m.CoveragePage),
);
const NetworkExportsPage = lazyPage(() =>
  import("../features/exports/network-exports-page").then((m) => m.NetworkExportsPage),
);
const AcceptInvitationPage = lazyPage(() =>
  import("../features/invitations/accept-invitation-page").then((m) => m.AcceptInvitationPage),
);
const MembersPage = lazyPage(() =>
  import("../features/members/members-page").then((m) => m.MembersPage),
);
const MyWorkPage = lazyPage(() =>
  import("../features/my-work/my-work-page").then((m) => m.MyWorkPage),
);
const NetworkPage = lazyPage(() =>
  import("../features/network/network-page").then((m) => m.NetworkPage),
);
const ReportPage = lazyPage(() =>
  import("../features/report/report-page").then((m) => m.ReportPage),
);
const TasksPage = lazyPage(() => import("../features/tasks/tasks-page").then((m) => m.TasksPage));
const WarningsPage = lazyPage(() =>
  import("../features/warnings/warnings-page").then((m) => m.WarningsPage),
);
const ThreadPage = lazyPage(() =>
  import("../features/workplan/thread-page").then((m) => m.ThreadPage),
);
// the collaborative editor (Tiptap, Yjs) is most of the code: keep it out of the first bundle
const WorkplanEditorPage = lazyPage(() =>
  import("../features/workplan/workplan-editor-page").then((m) => m.WorkplanEditorPage),
);

type Access = "signed-in" | "public" | "signed-out";
type RouteDefinition = {
  path: string;
  access: Access;
  title: MessageKey<"shell">;
  render: (params: Params) => ReactNode;
};

function param(params: Params, name: string): string {
  return params[name] ?? "";
}

export const ROUTES: readonly RouteDefinition[] = [
  { path: "/login", access: "signed-out", title: "title.signIn", render: () => <LoginPage /> },
  {
    path: "/password-reset",
    access: "public",
    title: "title.resetPassword",
    render: () => <ForgotPasswordPage />,
  },
  {
    path: "/password-reset/:token",
    access: "public",
    title: "title.choosePassword",
    render: (p) => <ResetPasswordPage token={param(p, "token")} />,
  },
  {
    path: "/invitations/:token",
    access: "public",
    title: "title.invitation",
    render: (p) => <AcceptInvitationPage token={param(p, "token")} />,
  },
  { path: "/", access: "signed-in", title: "title.home", render: () => <HomePage /> },
  {
    path: "/networks/:networkId",
    access: "signed-in",
    title: "title.network",
    render: (p) => <NetworkPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/members",
    access: "signed-in",
    title: "title.members",
    render: (p) => <MembersPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/warnings",
    access: "signed-in",
    title: "title.warnings",
    render: (p) => <WarningsPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/tasks",
    access: "signed-in",
    title: "title.tasks",
    render: (p) => <TasksPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/threads/:threadId",
    access: "signed-in",
    title: "title.thread",
    render: (p) => <ThreadPage threadId={param(p, "threadId")} />,
  },
  {
    path: "/networks/:networkId/coverage",
    access: "signed-in",
    title: "title.coverage",
    render: (p) => <CoveragePage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/report",
    access: "signed-in",
    title: "title.report",
    render: (p) => <ReportPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/exports",
    access: "signed-in",
    title: "title.exports",
    render: (p) => <NetworkExportsPage networkId={param(p, "networkId")} />,
  },
  { path: "/my-work", access: "signed-in", title: "title.myWork", render: () => <MyWorkPage /> },
  { path: "/account", access: "signed-in", title: "title.account", render: () => <AccountPage /> },
  {
    path: "/workplans/:workplanId",
    access: "signed-in",
    title: "title.workplan",
    render: (p) => (
      <Suspense fallback={<OpeningWorkplan />}>
        <WorkplanEditorPage workplanId={param(p, "workplanId")} />
      </Suspense>
    ),
  },
];

function OpeningWorkplan() {
  const t = useT("shell");
  return <LoadingState label={t("openingWorkplan")} />;
}

function Redirect({ to }: { to: string }) {
  const t = useT("common");
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <LoadingState label={t("redirecting")} />;
}

export function App() {
  const { pathname, search } = useLocation();
  const { session, refresh } = useSession();
  const t = useT("shell");
  const tc = useT("common");
  const match = matchRoutes(ROUTES, pathname);

  const routeTitle = t("title.suffix", { title: t(match ? match.route.title : "title.notFound") });
  // a layout effect on the title alone: a page's own title (set in its effect) then wins
  useLayoutEffect(() => {
    document.title = routeTitle;
  }, [routeTitle]);

  if (session.status === "loading") {
    return (
      <div className="fullscreen-state">
        <LoadingState label={tc("loadingApp")} />
      </div>
    );
  }
  if (session.status === "error") {
    return (
      <div className="fullscreen-state">
        <ErrorState
          title={tc("couldNotStart")}
          error={session.error}
          onRetry={() => void refresh()}
        />
      </div>
    );
  }

  const access = match?.route.access ?? "signed-in";
  if (session.status === "signed-out") {
    if (access === "signed-in") {
      return match ? (
        <Redirect to={loginPath(pathname + search)} />
      ) : (
        <BareLayout>
          <NotFoundPage />
        </BareLayout>
      );
    }
    return <BareLayout>{match?.route.render(match.params)}</BareLayout>;
  }
  if (access === "signed-out") return <Redirect to={safeNext(search)} />;
  if (match && access === "public")
    return <BareLayout>{match.route.render(match.params)}</BareLayout>;

  return (
    <AppShell me={session.me} routeNetworkId={match?.params.networkId ?? null}>
      <PageErrorBoundary resetKey={pathname}>
        <Suspense fallback={<LoadingState />}>
          {match ? match.route.render(match.params) : <NotFoundPage />}
        </Suspense>
      </PageErrorBoundary>
    </AppShell>
  );
}

function BareLayout({ children }: { children: ReactNode }) {
  return (
    <div className="bare-layout">
      <main id="main" className="bare-main">
        <Suspense fallback={<LoadingState />}>{children}</Suspense>
      </main>
    </div>
  );
}
