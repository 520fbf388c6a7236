import { Alert, Card, Code, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { KeysTable } from "./KeysTable";
import { NewKeyForm } from "./NewKeyForm";
import { ShownOnce } from "./ShownOnce";
import type { CreatedKey, KeyView } from "./types";

const KEYS = ["auth", "keys"] as const;

/** A person's own gateway keys, for their own tools (an editor plug-in, a script) through Poortwachter. */
export function KeysPage() {
  const { t } = useTranslation("auth");
  const client = useQueryClient();
  const [shown, setShown] = useState<string | null>(null);
  const keys = useQuery({ queryKey: KEYS, queryFn: () => api<{ keys: KeyView[] }>("/api/app/auth/keys") });
  const create = useMutation({
    mutationFn: (input: { label?: string; expiresInDays: number | null }) =>
      api<CreatedKey>("/api/app/auth/keys", { body: input }),
    onSuccess: async (created) => {
      setShown(created.key);
      await client.invalidateQueries({ queryKey: KEYS });
    },
  });
  const revoke = useMutation({
    mutationFn: (key: KeyView) => api(`/api/app/auth/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEYS }),
  });
  const base = `${window.location.origin}/v1`;

  return (
    <Stack maw={960}>
      <PageHeader title={t("keys.title")} description={t("keys.intro")} />
      <Card withBorder>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("keys.newTitle")}
          </Title>
          <NewKeyForm onCreate={(input) => create.mutate(input)} pending={create.isPending} />
          <ErrorAlert error={create.error} />
        </Stack>
      </Card>
      <ErrorAlert error={keys.error ?? revoke.error} />
      {keys.data ? (
        <KeysTable
          keys={keys.data.keys}
          onRevoke={(key) => revoke.mutate(key)}
          revoking={revoke.isPending ? (revoke.variables?.id ?? null) : null}
        />
      ) : null}
      <Alert color="gray" title={t("keys.howTitle")}>
        <Text size="sm">{t("keys.how")}</Text>
        <Code block mt="xs">{`base_url = "${base}"\napi_key  = "pw-…"`}</Code>
      </Alert>
      <ShownOnce
        title={t("keys.createdTitle")}
        intro={t("keys.createdIntro")}
        label={t("keys.key")}
        value={shown}
        onClose={() => setShown(null)}
      />
    </Stack>
  );
}
