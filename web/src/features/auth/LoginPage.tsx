import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useRefreshSession, useSession } from "../../account";
import { api } from "../../api";
import { AuthCard } from "./AuthCard";
import { ErrorAlert } from "./errors";
import { NewPasswordFields } from "./NewPasswordFields";
import type { AuthSessionState } from "./types";

type Step = "password" | "totp" | "change";

/** Only paths of this app: `next` must never send someone to another site after logging in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

/** Login in up to three steps: name and password, then the TOTP (or recovery) code, then — after an admin set the password — a new one. */
export function LoginPage() {
  const { t } = useTranslation("auth");
  const session = useSession() as AuthSessionState;
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const initial: Step = session.passwordChangeRequired ? "change" : session.totpRequired ? "totp" : "password";
  const [step, setStep] = useState<Step>(initial);
  const [name, setName] = useState(session.name ?? "");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [newPassword, setNewPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);

  useEffect(() => {
    if (session.passwordChangeRequired) setStep("change");
  }, [session.passwordChangeRequired]);

  async function finish(state: AuthSessionState) {
    if (state.passwordChangeRequired) {
      setStep("change");
      return;
    }
    await refresh();
    navigate(state.totpEnrollmentRequired ? "/account/2fa" : next, { replace: true });
  }

  const login = useMutation({
    mutationFn: () =>
      api<AuthSessionState & { totpRequired?: boolean }>("/api/app/auth/login", {
        body: { name: name.trim(), password },
      }),
    onSuccess: async (state) => {
      if (state.totpRequired) setStep("totp");
      else await finish(state);
    },
  });
  const second = useMutation({
    mutationFn: () => api<AuthSessionState>("/api/app/auth/login/totp", { body: { code: code.trim() } }),
    onSuccess: finish,
  });
  const change = useMutation({
    mutationFn: () =>
      api<AuthSessionState>("/api/app/auth/password", { body: { currentPassword: password, newPassword } }),
    onSuccess: finish,
  });

  if (session.account) return <Navigate to={next} replace />;
  if (session.setupRequired) return <Navigate to="/setup" replace />;

  if (step === "totp") {
    return (
      <AuthCard
        title={t("login.totpTitle")}
        description={useRecovery ? t("login.recoveryIntro") : t("login.totpIntro")}
      >
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            second.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              label={useRecovery ? t("login.recoveryCode") : t("login.code")}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              autoComplete="one-time-code"
              inputMode={useRecovery ? "text" : "numeric"}
              maxLength={useRecovery ? 20 : 6}
              required
              autoFocus
              key={useRecovery ? "recovery" : "totp"}
            />
            <ErrorAlert error={second.error} />
            <Button type="submit" loading={second.isPending}>
              {t("login.verify")}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setCode("");
              }}
            >
              {useRecovery ? t("login.useApp") : t("login.useRecovery")}
            </Anchor>
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="dimmed"
              onClick={() => {
                setStep("password");
                setCode("");
                setPassword("");
              }}
            >
              {t("login.startOver")}
            </Anchor>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  if (step === "change") {
    return (
      <AuthCard title={t("login.changeTitle")} description={t("login.changeIntro")}>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (newPassword !== repeat) {
              setMismatch(true);
              return;
            }
            setMismatch(false);
            change.mutate();
          }}
          noValidate
        >
          <Stack gap="sm">
            {/* Tells password managers whose password this is. */}
            <input type="text" name="username" autoComplete="username" value={name} readOnly hidden />
            <PasswordInput
              label={t("fields.oneTimePassword")}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <NewPasswordFields
              labelKey="newPassword"
              value={newPassword}
              onChange={setNewPassword}
              repeat={repeat}
              onRepeatChange={setRepeat}
              mismatch={mismatch}
              autoFocus
            />
            <ErrorAlert error={change.error} />
            <Button type="submit" loading={change.isPending}>
              {t("login.changeSubmit")}
            </Button>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("login.title")} description={t("login.intro")}>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          login.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <TextInput
            label={t("fields.name")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <PasswordInput
            label={t("fields.password")}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
          />
          <ErrorAlert error={login.error} />
          <Button type="submit" loading={login.isPending}>
            {t("login.submit")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("login.forgot")}
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
