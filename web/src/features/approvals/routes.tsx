import type { AppRoute, NavItem } from "../../app-routes";
import { ApprovalsPage } from "./ApprovalsPage";

const ADMINS: AppRoute["roles"] = ["owner", "admin"];

export const routes: AppRoute[] = [{ path: "approvals", element: <ApprovalsPage />, roles: ADMINS }];
export const nav: NavItem[] = [{ path: "/approvals", label: "approvals:nav", group: "usage", order: 5, roles: ADMINS }];
