import { Kysely, Migrator, sql } from "kysely";
import type {
  AiActRegisterEntry,
  CatalogueEntry,
  Contact,
  Incident,
  ToolInUse,
  TrainingSession,
} from "../governance/model.js";
import { type DialectName, openDialect, type StoreLocation } from "./connection.js";
import { inCodeMigrations } from "./migrations/index.js";
import type { DocumentRepository } from "./repositories/document-repository.js";
import {
  contactRepository,
  customCatalogueRepository,
  incidentRepository,
  registerRepository,
  toolRepository,
  trainingRepository,
} from "./repositories/governance.js";
import { SettingsRepository } from "./repositories/settings.js";
import { ShadowAiRepository } from "./repositories/shadow-ai.js";
import type { Database } from "./schema.js";

export interface OpenStoreOptions extends StoreLocation {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

export interface Store {
  readonly dialect: DialectName;
  /** Where the data lives, without credentials. */
  readonly description: string;
  /**
   * The query builder, for repositories that later modules add next to the ones below. Other
   * modules must go through repositories, never through this handle.
   */
  readonly db: Kysely<Database>;
  readonly tools: DocumentRepository<ToolInUse>;
  readonly register: DocumentRepository<AiActRegisterEntry>;
  readonly incidents: DocumentRepository<Incident>;
  readonly contacts: DocumentRepository<Contact>;
  readonly trainings: DocumentRepository<TrainingSession>;
  readonly customCatalogue: DocumentRepository<CatalogueEntry>;
  readonly settings: SettingsRepository;
  readonly shadowAi: ShadowAiRepository;
  /** Runs a trivial query; rejects when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const opened = openDialect(options);
  const db = new Kysely<Database>({ dialect: opened.dialect });
  try {
    await opened.prepare();
    if (options.migrate !== false) await migrateToLatest(db, opened.name === "postgres" ? options.schema : undefined);
  } catch (err) {
    await db.destroy();
    await opened.afterClose?.();
    throw err;
  }
  let closed = false;
  return {
    dialect: opened.name,
    description: opened.description,
    db,
    tools: toolRepository(db),
    register: registerRepository(db),
    incidents: incidentRepository(db),
    contacts: contactRepository(db),
    trainings: trainingRepository(db),
    customCatalogue: customCatalogueRepository(db),
    settings: new SettingsRepository(db),
    shadowAi: new ShadowAiRepository(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      await opened.afterClose?.();
    },
  };
}

/**
 * `schema`: the PostgreSQL schema the store works in. Kysely looks for its migration tables in
 * every schema unless told which one, and would take another schema's tables for its own.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: inCodeMigrations,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : error}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
