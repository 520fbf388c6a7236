import { Anchor, Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CrudPage } from "./crud";
import type { FieldSpec } from "./form";

interface Contact {
  id: string;
  role: string;
  name: string;
  organisation?: string;
  phone?: string;
  email?: string;
  url?: string;
  notes?: string;
}

const ROLES = [
  "privacy-contact",
  "it-supplier",
  "legal-adviser",
  "ai-vendor-support",
  "data-protection-authority",
  "other",
] as const;

const FIELDS: FieldSpec[] = [
  { path: "role", kind: "select", options: ROLES, required: true },
  { path: "name", kind: "text", required: true },
  { path: "organisation", kind: "text" },
  { path: "phone", kind: "text" },
  { path: "email", kind: "email" },
  { path: "url", kind: "url" },
  { path: "notes", kind: "textarea", wide: true },
];

/** Rule 10: whom to call when data leaks (privacy contact, IT supplier, lawyer, AI vendors). */
export function ContactsPage() {
  const { t } = useTranslation("dashboard");
  return (
    <CrudPage<Contact>
      title={t("contacts.title")}
      description={t("contacts.description")}
      empty={t("contacts.empty")}
      path="/contacts"
      listKey="contacts"
      ns="fields.contact"
      fields={FIELDS}
      defaults={() => ({ role: "privacy-contact" })}
      addLabel={t("contacts.add")}
      rowLabel={(c) => c.name}
      columns={[
        { label: "fields.contact.name", render: (c) => c.name },
        {
          label: "fields.contact.role",
          render: (c) => (
            <Badge variant="outline" style={{ minWidth: "max-content" }}>
              {t(`options.role.${c.role}`, { defaultValue: c.role })}
            </Badge>
          ),
        },
        { label: "fields.contact.organisation", render: (c) => c.organisation ?? "" },
        {
          label: "contacts.reach",
          render: (c) => (
            <>
              {c.phone ? (
                <Anchor underline="always" href={`tel:${c.phone.replace(/\s/g, "")}`}>
                  {c.phone}
                </Anchor>
              ) : null}
              {c.phone && c.email ? " · " : null}
              {c.email ? (
                <Anchor underline="always" href={`mailto:${c.email}`}>
                  {c.email}
                </Anchor>
              ) : null}
              {!c.phone && !c.email && c.url ? (
                <Anchor underline="always" href={c.url} target="_blank" rel="noreferrer">
                  {c.url}
                </Anchor>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
