import { Card, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered page section whose heading names it for screen readers (`aria-labelledby`). */
export function Section({
  id,
  title,
  description,
  testId,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h4" id={id} mb={description ? 0 : "sm"}>
        {title}
      </Title>
      {description ? (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}
