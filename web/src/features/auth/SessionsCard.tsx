import { Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "./errors";
import { formatDateTime } from "./format";
import type { SessionView } from "./types";

const SESSIONS = ["auth", "sessions"] as const;

/**
 * "Where am I logged in": the person's own sessions with browser, system and a coarse address,
 * this device marked. Ending another session logs that device out at its next request.
 */
export function SessionsCard() {
  const { t, i18n } = useTranslation("auth");
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS,
    queryFn: () => api<{ sessions: SessionView[] }>("/api/app/auth/sessions"),
  });
  const endOne = useMutation({
    mutationFn: (session: SessionView) =>
      api(`/api/app/auth/sessions/${encodeURIComponent(session.id)}`, { method: "DELETE" }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: SESSIONS });
      notifications.show({ color: "teal", message: t("sessions.endedOne") });
    },
  });
  const endOthers = useMutation({
    mutationFn: () => api<{ ended: number }>("/api/app/auth/sessions/end-others", { body: {} }),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: SESSIONS });
      notifications.show({ color: "teal", message: t("sessions.endedOthers", { count: result.ended }) });
    },
  });
  const device = (s: SessionView) =>
    t("sessions.device", {
      browser: s.browser ?? t("sessions.unknownBrowser"),
      os: s.os ?? t("sessions.unknownOs"),
    });
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current).length;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {t("sessions.title")}
          </Title>
          <Button
            variant="default"
            size="xs"
            disabled={others === 0}
            loading={endOthers.isPending}
            onClick={() => endOthers.mutate()}
          >
            {t("sessions.endOthers")}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t("sessions.intro")}
        </Text>
        <ErrorAlert error={sessions.error ?? endOne.error ?? endOthers.error} />
        {sessions.data ? (
          <DataTable
            minWidth={620}
            striped
            count={list.length}
            columns={[
              t("sessions.deviceColumn"),
              t("sessions.address"),
              t("sessions.started"),
              t("sessions.lastActive"),
              { hidden: t("keys.actions") },
            ]}
          >
            {list.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{device(s)}</Text>
                    {s.current ? (
                      <Badge variant="light" color="teal">
                        {t("sessions.thisDevice")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.ipPrefix ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(s.createdAt, i18n.language)}</Table.Td>
                <Table.Td>{s.current ? t("sessions.now") : formatDateTime(s.lastSeenAt, i18n.language)}</Table.Td>
                <Table.Td>
                  {s.current ? null : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      loading={endOne.isPending && endOne.variables?.id === s.id}
                      onClick={() => endOne.mutate(s)}
                      aria-label={t("sessions.endNamed", {
                        device: device(s),
                        date: formatDateTime(s.createdAt, i18n.language),
                      })}
                    >
                      {t("sessions.end")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        ) : null}
      </Stack>
    </Card>
  );
}
