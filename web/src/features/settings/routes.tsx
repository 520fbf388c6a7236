import type { AppRoute, NavItem } from "../../app-routes";
import { BudgetsPage } from "./BudgetsPage";
import { DictionaryPage } from "./DictionaryPage";
import { PolicyPage } from "./PolicyPage";
import { ProvidersPage } from "./ProvidersPage";
import { RetentionPage } from "./RetentionPage";

const admin: AppRoute["roles"] = ["owner", "admin"];

export const routes: AppRoute[] = [
  { path: "settings/providers", element: <ProvidersPage />, roles: admin },
  { path: "settings/policy", element: <PolicyPage />, roles: admin },
  { path: "settings/budgets", element: <BudgetsPage />, roles: admin },
  { path: "settings/dictionary", element: <DictionaryPage />, roles: admin },
  { path: "settings/retention", element: <RetentionPage />, roles: admin },
];

export const nav: NavItem[] = [
  { path: "/settings/providers", label: "settings:nav.providers", group: "settings", order: 0, roles: admin },
  { path: "/settings/policy", label: "settings:nav.policy", group: "settings", order: 1, roles: admin },
  { path: "/settings/budgets", label: "settings:nav.budgets", group: "settings", order: 2, roles: admin },
  { path: "/settings/dictionary", label: "settings:nav.dictionary", group: "settings", order: 3, roles: admin },
  { path: "/settings/retention", label: "settings:nav.retention", group: "settings", order: 4, roles: admin },
];
