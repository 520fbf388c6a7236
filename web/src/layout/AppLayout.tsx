import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from "react-router";
import { useAccount, useRefreshSession } from "../account";
import { api } from "../api";
import type { NavGroup, NavItem } from "../app-routes";
import { LANGUAGES } from "../i18n";

const GROUPS: NavGroup[] = ["work", "governance", "usage", "settings", "account"];

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language")}
      value={i18n.language}
      onChange={(value) => void i18n.changeLanguage(value)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: lng.toUpperCase() }))}
    />
  );
}

/** The shell around every logged-in page: header, navigation by group (a drawer on a phone), content. */
export function AppLayout({ nav }: { nav: NavItem[] }) {
  const { t } = useTranslation();
  const account = useAccount();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  const refresh = useRefreshSession();
  const visible = nav.filter((item) => !item.roles || item.roles.includes(account.role));
  // The deepest item that contains the current page: /account/keys lights up "keys", not "account".
  const activePath = visible
    .map((item) => item.path)
    .filter((path) => location.pathname === `/${path}` || location.pathname.startsWith(`/${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  async function logout() {
    await api("/api/app/auth/logout", { method: "POST" }).catch(() => undefined);
    await refresh();
    navigate("/login");
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("menu")} />
            <Title order={1} size="h4">
              Poortwachter
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={`${t("accountMenu")}: ${account.displayName}`}>
                  {/* On a phone the name would push the language switch off the header: initials only. */}
                  <Text size="sm" fw={600} visibleFrom="sm" maw={220} truncate="end">
                    {account.displayName}
                  </Text>
                  <Avatar hiddenFrom="sm" size="sm" color="teal" name={account.displayName} />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => navigate("/account")}>{t("myAccount")}</Menu.Item>
                <Menu.Item onClick={() => void logout()}>{t("logout")}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("navigation")}>
        <AppShell.Section grow component={ScrollArea}>
          {GROUPS.map((group) => {
            const items = visible
              .filter((item) => item.group === group)
              .sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
            if (items.length === 0) return null;
            return (
              <nav key={group} aria-label={t(`navGroup.${group}`)}>
                <Text size="xs" c="dimmed" fw={700} tt="uppercase" px="sm" mt="md" mb={4}>
                  {t(`navGroup.${group}`)}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.path}
                    component={RouterNavLink}
                    to={`/${item.path}`}
                    end
                    label={t(item.label)}
                    active={item.path === activePath}
                    onClick={close}
                  />
                ))}
              </nav>
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
