import { Alert, Badge, Button, Card, Code, Group, Modal, Select, Stack, Table, Text, Textarea } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import type { Approval, ApprovalList, ApprovalStatus } from "./types";

type Filter = ApprovalStatus | "all";
type Action = "approve" | "deny";

const STATUS_COLOR: Record<ApprovalStatus, string> = { pending: "orange", approved: "teal", denied: "red" };
const CLASS_COLOR = { public: "gray", customer: "blue", sensitive: "grape", special: "red" } as const;
// Badges in a narrow column would otherwise be cut to "KLANTG…".
const NO_TRUNCATE = {
  root: { maxWidth: "none", flexShrink: 0 },
  label: { overflow: "visible", textOverflow: "clip" },
} as const;

function dateTime(iso: string | null, language: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation("approvals");
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error instanceof ApiError ? error.message : t("error")}
    </Alert>
  );
}

/** Entity counts as "E-mailadres 1 · Persoonsnaam 2": what was found, never what it was. */
function Counts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation("approvals");
  // The entity names the usage page shows, so an owner reads the same word on both pages.
  const entries = Object.entries(counts)
    .map(([type, n]) => [t(`usage:entity.${type}`, { defaultValue: type }), n] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <Text size="sm">—</Text>;
  return <Text size="sm">{entries.map(([label, n]) => `${label} ${n}`).join(" · ")}</Text>;
}

/** Pending: the approve and deny buttons. Decided: the outcome, who, when, and the note. */
function DecisionCell({
  approval,
  onOpen,
}: {
  approval: Approval;
  onOpen: (approval: Approval, action: Action) => void;
}) {
  const { t, i18n } = useTranslation("approvals");
  return (
    <>
      {approval.status === "pending" ? (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            color="teal"
            onClick={() => onOpen(approval, "approve")}
            aria-label={t("approveNamed", { user: approval.user, id: approval.id })}
          >
            {t("approve")}
          </Button>
          <Button
            size="xs"
            color="red"
            variant="outline"
            onClick={() => onOpen(approval, "deny")}
            aria-label={t("denyNamed", { user: approval.user, id: approval.id })}
          >
            {t("deny")}
          </Button>
        </Group>
      ) : (
        <>
          <Badge color={STATUS_COLOR[approval.status]} variant="light" tt="none" styles={NO_TRUNCATE}>
            {t(`status.${approval.status}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t("decidedBy", {
              who: approval.decidedBy ?? "—",
              when: dateTime(approval.decidedAt, i18n.language),
            })}
          </Text>
          {approval.status === "approved" ? (
            <Text size="xs" c="dimmed">
              {t("validUntil", {
                when: dateTime(approval.expiresAt, i18n.language),
                uses: approval.uses,
              })}
            </Text>
          ) : null}
          {approval.note ? (
            <Text size="xs" fs="italic">
              {approval.note}
            </Text>
          ) : null}
        </>
      )}
    </>
  );
}

/** On a phone: one card per request instead of a wide table. */
function ApprovalCard({
  approval,
  onOpen,
}: {
  approval: Approval;
  onOpen: (approval: Approval, action: Action) => void;
}) {
  const { t, i18n } = useTranslation("approvals");
  return (
    <Card withBorder component="article" aria-label={t("cardLabel", { user: approval.user, id: approval.id })}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{approval.user}</Text>
            {approval.team ? (
              <Text size="xs" c="dimmed">
                {t("team", { team: approval.team })}
              </Text>
            ) : null}
          </div>
          <Badge color={CLASS_COLOR[approval.classification]} variant="light" tt="none" styles={NO_TRUNCATE}>
            {t(`class.${approval.classification}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t("col.model")}: {approval.model}
        </Text>
        <Text size="sm">
          {t("col.tools")}:{" "}
          <Text span ff="monospace" size="sm">
            {approval.tools.join(", ") || "—"}
          </Text>
        </Text>
        <Group gap={6}>
          <Text size="sm">{t("col.found")}:</Text>
          <Counts counts={approval.entityCounts} />
        </Group>
        <Text size="xs" c="dimmed">
          {dateTime(approval.requestedAt, i18n.language)} ·{" "}
          <span style={{ fontFamily: "monospace" }}>{approval.id}</span>
        </Text>
        <DecisionCell approval={approval} onOpen={onOpen} />
      </Stack>
    </Card>
  );
}

/**
 * Requests the AI policy held for a person's approval (tool calls on customer data): who asked,
 * for which model and tools, on which kind of data. The admin approves or denies; the employee's
 * tool then sends the same request again with the approval id.
 */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation("approvals");
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter>("pending");
  const [deciding, setDeciding] = useState<{ approval: Approval; action: Action } | null>(null);
  const [note, setNote] = useState("");
  const list = useQuery({
    queryKey: ["approvals", filter],
    queryFn: () => api<ApprovalList>(`/api/app/approvals?status=${filter}`),
    // New held requests show up without reloading the page.
    refetchInterval: 15_000,
  });
  const decide = useMutation({
    mutationFn: (input: { approval: Approval; action: Action; note: string }) =>
      api<Approval>(`/api/app/approvals/${encodeURIComponent(input.approval.id)}/${input.action}`, {
        body: input.note.trim() === "" ? {} : { note: input.note.trim() },
      }),
    onSuccess: async () => {
      setDeciding(null);
      setNote("");
      await client.invalidateQueries({ queryKey: ["approvals"] });
    },
  });
  const open = (approval: Approval, action: Action) => {
    decide.reset();
    setNote("");
    setDeciding({ approval, action });
  };
  const approvals = list.data?.approvals ?? [];
  const phone = useMediaQuery("(max-width: 48em)") ?? false;

  return (
    <Stack maw={1200}>
      <PageHeader title={t("title")} description={t("description")} />
      <Group align="flex-end" justify="space-between" wrap="wrap">
        <Select
          label={t("filter.label")}
          value={filter}
          onChange={(value) => setFilter((value as Filter | null) ?? "pending")}
          allowDeselect={false}
          data={(["pending", "approved", "denied", "all"] as const).map((value) => ({
            value,
            label: t(`filter.${value}`),
          }))}
          w={220}
        />
        <Button variant="default" onClick={() => list.refetch()} loading={list.isFetching}>
          {t("refresh")}
        </Button>
      </Group>
      <ErrorText error={list.error} />
      {list.data && approvals.length === 0 ? (
        <Text c="dimmed">{filter === "pending" ? t("emptyPending") : t("empty")}</Text>
      ) : null}
      {approvals.length > 0 && phone ? (
        <Stack gap="sm">
          {approvals.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} onOpen={open} />
          ))}
        </Stack>
      ) : null}
      {approvals.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={t("tableLabel")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("col.requested")}</Table.Th>
                <Table.Th>{t("col.user")}</Table.Th>
                <Table.Th>{t("col.model")}</Table.Th>
                <Table.Th>{t("col.tools")}</Table.Th>
                <Table.Th>{t("col.data")}</Table.Th>
                <Table.Th>{t("col.found")}</Table.Th>
                <Table.Th>{t("col.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {approvals.map((approval) => (
                <Table.Tr key={approval.id}>
                  <Table.Td>
                    <Text size="sm">{dateTime(approval.requestedAt, i18n.language)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {approval.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{approval.user}</Text>
                    {approval.team ? (
                      <Text size="xs" c="dimmed">
                        {t("team", { team: approval.team })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{approval.model}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {approval.endpoint}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {approval.tools.map((tool) => (
                        <Text key={tool} size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                          {tool}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={CLASS_COLOR[approval.classification]} variant="light" tt="none" styles={NO_TRUNCATE}>
                      {t(`class.${approval.classification}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Counts counts={approval.entityCounts} />
                  </Table.Td>
                  <Table.Td>
                    <DecisionCell approval={approval} onOpen={open} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Alert color="gray" title={t("howTitle")}>
        <Text size="sm">{t("how", { minutes: list.data?.windowMinutes ?? 60 })}</Text>
        <Code block mt="xs">
          x-poortwachter-approval: apr_…
        </Code>
      </Alert>
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding ? t(deciding.action === "approve" ? "confirmApproveTitle" : "confirmDenyTitle") : ""}
      >
        {deciding ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              decide.mutate({ ...deciding, note });
            }}
          >
            <Stack>
              <Text size="sm">
                {t(deciding.action === "approve" ? "confirmApprove" : "confirmDeny", {
                  user: deciding.approval.user,
                  model: deciding.approval.model,
                  tools: deciding.approval.tools.join(", "),
                  minutes: list.data?.windowMinutes ?? 60,
                })}
              </Text>
              <Textarea
                label={t("note")}
                description={t("noteHelp")}
                maxLength={500}
                autosize
                minRows={2}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <ErrorText error={decide.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDeciding(null)}>
                  {t("cancel")}
                </Button>
                <Button type="submit" color={deciding.action === "approve" ? "teal" : "red"} loading={decide.isPending}>
                  {t(deciding.action === "approve" ? "approve" : "deny")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Modal>
    </Stack>
  );
}
