import { Badge, Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm";
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
  if (keys.length === 0) return <Text c="dimmed">{t("keys.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("keys.key")}</Table.Th>
            <Table.Th>{t("keys.label")}</Table.Th>
            <Table.Th>{t("keys.created")}</Table.Th>
            <Table.Th>{t("keys.expires")}</Table.Th>
            <Table.Th>{t("keys.status")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("keys.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
