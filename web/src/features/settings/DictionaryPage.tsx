import { Alert, Button, Card, FileInput, Group, List, Loader, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import { useFormat } from "../usage/format";
import { settingsCall, useSettings, useSettingsWrite } from "./shared";
import type { DictionaryInfo } from "./types";

const MAX_BYTES = 5_000_000;

/**
 * The customer list: uploaded as CSV or JSON, counted, replaced or removed. The entries never come
 * back from the server, so this page shows counts only.
 */
export function DictionaryPage() {
  const { t } = useTranslation("settings");
  const f = useFormat();
  const query = useSettings<DictionaryInfo>("/dictionary");
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useSettingsWrite(
    async (chosen: File) =>
      settingsCall<DictionaryInfo>("PUT", "/dictionary", { fileName: chosen.name, content: await chosen.text() }),
    () => setFile(null),
  );
  const remove = useSettingsWrite(() => settingsCall("DELETE", "/dictionary"));
  const [confirming, setConfirming] = useState(false);
  const info = query.data;
  return (
    <>
      <PageHeader title={t("dictionary.title")} description={t("dictionary.description")} />
      {query.isPending ? <Loader aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={query.error ?? remove.error} />
      <Stack gap="lg">
        {info ? (
          <Card withBorder component="section" aria-labelledby="dictionary-current">
            <Title order={3} size="h4" id="dictionary-current" mb="sm">
              {t("dictionary.currentTitle")}
            </Title>
            {info.entries === 0 ? (
              <Text data-testid="dictionary-count">{t("dictionary.none")}</Text>
            ) : (
              <Stack gap="xs">
                <Text data-testid="dictionary-count">
                  {t("dictionary.count", { count: info.entries, formatted: f.number(info.entries) })}
                </Text>
                {info.fileName || info.updatedAt ? (
                  <Text size="sm" c="dimmed">
                    {t("dictionary.source", {
                      file: info.fileName ?? "—",
                      date: info.updatedAt ? f.date(info.updatedAt) : "—",
                    })}
                  </Text>
                ) : null}
                <List size="sm">
                  {Object.entries(info.byType).map(([type, n]) => (
                    <List.Item key={type}>
                      {t(`usage:entity.${type}`, { defaultValue: t("dictionary.untyped") })}: {f.number(n)}
                    </List.Item>
                  ))}
                </List>
                <Group>
                  {confirming ? (
                    <>
                      <Text size="sm">{t("dictionary.confirmRemove")}</Text>
                      <Button
                        color="red.8"
                        size="xs"
                        onClick={() => remove.mutate(undefined, { onSettled: () => setConfirming(false) })}
                      >
                        {t("dictionary.removeYes")}
                      </Button>
                      <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                        {t("common:cancel")}
                      </Button>
                    </>
                  ) : (
                    <Button variant="subtle" color="red.9" c="red.9" onClick={() => setConfirming(true)}>
                      {t("dictionary.remove")}
                    </Button>
                  )}
                </Group>
              </Stack>
            )}
          </Card>
        ) : null}
        <Card withBorder component="section" aria-labelledby="dictionary-upload">
          <Title order={3} size="h4" id="dictionary-upload" mb="sm">
            {info && info.entries > 0 ? t("dictionary.replaceTitle") : t("dictionary.uploadTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("dictionary.formatHelp")}
          </Text>
          <Alert color="gray" mb="md" variant="light">
            <Text size="sm" ff="monospace" style={{ whiteSpace: "pre-wrap" }}>
              {"naam,bedrijf,email\nJan de Vries,Bakkerij De Vries,jan@devries.nl"}
            </Text>
          </Alert>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file && !tooLarge) upload.mutate(file);
            }}
          >
            <Stack>
              <FileInput
                label={t("dictionary.file")}
                description={t("dictionary.fileHelp")}
                accept=".csv,.json,text/csv,application/json"
                value={file}
                onChange={(chosen) => {
                  setFile(chosen);
                  setTooLarge((chosen?.size ?? 0) > MAX_BYTES);
                }}
                error={tooLarge ? t("dictionary.tooLarge") : undefined}
                clearable
              />
              <ErrorAlert error={upload.error} />
              {upload.isSuccess && upload.data ? (
                <Alert color="teal" role="status">
                  {t("dictionary.uploaded", { formatted: f.number(upload.data.entries) })}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button type="submit" disabled={!file || tooLarge} loading={upload.isPending}>
                  {t("dictionary.upload")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Text size="sm" c="dimmed">
          {t("dictionary.privacy")}
        </Text>
      </Stack>
    </>
  );
}
