import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A secret (new key, one-time password) in a dialog, with a copy button; Poortwachter cannot show it again. */
export function ShownOnce({
  title,
  intro,
  value,
  label,
  onClose,
}: {
  title: string;
  intro: string;
  value: string | null;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation("auth");
  return (
    <Modal opened={value !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm">
        <Alert color="yellow">{intro}</Alert>
        <Text size="sm" fw={600} id="shown-once-label">
          {label}
        </Text>
        <Code
          block
          fz="md"
          aria-labelledby="shown-once-label"
          data-testid="shown-once"
          style={{ wordBreak: "break-all" }}
        >
          {value ?? ""}
        </Code>
        <Group justify="flex-end" gap="sm">
          <CopyButton value={value ?? ""}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t("copied") : t("copy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>{t("shownOnce.done")}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
