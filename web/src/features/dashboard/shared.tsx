import { Badge, Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, apiFetch } from "../../api";
import type { Bilingual, RuleStatus } from "./types";

/** Where the governance API is mounted for the web app. */
export const GOV = "/api/app/governance";
/** Every governance query key starts with this, so one invalidation refreshes every page. */
export const GOV_KEY = "governance";

export type Lang = "nl" | "en";

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "nl";
}

/** Picks the caller's language from a text the governance module gives in both. */
export function usePick(): (text: Bilingual | null | undefined) => string {
  const lang = useLang();
  return (text) => (text ? text[lang] : "");
}

export function useGov<T>(path: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [GOV_KEY, path],
    queryFn: () => api<T>(`${GOV}${path}`),
    enabled: options.enabled ?? true,
  });
}

/** A write to the governance API; afterwards every governance page and the home reload. */
export function useGovWrite<I, O = unknown>(send: (input: I) => Promise<O>, onDone?: (output: O) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (output) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: [GOV_KEY] }),
        client.invalidateQueries({ queryKey: ["dashboard"] }),
      ]);
      onDone?.(output);
    },
  });
}

export const govCall = <O,>(method: string, path: string, body?: unknown) =>
  api<O>(`${GOV}${path}`, { method, ...(body === undefined ? {} : { body }) });

/** The server's per-field messages (`details.fields`), keyed by field path such as `dpa.signedOn`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields = (error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? [];
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= f.message;
  return out;
}

/**
 * Orange text that stays AA on orange.1 (an orange alert's background): Mantine's orange.9 is
 * 3.6:1 there. For alert titles and warnings.
 */
export const WARNING_TEXT = "#9a3412";

const STATUS_COLOR: Record<RuleStatus, string> = { met: "teal.9", partly: "#c2410c", not: "red.9" };

export function StatusBadge({ status }: { status: RuleStatus }) {
  const { t } = useTranslation("dashboard");
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Saves a file the API serves (PDF, CSV, ...) under the name its Content-Disposition gives. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await apiFetch(`${GOV}${path}`);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DownloadButton({ path, name, label }: { path: string; name: string; label: string }) {
  const { t } = useTranslation("dashboard");
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await downloadFile(path, name);
        } catch (err) {
          notifications.show({
            color: "red",
            title: t("downloadFailed"),
            message: err instanceof Error ? err.message : String(err),
          });
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}

/** Two clicks to delete: the first asks, the second does it (works with keyboard and screen readers). */
export function DeleteButton({ onDelete, label }: { onDelete: () => Promise<unknown>; label: string }) {
  const { t } = useTranslation("dashboard");
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <Button size="xs" variant="subtle" color="red" onClick={() => setAsking(true)} aria-label={label}>
        {t("common:delete")}
      </Button>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="xs"
        color="red.9"
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onDelete();
          } catch (err) {
            notifications.show({ color: "red", message: err instanceof Error ? err.message : String(err) });
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t("confirmDelete")}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>
        {t("common:cancel")}
      </Button>
    </Group>
  );
}

/**
 * Gives the focus back to the button that opened a dialog once the dialog is gone, so a keyboard
 * user continues where they were. Mantine's Modal does this itself only when it stays mounted;
 * dialogs that are mounted just while open call this. The opener is read during the first render,
 * before the dialog moves the focus inside.
 */
export function useFocusBackOnClose(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
}

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

const two = (n: number) => String(n).padStart(2, "0");

/** The live 72-hour clock of an incident: time left to notify the AP, or how long it is overdue. */
export function Countdown({ deadline, running }: { deadline: string; running: boolean }) {
  const { t } = useTranslation("dashboard");
  const now = useNow();
  if (!running) return <Text size="sm">{t("countdown.settled")}</Text>;
  const ms = Date.parse(deadline) - now;
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const clock = `${days > 0 ? `${days} ${t("countdown.days")} ` : ""}${two(Math.floor((total % 86_400) / 3600))}:${two(
    Math.floor((total % 3600) / 60),
  )}:${two(total % 60)}`;
  const overdue = ms < 0;
  return (
    <Text size="sm" fw={700} c={overdue ? "red.9" : ms < 12 * 3_600_000 ? "#c2410c" : undefined} data-countdown>
      {overdue ? t("countdown.overdue", { time: clock }) : t("countdown.left", { time: clock })}
    </Text>
  );
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/**
 * A calendar date (`2026-11-23`) as people write it: "23 nov 2026". Read as a date without a time,
 * so no time zone can move it to the day before.
 */
export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return formatMonth(date, lang);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A month (`2026-11`) as "november 2026"; anything else is shown as it is. */
export function formatMonth(month: string | null | undefined, lang: Lang): string {
  if (!month) return "";
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const [, y, m] = match.map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === "nl" ? "nl-NL" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function formatEuro(amount: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" });
  // A few short prompts cost less than a cent; "€ 0,00" would read as "nothing used".
  return amount > 0 && amount < 0.01 ? `< ${format.format(0.01)}` : format.format(amount);
}

/** The page of the app where each rule's next step is taken. */
export const RULE_PAGES: Record<string, string> = {
  "no-customer-data-in-free-tools": "/governance/tools",
  "pseudonymise-before-pasting": "/governance/policy",
  "two-factor-everywhere": "/governance/tools",
  "dpa-with-every-processor": "/governance/tools",
  "business-tiers-for-customer-work": "/governance/tools",
  "quarterly-privacy-check": "/governance/tools",
  "shadow-ai-visible": "/governance/shadow-ai",
  "cost-limits-on-api-keys": "/settings",
  "tell-customers-about-ai": "/governance/disclosure",
  "know-whom-to-call": "/governance/contacts",
  "call-back-on-known-number": "/governance/training",
  "train-every-quarter": "/governance/training",
};
