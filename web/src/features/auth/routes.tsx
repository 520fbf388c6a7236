import type { AppRoute, NavItem } from "../../app-routes";
import { LoginPage } from "./LoginPage";
import { SetupPage } from "./SetupPage";
import { TotpEnrolPage } from "./TotpEnrolPage";

export const routes: AppRoute[] = [
  { path: "setup", element: <SetupPage />, public: true },
  { path: "login", element: <LoginPage />, public: true },
  { path: "account/2fa", element: <TotpEnrolPage /> },
];

export const nav: NavItem[] = [];
