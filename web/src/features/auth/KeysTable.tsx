import { Badge, Button, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm";
import { DataTable } from "../../components/DataTable";
import { formatDate } from "./format";
import type { KeyView } from "./types";

const STATUS_COLOR = { active: "teal", revoked: "gray", expired: "orange" } as const;

/**
 * Keys as a table: what they are for, when they expire, and a revoke button for active ones.
 * `onRevoke` is called once the person confirmed in a dialog that says what revoking breaks.
 */
export function KeysTable({
  keys,
  onRevoke,
  revoking,
}: {
  keys: KeyView[];
  onRevoke: (key: KeyView) => void;
  revoking?: string | null;
}) {
  const { t, i18n } = useTranslation("auth");
  const confirm = useConfirm();
  const confirmRevoke = async (key: KeyView) => {
    const sure = await confirm({
      title: t("keys.revokeTitle"),
      body: t("keys.revokeConfirm", { key: key.display }),
      confirmLabel: t("keys.revoke"),
      danger: true,
    });
    if (sure) onRevoke(key);
  };
  return (
    <DataTable
      minWidth={560}
      striped
      count={keys.length}
      empty={t("keys.none")}
      columns={[
        t("keys.key"),
        t("keys.label"),
        t("keys.created"),
        t("keys.expires"),
        t("keys.status"),
        { hidden: t("keys.actions") },
      ]}
    >
      {keys.map((key) => (
        <Table.Tr key={key.id}>
          <Table.Td>
            <Text ff="monospace" size="sm">
              {key.display}
            </Text>
          </Table.Td>
          <Table.Td>{key.label ?? "—"}</Table.Td>
          <Table.Td>{formatDate(key.createdAt, i18n.language)}</Table.Td>
          <Table.Td>{key.expiresAt ? formatDate(key.expiresAt, i18n.language) : t("keys.never")}</Table.Td>
          <Table.Td>
            <Badge color={STATUS_COLOR[key.status]} variant="light">
              {t(`keys.statuses.${key.status}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            {key.status === "active" ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={revoking === key.id}
                onClick={() => confirmRevoke(key)}
                aria-label={t("keys.revokeNamed", { key: key.display })}
              >
                {t("keys.revoke")}
              </Button>
            ) : null}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
