import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ENTITY_TYPES } from "../../../../src/detect/index.js";
import type { Hints, PreviewEntity } from "./chat-api";
import { type EntityType, placeholderLabel } from "./entities";
import { HighlightedText } from "./HighlightedText";

/**
 * The review step: exactly what will be replaced before anything leaves (the server's own
 * detection, customer list included), with "not personal" switches and a field for what the
 * detector missed. Secrets and BSNs cannot be switched off: the policy never forwards them.
 */
export function ReviewPanel({
  text,
  entities,
  hints,
  onChange,
  onSend,
  onBack,
  busy,
}: {
  text: string;
  entities: PreviewEntity[];
  hints: Hints;
  onChange(hints: Hints): void;
  onSend(): void;
  onBack(): void;
  busy: boolean;
}) {
  const { t, i18n } = useTranslation("chat");
  const [value, setValue] = useState("");
  const [type, setType] = useState<EntityType>("PERSON");
  const locked = entities.some((e) => e.locked);
  const unique = entities.filter(
    (e, i) => entities.findIndex((other) => other.value === e.value && other.type === e.type) === i,
  );

  const toggle = (entityValue: string, notPersonal: boolean) => {
    const rest = hints.notPersonal.filter((v) => v !== entityValue);
    onChange({ ...hints, notPersonal: notPersonal ? [...rest, entityValue] : rest });
  };
  const add = () => {
    const trimmed = value.trim();
    if (trimmed === "") return;
    onChange({
      notPersonal: hints.notPersonal.filter((v) => v !== trimmed),
      add: [...hints.add.filter((a) => a.value !== trimmed), { value: trimmed, type }],
    });
    setValue("");
  };

  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="review-title" component="section">
      <Stack gap="sm">
        <Title order={3} id="review-title" size="h4">
          {t("review.title")}
        </Title>
        <Text size="sm">{unique.length === 0 ? t("review.nothing") : t("review.intro")}</Text>
        <Paper p="xs" bg="gray.0" radius="sm">
          <HighlightedText
            text={text}
            entities={entities.filter((e) => e.locked || !hints.notPersonal.includes(e.value))}
            label={t("review.messageLabel")}
          />
        </Paper>
        {locked ? (
          <Alert color="red" title={t("review.lockedTitle")}>
            {t("review.lockedText")}
          </Alert>
        ) : null}
        {unique.length > 0 ? (
          <Table.ScrollContainer minWidth={320}>
            <Table striped data-testid="review-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("review.value")}</Table.Th>
                  <Table.Th>{t("review.becomes")}</Table.Th>
                  <Table.Th>{t("review.notPersonal")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {unique.map((e) => {
                  const off = hints.notPersonal.includes(e.value) && !e.locked;
                  return (
                    <Table.Tr key={`${e.type}:${e.value}`}>
                      <Table.Td style={{ wordBreak: "break-all" }}>{e.value}</Table.Td>
                      <Table.Td>
                        {off ? (
                          <Text size="sm">{t("review.keptAsIs")}</Text>
                        ) : (
                          <Badge variant="light" color={e.locked ? "red" : "blue"} tt="none">
                            [{placeholderLabel(e.type, i18n.language)}_…] · {t(`types.${e.type}`)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {e.locked ? (
                          <Text size="sm" c="red.9">
                            {t("review.cannotUnmark")}
                          </Text>
                        ) : (
                          <Switch
                            checked={off}
                            onChange={(event) => toggle(e.value, event.currentTarget.checked)}
                            label={t("review.notPersonalFor", { value: e.value })}
                            styles={{ label: { position: "absolute", width: 1, height: 1, overflow: "hidden" } }}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("review.addLabel")}
            description={t("review.addHelp")}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            style={{ flex: "1 1 220px" }}
          />
          <Select
            label={t("review.addType")}
            data={ENTITY_TYPES.filter((x) => x !== "SECRET").map((x) => ({ value: x, label: t(`types.${x}`) }))}
            value={type}
            onChange={(v) => v && setType(v as EntityType)}
            allowDeselect={false}
            style={{ flex: "0 1 200px" }}
          />
          <Button variant="default" onClick={add}>
            {t("review.add")}
          </Button>
        </Group>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onBack} disabled={busy}>
            {t("review.back")}
          </Button>
          <Button onClick={onSend} loading={busy}>
            {t("review.send")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
