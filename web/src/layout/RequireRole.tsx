import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Role, useAccount } from "../account";

/** Pages for admins only: a member who follows a link sees why, instead of a broken page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const account = useAccount();
  const { t } = useTranslation();
  if (!roles.includes(account.role)) {
    return (
      <Alert color="yellow" title={t("forbidden.title")}>
        {t("forbidden.text")}
      </Alert>
    );
  }
  return <>{children}</>;
}
