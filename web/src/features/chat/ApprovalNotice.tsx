import { Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import type { ApprovalState, ApprovalStatus, HeldApproval } from "./chat-api";

/** How often the page asks whether an admin has decided, while the user waits. */
const POLL_MS = 5000;

const COLOR: Record<ApprovalStatus, string> = { pending: "orange", approved: "teal", denied: "red", expired: "gray" };

/**
 * A chat message held until an admin approves it: what that means in plain words, the request's
 * status (kept up to date while it waits), and, once approved, a button that sends the message
 * again with the approval attached.
 */
export function ApprovalNotice({
  approval,
  onResend,
  busy,
}: {
  approval: HeldApproval;
  onResend(approvalId: string): void;
  busy: boolean;
}) {
  const { t } = useTranslation("chat");
  const state = useQuery({
    queryKey: ["chat", "approval", approval.id],
    queryFn: () => api<ApprovalState>(`/api/app/chat/approvals/${encodeURIComponent(approval.id)}`),
    refetchInterval: (query) => ((query.state.data?.status ?? approval.status) === "pending" ? POLL_MS : false),
    refetchOnWindowFocus: true,
  });
  const status = state.data?.status ?? approval.status;
  const note = state.data?.note;
  return (
    <Alert
      color={COLOR[status]}
      title={t(`approval.title.${status}`)}
      data-testid="approval"
      data-status={status}
      aria-live="polite"
    >
      <Stack gap="xs">
        <Text size="sm">{t(`approval.text.${status}`)}</Text>
        <Group gap="xs">
          <Text size="sm">{t("approval.statusLabel")}</Text>
          <Badge color={COLOR[status]} variant="light" tt="none">
            {t(`approval.status.${status}`)}
          </Badge>
        </Group>
        {note ? <Text size="sm">{t("approval.note", { note })}</Text> : null}
        <Text size="xs">{t("approval.reference", { id: approval.id })}</Text>
        <Group gap="sm">
          {status === "pending" ? (
            <Button variant="default" size="xs" onClick={() => void state.refetch()} loading={state.isFetching}>
              {t("approval.check")}
            </Button>
          ) : null}
          {status === "approved" || status === "expired" ? (
            <Button size="xs" onClick={() => onResend(approval.id)} loading={busy}>
              {t(status === "approved" ? "approval.resend" : "approval.askAgain")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}
