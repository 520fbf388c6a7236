import type { AppRoute, NavItem } from "../../app-routes";

export const routes: AppRoute[] = [];
export const nav: NavItem[] = [];
