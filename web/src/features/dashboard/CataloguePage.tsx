import { Anchor, Badge, Card, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert, useGov, usePick } from "./shared";
import type { CatalogueEntry } from "./types";

const TIERS = ["consumer", "business", "local", "privacy-service"] as const;

/** The known AI tools and their plans: does it train on your data, where to switch that off, DPA, EU. */
export function CataloguePage() {
  const { t } = useTranslation("dashboard");
  const [q, setQ] = useState("");
  const [tier, setTier] = useState<string | null>(null);
  const [query] = useDebouncedValue(q, 200);
  const params = new URLSearchParams();
  if (query.trim()) params.set("q", query.trim());
  if (tier) params.set("tier", tier);
  const suffix = params.size > 0 ? `?${params}` : "";
  const catalogue = useGov<{ entries: CatalogueEntry[] }>(`/catalogue${suffix}`);
  return (
    <>
      <PageHeader title={t("catalogue.title")} description={t("catalogue.description")} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t("catalogue.search")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
        />
        <Select
          label={t("fields.tool.tierInUse")}
          data={TIERS.map((v) => ({ value: v, label: t(`options.tierInUse.${v}`) }))}
          value={tier}
          onChange={setTier}
          clearable
          w={{ base: "100%", sm: 220 }}
        />
      </Group>
      {catalogue.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={catalogue.error} />
      {catalogue.data?.entries.length === 0 ? <Text c="dimmed">{t("catalogue.none")}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {(catalogue.data?.entries ?? []).map((entry) => (
          <EntryCard key={entry.id} entry={entry} />
        ))}
      </SimpleGrid>
    </>
  );
}

function EntryCard({ entry }: { entry: CatalogueEntry }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const yes = (v: boolean) => (v ? t("yes") : t("no"));
  const dpaValue = !entry.dpa.available ? (
    t("no")
  ) : entry.dpa.url ? (
    <Anchor href={entry.dpa.url} target="_blank" rel="noreferrer">
      {t("yes")}
    </Anchor>
  ) : (
    t("yes")
  );
  const facts: [string, React.ReactNode][] = [
    ["catalogue.trains", yes(entry.trainsOnDataByDefault)],
    ["catalogue.optOut", entry.trainingOptOut ? pick(entry.trainingOptOut) : t("catalogue.nothingToSwitch")],
    ["catalogue.contractual", yes(entry.contractualTrainingExclusion)],
    ["catalogue.eu", t(`catalogue.euValues.${entry.euDataResidency}`)],
    ["catalogue.dpa", dpaValue],
    ["catalogue.twoFactor", t(`catalogue.yesNoNa.${entry.twoFactorAvailable}`)],
    ["catalogue.price", entry.priceIndication],
  ];
  return (
    <Card withBorder padding="md" component="article" aria-label={`${entry.product} ${entry.plan}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={700}>
              {entry.product} {entry.plan}
            </Text>
            <Text size="sm" c="dimmed">
              {entry.vendor}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Badge color={entry.tier === "consumer" ? "orange.9" : "teal.8"}>
              {t(`options.tierInUse.${entry.tier}`)}
            </Badge>
            {entry.custom ? <Badge variant="outline">{t("catalogue.own")}</Badge> : null}
          </Stack>
        </Group>
        <dl style={{ margin: 0 }}>
          {facts.map(([label, value]) => (
            <div key={label} style={{ display: "flex", gap: 8, marginBottom: 4 }}>
              <Text component="dt" size="sm" fw={600} miw={150}>
                {t(label)}
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </dl>
        {entry.certifications.length > 0 ? (
          <Text size="sm">
            {t("catalogue.certifications")}: {entry.certifications.join(", ")}
          </Text>
        ) : null}
        {entry.note ? (
          <Text size="sm" c="dimmed">
            {entry.note}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t("catalogue.checked", { date: entry.checkedOn, confidence: t(`catalogue.confidence.${entry.confidence}`) })}{" "}
          {entry.sources.map((url, i) => (
            <Anchor key={url} href={url} target="_blank" rel="noreferrer" size="xs" mr={6}>
              {t("catalogue.source", { n: i + 1 })}
            </Anchor>
          ))}
        </Text>
      </Stack>
    </Card>
  );
}
