import { Alert, Badge, Card, Code, Group, List, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import { useSettings } from "./shared";
import type { DataClass, ProvidersView, TierFacts } from "./types";

export const TIER_COLOR: Record<DataClass, string> = {
  public: "gray.7",
  customer: "blue.8",
  sensitive: "teal.9",
  special: "grape.8",
};

const FACTS: (keyof TierFacts)[] = [
  "contract",
  "trainsOnData",
  "euResidency",
  "dpaSigned",
  "zeroRetention",
  "sectorAudit",
  "dpia",
  "local",
];

/** One fact in words: "Zakelijk contract" / "Traint niet op uw gegevens" / "Geen verwerkersovereenkomst". */
function FactLine({ fact, facts }: { fact: keyof TierFacts; facts: TierFacts }) {
  const { t } = useTranslation("settings");
  const value = facts[fact];
  // For training, "no" is the good answer.
  const good = fact === "contract" ? value === "business" : fact === "trainsOnData" ? value === false : value === true;
  const text = fact === "contract" ? t(`facts.contract.${value}`) : t(`facts.${fact}.${value ? "yes" : "no"}`);
  return (
    <List.Item>
      <Text span c={good ? "teal.9" : "dimmed"} size="sm">
        <span aria-hidden>{good ? "✓ " : "– "}</span>
        {text}
      </Text>
    </List.Item>
  );
}

/** Providers and models from poortwachter.yaml with their tier facts and the tier they reach; read-only. */
export function ProvidersPage() {
  const { t } = useTranslation("settings");
  const query = useSettings<ProvidersView>("/providers");
  const data = query.data;
  return (
    <>
      <PageHeader title={t("providers.title")} description={t("providers.description")} />
      <Alert color="blue" mb="lg" title={t("providers.yamlTitle")}>
        {t("providers.yamlText")} <Code>poortwachter.yaml</Code>
      </Alert>
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error} />
      {data && !data.configured ? <Alert color="yellow">{t("providers.none")}</Alert> : null}
      <Stack>
        {data?.providers.map((provider) => (
          <Card withBorder key={provider.id} component="section" aria-labelledby={`provider-${provider.id}`}>
            <Group justify="space-between" wrap="wrap" mb="sm">
              <Title order={3} size="h4" id={`provider-${provider.id}`}>
                {provider.id}
              </Title>
              <Group gap="xs">
                <Badge variant="default">{t(`providers.type.${provider.type}`, { defaultValue: provider.type })}</Badge>
                {provider.host ? (
                  <Text size="sm" c="dimmed">
                    {provider.host}
                  </Text>
                ) : null}
                <Text size="sm" c="dimmed">
                  {provider.apiKeySet ? t("providers.keySet") : t("providers.keyNone")}
                </Text>
              </Group>
            </Group>
            <DataTable
              minWidth={560}
              count={provider.models.length}
              columns={[t("providers.model"), t("providers.facts"), t("providers.tier")]}
            >
              {provider.models.map((model) => (
                <Table.Tr key={model.name} data-testid={`model-${model.name}`}>
                  <Table.Td miw={140}>
                    <Text fw={600} style={{ whiteSpace: "nowrap" }}>
                      {model.name}
                    </Text>
                    {model.upstreamModel !== model.name ? (
                      <Text size="xs" c="dimmed">
                        {t("providers.upstream", { name: model.upstreamModel })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <List listStyleType="none" spacing={2}>
                      {FACTS.map((fact) => (
                        <FactLine key={fact} fact={fact} facts={model.facts} />
                      ))}
                    </List>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={TIER_COLOR[model.tier]} variant="filled" data-testid="tier">
                      {t(`tier.${model.tier}`)}
                    </Badge>
                    <Text size="sm" mt={4}>
                      {t(`tierMeaning.${model.tier}`)}
                    </Text>
                    {model.nextTier ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t("providers.nextTier", {
                          tier: t(`tier.${model.nextTier}`),
                          missing: model.missingForNext
                            .map((m) => t(`missing.${m.replace(/: .*/, "")}`, { defaultValue: m }))
                            .join(", "),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Card>
        ))}
      </Stack>
    </>
  );
}
