import {
  Alert,
  Button,
  CopyButton,
  FileButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { pseudonymize, restore, Session } from "../../../../src/pseudonymize/index.js";
import { ApiError, apiFetch } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { HighlightedText } from "./HighlightedText";
import { detectNow } from "./useLiveEntities";

/** Read in the browser; docx, pdf and eml go to the server for their text (nothing is kept there). */
const BROWSER_TYPES = /\.(txt|text|md|markdown|csv|tsv|json|log)$/i;
const SERVER_TYPES = /\.(docx|pdf|eml)$/i;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

interface Mapping {
  placeholder: string;
  value: string;
}

/**
 * "Document anonimiseren": pseudonymise text for use in any AI tool, then restore the answer.
 * The mapping lives only in this component (this tab): it is never sent anywhere.
 */
export function AnonymisePage() {
  const { t, i18n } = useTranslation("chat");
  const session = useRef<Session | null>(null);
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const [mapping, setMapping] = useState<Mapping[]>([]);
  const [answer, setAnswer] = useState("");
  const [restored, setRestored] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const anonymise = () => {
    setError(null);
    try {
      const entities = detectNow(input);
      // One session per page visit: the same name keeps its placeholder across several texts.
      session.current ??= new Session({ language: i18n.language === "en" ? "en" : "nl" });
      const result = pseudonymize(input, entities, session.current);
      setOutput(result.text);
      const seen = new Map<string, string>();
      for (const r of result.replacements) {
        if (r.operator === "replace" && !seen.has(r.output)) seen.set(r.output, input.slice(r.start, r.end));
      }
      setMapping([...seen].map(([placeholder, value]) => ({ placeholder, value })));
    } catch {
      setError(t("anonymise.tooLong"));
    }
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(t("anonymise.fileTooLarge"));
      return;
    }
    setLoading(true);
    try {
      if (BROWSER_TYPES.test(file.name)) {
        setInput((await file.text()).replace(/^\uFEFF/, ""));
      } else if (SERVER_TYPES.test(file.name)) {
        const form = new FormData();
        form.append("file", file);
        const response = await apiFetch("/api/app/chat/documents/text", { method: "POST", body: form });
        setInput(((await response.json()) as { text: string }).text);
      } else {
        setError(t("anonymise.unsupported"));
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t("error"));
    } finally {
      setLoading(false);
    }
  };

  const restoreAnswer = () => {
    setRestored(session.current ? restore(answer, session.current) : answer);
  };

  const preview = output === "" ? [] : safeDetect(input);

  return (
    <>
      <PageHeader title={t("anonymise.title")} description={t("anonymise.intro")} />
      <Alert color="blue" mb="md" data-testid="mapping-note">
        {t("anonymise.mappingNote")}
      </Alert>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="step1">
          <Stack gap="sm">
            <Title order={3} size="h4" id="step1">
              {t("anonymise.step1")}
            </Title>
            <Textarea
              label={t("anonymise.inputLabel")}
              value={input}
              onChange={(event) => setInput(event.currentTarget.value)}
              autosize
              minRows={6}
              maxRows={20}
            />
            <Group gap="sm" wrap="wrap">
              <FileButton onChange={(file) => void upload(file)} accept=".txt,.md,.csv,.json,.eml,.docx,.pdf">
                {(props) => (
                  <Button variant="default" loading={loading} {...props}>
                    {t("anonymise.upload")}
                  </Button>
                )}
              </FileButton>
              <Button onClick={anonymise} disabled={input.trim() === ""}>
                {t("anonymise.run")}
              </Button>
            </Group>
            <Text size="xs" c="gray.7">
              {t("anonymise.fileHelp")}
            </Text>
            {error ? (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            ) : null}
          </Stack>
        </Paper>

        {output !== "" ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="step2">
            <Stack gap="sm">
              <Title order={3} size="h4" id="step2">
                {t("anonymise.step2")}
              </Title>
              <Paper p="xs" bg="gray.0" radius="sm">
                <HighlightedText text={input} entities={preview} label={t("anonymise.foundLabel")} />
              </Paper>
              <Textarea
                label={t("anonymise.outputLabel")}
                value={output}
                readOnly
                autosize
                minRows={4}
                maxRows={20}
                data-testid="anonymised"
              />
              <Group>
                <CopyButton value={output}>
                  {({ copied, copy }) => (
                    <Button onClick={copy}>{copied ? t("anonymise.copied") : t("anonymise.copy")}</Button>
                  )}
                </CopyButton>
              </Group>
              {mapping.length > 0 ? (
                <Table.ScrollContainer minWidth={300}>
                  <Table>
                    <Table.Caption>{t("anonymise.mappingCaption")}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("anonymise.placeholder")}</Table.Th>
                        <Table.Th>{t("anonymise.value")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {mapping.map((m) => (
                        <Table.Tr key={m.placeholder}>
                          <Table.Td ff="monospace">{m.placeholder}</Table.Td>
                          <Table.Td>{m.value}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
            </Stack>
          </Paper>
        ) : null}

        {output !== "" ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="step3">
            <Stack gap="sm">
              <Title order={3} size="h4" id="step3">
                {t("anonymise.step3")}
              </Title>
              <Textarea
                label={t("anonymise.answerLabel")}
                value={answer}
                onChange={(event) => setAnswer(event.currentTarget.value)}
                autosize
                minRows={4}
                maxRows={20}
              />
              <Group>
                <Button onClick={restoreAnswer} disabled={answer.trim() === ""}>
                  {t("anonymise.restore")}
                </Button>
              </Group>
              {restored !== "" ? (
                <>
                  <Textarea
                    label={t("anonymise.restoredLabel")}
                    value={restored}
                    readOnly
                    autosize
                    minRows={4}
                    maxRows={20}
                    data-testid="restored"
                  />
                  <Group>
                    <CopyButton value={restored}>
                      {({ copied, copy }) => (
                        <Button variant="default" onClick={copy}>
                          {copied ? t("anonymise.copied") : t("anonymise.copy")}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </>
              ) : null}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}

function safeDetect(text: string) {
  try {
    return detectNow(text);
  } catch {
    return [];
  }
}
