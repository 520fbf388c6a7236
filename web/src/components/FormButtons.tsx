import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A dialog form's footer: cancel, and the submit button that spins while the save is under way. */
export function FormButtons({
  onCancel,
  pending,
  submitLabel,
}: {
  onCancel: () => void;
  pending: boolean;
  /** Defaults to "Opslaan" / "Save". */
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("common:cancel")}
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel ?? t("common:save")}
      </Button>
    </Group>
  );
}
