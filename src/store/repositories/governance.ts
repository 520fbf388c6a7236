import type { Kysely } from "kysely";
import {
  AiActRegisterEntry,
  CatalogueEntry,
  Contact,
  Incident,
  ToolInUse,
  TrainingSession,
} from "../../governance/model.js";
import type { Database } from "../schema.js";
import { DocumentRepository } from "./document-repository.js";

/** The repositories of the governance aggregates; all share the document-row layout. */
export function toolRepository(db: Kysely<Database>): DocumentRepository<ToolInUse> {
  return new DocumentRepository(db, {
    table: "tools_in_use",
    kind: "tool",
    schema: ToolInUse,
    columns: (t) => ({ catalogue_entry_id: t.catalogueEntryId ?? null, approval_status: t.approval.status }),
    orderBy: "created_at",
  });
}

export function registerRepository(db: Kysely<Database>): DocumentRepository<AiActRegisterEntry> {
  return new DocumentRepository(db, {
    table: "register_entries",
    kind: "register entry",
    schema: AiActRegisterEntry,
    columns: (e) => ({ system: e.system, status: e.status }),
    orderBy: "created_at",
  });
}

export function incidentRepository(db: Kysely<Database>): DocumentRepository<Incident> {
  return new DocumentRepository(db, {
    table: "incidents",
    kind: "incident",
    schema: Incident,
    // Stored as UTC so text order is time order whatever offset the reporter used.
    columns: (i) => ({ discovered_at: new Date(i.discoveredAt).toISOString(), status: i.status }),
    orderBy: "discovered_at",
    direction: "desc",
  });
}

export function contactRepository(db: Kysely<Database>): DocumentRepository<Contact> {
  return new DocumentRepository(db, {
    table: "contacts",
    kind: "contact",
    schema: Contact,
    columns: (c) => ({ role: c.role }),
    orderBy: "role",
  });
}

export function trainingRepository(db: Kysely<Database>): DocumentRepository<TrainingSession> {
  return new DocumentRepository(db, {
    table: "training_sessions",
    kind: "training session",
    schema: TrainingSession,
    columns: (s) => ({ session_date: s.date }),
    orderBy: "session_date",
    direction: "desc",
  });
}

export function customCatalogueRepository(db: Kysely<Database>): DocumentRepository<CatalogueEntry> {
  return new DocumentRepository(db, {
    table: "custom_catalogue_entries",
    kind: "catalogue entry",
    schema: CatalogueEntry,
    columns: () => ({}),
    orderBy: "created_at",
  });
}
