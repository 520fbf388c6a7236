import {
  Autocomplete,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../layout/PageHeader";
import { useFormat } from "../usage/format";
import { ErrorAlert, settingsCall, useSettings, useSettingsWrite } from "./shared";
import type { BudgetEntry, BudgetScope, BudgetsView, Limit } from "./types";

const SCOPES: BudgetScope[] = ["team", "user", "key"];
const DEFAULT_KEY = { team: "perTeam", user: "perUser", key: "perKey" } as const;

interface FormState {
  scope: BudgetScope;
  owner: string;
  dailySoft: number | "";
  dailyHard: number | "";
  monthlySoft: number | "";
  monthlyHard: number | "";
}

const EMPTY: FormState = { scope: "team", owner: "", dailySoft: "", dailyHard: "", monthlySoft: "", monthlyHard: "" };

function limitOf(soft: number | "", hard: number | ""): Limit | undefined {
  const limit: Limit = {};
  if (soft !== "") limit.soft = soft;
  if (hard !== "") limit.hard = hard;
  return Object.keys(limit).length > 0 ? limit : undefined;
}

function formOf(entry: BudgetEntry): FormState {
  return {
    scope: entry.scope,
    owner: entry.owner,
    dailySoft: entry.daily?.soft ?? "",
    dailyHard: entry.daily?.hard ?? "",
    monthlySoft: entry.monthly?.soft ?? "",
    monthlyHard: entry.monthly?.hard ?? "",
  };
}

/** Budgets per team, user or key on top of the defaults in poortwachter.yaml; applied to the next request. */
export function BudgetsPage() {
  const { t } = useTranslation("settings");
  const f = useFormat();
  const query = useSettings<BudgetsView>("/budgets");
  const [form, setForm] = useState<FormState>(EMPTY);
  const save = useSettingsWrite(
    (entry: BudgetEntry) => settingsCall("PUT", "/budgets", entry),
    () => setForm(EMPTY),
  );
  const remove = useSettingsWrite((entry: BudgetEntry) =>
    settingsCall("DELETE", `/budgets/${entry.scope}/${encodeURIComponent(entry.owner)}`),
  );
  const data = query.data;
  const limitText = (limit: Limit | undefined) =>
    limit
      ? [
          limit.soft !== undefined ? t("budgets.softValue", { amount: f.euro(limit.soft) }) : null,
          limit.hard !== undefined ? t("budgets.hardValue", { amount: f.euro(limit.hard) }) : null,
        ]
          .filter(Boolean)
          .join(" · ")
      : "—";
  const owners =
    data === undefined
      ? []
      : form.scope === "team"
        ? data.owners.teams
        : form.scope === "user"
          ? data.owners.users
          : data.owners.keys.map((k) => k.id);
  const amount = (key: keyof FormState, label: string) => (
    <NumberInput
      label={label}
      value={form[key] as number | ""}
      onChange={(v) => setForm({ ...form, [key]: typeof v === "number" ? v : "" })}
      min={0}
      step={1}
      decimalScale={2}
      decimalSeparator={f.locale === "nl-NL" ? "," : "."}
      thousandSeparator={f.locale === "nl-NL" ? "." : ","}
      prefix="€ "
      allowNegative={false}
    />
  );
  return (
    <>
      <PageHeader title={t("budgets.title")} description={t("budgets.description")} />
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error ?? remove.error} />
      {data ? (
        <Stack gap="lg">
          <Card withBorder component="section" aria-labelledby="budget-defaults">
            <Title order={3} size="h4" id="budget-defaults">
              {t("budgets.defaultsTitle")}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t("budgets.defaultsHelp")}
            </Text>
            <Table withTableBorder data-testid="budget-defaults">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("budgets.scope")}</Table.Th>
                  <Table.Th scope="col">{t("budgets.daily")}</Table.Th>
                  <Table.Th scope="col">{t("budgets.monthly")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SCOPES.map((scope) => (
                  <Table.Tr key={scope}>
                    <Table.Td>{t(`budgets.scopeEach.${scope}`)}</Table.Td>
                    <Table.Td>{limitText(data.defaults[DEFAULT_KEY[scope]]?.daily)}</Table.Td>
                    <Table.Td>{limitText(data.defaults[DEFAULT_KEY[scope]]?.monthly)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder component="section" aria-labelledby="budget-entries">
            <Title order={3} size="h4" id="budget-entries" mb="sm">
              {t("budgets.entriesTitle")}
            </Title>
            {data.entries.length === 0 ? <Text c="dimmed">{t("budgets.noEntries")}</Text> : null}
            {data.entries.length > 0 ? (
              <Table.ScrollContainer minWidth={620}>
                <Table withTableBorder verticalSpacing="sm" data-testid="budget-entries">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("budgets.for")}</Table.Th>
                      <Table.Th scope="col">{t("budgets.daily")}</Table.Th>
                      <Table.Th scope="col">{t("budgets.monthly")}</Table.Th>
                      <Table.Th scope="col">{t("budgets.spent")}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t("policy.actions")}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.entries.map((entry) => (
                      <Table.Tr
                        key={`${entry.scope}:${entry.owner}`}
                        data-testid={`budget-${entry.scope}-${entry.owner}`}
                      >
                        <Table.Td>
                          <Text fw={600}>{entry.owner}</Text>
                          <Text size="xs" c="dimmed">
                            {t(`budgets.scopeName.${entry.scope}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{limitText(entry.daily)}</Table.Td>
                        <Table.Td>{limitText(entry.monthly)}</Table.Td>
                        <Table.Td>
                          {entry.spent
                            ? t("budgets.spentValue", {
                                today: f.euro(entry.spent.dailyEur),
                                month: f.euro(entry.spent.monthlyEur),
                              })
                            : "—"}
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              variant="default"
                              onClick={() => setForm(formOf(entry))}
                              aria-label={t("budgets.editFor", { owner: entry.owner })}
                            >
                              {t("policy.edit")}
                            </Button>
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red.9"
                              c="red.9"
                              onClick={() => remove.mutate(entry)}
                              aria-label={t("budgets.removeFor", { owner: entry.owner })}
                            >
                              {t("common:delete")}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Card>
          <Card withBorder component="section" aria-labelledby="budget-form">
            <Title order={3} size="h4" id="budget-form" mb="sm">
              {t("budgets.formTitle")}
            </Title>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                const daily = limitOf(form.dailySoft, form.dailyHard);
                const monthly = limitOf(form.monthlySoft, form.monthlyHard);
                save.mutate({
                  scope: form.scope,
                  owner: form.owner.trim(),
                  ...(daily ? { daily } : {}),
                  ...(monthly ? { monthly } : {}),
                });
              }}
            >
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t("budgets.scope")}
                    value={form.scope}
                    allowDeselect={false}
                    onChange={(v) => setForm({ ...form, scope: (v as BudgetScope) ?? "team", owner: "" })}
                    data={SCOPES.map((s) => ({ value: s, label: t(`budgets.scopeName.${s}`) }))}
                  />
                  <Autocomplete
                    label={t(`budgets.ownerLabel.${form.scope}`)}
                    value={form.owner}
                    onChange={(v) => setForm({ ...form, owner: v })}
                    data={owners}
                    required
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                  {amount("dailySoft", t("budgets.dailySoft"))}
                  {amount("dailyHard", t("budgets.dailyHard"))}
                  {amount("monthlySoft", t("budgets.monthlySoft"))}
                  {amount("monthlyHard", t("budgets.monthlyHard"))}
                </SimpleGrid>
                <Text size="sm" c="dimmed">
                  {t("budgets.softHardHelp")}
                </Text>
                <ErrorAlert error={save.error} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setForm(EMPTY)}>
                    {t("budgets.clear")}
                  </Button>
                  <Button type="submit" loading={save.isPending}>
                    {t("budgets.save")}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Card>
        </Stack>
      ) : null}
    </>
  );
}
