import { Alert, Badge, Button, Card, Group, List, Loader, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isAdmin, useAccount } from "../../account";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../layout/PageHeader";
import type { Values } from "./form";
import {
  DeleteButton,
  fieldErrors,
  formatDate,
  govCall,
  useFocusBackOnClose,
  useGov,
  useGovWrite,
  useLang,
  usePick,
  WARNING_TEXT,
} from "./shared";
import { ToolModal, type ToolModalMode } from "./ToolModal";
import type { ApprovalStatus, ToolView } from "./types";

const APPROVAL_COLOR: Record<ApprovalStatus, string> = { requested: "#c2410c", approved: "teal.9", rejected: "red.9" };

/** "AI-tools in gebruik": the inventory with tier warnings and the approval flow. */
export function ToolsPage() {
  const { t } = useTranslation("dashboard");
  const account = useAccount();
  const admin = isAdmin(account);
  const tools = useGov<{ tools: ToolView[] }>("/tools");
  const [modal, setModal] = useState<{ mode: ToolModalMode; initial: Values } | null>(null);
  const [rejecting, setRejecting] = useState<ToolView | null>(null);

  const newTool = (): Values => ({
    dataCategories: ["public"],
    responsiblePerson: account.displayName,
    users: [],
    teams: [],
  });
  return (
    <>
      <PageHeader
        title={t("tools.title")}
        description={admin ? t("tools.description") : t("tools.memberDescription")}
        actions={
          <Button onClick={() => setModal({ mode: admin ? "add" : "request", initial: newTool() })}>
            {admin ? t("tools.add") : t("tools.request")}
          </Button>
        }
      />
      {tools.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={tools.error} />
      {tools.data && tools.data.tools.length === 0 ? <Text c="dimmed">{t("tools.none")}</Text> : null}
      <Stack>
        {(tools.data?.tools ?? []).map((view) => (
          <ToolCard
            key={view.tool.id}
            view={view}
            admin={admin}
            onEdit={() => setModal({ mode: "edit", initial: view.tool as unknown as Values })}
            onReject={() => setRejecting(view)}
          />
        ))}
      </Stack>
      {modal ? <ToolModal mode={modal.mode} initial={modal.initial} onClose={() => setModal(null)} /> : null}
      {rejecting ? <RejectModal view={rejecting} onClose={() => setRejecting(null)} /> : null}
    </>
  );
}

function ToolCard({
  view,
  admin,
  onEdit,
  onReject,
}: {
  view: ToolView;
  admin: boolean;
  onEdit: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation("dashboard");
  const pick = usePick();
  const lang = useLang();
  const { tool } = view;
  const id = encodeURIComponent(tool.id);
  const approve = useGovWrite(() => govCall("POST", `/tools/${id}/decision`, { decision: "approved" }));
  const again = useGovWrite(() => govCall("POST", `/tools/${id}/request`, {}));
  const remove = useGovWrite(() => govCall("DELETE", `/tools/${id}`));
  const status = tool.approval.status;
  return (
    <Card withBorder padding="md" component="section" aria-label={view.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text fw={700} size="lg">
            {view.name}
          </Text>
          <Group gap={6}>
            <Badge color={APPROVAL_COLOR[status]}>{t(`approval.${status}`)}</Badge>
            <Badge variant="outline">{t(`options.tierInUse.${tool.tierInUse}`)}</Badge>
            {tool.dataCategories.map((c) => (
              <Badge key={c} variant="outline" color="gray.8">
                {t(`options.dataCategories.${c}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap={6}>
          {admin && status === "requested" ? (
            <>
              <Button size="xs" color="teal.9" loading={approve.isPending} onClick={() => approve.mutate(undefined)}>
                {t("tools.approve")}
              </Button>
              <Button size="xs" color="red.9" variant="outline" onClick={onReject}>
                {t("tools.reject")}
              </Button>
            </>
          ) : null}
          {status !== "requested" ? (
            <Button size="xs" variant="default" loading={again.isPending} onClick={() => again.mutate(undefined)}>
              {t("tools.requestAgain")}
            </Button>
          ) : null}
          {admin ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t("edit")}
              </Button>
              <DeleteButton
                label={`${t("common:delete")}: ${view.name}`}
                onDelete={() => remove.mutateAsync(undefined)}
              />
            </>
          ) : null}
        </Group>
      </Group>
      <Text size="sm" mt="xs">
        {t("tools.responsible", { name: tool.responsiblePerson })}
        {tool.users.length > 0 ? ` · ${t("tools.users", { names: tool.users.join(", ") })}` : ""}
        {tool.teams.length > 0 ? ` · ${t("tools.teams", { names: tool.teams.join(", ") })}` : ""}
      </Text>
      {tool.workDescription ? (
        <Text size="sm" c="dimmed">
          {tool.workDescription}
        </Text>
      ) : null}
      <Text size="sm" c="dimmed" mt={4}>
        {status === "requested"
          ? t("tools.requestedBy", {
              name: tool.approval.requestedBy ?? "?",
              date: formatDate(tool.approval.requestedOn, lang),
            })
          : t("tools.decidedBy", {
              status: t(`approval.${status}`),
              name: tool.approval.decidedBy ?? "?",
              date: formatDate(tool.approval.decidedOn, lang),
            })}
        {tool.approval.reason ? ` — ${tool.approval.reason}` : ""}
      </Text>
      {view.warnings.length > 0 ? (
        <Alert
          color="orange"
          variant="light"
          mt="sm"
          title={t("tools.mismatch")}
          role="status"
          styles={{ title: { color: WARNING_TEXT } }}
        >
          <List size="sm" spacing={2}>
            {view.warnings.map((w) => (
              <List.Item key={w.nl}>{pick(w)}</List.Item>
            ))}
          </List>
          {view.catalogueFit && !view.catalogueFit.sufficient ? (
            <Text size="sm" fw={600} mt="xs">
              {t("tools.otherPlan")}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <ErrorAlert error={approve.error ?? again.error} />
    </Card>
  );
}

function RejectModal({ view, onClose }: { view: ToolView; onClose: () => void }) {
  const { t } = useTranslation("dashboard");
  useFocusBackOnClose();
  const [reason, setReason] = useState("");
  const reject = useGovWrite(
    () =>
      govCall("POST", `/tools/${encodeURIComponent(view.tool.id)}/decision`, {
        decision: "rejected",
        ...(reason.trim() ? { reason } : {}),
      }),
    onClose,
  );
  return (
    <Modal opened onClose={onClose} title={t("tools.rejectTitle", { name: view.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reject.mutate(undefined);
        }}
      >
        <Stack>
          <Textarea
            label={t("tools.rejectReason")}
            required
            autosize
            minRows={3}
            value={reason}
            error={fieldErrors(reject.error).reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={reject.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common:cancel")}
            </Button>
            <Button type="submit" color="red.9" loading={reject.isPending}>
              {t("tools.reject")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
