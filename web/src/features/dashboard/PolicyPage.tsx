import { Alert, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { isAdmin, useAccount } from "../../account";
import { ApiError, api, apiFetch } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Section } from "../../components/Section";
import { PageHeader } from "../../layout/PageHeader";
import { clean, type FieldSpec, FieldsForm, type Values } from "./form";
import { DownloadButton, fieldErrors, GOV, GOV_KEY, govCall, useGov, useGovWrite, useLang } from "./shared";
import type { ToolView } from "./types";

/** A record the API answers 404 for until it has been filled in: null, not an error. */
function useOptional<T>(path: string) {
  return useQuery({
    queryKey: [GOV_KEY, path],
    queryFn: async () => {
      try {
        return await api<T>(`${GOV}${path}`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
}

const ORGANISATION_FIELDS: FieldSpec[] = [
  { path: "name", kind: "text", required: true },
  { path: "employees", kind: "number" },
];

/** The one-page AI policy: organisation, the choices it is made from, a preview and the downloads. */
export function PolicyPage() {
  const { t } = useTranslation("dashboard");
  const admin = isAdmin(useAccount());
  return (
    <>
      <PageHeader
        title={t("policy.title")}
        description={admin ? t("policy.description") : t("policy.memberDescription")}
      />
      <Stack>
        {admin ? <OrganisationForm /> : null}
        {admin ? <ChoicesForm /> : null}
        <Preview />
      </Stack>
    </>
  );
}

function OrganisationForm() {
  const { t } = useTranslation("dashboard");
  const organisation = useOptional<Values>("/organisation");
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (organisation.data !== undefined && values === null) setValues(organisation.data ?? {});
  }, [organisation.data, values]);
  const save = useGovWrite(
    (body: Values) => govCall("PUT", "/organisation", clean(body)),
    () => notifications.show({ color: "teal", message: t("saved") }),
  );
  return (
    <RecordForm
      id="organisation-title"
      title={t("policy.organisation")}
      ns="fields.organisation"
      fields={ORGANISATION_FIELDS}
      values={values}
      onChange={setValues}
      save={save}
      submitLabel={t("policy.saveOrganisation")}
    />
  );
}

function ChoicesForm() {
  const { t } = useTranslation("dashboard");
  const choices = useOptional<Values>("/policy-choices");
  const tools = useGov<{ tools: ToolView[] }>("/tools");
  const organisation = useOptional<{ name: string }>("/organisation");
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (choices.data !== undefined && organisation.data !== undefined && values === null) {
      setValues(
        choices.data ?? {
          companyName: organisation.data?.name ?? "",
          tierChoice: "business",
          approvedToolIds: [],
          extraAllowed: [],
          extraNotAllowed: [],
          effectiveDate: new Date().toISOString().slice(0, 10),
        },
      );
    }
  }, [choices.data, organisation.data, values]);
  const save = useGovWrite(
    (body: Values) => govCall("PUT", "/policy-choices", clean(body)),
    () => notifications.show({ color: "teal", message: t("saved") }),
  );
  const approved = (tools.data?.tools ?? []).filter((v) => v.tool.approval.status === "approved");
  const fields: FieldSpec[] = [
    { path: "companyName", kind: "text", required: true },
    { path: "tierChoice", kind: "select", options: ["business", "local", "gateway-only"], required: true },
    {
      path: "approvedToolIds",
      kind: "checks",
      options: approved.map((v) => ({ value: v.tool.id, label: v.name })),
      wide: true,
    },
    { path: "officialRouteUrl", kind: "url" },
    { path: "registerLocation", kind: "text", required: true },
    { path: "responsible.name", kind: "text", required: true },
    { path: "responsible.email", kind: "email" },
    { path: "responsible.phone", kind: "text" },
    { path: "doubtContact.name", kind: "text", required: true },
    { path: "doubtContact.email", kind: "email" },
    { path: "doubtContact.phone", kind: "text" },
    { path: "extraAllowed", kind: "tags" },
    { path: "extraNotAllowed", kind: "tags" },
    { path: "approvalProcess", kind: "textarea", wide: true },
    { path: "effectiveDate", kind: "date", required: true },
    { path: "reviewDate", kind: "date" },
  ];
  return (
    <RecordForm
      id="choices-title"
      title={t("policy.choices")}
      ns="fields.policy"
      fields={fields}
      values={values}
      onChange={setValues}
      save={save}
      submitLabel={t("policy.saveChoices")}
    >
      {approved.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("policy.noApprovedTools")}
        </Text>
      ) : null}
    </RecordForm>
  );
}

/** One saved governance record as a form: a loader until the stored values are in, then the fields. */
function RecordForm({
  id,
  title,
  ns,
  fields,
  values,
  onChange,
  save,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  ns: string;
  fields: FieldSpec[];
  values: Values | null;
  onChange: (values: Values) => void;
  save: { mutate: (values: Values) => void; isPending: boolean; error: unknown };
  submitLabel: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <Section id={id} title={title}>
      {values === null ? (
        <Loader role="status" aria-label={t("common:loading")} />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(values);
          }}
        >
          <Stack>
            {children}
            <FieldsForm ns={ns} fields={fields} values={values} onChange={onChange} errors={fieldErrors(save.error)} />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}

function Preview() {
  const { t } = useTranslation("dashboard");
  const uiLang = useLang();
  const [lang, setLang] = useState<"nl" | "en">(uiLang);
  const html = useQuery({
    queryKey: [GOV_KEY, "/policy", "html", lang],
    queryFn: async () => (await apiFetch(`${GOV}/policy?format=html&lang=${lang}`)).text(),
    retry: false,
  });
  const missing = html.error instanceof ApiError && html.error.status === 409;
  return (
    <Card withBorder component="section" aria-labelledby="preview-title">
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={3} size="h4" id="preview-title">
          {t("policy.preview")}
        </Title>
        <SegmentedControl
          aria-label={t("policy.previewLanguage")}
          value={lang}
          onChange={(v) => setLang(v === "en" ? "en" : "nl")}
          data={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
      </Group>
      <Group mb="sm" wrap="wrap">
        <DownloadButton path="/policy?format=pdf&lang=nl" name="ai-beleid.pdf" label={t("policy.pdfNl")} />
        <DownloadButton path="/policy?format=pdf&lang=en" name="ai-policy.pdf" label={t("policy.pdfEn")} />
        <DownloadButton path="/policy?format=md&lang=nl" name="ai-beleid.md" label={t("policy.mdNl")} />
        <DownloadButton path="/policy?format=md&lang=en" name="ai-policy.md" label={t("policy.mdEn")} />
      </Group>
      {html.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      {missing ? (
        <Alert color="yellow">{html.error instanceof Error ? html.error.message : ""}</Alert>
      ) : (
        <ErrorAlert error={html.error} />
      )}
      {html.data ? (
        // No scripts, no same-origin: the policy is shown, never run.
        <iframe
          title={t("policy.preview")}
          sandbox=""
          srcDoc={html.data}
          style={{ width: "100%", height: 760, border: "1px solid var(--mantine-color-gray-4)", background: "white" }}
        />
      ) : null}
    </Card>
  );
}
