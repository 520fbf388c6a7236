import {
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Loader,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAccount } from "../../account";
import { apiFetch } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import type { Values } from "./form";
import { formatDateTime, GOV, GOV_KEY, useGov, useLang } from "./shared";
import { ToolModal } from "./ToolModal";
import type { ShadowAiFinding, ShadowAiImport, ShadowAiImportResult } from "./types";

const FORMATS = ["auto", "dnsmasq", "bind", "windows-dns", "squid", "csv", "json", "plain"] as const;

/** Shadow AI made visible: import a DNS/proxy/firewall log or browser history and see the AI services in use. */
export function ShadowAiPage() {
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const account = useAccount();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<string>("auto");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ShadowAiImportResult | null>(null);
  const [adding, setAdding] = useState<Values | null>(null);
  const imports = useGov<{ imports: ShadowAiImport[] }>("/shadow-ai/imports");
  const latest = useGov<{ importId: string | null; findings: ShadowAiFinding[] }>("/shadow-ai/findings");
  const tools = useGov<{ tools: { tool: { catalogueEntryId?: string; customTool?: { name: string } } }[] }>("/tools");

  async function upload() {
    if (!file) {
      setError(new Error(t("shadow.chooseFile")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.set("file", file);
      const query = new URLSearchParams({ format, source: file.name });
      const response = await apiFetch(`${GOV}/shadow-ai/import?${query}`, { method: "POST", body: form });
      setResult((await response.json()) as ShadowAiImportResult);
      // The history, the findings and the check reload in the background.
      void client.invalidateQueries({ queryKey: [GOV_KEY] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  // A finding is in the inventory once a tool with one of its catalogue ids (or its name) exists.
  const inInventory = (f: ShadowAiFinding) =>
    f.registered ||
    (tools.data?.tools ?? []).some(
      (v) =>
        (v.tool.catalogueEntryId && f.catalogueIds.includes(v.tool.catalogueEntryId)) ||
        v.tool.customTool?.name === f.name,
    );
  const toolFor = (f: ShadowAiFinding): Values => ({
    ...(f.catalogueIds[0] ? { catalogueEntryId: f.catalogueIds[0] } : { customTool: { name: f.name, vendor: f.name } }),
    dataCategories: ["public"],
    responsiblePerson: account.displayName,
    users: [],
    teams: [],
    notes: t("shadow.foundNote", { hits: f.hits }),
  });
  const findings = result?.findings ?? latest.data?.findings ?? [];

  return (
    <>
      <PageHeader title={t("shadow.title")} description={t("shadow.description")} />
      <Card withBorder mb="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void upload();
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <FileInput
              label={t("shadow.file")}
              description={t("shadow.fileHint")}
              value={file}
              onChange={setFile}
              clearable
              required
            />
            <Select
              label={t("shadow.format")}
              description={t("shadow.formatHint")}
              data={FORMATS.map((f) => ({ value: f, label: t(`shadow.formats.${f}`) }))}
              value={format}
              onChange={(v) => setFormat(v ?? "auto")}
              allowDeselect={false}
            />
            <Group align="flex-end">
              <Button type="submit" loading={busy}>
                {t("shadow.import")}
              </Button>
            </Group>
          </SimpleGrid>
        </form>
        <ErrorAlert error={error} />
        {result ? (
          <Text mt="sm" role="status">
            {t("shadow.result", {
              format: result.format,
              lines: result.linesRead,
              junk: result.junkLines,
              ignored: result.ignoredEvents,
              found: result.findings.length,
              unregistered: result.unregistered.length,
            })}
          </Text>
        ) : null}
      </Card>
      <Stack>
        <Text fw={700} size="lg" component="h3" m={0}>
          {t("shadow.findings")}
        </Text>
        {latest.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
        {findings.length === 0 ? <Text c="dimmed">{t("shadow.noFindings")}</Text> : null}
        {findings.length > 0 ? (
          <ScrollArea type="auto">
            <Table striped verticalSpacing="sm" miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("shadow.service")}</Table.Th>
                  <Table.Th>{t("shadow.hits")}</Table.Th>
                  <Table.Th>{t("shadow.who")}</Table.Th>
                  <Table.Th>{t("shadow.inventory")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {findings.map((f) => (
                  <Table.Tr key={f.key}>
                    <Table.Td>
                      <Text fw={600}>{f.name}</Text>
                      <Text size="xs" c="dimmed">
                        {f.domains.join(", ")}
                      </Text>
                    </Table.Td>
                    <Table.Td>{f.hits}</Table.Td>
                    <Table.Td>{f.users.length > 0 ? f.users.join(", ") : "—"}</Table.Td>
                    <Table.Td>
                      {inInventory(f) ? (
                        <Badge color="teal.9">{t("shadow.registered")}</Badge>
                      ) : (
                        <Group gap={6}>
                          <Badge color="#c2410c">{t("shadow.unregistered")}</Badge>
                          <Button size="xs" variant="default" onClick={() => setAdding(toolFor(f))}>
                            {t("shadow.addToInventory")}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        ) : null}
        {(imports.data?.imports.length ?? 0) > 0 ? (
          <>
            <Text fw={700} size="lg" component="h3" m={0}>
              {t("shadow.history")}
            </Text>
            <Stack gap={4}>
              {imports.data?.imports.map((i) => (
                <Text key={i.id} size="sm">
                  {formatDateTime(i.importedAt, lang)} — {i.source} ({i.format}):{" "}
                  {t("shadow.historyLine", { found: i.toolsFound, unregistered: i.unregisteredTools.length })}
                </Text>
              ))}
            </Stack>
          </>
        ) : null}
      </Stack>
      {adding ? <ToolModal mode="add" initial={adding} onClose={() => setAdding(null)} /> : null}
    </>
  );
}
