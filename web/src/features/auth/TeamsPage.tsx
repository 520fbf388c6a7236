import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { formatDate } from "./format";
import type { Team } from "./types";

const TEAMS = ["admin", "teams"] as const;

/** Teams group people for budgets, policy and usage; the same names as in the gateway. */
export function TeamsPage() {
  const { t, i18n } = useTranslation("auth");
  const client = useQueryClient();
  const [name, setName] = useState("");
  const teams = useQuery({ queryKey: TEAMS, queryFn: () => api<{ teams: Team[] }>("/api/app/admin/teams") });
  const create = useMutation({
    mutationFn: () => api("/api/app/admin/teams", { body: { name: name.trim() } }),
    onSuccess: async () => {
      setName("");
      await client.invalidateQueries({ queryKey: TEAMS });
    },
  });
  return (
    <Stack maw={800}>
      <PageHeader title={t("teams.title")} description={t("teams.intro")} />
      <Card withBorder>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t("teams.newTitle")}
            </Title>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                label={t("teams.name")}
                description={t("teams.nameHint")}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                w={{ base: "100%", sm: 280 }}
              />
              <Button type="submit" loading={create.isPending}>
                {t("teams.create")}
              </Button>
            </Group>
            <ErrorAlert error={create.error} />
          </Stack>
        </form>
      </Card>
      <ErrorAlert error={teams.error} />
      {teams.data && teams.data.teams.length === 0 ? <Text c="dimmed">{t("teams.none")}</Text> : null}
      {teams.data && teams.data.teams.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("teams.name")}</Table.Th>
              <Table.Th>{t("teams.members")}</Table.Th>
              <Table.Th>{t("teams.created")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.data.teams.map((team) => (
              <Table.Tr key={team.name}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>{team.members}</Table.Td>
                <Table.Td>{formatDate(team.createdAt, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
