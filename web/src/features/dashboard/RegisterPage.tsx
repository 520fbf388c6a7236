import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrudPage } from "./crud";
import type { FieldSpec } from "./form";
import { DownloadButton, useGov } from "./shared";
import type { ToolView } from "./types";

interface RegisterEntry {
  id: string;
  system: string;
  purpose: string;
  provider: string;
  riskClass: string;
  status: string;
  obligations: string[];
  responsiblePerson: string;
}

const OBLIGATIONS = ["ai-literacy-art4", "transparency-art50", "high-risk-deployer-art26"] as const;

/** The EU AI Act register: which AI systems the business deploys, why, and the duties that apply. */
export function RegisterPage() {
  const { t } = useTranslation("dashboard");
  const tools = useGov<{ tools: ToolView[] }>("/tools");
  const fields: FieldSpec[] = [
    { path: "system", kind: "text", required: true },
    { path: "provider", kind: "text", required: true },
    { path: "purpose", kind: "textarea", required: true, wide: true },
    { path: "description", kind: "textarea", wide: true },
    {
      path: "toolId",
      kind: "select",
      options: (tools.data?.tools ?? []).map((v) => ({ value: v.tool.id, label: v.name })),
    },
    { path: "role", kind: "select", options: ["deployer", "provider"], required: true },
    { path: "riskClass", kind: "select", options: ["minimal", "limited", "high", "prohibited"], required: true },
    { path: "status", kind: "select", options: ["in-development", "in-use", "retired"], required: true },
    { path: "interactsWithPeople", kind: "switch" },
    { path: "generatesContent", kind: "switch" },
    { path: "disclosureInPlace", kind: "switch" },
    { path: "obligations", kind: "checks", options: OBLIGATIONS },
    { path: "humanOversight", kind: "textarea" },
    { path: "dataUsed", kind: "textarea" },
    { path: "riskManagement", kind: "textarea" },
    { path: "legalBasis", kind: "text" },
    { path: "impactAssessmentLocation", kind: "text" },
    { path: "startDate", kind: "date" },
    { path: "endDate", kind: "date" },
    { path: "responsiblePerson", kind: "text", required: true },
    { path: "contact", kind: "text" },
  ];
  return (
    <CrudPage<RegisterEntry>
      title={t("register.title")}
      description={t("register.description")}
      empty={t("register.empty")}
      path="/register"
      listKey="entries"
      ns="fields.register"
      fields={fields}
      defaults={() => ({
        role: "deployer",
        riskClass: "minimal",
        status: "in-use",
        obligations: ["ai-literacy-art4"],
        interactsWithPeople: false,
        generatesContent: false,
        disclosureInPlace: false,
      })}
      addLabel={t("register.add")}
      rowLabel={(e) => e.system}
      extraActions={
        <>
          <DownloadButton path="/register/export?format=csv" name="ai-register.csv" label={t("register.exportCsv")} />
          <DownloadButton
            path="/register/export?format=json"
            name="ai-register.json"
            label={t("register.exportJson")}
          />
        </>
      }
      columns={[
        { label: "fields.register.system", render: (e) => e.system },
        { label: "fields.register.purpose", render: (e) => e.purpose },
        {
          label: "fields.register.riskClass",
          render: (e) => (
            <Badge
              color={e.riskClass === "high" || e.riskClass === "prohibited" ? "red.9" : "gray"}
              variant="light"
              style={{ minWidth: "max-content" }}
            >
              {t(`options.riskClass.${e.riskClass}`, { defaultValue: e.riskClass })}
            </Badge>
          ),
        },
        {
          label: "fields.register.status",
          render: (e) => t(`options.status.${e.status}`, { defaultValue: e.status }),
        },
        { label: "fields.register.responsiblePerson", render: (e) => e.responsiblePerson },
      ]}
    />
  );
}
