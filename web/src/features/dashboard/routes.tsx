import type { AppRoute, NavItem } from "../../app-routes";
import { CataloguePage } from "./CataloguePage";
import { CheckPage } from "./CheckPage";
import { ContactsPage } from "./ContactsPage";
import { DisclosurePage } from "./DisclosurePage";
import { HomePage } from "./HomePage";
import { IncidentsPage } from "./IncidentsPage";
import { PolicyPage } from "./PolicyPage";
import { RegisterPage } from "./RegisterPage";
import { ShadowAiPage } from "./ShadowAiPage";
import { ToolsPage } from "./ToolsPage";
import { TrainingPage } from "./TrainingPage";

const ADMIN = ["owner", "admin"] as const;
const admin = [...ADMIN];

export const routes: AppRoute[] = [
  { path: "dashboard", element: <HomePage />, roles: admin },
  { path: "governance/check", element: <CheckPage />, roles: admin },
  // Members see the tools (and ask for one) and the policy; the rest is for owners and admins.
  { path: "governance/tools", element: <ToolsPage /> },
  { path: "governance/catalogue", element: <CataloguePage /> },
  { path: "governance/register", element: <RegisterPage />, roles: admin },
  { path: "governance/shadow-ai", element: <ShadowAiPage />, roles: admin },
  { path: "governance/incidents", element: <IncidentsPage />, roles: admin },
  { path: "governance/contacts", element: <ContactsPage />, roles: admin },
  { path: "governance/training", element: <TrainingPage />, roles: admin },
  { path: "governance/policy", element: <PolicyPage /> },
  { path: "governance/disclosure", element: <DisclosurePage />, roles: admin },
];

export const nav: NavItem[] = [
  { path: "/dashboard", label: "dashboard:nav.home", group: "work", order: 0, roles: admin },
  { path: "/governance/check", label: "dashboard:nav.check", group: "governance", order: 0, roles: admin },
  { path: "/governance/tools", label: "dashboard:nav.tools", group: "governance", order: 1 },
  { path: "/governance/catalogue", label: "dashboard:nav.catalogue", group: "governance", order: 2, roles: admin },
  { path: "/governance/register", label: "dashboard:nav.register", group: "governance", order: 3, roles: admin },
  { path: "/governance/shadow-ai", label: "dashboard:nav.shadowAi", group: "governance", order: 4, roles: admin },
  { path: "/governance/incidents", label: "dashboard:nav.incidents", group: "governance", order: 5, roles: admin },
  { path: "/governance/contacts", label: "dashboard:nav.contacts", group: "governance", order: 6, roles: admin },
  { path: "/governance/training", label: "dashboard:nav.training", group: "governance", order: 7, roles: admin },
  { path: "/governance/policy", label: "dashboard:nav.policy", group: "governance", order: 8 },
  { path: "/governance/disclosure", label: "dashboard:nav.disclosure", group: "governance", order: 9, roles: admin },
];
