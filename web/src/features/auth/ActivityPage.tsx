import { Button, Code, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { formatDateTime } from "./format";
import type { AdminAction } from "./types";

/** Who did what to whom, and when: the audit of admin actions, newest first, downloadable as CSV. */
export function ActivityPage() {
  const { t, i18n } = useTranslation("auth");
  const activity = useQuery({
    queryKey: ["admin", "activity"],
    queryFn: () => api<{ actions: AdminAction[] }>("/api/app/admin/activity"),
  });
  const describe = (action: string) => t(`activity.actions.${action.replace(/\./g, "_")}`, { defaultValue: action });
  return (
    <Stack maw={1100}>
      <PageHeader
        title={t("activity.title")}
        description={t("activity.intro")}
        actions={
          <Button component="a" href="/api/app/admin/activity.csv" download variant="default">
            {t("activity.export")}
          </Button>
        }
      />
      <ErrorAlert error={activity.error} />
      {activity.data && activity.data.actions.length === 0 ? <Text c="dimmed">{t("activity.none")}</Text> : null}
      {activity.data && activity.data.actions.length > 0 ? (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("activity.when")}</Table.Th>
                <Table.Th>{t("activity.who")}</Table.Th>
                <Table.Th>{t("activity.what")}</Table.Th>
                <Table.Th>{t("activity.target")}</Table.Th>
                <Table.Th>{t("activity.details")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {activity.data.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.time, i18n.language)}</Table.Td>
                  <Table.Td>{a.actorName}</Table.Td>
                  <Table.Td>{describe(a.action)}</Table.Td>
                  <Table.Td>{a.target ?? "—"}</Table.Td>
                  <Table.Td>
                    {Object.keys(a.details).length > 0 ? (
                      <Code fz="xs">
                        {Object.entries(a.details)
                          .map(([k, v]) => `${k}: ${v === null ? "—" : String(v)}`)
                          .join(", ")}
                      </Code>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
