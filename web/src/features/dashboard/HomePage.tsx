import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import { Countdown, formatDate, formatEuro, formatMonth, StatusBadge, useLang, usePick, WARNING_TEXT } from "./shared";
import type { BudgetLine, DashboardHome } from "./types";

/** The owner's start page: how are we doing, what to do next, and what needs attention now. */
export function HomePage() {
  const { t } = useTranslation("dashboard");
  const home = useQuery({
    queryKey: ["dashboard", "home"],
    queryFn: () => api<DashboardHome>("/api/app/dashboard/home"),
    refetchInterval: 60_000,
  });
  const data = home.data;
  return (
    <>
      <PageHeader
        title={t("home.title")}
        description={data ? t("home.description", { organisation: data.organisation }) : undefined}
      />
      {home.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={home.error} />
      {data ? (
        <Stack>
          <GatewayLine data={data} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ScoreCard data={data} />
            <NextActions data={data} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Incidents data={data} />
            <Approvals data={data} />
          </SimpleGrid>
          <Spend data={data} />
        </Stack>
      ) : null}
    </>
  );
}

function ScoreCard({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const { score } = data;
  return (
    <Card withBorder component="section" aria-labelledby="score-title">
      <Title order={3} size="h4" id="score-title">
        {t("home.score")}
      </Title>
      <Group wrap="nowrap" mt="sm" align="center">
        <RingProgress
          size={120}
          thickness={12}
          roundCaps
          sections={[
            {
              value: score.percent,
              color: score.percent >= 75 ? "teal.9" : score.percent >= 40 ? "#c2410c" : "red.9",
            },
          ]}
          label={
            <Text ta="center" fw={700} size="lg" data-testid="score-percent">
              {score.percent}%
            </Text>
          }
          aria-hidden
        />
        <Stack gap={4}>
          <Text fw={700} data-testid="score-rules">
            {t("home.rulesMet", { met: score.met, total: score.total })}
          </Text>
          <Text size="sm">{t("check.counts", { met: score.met, partly: score.partly, not: score.not })}</Text>
          <Text size="sm" c="dimmed">
            {t("check.score", { points: score.points, max: score.max, percent: score.percent })}
          </Text>
        </Stack>
      </Group>
      <Group gap={4} mt="sm">
        {data.rules.map((r) => (
          <Anchor
            underline="never"
            key={r.id}
            component={Link}
            to={r.link}
            title={`${r.rule}. ${pick(r.title)}: ${t(`status.${r.status}`)}`}
            aria-label={`${r.rule}. ${pick(r.title)}: ${t(`status.${r.status}`)}`}
          >
            <Badge
              variant={r.status === "not" ? "outline" : "filled"}
              color={r.status === "met" ? "teal.9" : r.status === "partly" ? "#c2410c" : "red.9"}
            >
              {r.rule}
            </Badge>
          </Anchor>
        ))}
      </Group>
      <Button component={Link} to="/governance/check" variant="subtle" mt="sm" px={0}>
        {t("home.allRules")}
      </Button>
    </Card>
  );
}

function NextActions({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  return (
    <Card withBorder component="section" aria-labelledby="next-title">
      <Title order={3} size="h4" id="next-title">
        {t("home.next")}
      </Title>
      {data.nextActions.length === 0 ? (
        <Text mt="sm">{t("home.allDone")}</Text>
      ) : (
        <List type="ordered" mt="sm" spacing="sm">
          {data.nextActions.map((a) => (
            <List.Item key={a.ruleId}>
              <Anchor underline="always" component={Link} to={a.link} fw={600}>
                {pick(a.text)}
              </Anchor>
              <Group gap={6} mt={2}>
                <StatusBadge status={a.status} />
                <Text size="xs" c="dimmed">
                  {a.rules.length > 1
                    ? t("home.rules", { list: a.rules.join(", ") })
                    : t("home.rule", { n: a.rule, title: pick(a.title) })}
                  {a.dueDate ? ` · ${t("check.due", { date: formatDate(a.dueDate, lang) })}` : ""}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Incidents({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  return (
    <Card withBorder component="section" aria-labelledby="incidents-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="incidents-title">
          {t("home.incidents")}
        </Title>
        <Anchor underline="always" component={Link} to="/governance/incidents" size="sm">
          {t("home.toIncidents")}
        </Anchor>
      </Group>
      {data.incidents.length === 0 ? (
        <Text mt="sm" c="dimmed">
          {t("home.noIncidents")}
        </Text>
      ) : (
        <Stack mt="sm" gap="sm">
          {data.incidents.map((i) => (
            <Alert
              key={i.id}
              color={i.overdue ? "red" : i.running ? "orange" : "gray"}
              variant={i.overdue ? "filled" : "light"}
              title={i.title}
              styles={i.running && !i.overdue ? { title: { color: WARNING_TEXT } } : undefined}
            >
              <Countdown deadline={i.deadline} running={i.running} />
              <Text size="xs">{pick(i.label)}</Text>
            </Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Approvals({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  return (
    <Card withBorder component="section" aria-labelledby="approvals-title">
      <Group justify="space-between">
        <Title order={3} size="h4" id="approvals-title">
          {t("home.awaiting")}
        </Title>
        <Anchor underline="always" component={Link} to="/governance/tools" size="sm">
          {t("home.toTools")}
        </Anchor>
      </Group>
      {data.toolsAwaitingApproval.length === 0 ? (
        <Text mt="sm" c="dimmed">
          {t("home.noneAwaiting")}
        </Text>
      ) : (
        <List mt="sm" spacing={6}>
          {data.toolsAwaitingApproval.map((tool) => (
            <List.Item key={tool.id}>
              <Text fw={600} span>
                {tool.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t("tools.requestedBy", { name: tool.requestedBy ?? "?", date: formatDate(tool.requestedOn, lang) })}
                {tool.warnings.length > 0 ? ` · ${t("home.warnings", { count: tool.warnings.length })}` : ""}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function BudgetRow({ line }: { line: BudgetLine }) {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const limit = line.hardEur ?? line.softEur;
  const percent = limit ? Math.min(100, (line.spentEur / limit) * 100) : 0;
  const over = line.softEur !== undefined && line.spentEur >= line.softEur;
  return (
    <div>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {line.name}
        </Text>
        <Text size="sm">
          {formatEuro(line.spentEur, lang)}
          {limit !== undefined ? ` / ${formatEuro(limit, lang)}` : ` (${t("home.noLimit")})`}
        </Text>
      </Group>
      {limit !== undefined ? (
        <Progress
          value={percent}
          color={over ? "#c2410c" : "teal.9"}
          aria-label={t("home.budgetOf", { name: line.name })}
        />
      ) : null}
    </div>
  );
}

function Spend({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const { spend } = data;
  return (
    <Card withBorder component="section" aria-labelledby="spend-title">
      <Title order={3} size="h4" id="spend-title">
        {t("home.spend")}
      </Title>
      {!spend.configured ? (
        <Alert color="blue" variant="light" mt="sm">
          {t("home.noGatewaySpend")}{" "}
          <Anchor underline="always" component={Link} to={spend.link}>
            {t("home.configure")}
          </Anchor>
        </Alert>
      ) : (
        <Stack mt="sm" gap="sm">
          <Text>
            {t("home.spendTotal", {
              month: formatMonth(spend.month, lang),
              amount: formatEuro(spend.totalEur, lang),
              requests: spend.requests,
            })}
          </Text>
          {spend.users.length === 0 && spend.teams.length === 0 ? <Text c="dimmed">{t("home.noSpend")}</Text> : null}
          {spend.teams.length > 0 ? (
            <>
              <Text fw={700} size="sm">
                {t("home.perTeam")}
              </Text>
              {spend.teams.map((line) => (
                <BudgetRow key={`team-${line.name}`} line={line} />
              ))}
            </>
          ) : null}
          {spend.users.length > 0 ? (
            <>
              <Text fw={700} size="sm">
                {t("home.perUser")}
              </Text>
              {spend.users.map((line) => (
                <BudgetRow key={`user-${line.name}`} line={line} />
              ))}
            </>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

function GatewayLine({ data }: { data: DashboardHome }) {
  const { t } = useTranslation("dashboard");
  const { gateway } = data;
  if (!gateway.configured) {
    return (
      <Alert color="yellow" variant="light" role="status">
        {t("home.gatewayOff")}{" "}
        <Anchor underline="always" component={Link} to={gateway.link}>
          {t("home.configure")}
        </Anchor>
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status">
      {t("home.gatewayOn", {
        count: gateway.providers.length,
        names: gateway.providers.join(", "),
        requests: gateway.requestsToday,
        blocked: gateway.blockedToday,
      })}
    </Alert>
  );
}
