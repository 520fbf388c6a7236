import { Alert } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";

export const SETTINGS = "/api/app/settings";

export function useSettings<T>(path: string) {
  return useQuery({ queryKey: ["settings", path], queryFn: () => api<T>(`${SETTINGS}${path}`) });
}

/** A change to a setting: on success the settings pages reload and a short confirmation shows. */
export function useSettingsWrite<I, O = unknown>(send: (input: I) => Promise<O>, onDone?: (output: O) => void) {
  const client = useQueryClient();
  const { t } = useTranslation("settings");
  return useMutation({
    mutationFn: send,
    onSuccess: async (output) => {
      await client.invalidateQueries({ queryKey: ["settings"] });
      notifications.show({ color: "teal", message: t("saved") });
      onDone?.(output);
    },
  });
}

export const settingsCall = <O,>(method: string, path: string, body?: unknown) =>
  api<O>(`${SETTINGS}${path}`, { method, ...(body === undefined ? {} : { body }) });

/** The server's message, and its field details when it gave them. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { path: string; message: string }[])
      : [];
  return (
    <Alert color="red" title={t("common:error")} role="alert">
      {message}
      {details.length > 0 ? (
        <ul>
          {details.map((d) => (
            <li key={`${d.path}:${d.message}`}>{d.path ? `${d.path}: ${d.message}` : d.message}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
