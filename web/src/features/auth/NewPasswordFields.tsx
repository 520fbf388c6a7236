import { PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MIN_PASSWORD_LENGTH } from "./password";

/** The new password and its repetition, as set-up, the forced change and the account page ask for them. */
export function NewPasswordFields(props: {
  /** "password" on first set-up, "newPassword" when one exists. */
  labelKey: "password" | "newPassword";
  value: string;
  onChange(value: string): void;
  repeat: string;
  onRepeatChange(value: string): void;
  mismatch: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PasswordInput
        label={t(`fields.${props.labelKey}`)}
        description={t("fields.passwordHint", { min: MIN_PASSWORD_LENGTH })}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        autoComplete="new-password"
        required
        autoFocus={props.autoFocus}
      />
      <PasswordInput
        label={t("fields.passwordRepeat")}
        value={props.repeat}
        onChange={(e) => props.onRepeatChange(e.currentTarget.value)}
        autoComplete="new-password"
        error={props.mismatch ? t("fields.passwordMismatch") : undefined}
        required
      />
    </>
  );
}
