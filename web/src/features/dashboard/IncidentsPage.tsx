import { Alert, Anchor, Badge, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrudPage } from "./crud";
import type { FieldSpec, Values } from "./form";
import { Countdown, formatDateTime, useLang, usePick } from "./shared";
import type { IncidentView } from "./types";

type Row = IncidentView["incident"] & { countdown: IncidentView["countdown"] };

const FIELDS: FieldSpec[] = [
  { path: "title", kind: "text", required: true },
  { path: "kind", kind: "select", options: ["data-breach", "ai-incident"], required: true },
  { path: "discoveredAt", kind: "datetime", required: true },
  { path: "occurredAt", kind: "datetime" },
  { path: "facts", kind: "textarea", required: true, wide: true },
  { path: "effects", kind: "textarea" },
  { path: "measures", kind: "textarea" },
  { path: "dataSubjectCategories", kind: "tags" },
  { path: "approxDataSubjects", kind: "number" },
  { path: "recordCategories", kind: "tags" },
  { path: "approxRecords", kind: "number" },
  {
    path: "notifyDecision.decision",
    kind: "select",
    options: ["undecided", "notify", "do-not-notify"],
    required: true,
  },
  { path: "notifyDecision.reasoning", kind: "textarea" },
  { path: "notifiedAt", kind: "datetime" },
  { path: "reference", kind: "text" },
  { path: "dataSubjectsInformedAt", kind: "datetime" },
  { path: "handledBy", kind: "text" },
  { path: "status", kind: "select", options: ["open", "notified", "closed"], required: true },
];

/** Data breaches and AI incidents with the GDPR art. 33(5) facts and the live 72-hour clock. */
export function IncidentsPage() {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  return (
    <Stack>
      <CrudPage<Row>
        title={t("incidents.title")}
        description={t("incidents.description")}
        empty={t("incidents.empty")}
        path="/incidents"
        listKey="incidents"
        ns="fields.incident"
        fields={FIELDS}
        toRows={(data) =>
          ((data as { incidents: IncidentView[] }).incidents ?? []).map((v) => ({
            ...v.incident,
            countdown: v.countdown,
          }))
        }
        defaults={(): Values => ({
          kind: "data-breach",
          discoveredAt: new Date().toISOString(),
          notifyDecision: { decision: "undecided" },
          status: "open",
          dataSubjectCategories: [],
          recordCategories: [],
        })}
        toValues={({ countdown: _countdown, ...incident }) => incident}
        rowActions={(i, openWith) =>
          i.status === "closed" ? null : (
            <Button size="xs" variant="default" onClick={() => openWith({ status: "closed" })}>
              {t("incidents.close")}
            </Button>
          )
        }
        addLabel={t("incidents.add")}
        rowLabel={(i) => i.title}
        columns={[
          {
            label: "fields.incident.title",
            render: (i) => (
              <Stack gap={2}>
                <Text fw={600}>{i.title}</Text>
                <Text size="xs" c="dimmed">
                  {t(`options.kind.${i.kind}`)} · {formatDateTime(i.discoveredAt, lang)}
                </Text>
              </Stack>
            ),
          },
          {
            label: "fields.incident.status",
            render: (i) => (
              <Badge
                color={i.status === "closed" ? "gray.7" : i.status === "notified" ? "teal.9" : "#c2410c"}
                style={{ minWidth: "max-content" }}
              >
                {t(`options.status.${i.status}`)}
              </Badge>
            ),
          },
          {
            label: "incidents.deadline",
            render: (i) =>
              i.status === "closed" ? (
                <Text size="sm">{pick(i.countdown.label)}</Text>
              ) : (
                <Stack gap={2}>
                  <Countdown deadline={i.countdown.deadline} running={i.countdown.running} />
                  <Text size="xs" c="dimmed">
                    {t("incidents.deadlineAt", { time: formatDateTime(i.countdown.deadline, lang) })}
                  </Text>
                </Stack>
              ),
          },
        ]}
      />
      <Alert color="blue" variant="light" title={t("incidents.howTitle")}>
        {t("incidents.how")}{" "}
        <Anchor
          underline="always"
          c="blue.9"
          href="https://www.autoriteitpersoonsgegevens.nl/themas/beveiliging/datalekken"
          target="_blank"
        >
          autoriteitpersoonsgegevens.nl
        </Anchor>
      </Alert>
    </Stack>
  );
}
