import { Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ErrorAlert } from "./errors";
import type { PublicAccount } from "./types";

/**
 * Asks before a (disabled) account is removed for good, and says what goes and what stays: the
 * usage records keep the name, as the AI register's record of use. A Mantine dialog rather than
 * window.confirm, so it speaks the app's language; on close the focus goes back to `opener`
 * (the row's actions button: the menu item that opened the dialog is gone by then).
 */
export function RemoveAccountModal({
  user,
  opener,
  onClose,
}: {
  user: PublicAccount;
  opener: HTMLElement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("auth");
  const client = useQueryClient();
  useEffect(
    () => () => {
      if (opener?.isConnected) opener.focus();
    },
    [opener],
  );
  const remove = useMutation({
    mutationFn: () => api(`/api/app/admin/users/${encodeURIComponent(user.id)}`, { method: "DELETE" }),
    onSuccess: async () => {
      onClose();
      notifications.show({ color: "teal", message: t("users.removed", { name: user.name }) });
      await client.invalidateQueries({ queryKey: ["admin"] });
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      returnFocus={false}
      title={t("users.removeTitle", { name: user.displayName })}
      closeButtonProps={{ "aria-label": t("close", { ns: "common" }) }}
    >
      <Stack>
        <Text size="sm">{t("users.removeBody", { name: user.name })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t("users.removeSessions")}</List.Item>
          <List.Item>{t("users.removeTwoFactor")}</List.Item>
          <List.Item>{t("users.removeKeys")}</List.Item>
          <List.Item>{t("users.removeChats")}</List.Item>
        </List>
        <Text size="sm">{t("users.removeUsageStays", { name: user.name })}</Text>
        <Text size="sm" fw={600}>
          {t("users.removeFinal")}
        </Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("cancel", { ns: "common" })}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t("users.removeConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
