import { Center, Loader } from "@mantine/core";
import { createBrowserRouter, Navigate, type RouteObject, RouterProvider, useLocation } from "react-router";
import { isAdmin, SessionProvider, useSessionQuery } from "./account";
import type { AppRoute, NavItem } from "./app-routes";
import * as approvals from "./features/approvals/routes";
import * as auth from "./features/auth/routes";
import * as chat from "./features/chat/routes";
import * as dashboard from "./features/dashboard/routes";
import * as settings from "./features/settings/routes";
import * as usage from "./features/usage/routes";
import { AppLayout } from "./layout/AppLayout";
import { NotFoundPage } from "./layout/NotFoundPage";
import { RequireRole } from "./layout/RequireRole";

const features = [auth, dashboard, chat, approvals, usage, settings];
const allRoutes: AppRoute[] = features.flatMap((f) => f.routes);
export const navItems: NavItem[] = features.flatMap((f) => f.nav);

/** The landing page after login: the owner's dashboard for admins, the chat for members. */
function Home() {
  const query = useSessionQuery();
  return <Navigate to={isAdmin(query.data?.account) ? "/dashboard" : "/chat"} replace />;
}

/** Loads the session, then sends a visitor to set-up, login or TOTP enrolment when needed. */
function SessionGate({ children }: { children: React.ReactNode }) {
  const query = useSessionQuery();
  const location = useLocation();
  if (query.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  const session = query.data ?? { account: null, setupRequired: false, totpEnrollmentRequired: false };
  const path = location.pathname;
  if (session.setupRequired && path !== "/setup") return <Navigate to="/setup" replace />;
  if (!session.setupRequired && !session.account && path !== "/login") {
    return <Navigate to={`/login?next=${encodeURIComponent(path + location.search)}`} replace />;
  }
  if (session.account && session.totpEnrollmentRequired && path !== "/account/2fa") {
    return <Navigate to="/account/2fa" replace />;
  }
  return <SessionProvider value={session}>{children}</SessionProvider>;
}

function toRouteObject(route: AppRoute): RouteObject {
  const element = route.roles ? <RequireRole roles={route.roles}>{route.element}</RequireRole> : route.element;
  return { path: route.path, element };
}

const router = createBrowserRouter([
  ...allRoutes
    .filter((r) => r.public)
    .map((r) => ({
      path: `/${r.path}`,
      element: <PublicGate>{r.element}</PublicGate>,
    })),
  {
    path: "/",
    element: (
      <SessionGate>
        <AppLayout nav={navItems} />
      </SessionGate>
    ),
    children: [
      { index: true, element: <Home /> },
      ...allRoutes.filter((r) => !r.public).map(toRouteObject),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

/** Public pages (login, set-up) still need to know the session, e.g. to skip login when logged in. */
function PublicGate({ children }: { children: React.ReactNode }) {
  const query = useSessionQuery();
  if (query.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  const session = query.data ?? { account: null, setupRequired: false, totpEnrollmentRequired: false };
  return <SessionProvider value={session}>{children}</SessionProvider>;
}

export function App() {
  return <RouterProvider router={router} />;
}
