import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrudPage } from "./crud";
import type { FieldSpec } from "./form";
import { formatDate, useLang } from "./shared";

interface Training {
  id: string;
  date: string;
  title: string;
  topics: string[];
  attendees: string[];
  trainer?: string;
  phishingExercise: boolean;
  callBackExercise: boolean;
}

const TOPICS = [
  "ai-literacy",
  "privacy-settings",
  "pseudonymisation",
  "ai-policy",
  "phishing",
  "call-back",
  "incident-response",
  "other",
] as const;

const FIELDS: FieldSpec[] = [
  { path: "date", kind: "date", required: true },
  { path: "title", kind: "text", required: true },
  { path: "topics", kind: "checks", options: TOPICS, required: true },
  { path: "attendees", kind: "tags", required: true },
  { path: "trainer", kind: "text" },
  { path: "phishingExercise", kind: "switch" },
  { path: "callBackExercise", kind: "switch" },
  { path: "materialsLocation", kind: "text" },
  { path: "notes", kind: "textarea", wide: true },
];

/** Rules 11 and 12: the quarterly training log (AI literacy, phishing and call-back exercises). */
export function TrainingPage() {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  return (
    <CrudPage<Training>
      title={t("training.title")}
      description={t("training.description")}
      empty={t("training.empty")}
      path="/trainings"
      listKey="trainings"
      ns="fields.training"
      fields={FIELDS}
      defaults={() => ({
        date: new Date().toISOString().slice(0, 10),
        topics: ["ai-literacy"],
        attendees: [],
        phishingExercise: false,
        callBackExercise: false,
      })}
      addLabel={t("training.add")}
      rowLabel={(s) => `${s.title} (${formatDate(s.date, lang)})`}
      columns={[
        { label: "fields.training.date", render: (s) => formatDate(s.date, lang) },
        { label: "fields.training.title", render: (s) => s.title },
        {
          label: "fields.training.topics",
          render: (s) => (
            <Group gap={4}>
              {s.topics.map((topic) => (
                <Badge key={topic} variant="outline" style={{ minWidth: "max-content" }}>
                  {t(`options.topics.${topic}`, { defaultValue: topic })}
                </Badge>
              ))}
            </Group>
          ),
        },
        { label: "training.attendeeCount", render: (s) => s.attendees.length },
      ]}
    />
  );
}
