import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isAdmin, useAccount } from "../../account";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormButtons } from "../../components/FormButtons";
import { PageHeader } from "../../layout/PageHeader";
import { clean, type FieldSpec, FieldsForm, type Values } from "./form";
import {
  DeleteButton,
  fieldErrors,
  formatDate,
  govCall,
  useFocusBackOnClose,
  useGov,
  useGovWrite,
  useLang,
  usePick,
} from "./shared";
import type { CatalogueEntry } from "./types";

/** An entry the business adds itself: the same facts as the shipped ones, with a source and date. */
const ENTRY_FIELDS: FieldSpec[] = [
  { path: "id", kind: "text", required: true },
  { path: "vendor", kind: "text", required: true },
  { path: "product", kind: "text", required: true },
  { path: "plan", kind: "text", required: true },
  { path: "tier", kind: "select", options: ["consumer", "business", "local", "privacy-service"], required: true },
  { path: "priceIndication", kind: "text", required: true },
  { path: "freePlan", kind: "switch" },
  { path: "trainsOnDataByDefault", kind: "switch" },
  { path: "contractualTrainingExclusion", kind: "switch" },
  { path: "dpa.available", kind: "switch" },
  { path: "trainingOptOut.nl", kind: "text" },
  { path: "trainingOptOut.en", kind: "text" },
  {
    path: "euDataResidency",
    kind: "select",
    options: ["available", "unavailable", "on-premises", "unknown"],
    required: true,
  },
  { path: "dpa.url", kind: "url" },
  { path: "twoFactorAvailable", kind: "select", options: ["yes", "no", "n/a"], required: true },
  { path: "confidence", kind: "select", options: ["high", "medium", "low"], required: true },
  { path: "sources", kind: "tags", required: true },
  { path: "checkedOn", kind: "date", required: true },
  { path: "certifications", kind: "tags" },
  { path: "note", kind: "textarea", wide: true },
];

function AddEntryModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation("dashboard");
  useFocusBackOnClose();
  const phone = useMediaQuery("(max-width: 48em)");
  const [values, setValues] = useState<Values>({
    tier: "business",
    euDataResidency: "unknown",
    twoFactorAvailable: "yes",
    confidence: "medium",
    freePlan: false,
    trainsOnDataByDefault: false,
    contractualTrainingExclusion: false,
    dpa: { available: false },
    sources: [],
    certifications: [],
    checkedOn: new Date().toISOString().slice(0, 10),
  });
  const save = useGovWrite((body: Values) => govCall("POST", "/catalogue", body), onClose);
  function submit() {
    const { trainingOptOut, ...rest } = clean(values) as Values;
    const optOut = (trainingOptOut ?? {}) as { nl?: string; en?: string };
    // One language is enough to type; the other gets the same text rather than nothing.
    const both = optOut.nl || optOut.en ? { nl: optOut.nl ?? optOut.en, en: optOut.en ?? optOut.nl } : null;
    save.mutate({ ...rest, trainingOptOut: both });
  }
  const errors = fieldErrors(save.error);
  return (
    <Modal opened onClose={onClose} title={t("catalogue.add")} size="xl" fullScreen={phone ?? false}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <FieldsForm
            ns="fields.catalogue"
            fields={ENTRY_FIELDS}
            values={values}
            onChange={setValues}
            errors={errors}
          />
          {save.error && Object.keys(errors).length === 0 ? <ErrorAlert error={save.error} /> : null}
          <FormButtons onCancel={onClose} pending={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

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
  const admin = isAdmin(useAccount());
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={admin ? <Button onClick={() => setAdding(true)}>{t("catalogue.add")}</Button> : undefined}
      />
      {adding ? <AddEntryModal onClose={() => setAdding(false)} /> : null}
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
      {catalogue.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={catalogue.error} />
      {catalogue.data?.entries.length === 0 ? <Text c="dimmed">{t("catalogue.none")}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {(catalogue.data?.entries ?? []).map((entry) => (
          <EntryCard key={entry.id} entry={entry} admin={admin} />
        ))}
      </SimpleGrid>
    </>
  );
}

function EntryCard({ entry, admin }: { entry: CatalogueEntry; admin: boolean }) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  const remove = useGovWrite(() => govCall("DELETE", `/catalogue/${encodeURIComponent(entry.id)}`));
  const yes = (v: boolean) => (v ? t("yes") : t("no"));
  const dpaValue = !entry.dpa.available ? (
    t("no")
  ) : entry.dpa.url ? (
    <Anchor underline="always" href={entry.dpa.url} target="_blank" rel="noreferrer">
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
            <Badge color={entry.tier === "consumer" ? "#c2410c" : "teal.9"}>
              {t(`options.tierInUse.${entry.tier}`)}
            </Badge>
            {entry.custom ? <Badge variant="outline">{t("catalogue.own")}</Badge> : null}
            {entry.custom && admin ? (
              <DeleteButton
                label={`${t("common:delete")}: ${entry.product} ${entry.plan}`}
                onDelete={() => remove.mutateAsync(undefined)}
              />
            ) : null}
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
          {t("catalogue.checked", {
            date: formatDate(entry.checkedOn, lang),
            confidence: t(`catalogue.confidence.${entry.confidence}`),
          })}{" "}
          {entry.sources.map((url, i) => (
            <Anchor underline="always" key={url} href={url} target="_blank" rel="noreferrer" size="xs" mr={6}>
              {t("catalogue.source", { n: i + 1 })}
            </Anchor>
          ))}
        </Text>
      </Stack>
    </Card>
  );
}
