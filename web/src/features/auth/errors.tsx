import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";

/** The server's message (already in the user's language) in an alert that screen readers announce. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("error");
  return (
    <Alert color="red" role="alert" variant="light">
      {message}
    </Alert>
  );
}
