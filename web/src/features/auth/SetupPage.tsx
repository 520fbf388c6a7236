import { Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate } from "react-router";
import { useRefreshSession, useSession } from "../../account";
import { api } from "../../api";
import { AuthCard } from "./AuthCard";
import { ErrorAlert } from "./errors";
import { NewPasswordFields } from "./NewPasswordFields";

/** First start: the owner's account. Afterwards the shell sends them on to TOTP enrolment. */
export function SetupPage() {
  const { t, i18n } = useTranslation("auth");
  const session = useSession();
  const refresh = useRefreshSession();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);

  const setup = useMutation({
    mutationFn: () =>
      api("/api/app/auth/setup", {
        body: { name: name.trim(), displayName: displayName.trim() || undefined, password, language: i18n.language },
      }),
    onSuccess: async () => {
      await refresh();
      navigate("/account/2fa", { replace: true });
    },
  });

  if (!session.setupRequired) return <Navigate to="/login" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate();
  }

  return (
    <AuthCard title={t("setup.title")} description={t("setup.intro")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t("fields.name")}
            description={t("fields.nameHint")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
          />
          <TextInput
            label={t("fields.displayName")}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            autoComplete="name"
          />
          <NewPasswordFields
            labelKey="password"
            value={password}
            onChange={setPassword}
            repeat={repeat}
            onRepeatChange={setRepeat}
            mismatch={mismatch}
          />
          <ErrorAlert error={setup.error} />
          <Button type="submit" loading={setup.isPending}>
            {t("setup.submit")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("setup.next2fa")}
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
