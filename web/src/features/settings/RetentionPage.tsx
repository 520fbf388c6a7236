import { Anchor, Button, Card, Group, Loader, NumberInput, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert, settingsCall, useSettings, useSettingsWrite } from "./shared";
import type { Retention } from "./types";

/** How long conversations and audit records are kept, and the accounts' "2FA for everyone" rule. */
export function RetentionPage() {
  const { t } = useTranslation("settings");
  const query = useSettings<Retention>("/retention");
  const [form, setForm] = useState<{ chatDays: number | ""; auditDays: number | "" }>({ chatDays: "", auditDays: "" });
  useEffect(() => {
    if (query.data) setForm(query.data);
  }, [query.data]);
  const save = useSettingsWrite((body: Retention) => settingsCall("PUT", "/retention", body));
  return (
    <>
      <PageHeader title={t("retention.title")} description={t("retention.description")} />
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error} />
      <Stack gap="lg">
        {query.data ? (
          <Card withBorder component="section" aria-labelledby="retention-form">
            <Title order={3} size="h4" id="retention-form" mb="sm">
              {t("retention.periodsTitle")}
            </Title>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (form.chatDays === "" || form.auditDays === "") return;
                save.mutate({ chatDays: form.chatDays, auditDays: form.auditDays });
              }}
            >
              <Stack>
                <NumberInput
                  label={t("retention.chatDays")}
                  description={t("retention.chatHelp")}
                  value={form.chatDays}
                  onChange={(v) => setForm({ ...form, chatDays: typeof v === "number" ? v : "" })}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  suffix={` ${t("retention.days")}`}
                  required
                  maw={320}
                />
                <NumberInput
                  label={t("retention.auditDays")}
                  description={t("retention.auditHelp")}
                  value={form.auditDays}
                  onChange={(v) => setForm({ ...form, auditDays: typeof v === "number" ? v : "" })}
                  min={183}
                  max={3650}
                  allowDecimal={false}
                  suffix={` ${t("retention.days")}`}
                  required
                  maw={320}
                />
                <ErrorAlert error={save.error} />
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {t("common:save")}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        ) : null}
        <TwoFactorPolicy />
      </Stack>
    </>
  );
}

/** The accounts module's rule, shown here too because owners look for it among the settings. */
function TwoFactorPolicy() {
  const { t } = useTranslation("settings");
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["auth", "policy"],
    queryFn: () => api<{ totpForEveryone: boolean }>("/api/app/auth/policy"),
  });
  const change = useMutation({
    mutationFn: (totpForEveryone: boolean) =>
      api<{ totpForEveryone: boolean }>("/api/app/auth/policy", { method: "PUT", body: { totpForEveryone } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["auth", "policy"] }),
  });
  return (
    <Card withBorder component="section" aria-labelledby="retention-2fa">
      <Title order={3} size="h4" id="retention-2fa" mb="sm">
        {t("retention.twoFactorTitle")}
      </Title>
      <Text size="sm" mb="sm">
        {t("retention.twoFactorHelp")}
      </Text>
      {query.data ? (
        <Switch
          label={t("retention.twoFactor")}
          checked={query.data.totpForEveryone}
          disabled={change.isPending}
          onChange={(e) => change.mutate(e.currentTarget.checked)}
        />
      ) : null}
      <ErrorAlert error={query.error ?? change.error} />
      <Text size="sm" mt="sm">
        <Anchor href="/account">{t("retention.ownAccount")}</Anchor>
      </Text>
    </Card>
  );
}
