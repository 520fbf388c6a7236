import { Anchor, Button, Card, Group, Loader, NumberInput, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Section } from "../../components/Section";
import { PageHeader } from "../../layout/PageHeader";
import { settingsCall, useSettings, useSettingsWrite } from "./shared";
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
  const days = (field: keyof typeof form, label: string, help: string, min: number) => (
    <NumberInput
      label={label}
      description={help}
      value={form[field]}
      onChange={(v) => setForm({ ...form, [field]: typeof v === "number" ? v : "" })}
      min={min}
      max={3650}
      allowDecimal={false}
      suffix={` ${t("retention.days")}`}
      required
      maw={320}
    />
  );
  return (
    <>
      <PageHeader title={t("retention.title")} description={t("retention.description")} />
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error} />
      <Stack gap="lg">
        {query.data ? (
          <Section id="retention-form" title={t("retention.periodsTitle")}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (form.chatDays === "" || form.auditDays === "") return;
                save.mutate({ chatDays: form.chatDays, auditDays: form.auditDays });
              }}
            >
              <Stack>
                {days("chatDays", t("retention.chatDays"), t("retention.chatHelp"), 1)}
                {/* At least six months: AI Act art. 26(6) for deployers' logs (the server checks it too). */}
                {days("auditDays", t("retention.auditDays"), t("retention.auditHelp"), 183)}
                <ErrorAlert error={save.error} />
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {t("common:save")}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Section>
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
