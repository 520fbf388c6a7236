import {
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, useAccount } from "../../account";
import { api } from "../../api";
import { useConfirm } from "../../components/confirm";
import { PageHeader } from "../../layout/PageHeader";
import { ErrorAlert } from "./errors";
import { KeysTable } from "./KeysTable";
import { NewKeyForm } from "./NewKeyForm";
import { RemoveAccountModal } from "./RemoveAccountModal";
import { ShownOnce } from "./ShownOnce";
import type { AdminUser, CreatedKey, KeyView, PublicAccount, Team } from "./types";

const USERS = ["admin", "users"] as const;
const TEAMS = ["admin", "teams"] as const;
const POLICY = ["auth", "policy"] as const;

interface Secret {
  title: string;
  intro: string;
  label: string;
  value: string;
}

function useTeams() {
  return useQuery({ queryKey: TEAMS, queryFn: () => api<{ teams: Team[] }>("/api/app/admin/teams") });
}

function NewUserForm({ onCreated }: { onCreated: (user: PublicAccount, password: string) => void }) {
  const { t } = useTranslation("auth");
  const me = useAccount();
  const client = useQueryClient();
  const teams = useTeams();
  const [name, setName] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [team, setTeam] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api<{ user: PublicAccount; oneTimePassword: string }>("/api/app/admin/users", {
        body: { name: name.trim(), displayName: displayName.trim() || undefined, role, team },
      }),
    onSuccess: async (result) => {
      setName("");
      setDisplayName("");
      await client.invalidateQueries({ queryKey: USERS });
      await client.invalidateQueries({ queryKey: TEAMS });
      onCreated(result.user, result.oneTimePassword);
    },
  });
  const roles: Role[] = me.role === "owner" ? ["member", "admin", "owner"] : ["member", "admin"];
  return (
    <Card withBorder>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("users.newTitle")}
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("fields.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              w={{ base: "100%", sm: 180 }}
            />
            <TextInput
              label={t("fields.displayName")}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              w={{ base: "100%", sm: 220 }}
            />
            <Select
              label={t("fields.role")}
              value={role}
              onChange={(value) => setRole((value as Role | null) ?? "member")}
              allowDeselect={false}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              w={{ base: "100%", sm: 160 }}
            />
            <Select
              label={t("fields.team")}
              value={team}
              onChange={setTeam}
              clearable
              placeholder={t("users.noTeam")}
              data={(teams.data?.teams ?? []).map((x) => x.name)}
              w={{ base: "100%", sm: 180 }}
            />
            <Button type="submit" loading={create.isPending}>
              {t("users.create")}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t("users.newHint")}
          </Text>
          <ErrorAlert error={create.error} />
        </Stack>
      </form>
    </Card>
  );
}

function UserKeys({ user, onCreated }: { user: PublicAccount; onCreated: (key: string) => void }) {
  const client = useQueryClient();
  const queryKey = ["admin", "users", user.id, "keys"];
  const keys = useQuery({
    queryKey,
    queryFn: () => api<{ keys: KeyView[] }>(`/api/app/admin/users/${encodeURIComponent(user.id)}/keys`),
  });
  const create = useMutation({
    mutationFn: (input: { label?: string; expiresInDays: number | null }) =>
      api<CreatedKey>(`/api/app/admin/users/${encodeURIComponent(user.id)}/keys`, { body: input }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey });
      onCreated(created.key);
    },
  });
  const revoke = useMutation({
    mutationFn: (key: KeyView) =>
      api(`/api/app/admin/users/${encodeURIComponent(user.id)}/keys/${encodeURIComponent(key.id)}`, {
        method: "DELETE",
      }),
    onSuccess: () => client.invalidateQueries({ queryKey }),
  });
  return (
    <Stack gap="sm">
      <NewKeyForm onCreate={(input) => create.mutate(input)} pending={create.isPending} />
      <ErrorAlert error={create.error ?? revoke.error ?? keys.error} />
      {keys.data ? (
        <KeysTable
          keys={keys.data.keys}
          onRevoke={(key) => revoke.mutate(key)}
          revoking={revoke.isPending ? (revoke.variables?.id ?? null) : null}
        />
      ) : null}
    </Stack>
  );
}

function UserRow({ user, onSecret, onKeys }: { user: AdminUser; onSecret: (s: Secret) => void; onKeys: () => void }) {
  const { t } = useTranslation("auth");
  const confirm = useConfirm();
  const me = useAccount();
  const client = useQueryClient();
  const teams = useTeams();
  const [error, setError] = useState<unknown>(null);
  const [removing, setRemoving] = useState(false);
  const actionsButton = useRef<HTMLButtonElement>(null);
  const endSessions = useMutation({
    mutationFn: () =>
      api<{ ended: number }>(`/api/app/admin/users/${encodeURIComponent(user.id)}/end-sessions`, { body: {} }),
    onSuccess: async (result) => {
      setError(null);
      await client.invalidateQueries({ queryKey: USERS });
      notifications.show({
        color: "teal",
        message: t("users.sessionsEnded", { name: user.name, count: result.ended }),
      });
    },
    onError: setError,
  });
  const mutate = useMutation({
    mutationFn: async (action: { path: string; method: string; body?: unknown }) =>
      api<{ user: PublicAccount; oneTimePassword?: string }>(action.path, {
        method: action.method,
        body: action.body ?? {},
      }),
    onSuccess: async (result) => {
      setError(null);
      await client.invalidateQueries({ queryKey: USERS });
      if (result.oneTimePassword) {
        onSecret({
          title: t("users.resetPasswordDone", { name: user.name }),
          intro: t("users.oneTimeIntro"),
          label: t("fields.oneTimePassword"),
          value: result.oneTimePassword,
        });
      }
    },
    onError: setError,
  });
  const base = `/api/app/admin/users/${encodeURIComponent(user.id)}`;
  const patch = (body: Record<string, unknown>) => mutate.mutate({ path: base, method: "PATCH", body });
  const canManage = user.role !== "owner" || me.role === "owner";
  const roles: Role[] = me.role === "owner" ? ["member", "admin", "owner"] : ["member", "admin"];
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {user.name}
        </Text>
        {error ? <ErrorAlert error={error} /> : null}
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t("users.roleOf", { name: user.name })}
          value={user.role}
          disabled={!canManage || mutate.isPending}
          allowDeselect={false}
          onChange={(value) => value && value !== user.role && patch({ role: value })}
          data={(canManage ? roles : ["owner"]).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          size="xs"
          w={140}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={t("users.teamOf", { name: user.name })}
          value={user.team}
          disabled={!canManage || mutate.isPending}
          clearable
          placeholder={t("users.noTeam")}
          onChange={(value) => value !== user.team && patch({ team: value })}
          data={(teams.data?.teams ?? []).map((x) => x.name)}
          size="xs"
          w={150}
        />
      </Table.Td>
      <Table.Td>
        <Badge color={user.totpEnabled ? "teal" : "gray"} variant="light">
          {user.totpEnabled ? t("account.on") : t("account.off")}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Badge color={user.disabled ? "red" : user.passwordChangeRequired ? "yellow" : "teal"} variant="light">
          {user.disabled ? t("users.disabled") : user.passwordChangeRequired ? t("users.pending") : t("users.active")}
        </Badge>
      </Table.Td>
      <Table.Td>{user.sessions}</Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              ref={actionsButton}
              size="xs"
              variant="default"
              aria-label={t("users.actionsFor", { name: user.name })}
            >
              {t("users.actions")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onKeys}>{t("users.keys")}</Menu.Item>
            {canManage ? (
              <>
                <Menu.Item
                  onClick={async () => {
                    const sure = await confirm({
                      title: t("users.resetPassword"),
                      body: t("users.resetPasswordConfirm", { name: user.name }),
                      confirmLabel: t("users.resetPassword"),
                    });
                    if (sure) mutate.mutate({ path: `${base}/reset-password`, method: "POST" });
                  }}
                >
                  {t("users.resetPassword")}
                </Menu.Item>
                <Menu.Item
                  disabled={!user.totpEnabled}
                  onClick={async () => {
                    const sure = await confirm({
                      title: t("users.reset2fa"),
                      body: t("users.reset2faConfirm", { name: user.name }),
                      confirmLabel: t("users.reset2fa"),
                    });
                    if (sure) mutate.mutate({ path: `${base}/reset-2fa`, method: "POST" });
                  }}
                >
                  {t("users.reset2fa")}
                </Menu.Item>
                {/* Not for oneself: the account page ends one's other sessions without logging out here. */}
                {user.id !== me.id ? (
                  <>
                    <Menu.Item
                      disabled={user.sessions === 0}
                      onClick={async () => {
                        const sure = await confirm({
                          title: t("users.endSessions"),
                          body: t("users.endSessionsConfirm", { name: user.name }),
                          confirmLabel: t("users.endSessions"),
                        });
                        if (sure) endSessions.mutate();
                      }}
                    >
                      {t("users.endSessions")}
                    </Menu.Item>
                    <Menu.Item
                      color={user.disabled ? undefined : "red"}
                      onClick={() => patch({ disabled: !user.disabled })}
                    >
                      {user.disabled ? t("users.enable") : t("users.disable")}
                    </Menu.Item>
                    {/* Removal asks for a disabled account first: a deliberate second step. */}
                    <Menu.Item color="red" disabled={!user.disabled} onClick={() => setRemoving(true)}>
                      {user.disabled ? t("users.remove") : t("users.removeNeedsDisable")}
                    </Menu.Item>
                  </>
                ) : null}
              </>
            ) : null}
          </Menu.Dropdown>
        </Menu>
        {removing ? (
          <RemoveAccountModal user={user} opener={actionsButton.current} onClose={() => setRemoving(false)} />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function PolicyCard() {
  const { t } = useTranslation("auth");
  const client = useQueryClient();
  const policy = useQuery({
    queryKey: POLICY,
    queryFn: () => api<{ totpForEveryone: boolean }>("/api/app/auth/policy"),
  });
  const save = useMutation({
    mutationFn: (value: boolean) => api("/api/app/auth/policy", { method: "PUT", body: { totpForEveryone: value } }),
    onSuccess: () => client.invalidateQueries({ queryKey: POLICY }),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Switch
          label={t("users.totpForEveryone")}
          description={t("users.totpForEveryoneHint")}
          checked={policy.data?.totpForEveryone ?? false}
          disabled={!policy.data || save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  );
}

/** People with access: roles, teams, status, 2FA; add someone, reset a password or 2FA, manage their keys. */
export function UsersPage() {
  const { t } = useTranslation("auth");
  const users = useQuery({ queryKey: USERS, queryFn: () => api<{ users: AdminUser[] }>("/api/app/admin/users") });
  const [secret, setSecret] = useState<Secret | null>(null);
  const [keysOf, setKeysOf] = useState<PublicAccount | null>(null);
  const showKey = (key: string) =>
    setSecret({ title: t("keys.createdTitle"), intro: t("keys.createdIntro"), label: t("keys.key"), value: key });
  return (
    <Stack maw={1100}>
      <PageHeader title={t("users.title")} description={t("users.intro")} />
      <NewUserForm
        onCreated={(user, password) =>
          setSecret({
            title: t("users.createdTitle", { name: user.name }),
            intro: t("users.oneTimeIntro"),
            label: t("fields.oneTimePassword"),
            value: password,
          })
        }
      />
      <PolicyCard />
      <ErrorAlert error={users.error} />
      {users.data ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("users.person")}</Table.Th>
                <Table.Th>{t("fields.role")}</Table.Th>
                <Table.Th>{t("fields.team")}</Table.Th>
                <Table.Th>{t("users.twoFactor")}</Table.Th>
                <Table.Th>{t("users.status")}</Table.Th>
                <Table.Th>{t("users.sessions")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("users.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.users.map((user) => (
                <UserRow key={user.id} user={user} onSecret={setSecret} onKeys={() => setKeysOf(user)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal
        opened={keysOf !== null}
        onClose={() => setKeysOf(null)}
        title={keysOf ? t("users.keysOf", { name: keysOf.displayName }) : ""}
        size="xl"
      >
        {keysOf ? <UserKeys user={keysOf} onCreated={showKey} /> : null}
      </Modal>
      <ShownOnce
        title={secret?.title ?? ""}
        intro={secret?.intro ?? ""}
        label={secret?.label ?? ""}
        value={secret?.value ?? null}
        onClose={() => setSecret(null)}
      />
    </Stack>
  );
}
