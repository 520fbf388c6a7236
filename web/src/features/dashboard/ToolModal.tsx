import { Modal, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormButtons } from "../../components/FormButtons";
import { clean, type FieldSpec, FieldsForm, type Values } from "./form";
import { fieldErrors, govCall, useFocusBackOnClose, useGov, useGovWrite } from "./shared";
import type { CatalogueEntry, ToolView } from "./types";

const CATEGORIES = ["public", "customer", "sensitive", "special"] as const;
const TIERS = ["consumer", "business", "local", "privacy-service"] as const;

/** What an administrator records about a tool; a member asking for one fills in the first part only. */
const REQUEST_FIELDS: FieldSpec[] = [
  { path: "dataCategories", kind: "checks", options: CATEGORIES, required: true },
  { path: "workDescription", kind: "textarea" },
  { path: "responsiblePerson", kind: "text", required: true },
  { path: "users", kind: "tags" },
  { path: "teams", kind: "tags" },
];

const TIER_FIELD: FieldSpec = { path: "tierInUse", kind: "select", options: TIERS, required: true };

const ADMIN_FIELDS: FieldSpec[] = [
  ...REQUEST_FIELDS,
  TIER_FIELD,
  { path: "euDataResidencyEnabled", kind: "switch" },
  { path: "twoFactorEnforced", kind: "switch" },
  { path: "dpa.signed", kind: "switch" },
  { path: "dpa.signedOn", kind: "date" },
  { path: "dpa.documentLocation", kind: "text" },
  { path: "training.switchedOff", kind: "switch" },
  { path: "training.verifiedOn", kind: "date" },
  { path: "lastQuarterlyCheckOn", kind: "date" },
  { path: "dpiaCompletedOn", kind: "date" },
  { path: "sectorAuditOn", kind: "date" },
  { path: "notes", kind: "textarea", wide: true },
];

const CUSTOM_FIELDS: FieldSpec[] = [
  { path: "customTool.name", kind: "text", required: true },
  { path: "customTool.vendor", kind: "text", required: true },
  { path: "customTool.url", kind: "url" },
];

export type ToolModalMode = "add" | "edit" | "request";

/**
 * Add a tool from the catalogue or a custom one, edit it, or (members) ask for it. The server
 * decides the approval: a member's tool is always a request in their name.
 */
export function ToolModal({
  mode,
  initial,
  onClose,
}: {
  mode: ToolModalMode;
  /** The tool to edit, or prefilled values (from a shadow-AI finding). */
  initial: Values;
  onClose: () => void;
}) {
  const { t } = useTranslation("dashboard");
  useFocusBackOnClose();
  const phone = useMediaQuery("(max-width: 48em)");
  const catalogue = useGov<{ entries: CatalogueEntry[] }>("/catalogue");
  const [values, setValues] = useState<Values>(initial);
  const [source, setSource] = useState<"catalogue" | "custom">(initial.customTool ? "custom" : "catalogue");
  const save = useGovWrite((body: Values) => {
    if (mode === "edit") return govCall<ToolView>("PUT", `/tools/${encodeURIComponent(String(initial.id))}`, body);
    return govCall<ToolView>("POST", "/tools", body);
  }, onClose);
  const entries = catalogue.data?.entries ?? [];
  const errors = fieldErrors(save.error);

  function submit() {
    const { customTool, catalogueEntryId, reason, ...rest } = values;
    const body: Values = { ...rest, ...(source === "custom" ? { customTool } : { catalogueEntryId }) };
    if (mode === "request" && typeof reason === "string" && reason.trim()) {
      body.approval = { status: "requested", reason };
    }
    save.mutate(clean(body) as Values);
  }

  const title = mode === "edit" ? t("tools.editTitle") : mode === "request" ? t("tools.request") : t("tools.add");
  return (
    <Modal opened onClose={onClose} title={title} size="xl" fullScreen={phone ?? false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <SegmentedControl
            aria-label={t("tools.source")}
            value={source}
            onChange={(v) => setSource(v === "custom" ? "custom" : "catalogue")}
            data={[
              { value: "catalogue", label: t("tools.fromCatalogue") },
              { value: "custom", label: t("tools.custom") },
            ]}
          />
          {source === "catalogue" ? (
            <Select
              label={t("fields.tool.catalogueEntryId")}
              required
              searchable
              data={entries.map((e) => ({ value: e.id, label: `${e.product} ${e.plan} (${e.vendor})` }))}
              value={typeof values.catalogueEntryId === "string" ? values.catalogueEntryId : null}
              error={errors.catalogueEntryId}
              nothingFoundMessage={t("catalogue.none")}
              onChange={(id) => {
                const entry = entries.find((e) => e.id === id);
                setValues({
                  ...values,
                  catalogueEntryId: id ?? undefined,
                  ...(entry ? { tierInUse: entry.tier } : {}),
                });
              }}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <FieldsForm ns="fields.tool" fields={CUSTOM_FIELDS} values={values} onChange={setValues} errors={errors} />
          )}
          <FieldsForm
            ns="fields.tool"
            fields={
              mode === "request"
                ? [
                    ...REQUEST_FIELDS,
                    ...(source === "custom" ? [TIER_FIELD] : []),
                    { path: "reason", kind: "textarea", wide: true },
                  ]
                : ADMIN_FIELDS
            }
            values={values}
            onChange={setValues}
            errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "catalogueEntryId"))}
          />
          {mode === "request" ? (
            <Text size="sm" c="dimmed">
              {t("tools.requestHint")}
            </Text>
          ) : null}
          {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
          <FormButtons
            onCancel={onClose}
            pending={save.isPending}
            submitLabel={mode === "request" ? t("tools.sendRequest") : t("common:save")}
          />
        </Stack>
      </form>
    </Modal>
  );
}
