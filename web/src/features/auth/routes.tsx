import type { AppRoute, NavItem } from "../../app-routes";
import { AccountPage } from "./AccountPage";
import { ActivityPage } from "./ActivityPage";
import { KeysPage } from "./KeysPage";
import { LoginPage } from "./LoginPage";
import { SetupPage } from "./SetupPage";
import { TeamsPage } from "./TeamsPage";
import { TotpEnrolPage } from "./TotpEnrolPage";
import { UsersPage } from "./UsersPage";

const ADMINS: AppRoute["roles"] = ["owner", "admin"];

export const routes: AppRoute[] = [
  { path: "setup", element: <SetupPage />, public: true },
  { path: "login", element: <LoginPage />, public: true },
  { path: "account", element: <AccountPage /> },
  { path: "account/2fa", element: <TotpEnrolPage /> },
  { path: "account/keys", element: <KeysPage /> },
  { path: "admin/users", element: <UsersPage />, roles: ADMINS },
  { path: "admin/teams", element: <TeamsPage />, roles: ADMINS },
  { path: "admin/activity", element: <ActivityPage />, roles: ADMINS },
];

export const nav: NavItem[] = [
  { path: "account", label: "auth:nav.account", group: "account", order: 10 },
  { path: "account/keys", label: "auth:nav.keys", group: "account", order: 20 },
  { path: "admin/users", label: "auth:nav.users", group: "settings", roles: ADMINS, order: 80 },
  { path: "admin/teams", label: "auth:nav.teams", group: "settings", roles: ADMINS, order: 81 },
  { path: "admin/activity", label: "auth:nav.activity", group: "settings", roles: ADMINS, order: 82 },
];
