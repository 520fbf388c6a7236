import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

interface FieldDetail {
  path?: string;
  field?: string;
  message: string;
}

/**
 * The field messages an API error lists. Governance errors carry `{ fields }` instead, which the
 * forms show beside each field (`fieldErrors`), so they are not repeated here.
 */
function detailsOf(error: unknown): FieldDetail[] {
  return error instanceof ApiError && Array.isArray(error.details) ? (error.details as FieldDetail[]) : [];
}

/** The server's message, with its field details when it gave them as a list. Nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = detailsOf(error);
  return (
    <Alert color="red" title={t("common:error")} role="alert">
      {message}
      {details.length > 0 ? (
        <ul>
          {details.map((d) => {
            const where = d.path ?? d.field;
            return <li key={`${where}:${d.message}`}>{where ? `${where}: ${d.message}` : d.message}</li>;
          })}
        </ul>
      ) : null}
    </Alert>
  );
}
