import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../../layout/AppLayout";

/** The frame of the pages without the app shell (set-up, login): the name, a card, the language switch. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={460}>
        <Group justify="space-between" mb="md">
          <Text fw={700} size="lg">
            Poortwachter
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="main">
          <Stack gap="md">
            <Title order={1} size="h2">
              {title}
            </Title>
            {description ? <Text c="dimmed">{description}</Text> : null}
            {children}
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
