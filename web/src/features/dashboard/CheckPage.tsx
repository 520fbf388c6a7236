import { Anchor, Button, Card, Group, List, Loader, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import { formatDate, RULE_PAGES, StatusBadge, useGov, useLang, usePick } from "./shared";
import type { CheckResult, RuleResult } from "./types";

/** The 12 rules with status, the evidence behind it and the next step, rules 1-3 first. */
export function CheckPage() {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  const check = useGov<CheckResult>("/check");
  const data = check.data;
  return (
    <>
      <PageHeader title={t("check.title")} description={t("check.description")} />
      {check.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={check.error} />
      {data ? (
        <Stack>
          <Card withBorder>
            <Text fw={700} size="lg">
              {t("check.score", { points: data.score.points, max: data.score.max, percent: data.score.percent })}
            </Text>
            <Progress value={data.score.percent} mt="xs" aria-label={t("check.scoreLabel")} color="teal.9" />
            <Text size="sm" mt="xs">
              {t("check.counts", { met: data.score.met, partly: data.score.partly, not: data.score.not })}
            </Text>
          </Card>
          <Title order={3}>{t("check.startHere")}</Title>
          {data.results
            .filter((r) => r.startHere)
            .map((r) => (
              <RuleCard key={r.id} rule={r} />
            ))}
          <Title order={3}>{t("check.others")}</Title>
          {data.results
            .filter((r) => !r.startHere)
            .map((r) => (
              <RuleCard key={r.id} rule={r} />
            ))}
          {data.reminders.length > 0 ? (
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t("check.reminders")}
              </Title>
              <List spacing={4}>
                {data.reminders.map((r) => (
                  <List.Item key={`${r.task}-${pick(r.text)}`}>
                    <Text span fw={r.overdue ? 700 : 400} c={r.overdue ? "red.9" : undefined}>
                      {formatDate(r.dueDate, lang)} — {pick(r.text)}
                      {r.overdue ? ` (${t("check.overdue")})` : ""}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Card>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}

function RuleCard({ rule }: { rule: RuleResult }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  return (
    <Card withBorder component="section" aria-labelledby={`rule-${rule.id}`}>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Title order={4} id={`rule-${rule.id}`}>
          {rule.rule}. {pick(rule.title)}
        </Title>
        <StatusBadge status={rule.status} />
      </Group>
      <List size="sm" mt="xs" spacing={2}>
        {rule.evidence.map((e) => (
          <List.Item key={e.nl}>{pick(e)}</List.Item>
        ))}
      </List>
      {rule.nextAction ? (
        <Group mt="sm" justify="space-between" wrap="wrap">
          <Text size="sm">
            <strong>{t("check.next")}:</strong> {pick(rule.nextAction)}
            {rule.dueDate ? ` (${t("check.due", { date: formatDate(rule.dueDate, lang) })})` : ""}
          </Text>
          {rule.status !== "met" ? (
            <Button component={Link} to={RULE_PAGES[rule.id] ?? "/governance/check"} size="xs" variant="default">
              {t("check.fix")}
            </Button>
          ) : (
            <Anchor underline="always" component={Link} to={RULE_PAGES[rule.id] ?? "/governance/check"} size="sm">
              {t("check.open")}
            </Anchor>
          )}
        </Group>
      ) : null}
    </Card>
  );
}
