import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";

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
