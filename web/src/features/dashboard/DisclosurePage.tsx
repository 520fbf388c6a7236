import {
  Alert,
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import { useGov, useLang } from "./shared";
import type { DisclosureText } from "./types";

/** Ready-to-paste texts that tell customers they deal with AI (AI Act art. 50), with copy buttons. */
export function DisclosurePage() {
  const { t } = useTranslation("dashboard");
  const uiLang = useLang();
  const [options, setOptions] = useState({ assistantName: "", humanContact: "", privacyUrl: "" });
  const [debounced] = useDebouncedValue(options, 300);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(debounced)) if (value.trim()) params.set(key, value.trim());
  const texts = useGov<{ texts: DisclosureText[] }>(`/disclosure${params.size > 0 ? `?${params}` : ""}`);
  const byVariant = new Map<string, DisclosureText[]>();
  for (const text of texts.data?.texts ?? [])
    byVariant.set(text.variant, [...(byVariant.get(text.variant) ?? []), text]);
  return (
    <>
      <PageHeader title={t("disclosure.title")} description={t("disclosure.description")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        {(["assistantName", "humanContact", "privacyUrl"] as const).map((key) => (
          <TextInput
            key={key}
            label={t(`disclosure.${key}`)}
            value={options[key]}
            onChange={(e) => setOptions({ ...options, [key]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
      {texts.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      {texts.error instanceof ApiError && texts.error.status === 400 && !debounced.privacyUrl.trim() ? (
        // The texts name the company: without an organisation there is nothing to fill in yet.
        <Alert color="yellow" role="status">
          {t("disclosure.needOrganisation")}{" "}
          <Anchor underline="always" component={Link} to="/governance/policy">
            {t("disclosure.toPolicy")}
          </Anchor>
        </Alert>
      ) : (
        <ErrorAlert error={texts.error} />
      )}
      <Stack>
        {[...byVariant.entries()].map(([variant, list]) => (
          <Card withBorder key={variant} component="section" aria-labelledby={`variant-${variant}`}>
            <Title order={3} size="h5" id={`variant-${variant}`} mb="xs">
              {t(`disclosure.variants.${variant}`, { defaultValue: variant })}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {[...list]
                .sort((a) => (a.lang === uiLang ? -1 : 1))
                .map((text) => (
                  <Stack key={text.lang} gap={6}>
                    <Text size="xs" fw={700} c="dimmed" lang={text.lang}>
                      {text.lang === "nl" ? "Nederlands" : "English"}
                    </Text>
                    <Text size="sm" lang={text.lang} style={{ whiteSpace: "pre-wrap" }}>
                      {text.text}
                    </Text>
                    <Group>
                      <CopyButton value={text.text}>
                        {({ copied, copy }) => (
                          <Button size="xs" variant={copied ? "filled" : "default"} onClick={copy}>
                            {copied ? t("disclosure.copied") : t("disclosure.copy", { lang: text.lang.toUpperCase() })}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  </Stack>
                ))}
            </SimpleGrid>
          </Card>
        ))}
      </Stack>
    </>
  );
}
