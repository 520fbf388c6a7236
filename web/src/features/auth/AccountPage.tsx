import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRefreshSession } from "../../account";
import { api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { formatDateTime } from "./format";
import { NewPasswordFields } from "./NewPasswordFields";
import { RecoveryCodes } from "./RecoveryCodes";
import { SessionsCard } from "./SessionsCard";
import type { Profile, PublicAccount } from "./types";

const PROFILE = ["auth", "profile"] as const;

function ProfileCard({ account }: { account: PublicAccount }) {
  const { t, i18n } = useTranslation("auth");
  const client = useQueryClient();
  const refresh = useRefreshSession();
  const [displayName, setDisplayName] = useState(account.displayName);
  const save = useMutation({
    mutationFn: (patch: { displayName?: string }) => api("/api/app/auth/profile", { method: "PATCH", body: patch }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: PROFILE });
      await refresh();
      notifications.show({ color: "teal", message: t("account.saved") });
    },
  });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("account.profile")}
        </Title>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t("fields.name")}:
          </Text>
          <Text size="sm" ff="monospace">
            {account.name}
          </Text>
          <Badge variant="light">{t(`roles.${account.role}`)}</Badge>
          {account.team ? <Badge variant="outline">{account.team}</Badge> : null}
        </Group>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            save.mutate({ displayName: displayName.trim() });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("fields.displayName")}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              autoComplete="name"
              required
              w={{ base: "100%", sm: 280 }}
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              {t("save", { ns: "common" })}
            </Button>
          </Group>
        </form>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="language-label">
            {t("fields.language")}
          </Text>
          <SegmentedControl
            aria-labelledby="language-label"
            w="fit-content"
            value={i18n.language}
            // The session stores the new language on the account (account.tsx).
            onChange={(value) => void i18n.changeLanguage(value === "en" ? "en" : "nl")}
            data={[
              { value: "nl", label: "Nederlands" },
              { value: "en", label: "English" },
            ]}
          />
        </Stack>
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  );
}

function PasswordCard({ name }: { name: string }) {
  const { t } = useTranslation("auth");
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => api("/api/app/auth/password", { body: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setRepeat("");
      notifications.show({ color: "teal", message: t("account.passwordChanged") });
    },
  });
  return (
    <Card withBorder>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (next !== repeat) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          change.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("account.password")}
          </Title>
          {/* Tells password managers whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={name} readOnly hidden />
          <Text size="sm" c="dimmed">
            {t("account.passwordIntro")}
          </Text>
          <PasswordInput
            label={t("fields.currentPassword")}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <NewPasswordFields
            labelKey="newPassword"
            value={next}
            onChange={setNext}
            repeat={repeat}
            onRepeatChange={setRepeat}
            mismatch={mismatch}
          />
          <ErrorAlert error={change.error} />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t("account.changePassword")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function TwoFactorCard({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation("auth");
  const client = useQueryClient();
  const [code, setCode] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const regenerate = useMutation({
    mutationFn: () =>
      api<{ recoveryCodes: string[] }>("/api/app/auth/totp/recovery-codes", { body: { code: code.trim() } }),
    onSuccess: (result) => {
      setCode("");
      setCodes(result.recoveryCodes);
    },
  });
  const { totp } = profile;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t("account.twoFactor")}
          </Title>
          <Badge color={totp.enabled ? "teal" : "red"} variant="light">
            {totp.enabled ? t("account.on") : t("account.off")}
          </Badge>
        </Group>
        {totp.enabled ? (
          <>
            <Text size="sm">
              {t("account.twoFactorSince", { date: formatDateTime(totp.enabledAt, i18n.language) })}{" "}
              {t("account.recoveryLeft", { count: totp.recoveryCodesLeft })}
            </Text>
            {totp.recoveryCodesLeft <= 3 ? <Alert color="yellow">{t("account.recoveryLow")}</Alert> : null}
            {codes ? (
              <RecoveryCodes
                codes={codes}
                onDone={() => {
                  setCodes(null);
                  void client.invalidateQueries({ queryKey: PROFILE });
                }}
              />
            ) : (
              <form
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  regenerate.mutate();
                }}
              >
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <TextInput
                    label={t("account.codeForNewRecovery")}
                    value={code}
                    onChange={(e) => setCode(e.currentTarget.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    maxLength={6}
                    required
                  />
                  <Button type="submit" variant="default" loading={regenerate.isPending}>
                    {t("account.newRecoveryCodes")}
                  </Button>
                </Group>
              </form>
            )}
            <ErrorAlert error={regenerate.error} />
            <Text size="sm" c="dimmed">
              {t("account.lostPhone")}
            </Text>
          </>
        ) : (
          <>
            <Text size="sm">{totp.required ? t("account.twoFactorRequired") : t("account.twoFactorAdvice")}</Text>
            <Button component={Link} to="/account/2fa" w="fit-content">
              {t("account.enable2fa")}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The own account: name and language, password, two-step verification and recovery codes, sessions, keys. */
export function AccountPage() {
  const { t } = useTranslation("auth");
  const profile = useQuery({ queryKey: PROFILE, queryFn: () => api<Profile>("/api/app/auth/profile") });
  return (
    <Stack maw={960}>
      <PageHeader
        title={t("account.title")}
        actions={
          <Anchor component={Link} to="/account/keys">
            {t("account.toKeys")}
          </Anchor>
        }
      />
      <ErrorAlert error={profile.error} />
      {profile.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack>
            <ProfileCard account={profile.data.account} />
            <TwoFactorCard profile={profile.data} />
          </Stack>
          <PasswordCard name={profile.data.account.name} />
        </SimpleGrid>
      ) : null}
      {profile.data ? <SessionsCard /> : null}
    </Stack>
  );
}
