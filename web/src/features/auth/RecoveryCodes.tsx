import { Alert, Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Recovery codes, shown once: copy or download them, then confirm they are stored. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation("auth");
  const text = `${codes.join("\n")}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <Stack gap="sm">
      <Alert color="yellow" title={t("recovery.title")}>
        {t("recovery.intro")}
      </Alert>
      <SimpleGrid
        cols={{ base: 1, xs: 2 }}
        spacing="xs"
        aria-label={t("recovery.listLabel")}
        component="ul"
        p={0}
        m={0}
      >
        {codes.map((code) => (
          <Text
            key={code}
            component="li"
            ff="monospace"
            size="lg"
            style={{ listStyle: "none" }}
            data-testid="recovery-code"
          >
            <Code fz="md">{code}</Code>
          </Text>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t("copied") : t("recovery.copy")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" component="a" href={download} download="poortwachter-herstelcodes.txt">
          {t("recovery.download")}
        </Button>
        <Button onClick={onDone}>{t("recovery.done")}</Button>
      </Group>
    </Stack>
  );
}
