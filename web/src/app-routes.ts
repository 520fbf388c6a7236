import type { ReactNode } from "react";
import type { Role } from "./account";

/**
 * What a feature contributes to the app: its pages and its entries in the navigation. Each
 * feature folder exports `routes` and `nav` from its `routes.tsx`; `App.tsx` puts them together.
 */
export interface AppRoute {
  /** Path relative to the root, without the leading slash, e.g. `chat` or `governance/register/:id`. */
  path: string;
  element: ReactNode;
  /**
   * `public`: reachable without a session (login, first-run set-up), shown without the app shell.
   * Otherwise the page needs a logged-in account, and one of `roles` when given.
   */
  public?: boolean;
  roles?: Role[];
}

export type NavGroup = "work" | "governance" | "usage" | "settings" | "account";

export interface NavItem {
  path: string;
  /** i18n key with namespace, e.g. `chat:nav.chat`. */
  label: string;
  group: NavGroup;
  roles?: Role[];
  /** Order within the group (lower first). */
  order?: number;
}
