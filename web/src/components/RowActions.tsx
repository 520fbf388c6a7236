import { Button, Group } from "@mantine/core";

interface RowAction {
  label: string;
  /** Read out instead of `label`, naming the row (`Bewerk team Sales`), since every row has the same buttons. */
  ariaLabel: string;
  onClick: () => void;
}

/** A row's edit and remove buttons; the remove button is left out when there is nothing to remove. */
export function RowActions({ edit, remove }: { edit: RowAction; remove?: RowAction | null }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="xs" variant="default" onClick={edit.onClick} aria-label={edit.ariaLabel}>
        {edit.label}
      </Button>
      {remove ? (
        <Button
          size="xs"
          variant="subtle"
          color="red.9"
          c="red.9"
          onClick={remove.onClick}
          aria-label={remove.ariaLabel}
        >
          {remove.label}
        </Button>
      ) : null}
    </Group>
  );
}
