import { Badge, Loader, Modal, MultiSelect, Select, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormButtons } from "../../components/FormButtons";
import { RowActions } from "../../components/RowActions";
import { Section } from "../../components/Section";
import { PageHeader } from "../../layout/PageHeader";
import { useFocusBackOnClose } from "../dashboard/shared";
import { TIER_COLOR } from "./ProvidersPage";
import { settingsCall, useSettings, useSettingsWrite } from "./shared";
import type { DataClass, PolicyView, TeamRules } from "./types";

const CLASSES: DataClass[] = ["public", "customer", "sensitive", "special"];
const RULE_FIELDS = ["minimumClass", "defaultAction", "specialCategories", "toolCalls", "promptInjection"] as const;
const CHOICES: Record<(typeof RULE_FIELDS)[number], string[]> = {
  minimumClass: CLASSES,
  defaultAction: ["reroute", "block"],
  specialCategories: ["reroute", "block"],
  toolCalls: ["allow", "flag", "refuse", "require-approval"],
  promptInjection: ["flag", "strip", "refuse"],
};

/** The Layer-2 table (kind of data → minimum tier, and which models qualify) and the rules per team. */
export function PolicyPage() {
  const { t } = useTranslation("settings");
  const query = useSettings<PolicyView>("/policy");
  const [editing, setEditing] = useState<string | null>(null);
  const reset = useSettingsWrite((team: string) => settingsCall("DELETE", `/policy/teams/${encodeURIComponent(team)}`));
  const data = query.data;
  const rows = data ? [...new Set([...data.teams, ...Object.keys(data.storedTeams)])].sort() : [];
  return (
    <>
      <PageHeader title={t("policy.title")} description={t("policy.description")} />
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error ?? reset.error} />
      {data ? (
        <Stack gap="lg">
          <Section id="policy-classes" title={t("policy.classesTitle")}>
            <DataTable
              testId="policy-classes"
              minWidth={560}
              count={data.classes.length}
              columns={[t("policy.kind"), t("policy.minimumTier"), t("policy.models")]}
            >
              {data.classes.map((c) => (
                <Table.Tr key={c.dataClass}>
                  <Table.Td>
                    <Text fw={600}>{t(`kind.${c.dataClass}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`kindExamples.${c.dataClass}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={TIER_COLOR[c.dataClass]} variant="filled">
                      {t(`tier.${c.dataClass}`)}
                    </Badge>
                    <Text size="sm" mt={4}>
                      {c.requires}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.models.length > 0 ? (
                      c.models.join(", ")
                    ) : (
                      <Text c="red.8" size="sm">
                        {t(`policy.noModel.${data.defaults.specialCategories}`)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Section>
          <Section id="policy-teams" title={t("policy.teamsTitle")} description={t("policy.teamsHelp")}>
            <Text size="sm" mb="sm">
              {t("policy.defaultsLine", {
                minimumClass: t(`kind.${data.defaults.minimumClass}`),
                defaultAction: t(`choice.defaultAction.${data.defaults.defaultAction}`),
              })}
            </Text>
            <DataTable
              testId="policy-teams"
              minWidth={560}
              count={rows.length}
              empty={t("policy.noTeams")}
              columns={[t("policy.team"), t("policy.rules"), t("policy.source"), { hidden: t("policy.actions") }]}
            >
              {rows.map((team) => {
                const effective = data.effectiveTeams[team] ?? {};
                const stored = data.storedTeams[team];
                return (
                  <Table.Tr key={team} data-testid={`team-${team}`}>
                    <Table.Td fw={600}>{team}</Table.Td>
                    <Table.Td>
                      <RulesSummary rules={effective} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {stored
                          ? t("policy.fromApp")
                          : data.configTeams[team]
                            ? t("policy.fromYaml")
                            : t("policy.fromDefaults")}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RowActions
                        edit={{
                          label: t("policy.edit"),
                          ariaLabel: t("policy.editFor", { team }),
                          onClick: () => setEditing(team),
                        }}
                        remove={
                          stored
                            ? {
                                label: t("policy.reset"),
                                ariaLabel: t("policy.resetFor", { team }),
                                onClick: () => reset.mutate(team),
                              }
                            : null
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          </Section>
        </Stack>
      ) : null}
      {data && editing !== null ? (
        <TeamRulesModal
          team={editing}
          view={data}
          initial={data.storedTeams[editing] ?? data.effectiveTeams[editing] ?? {}}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function RulesSummary({ rules }: { rules: TeamRules }) {
  const { t } = useTranslation("settings");
  const parts = RULE_FIELDS.filter((f) => rules[f] !== undefined).map(
    (f) => `${t(`field.${f}`)}: ${t(`choice.${f}.${rules[f]}`)}`,
  );
  if (rules.allowedModels) parts.push(`${t("field.allowedModels")}: ${rules.allowedModels.join(", ")}`);
  return <Text size="sm">{parts.length > 0 ? parts.join(" · ") : t("policy.asDefaults")}</Text>;
}

function TeamRulesModal({
  team,
  view,
  initial,
  onClose,
}: {
  team: string;
  view: PolicyView;
  initial: TeamRules;
  onClose: () => void;
}) {
  const { t } = useTranslation("settings");
  useFocusBackOnClose();
  const [rules, setRules] = useState<TeamRules>(initial);
  const save = useSettingsWrite(
    (body: TeamRules) => settingsCall("PUT", `/policy/teams/${encodeURIComponent(team)}`, body),
    onClose,
  );
  const inherit = t("policy.inherit");
  return (
    <Modal opened onClose={onClose} title={t("policy.modalTitle", { team })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(rules);
        }}
      >
        <Stack>
          {RULE_FIELDS.map((field) => (
            <Select
              key={field}
              label={t(`field.${field}`)}
              description={t(`fieldHelp.${field}`)}
              value={rules[field] ?? ""}
              onChange={(v) => setRules({ ...rules, [field]: v ? v : undefined })}
              allowDeselect={false}
              data={[
                { value: "", label: inherit },
                ...CHOICES[field].map((c) => ({ value: c, label: t(`choice.${field}.${c}`) })),
              ]}
            />
          ))}
          <MultiSelect
            label={t("field.allowedModels")}
            description={t("fieldHelp.allowedModels")}
            placeholder={rules.allowedModels?.length ? undefined : t("policy.allModels")}
            value={rules.allowedModels ?? []}
            onChange={(v) => setRules({ ...rules, allowedModels: v.length > 0 ? v : undefined })}
            data={view.models.map((m) => ({ value: m.name, label: `${m.name} (${t(`tier.${m.tier}`)})` }))}
            clearable
          />
          <ErrorAlert error={save.error} />
          <FormButtons onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
