import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ApiError, api } from "../../api";
import { PageHeader } from "../../layout/PageHeader";
import { useFocusBackOnClose } from "../dashboard/shared";
import { ApprovalNotice } from "./ApprovalNotice";
import {
  type ChatMessage,
  type ChatModel,
  type Conversation,
  type ConversationSummary,
  type Hints,
  type PreviewEntity,
  type Refusal,
  sendChatMessage,
} from "./chat-api";
import { HighlightedText } from "./HighlightedText";
import { ReviewPanel } from "./ReviewPanel";
import { useLiveEntities } from "./useLiveEntities";

const NO_HINTS: Hints = { notPersonal: [], add: [] };
type Stage = "compose" | "review" | "streaming";

function useModels() {
  return useQuery({
    queryKey: ["chat", "models"],
    queryFn: () => api<{ models: ChatModel[] }>("/api/app/chat/models"),
  });
}

function useConversations() {
  return useQuery({
    queryKey: ["chat", "conversations"],
    queryFn: () => api<{ conversations: ConversationSummary[]; retentionDays: number }>("/api/app/chat/conversations"),
  });
}

export function ChatPage() {
  const { t } = useTranslation("chat");
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const conversationId = params.get("c");
  const models = useModels();
  const list = useConversations();
  const conversation = useQuery({
    queryKey: ["chat", "conversation", conversationId],
    queryFn: () => api<Conversation>(`/api/app/chat/conversations/${encodeURIComponent(conversationId ?? "")}`),
    enabled: conversationId !== null,
  });

  const [model, setModel] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [hints, setHints] = useState<Hints>(NO_HINTS);
  const [stage, setStage] = useState<Stage>("compose");
  const [preview, setPreview] = useState<PreviewEntity[]>([]);
  const [pending, setPending] = useState<{ user: string; answer: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // The approval of a held message: sent along on every later try, so the message goes through
  // once an admin approved it, whether the user presses "send again" or reviews it anew.
  const [heldApproval, setHeldApproval] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const live = useLiveEntities(draft);

  // The conversation's own model first, else the first model that may see customer data.
  useEffect(() => {
    const available = models.data?.models ?? [];
    if (available.length === 0) return;
    const wanted = conversation.data?.model;
    if (wanted && available.some((m) => m.name === wanted)) setModel(wanted);
    else if (model === null || !available.some((m) => m.name === model)) {
      setModel((available.find((m) => m.allows.customer) ?? available[0])?.name ?? null);
    }
  }, [models.data, conversation.data?.model, model]);

  const openConversation = (id: string | null) => {
    abortRef.current?.abort();
    setParams(id ? { c: id } : {});
    setStage("compose");
    setPending(null);
    setRefusal(null);
    setHeldApproval(null);
    setFailure(null);
    setHints(NO_HINTS);
  };

  const loadPreview = async (nextHints: Hints) => {
    const result = await api<{ entities: PreviewEntity[] }>("/api/app/chat/preview", {
      body: { text: draft, hints: { notPersonal: [], add: nextHints.add } },
    });
    setPreview(result.entities);
  };

  const review = async () => {
    if (draft.trim() === "" || model === null) return;
    setRefusal(null);
    setFailure(null);
    try {
      await loadPreview(hints);
      setStage("review");
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t("error"));
    }
  };

  const changeHints = async (next: Hints) => {
    const addedChanged = JSON.stringify(next.add) !== JSON.stringify(hints.add);
    setHints(next);
    if (addedChanged) await loadPreview(next).catch(() => {});
  };

  /** `approval`: sending a held message again once an admin approved it (the chat API attaches it). */
  const send = async (retryWith?: string) => {
    if (model === null) return;
    const text = draft;
    const approval = retryWith ?? heldApproval ?? undefined;
    let id = conversationId;
    setFailure(null);
    setRefusal(null);
    try {
      if (id === null) {
        const created = await api<Conversation>("/api/app/chat/conversations", { body: { model } });
        id = created.id;
        queryClient.setQueryData(["chat", "conversation", id], created);
        setParams({ c: id });
      }
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t("error"));
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setStage("streaming");
    setPending({ user: text, answer: "" });
    let refused = false;
    try {
      await sendChatMessage(
        id,
        approval ? { text, model, hints, approval } : { text, model, hints },
        {
          delta: (piece) => setPending((p) => (p ? { ...p, answer: p.answer + piece } : p)),
          refusal: (r) => {
            refused = true;
            setRefusal(r);
            if (r.approval) setHeldApproval(r.approval.id);
          },
          error: (e) => setFailure(e.message || t("streamError")),
          done: () => {},
        },
        controller.signal,
      );
    } catch (error) {
      if (!controller.signal.aborted) setFailure(error instanceof ApiError ? error.message : t("error"));
    }
    abortRef.current = null;
    await queryClient.invalidateQueries({ queryKey: ["chat"] });
    setPending(null);
    setStage("compose");
    if (!refused) {
      setDraft("");
      setHints(NO_HINTS);
      setHeldApproval(null);
    }
  };

  const stop = () => abortRef.current?.abort();
  const messages = conversation.data?.messages ?? [];
  const selectedModel = models.data?.models.find((m) => m.name === model);
  const retentionDays = list.data?.retentionDays ?? 30;

  if (models.error instanceof ApiError && models.error.status === 503) {
    return (
      <>
        <PageHeader title={t("title")} />
        <Alert color="yellow" title={t("unavailableTitle")}>
          {models.error.message}
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("intro", { days: retentionDays })} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <ConversationList
            conversations={list.data?.conversations ?? []}
            selected={conversationId}
            onOpen={openConversation}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t("model.label")}
                data={(models.data?.models ?? []).map((m) => ({
                  value: m.name,
                  label: `${m.name} · ${t(`tier.${m.tier}`)}`,
                }))}
                value={model}
                onChange={setModel}
                allowDeselect={false}
                disabled={stage === "streaming"}
                style={{ flex: "1 1 260px" }}
              />
              {selectedModel ? <ModelFacts model={selectedModel} /> : null}
            </Group>

            <Stack gap="sm" aria-live="polite" data-testid="messages">
              {conversationId !== null && conversation.isPending ? (
                <Loader size="sm" aria-label={t("loading")} />
              ) : null}
              {messages.map((message, i) => (
                <MessageView
                  // biome-ignore lint/suspicious/noArrayIndexKey: messages are append-only, the index is their identity
                  key={i}
                  message={message}
                  prompt={message.role === "assistant" ? messages[i - 1] : undefined}
                />
              ))}
              {pending ? (
                <>
                  <MessageView message={{ role: "user", text: pending.user, at: "" }} />
                  {refusal ? null : (
                    <Paper p="sm" radius="md" bg="gray.0" withBorder data-testid="streaming-answer">
                      <Text size="xs" c="gray.7" mb={4}>
                        {t("assistant")}
                      </Text>
                      <Text style={{ whiteSpace: "pre-wrap" }}>{pending.answer || "…"}</Text>
                    </Paper>
                  )}
                </>
              ) : null}
            </Stack>

            {refusal?.approval ? (
              <ApprovalNotice
                approval={refusal.approval}
                onResend={(id) => void send(id)}
                busy={stage === "streaming"}
              />
            ) : refusal ? (
              <Alert color="red" title={t("refused.title")} role="alert" data-testid="refusal">
                <Text size="sm">{refusal.message}</Text>
                <Text size="sm" mt="xs">
                  {t("refused.notSent")}
                </Text>
              </Alert>
            ) : null}
            {failure ? (
              <Alert color="red" title={t("error")} role="alert">
                {failure}
              </Alert>
            ) : null}

            {stage === "review" ? (
              <ReviewPanel
                text={draft}
                entities={preview}
                hints={hints}
                onChange={(next) => void changeHints(next)}
                onSend={() => void send()}
                onBack={() => setStage("compose")}
                busy={false}
              />
            ) : (
              <Composer
                draft={draft}
                onDraft={setDraft}
                live={live}
                streaming={stage === "streaming"}
                onReview={() => void review()}
                onStop={stop}
                canSend={model !== null}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Composer({
  draft,
  onDraft,
  live,
  streaming,
  onReview,
  onStop,
  canSend,
}: {
  draft: string;
  onDraft(text: string): void;
  live: ReturnType<typeof useLiveEntities>;
  streaming: boolean;
  onReview(): void;
  onStop(): void;
  canSend: boolean;
}) {
  const { t } = useTranslation("chat");
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Textarea
          label={t("composer.label")}
          description={t("composer.help")}
          value={draft}
          onChange={(event) => onDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              onReview();
            }
          }}
          autosize
          minRows={3}
          maxRows={12}
          disabled={streaming}
        />
        {draft.trim() !== "" ? (
          <Box>
            <Text size="sm" fw={500} mb={4}>
              {live.entities.length === 0
                ? t("composer.noneFound")
                : t("composer.found", { count: live.entities.length })}
            </Text>
            {live.tooLong ? (
              <Text size="sm" c="red.9">
                {t("composer.tooLong")}
              </Text>
            ) : (
              <Paper p="xs" bg="gray.0" radius="sm">
                <HighlightedText text={draft} entities={live.entities} label={t("composer.highlightLabel")} />
              </Paper>
            )}
          </Box>
        ) : null}
        <Group justify="flex-end">
          {streaming ? (
            <Button color="red" variant="light" onClick={onStop}>
              {t("composer.stop")}
            </Button>
          ) : (
            <Button onClick={onReview} disabled={draft.trim() === "" || !canSend}>
              {t("composer.review")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ModelFacts({ model }: { model: ChatModel }) {
  const { t } = useTranslation("chat");
  return (
    <Group gap={6} wrap="wrap" pb={4}>
      <Badge color={model.allows.customer ? "teal.9" : "#c2410c"} tt="none">
        {model.allows.special
          ? t("model.special")
          : model.allows.sensitive
            ? t("model.sensitive")
            : model.allows.customer
              ? t("model.customer")
              : t("model.noCustomer")}
      </Badge>
      {model.facts.local ? (
        <Badge variant="outline" tt="none">
          {t("model.local")}
        </Badge>
      ) : null}
      {model.facts.euResidency ? (
        <Badge variant="outline" tt="none">
          {t("model.eu")}
        </Badge>
      ) : null}
    </Group>
  );
}

function MessageView({ message, prompt }: { message: ChatMessage; prompt?: ChatMessage | undefined }) {
  const { t } = useTranslation("chat");
  const [showSeen, setShowSeen] = useState(false);
  const mine = message.role === "user";
  return (
    <Paper
      p="sm"
      radius="md"
      withBorder
      bg={mine ? "blue.0" : "gray.0"}
      ml={mine ? { base: 0, sm: "xl" } : 0}
      mr={mine ? 0 : { base: 0, sm: "xl" }}
      data-testid={mine ? "user-message" : "assistant-message"}
    >
      <Text size="xs" c="gray.7" mb={4}>
        {mine ? t("you") : message.model ? t("assistantWith", { model: message.model }) : t("assistant")}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{message.text}</Text>
      {message.stopped ? (
        <Text size="xs" c="gray.7" mt={4}>
          {t("stopped")}
        </Text>
      ) : null}
      {!mine ? (
        <Stack gap={6} mt="xs">
          <Switch
            size="sm"
            checked={showSeen}
            onChange={(event) => setShowSeen(event.currentTarget.checked)}
            label={t("seen.toggle")}
          />
          {showSeen ? (
            <Stack gap={6} data-testid="seen">
              <Text size="xs" fw={600}>
                {t("seen.prompt")}
              </Text>
              <Paper p="xs" bg="white" withBorder>
                <Text size="sm" ff="monospace" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                  {prompt?.seen ?? ""}
                </Text>
              </Paper>
              <Text size="xs" fw={600}>
                {t("seen.answer")}
              </Text>
              <Paper p="xs" bg="white" withBorder>
                <Text size="sm" ff="monospace" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                  {message.seen ?? ""}
                </Text>
              </Paper>
              {message.entities && Object.keys(message.entities).length > 0 ? (
                <Text size="xs" c="gray.7">
                  {t("seen.counts", {
                    list: Object.entries(message.entities)
                      .map(([type, n]) => `${n} × ${t(`types.${type}`)}`)
                      .join(", "),
                  })}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

function ConversationList({
  conversations,
  selected,
  onOpen,
}: {
  conversations: ConversationSummary[];
  selected: string | null;
  onOpen(id: string | null): void;
}) {
  const { t } = useTranslation("chat");
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState<ConversationSummary | null>(null);
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null);
  const [title, setTitle] = useState("");
  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      api(`/api/app/chat/conversations/${encodeURIComponent(id)}`, { method: "PATCH", body: { title } }),
    onSuccess: () => {
      setRenaming(null);
      return queryClient.invalidateQueries({ queryKey: ["chat"] });
    },
  });
  return (
    <Paper withBorder p="sm" radius="md" component="nav" aria-label={t("list.label")}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {t("list.title")}
          </Title>
          <Button size="xs" variant="default" onClick={() => onOpen(null)}>
            {t("list.new")}
          </Button>
        </Group>
        {conversations.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t("list.empty")}
          </Text>
        ) : null}
        <Box style={{ maxHeight: 420, overflowY: "auto" }}>
          <Stack gap={4} component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {conversations.map((c) => (
              <Group key={c.id} component="li" gap={4} wrap="nowrap" align="center">
                <UnstyledButton
                  onClick={() => onOpen(c.id)}
                  aria-current={c.id === selected ? "page" : undefined}
                  p={6}
                  style={{
                    flex: 1,
                    minWidth: 0,
                    borderRadius: 6,
                    background: c.id === selected ? "var(--mantine-color-blue-light)" : undefined,
                  }}
                >
                  <Text size="sm" truncate="end">
                    {c.title}
                  </Text>
                </UnstyledButton>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t("list.rename", { title: c.title })}
                  onClick={() => {
                    setTitle(c.title);
                    setRenaming(c);
                  }}
                >
                  ✎
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("list.delete", { title: c.title })}
                  onClick={() => setDeleting(c)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </Box>
      </Stack>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t("list.renameTitle")}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (renaming && title.trim() !== "") rename.mutate({ id: renaming.id, title: title.trim() });
          }}
        >
          <Stack>
            <TextInput
              label={t("list.titleLabel")}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRenaming(null)}>
                {t("cancel")}
              </Button>
              <Button type="submit" loading={rename.isPending}>
                {t("save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      {deleting ? (
        <DeleteConversationModal
          conversation={deleting}
          onDeleted={(id) => {
            if (id === selected) onOpen(null);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </Paper>
  );
}

/**
 * Asks before a conversation is deleted for good. A Mantine dialog instead of window.confirm: its
 * buttons speak the app's language, it is styled like the rest, and a keyboard user gets the focus
 * back on the delete button when it is cancelled.
 */
function DeleteConversationModal({
  conversation,
  onDeleted,
  onClose,
}: {
  conversation: ConversationSummary;
  onDeleted(id: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation("chat");
  const queryClient = useQueryClient();
  useFocusBackOnClose();
  const remove = useMutation({
    mutationFn: () => api(`/api/app/chat/conversations/${encodeURIComponent(conversation.id)}`, { method: "DELETE" }),
    onSuccess: async () => {
      onDeleted(conversation.id);
      await queryClient.invalidateQueries({ queryKey: ["chat", "conversations"] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t("list.deleteTitle")}>
      <Stack>
        <Text size="sm">{t("list.deleteBody", { title: conversation.title })}</Text>
        {remove.error ? (
          <Alert color="red" role="alert">
            {remove.error instanceof ApiError ? remove.error.message : t("list.deleteFailed")}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("cancel")}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t("list.deleteConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
