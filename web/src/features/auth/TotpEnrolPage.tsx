import { Alert, Button, Code, CopyButton, Group, Image, List, Loader, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAccount, useRefreshSession, useSession } from "../../account";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { RecoveryCodes } from "./RecoveryCodes";

interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** Groups of four, as authenticator apps show a secret typed in by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** TOTP enrolment: scan the QR code (or type the secret), confirm with a code, keep the recovery codes. */
export function TotpEnrolPage() {
  const { t } = useTranslation("auth");
  const account = useAccount();
  const { totpEnrollmentRequired } = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  const enrol = useMutation({ mutationFn: () => api<Enrolment>("/api/app/auth/totp/enrol", { method: "POST" }) });
  const confirm = useMutation({
    mutationFn: () => api<{ recoveryCodes: string[] }>("/api/app/auth/totp/confirm", { body: { code: code.trim() } }),
    onSuccess: (result) => setRecoveryCodes(result.recoveryCodes),
  });

  // One secret per visit: the ref keeps React's double effect in development from making a second.
  useEffect(() => {
    if (started.current || account.totpEnabled) return;
    started.current = true;
    enrol.mutate();
  }, [account.totpEnabled, enrol]);

  async function done() {
    await refresh();
    navigate("/", { replace: true });
  }

  if (recoveryCodes) {
    return (
      <Stack maw={720}>
        <PageHeader title={t("enrol.doneTitle")} description={t("enrol.doneIntro")} />
        <RecoveryCodes codes={recoveryCodes} onDone={() => void done()} />
      </Stack>
    );
  }

  if (account.totpEnabled) {
    return (
      <Stack maw={720}>
        <PageHeader title={t("enrol.title")} />
        <Alert color="green">{t("enrol.alreadyOn")}</Alert>
      </Stack>
    );
  }

  return (
    <Stack maw={720}>
      <PageHeader title={t("enrol.title")} description={t("enrol.intro")} />
      {totpEnrollmentRequired ? (
        <Alert color="blue" title={t("enrol.requiredTitle")}>
          {account.role === "member" ? t("enrol.requiredMember") : t("enrol.requiredAdmin")}
        </Alert>
      ) : null}
      <List type="ordered" spacing="xs">
        <List.Item>{t("enrol.step1")}</List.Item>
        <List.Item>{t("enrol.step2")}</List.Item>
        <List.Item>{t("enrol.step3")}</List.Item>
      </List>
      {enrol.isPending ? <Loader aria-label={t("loading", { ns: "common" })} /> : null}
      <ErrorAlert error={enrol.error} />
      {enrol.data ? (
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Image src={enrol.data.qrDataUrl} alt={t("enrol.qrAlt")} w={220} h={220} fit="contain" radius="sm" />
          <Stack gap="xs" maw={360}>
            <Text size="sm">{t("enrol.manual")}</Text>
            <Code fz="lg" data-testid="totp-secret" aria-label={t("enrol.secretLabel")}>
              {grouped(enrol.data.secret)}
            </Code>
            <CopyButton value={enrol.data.secret}>
              {({ copied, copy }) => (
                <Button variant="default" size="xs" onClick={copy} w="fit-content">
                  {copied ? t("copied") : t("enrol.copySecret")}
                </Button>
              )}
            </CopyButton>
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                confirm.mutate();
              }}
              noValidate
            >
              <Stack gap="xs" mt="sm">
                <TextInput
                  label={t("enrol.codeLabel")}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  required
                />
                <ErrorAlert error={confirm.error} />
                <Button type="submit" loading={confirm.isPending}>
                  {t("enrol.confirm")}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Group>
      ) : null}
    </Stack>
  );
}
