import { BarChart, DonutChart, LineChart } from "@mantine/charts";
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { DateField } from "../../components/DateField";
import { PageHeader } from "../../layout/PageHeader";
import { useFormat } from "./format";
import type { Bucket, KeyTotal, SpendRow, UsageSummary } from "./types";

type Preset = "month" | "last30" | "custom";

/** Today in Europe/Amsterdam, the time zone of the audit log's days. */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function periodOf(preset: Preset, custom: { from: string; to: string }): { from: string; to: string } {
  const today = amsterdamToday();
  if (preset === "month") return { from: `${today.slice(0, 8)}01`, to: today };
  if (preset === "last30") return { from: shiftDays(today, -29), to: today };
  return custom;
}

const SERIES_COLORS = ["blue.8", "teal.8", "grape.8", "orange.8", "cyan.8", "pink.8", "lime.9", "indigo.8"];
const NO_TEAM = "__none__";

/** Rows per bucket with one column per key, zero where a key had nothing that bucket. */
function pivot(rows: SpendRow[], buckets: string[], keys: (string | null)[]) {
  const out = buckets.map((bucket) => {
    const row: Record<string, string | number> = { bucket };
    for (const key of keys) row[key ?? NO_TEAM] = 0;
    return row;
  });
  const index = new Map(buckets.map((b, i) => [b, i]));
  for (const r of rows) {
    const i = index.get(r.bucket);
    if (i === undefined) continue;
    const row = out[i] as Record<string, number | string>;
    row[r.key ?? NO_TEAM] = Math.round(((row[r.key ?? NO_TEAM] as number) + r.costEur) * 10_000) / 10_000;
  }
  return out;
}

/** The usage page: what went through the gateway, what it cost, and what was protected. */
export function UsagePage() {
  const { t } = useTranslation("usage");
  const f = useFormat();
  const [preset, setPreset] = useState<Preset>("month");
  const [custom, setCustom] = useState(() => periodOf("month", { from: "", to: "" }));
  const [team, setTeam] = useState<string | null>(null);
  const [model, setModel] = useState<string | null>(null);
  const [bucket, setBucket] = useState<Bucket>("day");
  // Three labelled choices do not fit side by side on a phone.
  const narrow = useMediaQuery("(max-width: 36em)");
  const period = periodOf(preset, custom);
  const validPeriod = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to);
  const params = new URLSearchParams({ from: period.from, to: period.to, bucket });
  if (team) params.set("team", team);
  if (model) params.set("model", model);
  const summary = useQuery({
    queryKey: ["usage", "summary", params.toString()],
    queryFn: () => api<UsageSummary>(`/api/app/usage/summary?${params}`),
    enabled: validPeriod,
    placeholderData: keepPreviousData,
  });
  const data = summary.data;
  const exportParams = new URLSearchParams(params);
  exportParams.delete("bucket");

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button
              component="a"
              variant="default"
              href={`/api/app/usage/export?${new URLSearchParams({ ...Object.fromEntries(exportParams), format: "csv" })}`}
              download
            >
              {t("export.csv")}
            </Button>
            <Button
              component="a"
              variant="default"
              href={`/api/app/usage/export?${new URLSearchParams({ ...Object.fromEntries(exportParams), format: "json" })}`}
              download
            >
              {t("export.json")}
            </Button>
          </>
        }
      />
      <Card withBorder mb="lg" component="section" aria-label={t("filters.label")}>
        <Group align="flex-end" wrap="wrap" gap="md">
          <Stack gap={4} w={narrow ? "100%" : undefined}>
            <Text size="sm" fw={500} id="usage-period-label">
              {t("filters.period")}
            </Text>
            <SegmentedControl
              aria-labelledby="usage-period-label"
              value={preset}
              onChange={(v) => setPreset(v as Preset)}
              orientation={narrow ? "vertical" : "horizontal"}
              fullWidth={narrow}
              data={[
                { value: "month", label: t("filters.thisMonth") },
                { value: "last30", label: t("filters.last30") },
                { value: "custom", label: t("filters.custom") },
              ]}
            />
          </Stack>
          {preset === "custom" ? (
            <>
              <DateField
                label={t("filters.from")}
                value={custom.from}
                maxDate={custom.to}
                required
                onChange={(from) => setCustom({ ...custom, from })}
              />
              <DateField
                label={t("filters.to")}
                value={custom.to}
                minDate={custom.from}
                required
                onChange={(to) => setCustom({ ...custom, to })}
              />
            </>
          ) : null}
          <Select
            label={t("filters.team")}
            placeholder={t("filters.allTeams")}
            clearable
            value={team}
            onChange={setTeam}
            data={(data?.options.teams ?? []).map((name) => ({ value: name, label: name }))}
            w={200}
          />
          <Select
            label={t("filters.model")}
            placeholder={t("filters.allModels")}
            clearable
            value={model}
            onChange={setModel}
            data={(data?.options.models ?? []).map((name) => ({ value: name, label: name }))}
            w={200}
          />
          <Select
            label={t("filters.bucket")}
            value={bucket}
            onChange={(v) => setBucket((v as Bucket) ?? "day")}
            allowDeselect={false}
            data={(["day", "week", "month"] as const).map((b) => ({ value: b, label: t(`bucket.${b}`) }))}
            w={160}
          />
        </Group>
      </Card>
      {summary.isPending && validPeriod ? <Loader aria-label={t("common:loading")} /> : null}
      {summary.error ? (
        <Alert color="red" title={t("common:error")} role="alert">
          {summary.error.message}
        </Alert>
      ) : null}
      {data ? <UsageContent data={data} /> : null}
      {data ? (
        <Text size="sm" c="dimmed" mt="md">
          {t("periodNote", { from: f.date(data.period.from), to: f.date(data.period.to) })}
        </Text>
      ) : null}
    </>
  );
}

function UsageContent({ data }: { data: UsageSummary }) {
  const { t } = useTranslation("usage");
  const f = useFormat();
  const teamName = (key: string | null) => key ?? t("noTeam");
  const teams = data.teamTotals.map((r) => r.key);
  const models = data.modelTotals.map((r) => r.key);
  const empty = data.totals.requests === 0;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} data-testid="usage-totals">
        <Figure label={t("totals.requests")} value={f.number(data.totals.requests)} testId="total-requests" />
        <Figure label={t("totals.rerouted")} value={f.number(data.totals.rerouted)} testId="total-rerouted" />
        <Figure label={t("totals.blocked")} value={f.number(data.totals.blocked)} testId="total-blocked" />
        <Figure label={t("totals.entities")} value={f.number(data.totals.entities)} testId="total-entities" />
        <Figure
          label={t("totals.tokens")}
          value={f.number(data.totals.tokensIn + data.totals.tokensOut)}
          testId="total-tokens"
        />
        <Figure label={t("totals.cost")} value={f.euro(data.totals.costEur)} testId="total-cost" />
      </SimpleGrid>
      {empty ? (
        <Alert color="blue" title={t("empty.title")}>
          {t("empty.text")}
        </Alert>
      ) : null}
      <ChartCard title={t("charts.requests")} description={t("charts.requestsHelp")}>
        <BarChart
          h={260}
          data={data.requests}
          dataKey="bucket"
          type="stacked"
          xAxisProps={{ tickFormatter: f.bucket }}
          valueFormatter={f.number}
          withLegend
          series={[
            { name: "forward", label: t("decision.forward"), color: "teal.8" },
            { name: "reroute", label: t("decision.reroute"), color: "yellow.8" },
            { name: "block", label: t("decision.block"), color: "red.8" },
          ]}
        />
        <DataTable
          caption={t("charts.requests")}
          head={[t("table.period"), t("decision.forward"), t("decision.reroute"), t("decision.block")]}
          rows={data.requests
            .filter((r) => r.forward + r.reroute + r.block > 0)
            .map((r) => [f.bucket(r.bucket), f.number(r.forward), f.number(r.reroute), f.number(r.block)])}
          testId="table-requests"
        />
      </ChartCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title={t("charts.spendTeam")} description={t("charts.spendTeamHelp")}>
          <LineChart
            h={240}
            data={pivot(data.spendPerTeam, data.buckets, teams)}
            dataKey="bucket"
            xAxisProps={{ tickFormatter: f.bucket }}
            yAxisProps={{ tickFormatter: f.euroTick, width: 76 }}
            valueFormatter={f.euro}
            withLegend
            series={teams.map((key, i) => ({
              name: key ?? NO_TEAM,
              label: teamName(key),
              color: SERIES_COLORS[i % SERIES_COLORS.length] as string,
            }))}
          />
          <TotalsTable
            caption={t("charts.spendTeam")}
            keyLabel={t("table.team")}
            rows={data.teamTotals}
            name={teamName}
            testId="table-teams"
          />
        </ChartCard>
        <ChartCard title={t("charts.spendModel")} description={t("charts.spendModelHelp")}>
          <BarChart
            h={240}
            data={pivot(data.spendPerModel, data.buckets, models)}
            dataKey="bucket"
            type="stacked"
            xAxisProps={{ tickFormatter: f.bucket }}
            yAxisProps={{ tickFormatter: f.euroTick, width: 76 }}
            valueFormatter={f.euro}
            withLegend
            series={models.map((key, i) => ({
              name: key ?? NO_TEAM,
              label: key ?? "-",
              color: SERIES_COLORS[(i + 2) % SERIES_COLORS.length] as string,
            }))}
          />
          <TotalsTable
            caption={t("charts.spendModel")}
            keyLabel={t("table.model")}
            rows={data.modelTotals}
            name={(k) => k ?? "-"}
            testId="table-models"
          />
        </ChartCard>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title={t("charts.entities")} description={t("charts.entitiesHelp")}>
          {data.entities.length > 0 ? (
            <Group justify="center">
              <DonutChart
                size={180}
                thickness={28}
                withLabelsLine={false}
                chartLabel={f.number(data.totals.entities)}
                data={data.entities.map((e, i) => ({
                  name: t(`entity.${e.type}`, { defaultValue: e.type }),
                  value: e.count,
                  color: SERIES_COLORS[i % SERIES_COLORS.length] as string,
                }))}
              />
            </Group>
          ) : null}
          <DataTable
            caption={t("charts.entities")}
            head={[t("table.type"), t("table.count")]}
            rows={data.entities.map((e) => [t(`entity.${e.type}`, { defaultValue: e.type }), f.number(e.count)])}
            testId="table-entities"
          />
        </ChartCard>
        <ChartCard title={t("charts.topUsers")} description={t("charts.topUsersHelp")}>
          <DataTable
            caption={t("charts.topUsers")}
            head={[t("table.user"), t("table.team"), t("table.requests"), t("table.blocked"), t("table.cost")]}
            rows={data.topUsers.map((u) => [
              u.user,
              teamName(u.team),
              f.number(u.requests),
              f.number(u.blocked),
              f.euro(u.costEur),
            ])}
            testId="table-users"
          />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

function ChartCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {description}
      </Text>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/** The chart's numbers as a table: readable without the chart and by a screen reader. */
function DataTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: string[];
  rows: string[][];
  testId: string;
}) {
  const { t } = useTranslation("usage");
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("table.none")}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder data-testid={testId}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {head.map((h, i) => (
              <Table.Th key={h} ta={i === 0 ? "left" : "right"} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.join("|")}>
              {row.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a row have a fixed order
                <Table.Td key={i} ta={i === 0 ? "left" : "right"}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TotalsTable({
  caption,
  keyLabel,
  rows,
  name,
  testId,
}: {
  caption: string;
  keyLabel: string;
  rows: KeyTotal[];
  name: (key: string | null) => string;
  testId: string;
}) {
  const { t } = useTranslation("usage");
  const f = useFormat();
  return (
    <DataTable
      caption={caption}
      head={[keyLabel, t("table.requests"), t("table.tokens"), t("table.cost")]}
      rows={rows.map((r) => [name(r.key), f.number(r.requests), f.number(r.tokens), f.euro(r.costEur)])}
      testId={testId}
    />
  );
}
