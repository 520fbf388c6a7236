import { Button, Group, Loader, Modal, ScrollArea, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormButtons } from "../../components/FormButtons";
import { PageHeader } from "../../layout/PageHeader";
import { clean, type FieldSpec, FieldsForm, type Values } from "./form";
import { DeleteButton, fieldErrors, govCall, useGov, useGovWrite } from "./shared";

export interface Column<T> {
  /** i18n key in the dashboard namespace. */
  label: string;
  render: (row: T) => ReactNode;
}

/**
 * A governance collection as a page: a table of records, a dialog to add or edit one (errors at
 * the field), and delete. Contacts, training sessions, register entries and incidents use it.
 */
export function CrudPage<T extends { id: string }>({
  title,
  description,
  path,
  listKey,
  ns,
  fields,
  columns,
  defaults,
  addLabel,
  empty,
  rowLabel,
  extraActions,
  rowActions,
  toRows,
  toValues,
}: {
  title: string;
  description: string;
  /** e.g. `/contacts` */
  path: string;
  listKey: string;
  ns: string;
  fields: FieldSpec[];
  columns: Column<T>[];
  defaults: () => Values;
  addLabel: string;
  /** What an empty list means and what to record first: an owner reads "nothing yet" as broken. */
  empty: string;
  rowLabel: (row: T) => string;
  extraActions?: ReactNode;
  /** Buttons before Edit; `openWith` opens the edit dialog with changed values (e.g. status closed). */
  rowActions?: (row: T, openWith: (values: Values) => void) => ReactNode;
  /** The record as the API takes it back, when the row carries more (e.g. a countdown). */
  toValues?: (row: T) => Values;
  /** When the list wraps its records (incidents come with their countdown). */
  toRows?: (data: unknown) => T[];
}) {
  const { t } = useTranslation("dashboard");
  const phone = useMediaQuery("(max-width: 48em)");
  const list = useGov<Record<string, unknown>>(path);
  const [editing, setEditing] = useState<{ id: string | null; values: Values } | null>(null);
  const save = useGovWrite(
    (input: { id: string | null; values: Values }) =>
      input.id
        ? govCall("PUT", `${path}/${encodeURIComponent(input.id)}`, clean(input.values))
        : govCall("POST", path, clean(input.values)),
    () => setEditing(null),
  );
  const remove = useGovWrite((id: string) => govCall("DELETE", `${path}/${encodeURIComponent(id)}`));
  const rows: T[] = list.data ? (toRows ? toRows(list.data) : ((list.data[listKey] as T[] | undefined) ?? [])) : [];

  const open = (id: string | null, values: Values) => {
    save.reset();
    setEditing({ id, values });
  };

  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <>
            {extraActions}
            <Button onClick={() => open(null, defaults())}>{addLabel}</Button>
          </>
        }
      />
      {list.isPending ? <Loader role="status" aria-label={t("common:loading")} /> : null}
      <ErrorAlert error={list.error} />
      {list.data && rows.length === 0 ? (
        <Text c="dimmed" data-testid="empty-state">
          {empty}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <ScrollArea type="auto">
          <Table striped highlightOnHover verticalSpacing="sm" miw={phone ? 560 : undefined}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.label}>{t(c.label)}</Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>{t("actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const values = toValues ? toValues(row) : (row as unknown as Values);
                const edit = () => open(row.id, values);
                return (
                  <Table.Tr key={row.id}>
                    {columns.map((c) => (
                      <Table.Td key={c.label}>{c.render(row)}</Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {rowActions?.(row, (changed) => open(row.id, { ...values, ...changed }))}
                        <Button
                          size="xs"
                          variant="default"
                          onClick={edit}
                          aria-label={`${t("edit")}: ${rowLabel(row)}`}
                        >
                          {t("edit")}
                        </Button>
                        <DeleteButton
                          label={`${t("common:delete")}: ${rowLabel(row)}`}
                          onDelete={() => remove.mutateAsync(row.id)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.id ? t("editTitle", { name: editing.id }) : addLabel}
        size="xl"
        fullScreen={phone ?? false}
      >
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate(editing);
            }}
          >
            <Stack>
              <FieldsForm
                ns={ns}
                fields={fields}
                values={editing.values}
                onChange={(values) => setEditing({ ...editing, values })}
                errors={fieldErrors(save.error)}
              />
              {save.error && Object.keys(fieldErrors(save.error)).length === 0 ? (
                <ErrorAlert error={save.error} />
              ) : null}
              <FormButtons onCancel={() => setEditing(null)} pending={save.isPending} />
            </Stack>
          </form>
        ) : null}
      </Modal>
    </>
  );
}
