import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { api } from "./api";

/** Roles as the server knows them: the owner and admins run the dashboard, members chat. */
export type Role = "owner" | "admin" | "member";

export interface Account {
  id: string;
  /** The login name; also the gateway user name the audit and budgets use. */
  name: string;
  displayName: string;
  role: Role;
  team: string | null;
  totpEnabled: boolean;
}

/** GET /api/app/auth/me: who is logged in, and whether the first owner still has to be created. */
export interface SessionState {
  account: Account | null;
  setupRequired: boolean;
  /** The account must enrol TOTP before it can do anything else (admins always, members by policy). */
  totpEnrollmentRequired: boolean;
}

export const SESSION_QUERY_KEY = ["auth", "me"] as const;

const SessionContext = createContext<SessionState | undefined>(undefined);

export function useSessionQuery() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => api<SessionState>("/api/app/auth/me"),
    staleTime: 30_000,
  });
}

export function SessionProvider({ value, children }: { value: SessionState; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session as loaded by the shell; only used below it. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The logged-in account; the shell renders protected pages only when there is one. */
export function useAccount(): Account {
  const { account } = useSession();
  if (!account) throw new Error("useAccount without a logged-in account");
  return account;
}

export const isAdmin = (account: Account | null | undefined): boolean =>
  account?.role === "owner" || account?.role === "admin";

/** Reload the session after login, logout or enrolment. */
export function useRefreshSession(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
}
