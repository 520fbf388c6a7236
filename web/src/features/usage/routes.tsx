import type { AppRoute, NavItem } from "../../app-routes";
import { UsagePage } from "./UsagePage";

const admin: AppRoute["roles"] = ["owner", "admin"];

export const routes: AppRoute[] = [{ path: "usage", element: <UsagePage />, roles: admin }];
export const nav: NavItem[] = [{ path: "/usage", label: "usage:nav", group: "usage", order: 0, roles: admin }];
