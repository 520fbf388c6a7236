import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./api";
import { isLanguage, type Language } from "./i18n";

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
  /** The interface language the person chose; the app switches to it at login. */
  language: Language;
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

/** Language saves one after the other: NL, EN, NL clicked quickly must end as NL on the server too. */
let languageSaves: Promise<unknown> = Promise.resolve();

/** Saves a language chosen while logged in on the account, and in the cached session at once. */
function saveLanguage(client: QueryClient, accountId: string, language: Language): void {
  const state = client.getQueryData<SessionState>(SESSION_QUERY_KEY);
  const account = state?.account;
  if (!state || !account || account.id !== accountId || account.language === language) return;
  client.setQueryData<SessionState>(SESSION_QUERY_KEY, { ...state, account: { ...account, language } });
  // Best effort: the switch has already happened on screen, and the next change saves it again.
  languageSaves = languageSaves
    .then(() => api("/api/app/auth/profile", { method: "PATCH", body: { language } }))
    .catch(() => undefined);
}

/**
 * The interface speaks the account's language: at login and on a reload with a session, the app
 * switches to the language stored on the account (whatever this browser showed before), and a
 * change while logged in (header switch, account page) is stored on the account, so it follows
 * the person to the next device and the next login.
 */
function useAccountLanguage(account: Account | null): void {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const id = account?.id;
  const language = account?.language;
  useEffect(() => {
    if (id && language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [id, language, i18n]);
  useEffect(() => {
    if (!id) return;
    const changed = (lng: string) => {
      if (isLanguage(lng)) saveLanguage(client, id, lng);
    };
    i18n.on("languageChanged", changed);
    return () => i18n.off("languageChanged", changed);
  }, [id, client, i18n]);
}

export function SessionProvider({ value, children }: { value: SessionState; children: ReactNode }) {
  useAccountLanguage(value.account);
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
