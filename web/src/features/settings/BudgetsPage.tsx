import {
  Autocomplete,
  Button,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { RowActions } from "../../components/RowActions";
import { Section } from "../../components/Section";
import { PageHeader } from "../../layout/PageHeader";
import { useFormat } from "../usage/format";
import { settingsCall, useSettings, useSettingsWrite } from "./shared";
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
          <Section id="budget-defaults" title={t("budgets.defaultsTitle")} description={t("budgets.defaultsHelp")}>
            <DataTable
              testId="budget-defaults"
              minWidth={320}
              count={SCOPES.length}
              columns={[t("budgets.scope"), t("budgets.daily"), t("budgets.monthly")]}
            >
              {SCOPES.map((scope) => (
                <Table.Tr key={scope}>
                  <Table.Td>{t(`budgets.scopeEach.${scope}`)}</Table.Td>
                  <Table.Td>{limitText(data.defaults[DEFAULT_KEY[scope]]?.daily)}</Table.Td>
                  <Table.Td>{limitText(data.defaults[DEFAULT_KEY[scope]]?.monthly)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
          <Section id="budget-entries" title={t("budgets.entriesTitle")}>
            <DataTable
              testId="budget-entries"
              minWidth={620}
              count={data.entries.length}
              empty={t("budgets.noEntries")}
              columns={[
                t("budgets.for"),
                t("budgets.daily"),
                t("budgets.monthly"),
                t("budgets.spent"),
                { hidden: t("policy.actions") },
              ]}
            >
              {data.entries.map((entry) => (
                <Table.Tr key={`${entry.scope}:${entry.owner}`} data-testid={`budget-${entry.scope}-${entry.owner}`}>
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
                    <RowActions
                      edit={{
                        label: t("policy.edit"),
                        ariaLabel: t("budgets.editFor", { owner: entry.owner }),
                        onClick: () => setForm(formOf(entry)),
                      }}
                      remove={{
                        label: t("common:delete"),
                        ariaLabel: t("budgets.removeFor", { owner: entry.owner }),
                        onClick: () => remove.mutate(entry),
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
          <Section id="budget-form" title={t("budgets.formTitle")}>
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
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
