import {
  Alert,
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/DateField";

/**
 * A form described as data: the governance records (incidents, contacts, trainings, register
 * entries, policy choices) are flat lists of typed fields, some nested one level (`dpa.signed`).
 * Values live in one object shaped like the API's record, so editing sends back what was read.
 */
export type FieldKind =
  | "text"
  | "textarea"
  | "date"
  | "datetime"
  | "select"
  | "checks"
  | "tags"
  | "switch"
  | "number"
  | "email"
  | "url";

export interface FieldSpec {
  /** Dotted path in the record, e.g. `responsible.email`; also the key of its label. */
  path: string;
  kind: FieldKind;
  required?: boolean;
  /** For select and checks: the values; labels come from `options.<path>.<value>` unless given. */
  options?: readonly string[] | { value: string; label: string }[];
  /** Takes the whole row on wide screens. */
  wide?: boolean;
}

export type Values = Record<string, unknown>;

export function getPath(values: Values, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Values)[part];
  }
  return current;
}

export function setPath(values: Values, path: string, value: unknown): Values {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  if (rest.length === 0) return { ...values, [head]: value };
  const inner = (typeof values[head] === "object" && values[head] !== null ? values[head] : {}) as Values;
  return { ...values, [head]: setPath(inner, rest.join("."), value) };
}

/** Empty inputs mean "not given": the API's optional fields must be absent, not "". */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null) {
    const out: Values = {};
    for (const [key, inner] of Object.entries(value)) {
      const cleaned = clean(inner);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" && Number.isNaN(value)) return undefined;
  return value;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** ISO time -> the date-time field's `YYYY-MM-DD HH:mm:ss`, in the browser's time zone. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== "string" || !iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

/** The date-time field's local `YYYY-MM-DD HH:mm[:ss]` -> ISO time with the browser's UTC offset, as the API wants it. */
export function fromLocalInput(local: string): string | undefined {
  if (!local) return undefined;
  const iso = local.replace(" ", "T");
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return `${iso.length === 16 ? `${iso}:00` : iso}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function FieldsForm({
  ns,
  fields,
  values,
  onChange,
  errors,
}: {
  /** i18n prefix of the labels, e.g. `fields.contact`. */
  ns: string;
  fields: FieldSpec[];
  values: Values;
  onChange: (values: Values) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("dashboard");
  const known = new Set(fields.map((f) => f.path));
  // A message about one item of a list (`sources.1`) belongs under the list's field.
  const byField: Record<string, string> = {};
  const loose: [string, string][] = [];
  for (const [path, message] of Object.entries(errors)) {
    const field = path.replace(/(\.\d+)+$/, "");
    if (known.has(field)) byField[field] ??= message;
    else loose.push([path, message]);
  }
  return (
    <Stack gap="sm">
      {loose.length > 0 ? (
        <Alert color="red" role="alert">
          {loose.map(([path, message]) => (
            <div key={path}>{path ? `${t(`${ns}.${path}`, { defaultValue: path })}: ${message}` : message}</div>
          ))}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fields.map((field) => (
          <div key={field.path} style={field.wide ? { gridColumn: "1 / -1" } : undefined}>
            <Field
              field={field}
              label={t(`${ns}.${field.path}`)}
              value={getPath(values, field.path)}
              error={byField[field.path]}
              onChange={(value) => onChange(setPath(values, field.path, value))}
            />
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Field({
  field,
  label,
  value,
  error,
  onChange,
}: {
  field: FieldSpec;
  label: string;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation("dashboard");
  const common = { label, error, required: field.required ?? false };
  const options = (field.options ?? []).map((o) =>
    typeof o === "string" ? { value: o, label: t(`options.${field.path}.${o}`, { defaultValue: o }) } : o,
  );
  const text = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  switch (field.kind) {
    case "textarea":
      return (
        <Textarea {...common} autosize minRows={2} value={text} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case "date":
      return <DateField {...common} value={text} onChange={(next) => onChange(next || undefined)} />;
    case "datetime":
      return (
        <DateField
          {...common}
          withTime
          value={toLocalInput(value)}
          onChange={(next) => onChange(fromLocalInput(next))}
        />
      );
    case "select":
      return (
        <Select
          {...common}
          data={options}
          value={text || null}
          onChange={(v) => onChange(v ?? undefined)}
          clearable={!field.required}
          allowDeselect={!field.required}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case "checks":
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
        >
          <Stack gap={6} mt={6}>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "tags":
      return (
        <TagsInput
          {...common}
          description={t("tagsHint")}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v)}
          acceptValueOnBlur
        />
      );
    case "switch":
      return (
        <Switch
          label={label}
          error={error}
          mt="lg"
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          min={0}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : undefined)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === "email" ? "email" : field.kind === "url" ? "url" : "text"}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
