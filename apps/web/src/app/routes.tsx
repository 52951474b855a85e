import { lazy, type ReactNode, Suspense, useEffect, useLayoutEffect } from "react";
import { AccountPage } from "../features/account/account-page";
import { ForgotPasswordPage } from "../features/auth/forgot-password-page";
import { LoginPage } from "../features/auth/login-page";
import { ResetPasswordPage } from "../features/auth/reset-password-page";
import { CoveragePage } from "../features/coverage/coverage-page";
import { NetworkExportsPage } from "../features/exports/network-exports-page";
import { HomePage } from "../features/home/home-page";
import { AcceptInvitationPage } from "../features/invitations/accept-invitation-page";
import { MembersPage } from "../features/members/members-page";
import { MyWorkPage } from "../features/my-work";
import { NetworkPage } from "../features/network/network-page";
import { ReportPage } from "../features/report/report-page";
import { TasksPage } from "../features/tasks";
import { WarningsPage } from "../features/warnings/warnings-page";
import { ThreadPage } from "../features/workplan/thread-page";
import { ErrorState, LoadingState } from "../ui/states";
import { AppShell } from "./app-shell";
import { NotFoundPage } from "./not-found-page";
import { loginPath, safeNext } from "./redirects";
import { matchRoutes, navigate, type Params, useLocation } from "./router";
import { useSession } from "./session";

// the collaborative editor (Tiptap, Yjs) is most of the code: keep it out of the first bundle
const WorkplanEditorPage = lazy(async () => {
  const module = await import("../features/workplan/workplan-editor-page");
  return { default: module.WorkplanEditorPage };
});

type Access = "signed-in" | "public" | "signed-out";
type RouteDefinition = {
  path: string;
  access: Access;
  title: string;
  render: (params: Params) => ReactNode;
};

function param(params: Params, name: string): string {
  return params[name] ?? "";
}

export const ROUTES: readonly RouteDefinition[] = [
  { path: "/login", access: "signed-out", title: "Sign in", render: () => <LoginPage /> },
  {
    path: "/password-reset",
    access: "public",
    title: "Reset your password",
    render: () => <ForgotPasswordPage />,
  },
  {
    path: "/password-reset/:token",
    access: "public",
    title: "Choose a new password",
    render: (p) => <ResetPasswordPage token={param(p, "token")} />,
  },
  {
    path: "/invitations/:token",
    access: "public",
    title: "Invitation",
    render: (p) => <AcceptInvitationPage token={param(p, "token")} />,
  },
  { path: "/", access: "signed-in", title: "Your networks", render: () => <HomePage /> },
  {
    path: "/networks/:networkId",
    access: "signed-in",
    title: "Network",
    render: (p) => <NetworkPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/members",
    access: "signed-in",
    title: "Members",
    render: (p) => <MembersPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/warnings",
    access: "signed-in",
    title: "Duplication warnings",
    render: (p) => <WarningsPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/tasks",
    access: "signed-in",
    title: "Tasks",
    render: (p) => <TasksPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/threads/:threadId",
    access: "signed-in",
    title: "Comment thread",
    render: (p) => <ThreadPage threadId={param(p, "threadId")} />,
  },
  {
    path: "/networks/:networkId/coverage",
    access: "signed-in",
    title: "Coverage",
    render: (p) => <CoveragePage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/report",
    access: "signed-in",
    title: "GCM review report",
    render: (p) => <ReportPage networkId={param(p, "networkId")} />,
  },
  {
    path: "/networks/:networkId/exports",
    access: "signed-in",
    title: "Exports",
    render: (p) => <NetworkExportsPage networkId={param(p, "networkId")} />,
  },
  { path: "/my-work", access: "signed-in", title: "My work", render: () => <MyWorkPage /> },
  { path: "/account", access: "signed-in", title: "My account", render: () => <AccountPage /> },
  {
    path: "/workplans/:workplanId",
    access: "signed-in",
    title: "Workplan",
    render: (p) => (
      <Suspense fallback={<LoadingState label="Opening the workplan…" />}>
        <WorkplanEditorPage workplanId={param(p, "workplanId")} />
      </Suspense>
    ),
  },
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <LoadingState label="Redirecting…" />;
}

export function App() {
  const { pathname, search } = useLocation();
  const { session, refresh } = useSession();
  const match = matchRoutes(ROUTES, pathname);

  const routeTitle = match ? `${match.route.title} · Junction` : "Page not found · Junction";
  // a layout effect on the title alone: a page's own title (set in its effect) then wins
  useLayoutEffect(() => {
    document.title = routeTitle;
  }, [routeTitle]);

  if (session.status === "loading") {
    return (
      <div className="fullscreen-state">
        <LoadingState label="Loading Junction…" />
      </div>
    );
  }
  if (session.status === "error") {
    return (
      <div className="fullscreen-state">
        <ErrorState
          title="Junction could not start"
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
      {match ? match.route.render(match.params) : <NotFoundPage />}
    </AppShell>
  );
}

function BareLayout({ children }: { children: ReactNode }) {
  return (
    <div className="bare-layout">
      <main id="main" className="bare-main">
        {children}
      </main>
    </div>
  );
}
