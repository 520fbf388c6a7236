import { Button, Group, Select, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";

const EXPIRY = ["30", "90", "365", "never"] as const;

/** Label and lifetime of a new key; the parent creates it and shows it once. */
export function NewKeyForm({
  onCreate,
  pending,
}: {
  onCreate: (input: { label?: string; expiresInDays: number | null }) => void;
  pending: boolean;
}) {
  const { t } = useTranslation("auth");
  const [label, setLabel] = useState("");
  const [expiry, setExpiry] = useState<string>("90");
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        const trimmed = label.trim();
        onCreate({
          ...(trimmed ? { label: trimmed } : {}),
          expiresInDays: expiry === "never" ? null : Number(expiry),
        });
        setLabel("");
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t("keys.labelField")}
          placeholder={t("keys.labelPlaceholder")}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          maxLength={80}
          w={{ base: "100%", sm: 260 }}
        />
        <Select
          label={t("keys.expiryField")}
          value={expiry}
          onChange={(value) => setExpiry(value ?? "90")}
          allowDeselect={false}
          data={EXPIRY.map((value) => ({ value, label: t(`keys.expiry.${value}`) }))}
          w={{ base: "100%", sm: 200 }}
        />
        <Button type="submit" loading={pending}>
          {t("keys.create")}
        </Button>
      </Group>
    </form>
  );
}
