import { Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

export interface DataTableProps {
  /** Column headings; an object heading `{ hidden }` is read out but not shown (e.g. a row-actions column). */
  columns: readonly (string | { hidden: string })[];
  /** The rows (`Table.Tr`). */
  children: ReactNode;
  /** How many rows there are: with 0 the table gives way to `empty`. */
  count: number;
  /** What to say when there are no rows; it should say what to record first. */
  empty?: ReactNode;
  /** Below this width the table scrolls sideways instead of squeezing (phones). */
  minWidth: number;
  testId?: string;
  striped?: boolean;
}

/** The app's list table: bordered, scrolls sideways on small screens, and says so when it is empty. */
export function DataTable({ columns, children, count, empty, minWidth, testId, striped }: DataTableProps) {
  if (count === 0) return empty ? <Text c="dimmed">{empty}</Text> : null;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table withTableBorder striped={striped} verticalSpacing="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <Table.Th scope="col" key={column}>
                  {column}
                </Table.Th>
              ) : (
                <Table.Th scope="col" key={column.hidden}>
                  <VisuallyHidden>{column.hidden}</VisuallyHidden>
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
