import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface ShadowAiImportRecord {
  id: string;
  importedAt: string;
  /** The log's origin as the user named it, e.g. the file name. */
  source: string;
  format: string;
  linesRead: number;
  toolsFound: number;
  unregisteredTools: string[];
}

export interface StoredFinding<F> {
  serviceId: string;
  hits: number;
  finding: F;
}

/**
 * Shadow-AI imports and what they found. The finding itself is kept as JSON: its shape belongs to
 * the shadow-AI module, which validates it when reading it back.
 */
export class ShadowAiRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveImport<F>(record: Omit<ShadowAiImportRecord, "id">, findings: StoredFinding<F>[]): Promise<string> {
    const id = `import-${randomUUID()}`;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("shadow_ai_imports")
        .values({
          id,
          imported_at: record.importedAt,
          source: record.source,
          format: record.format,
          lines_read: record.linesRead,
          tools_found: record.toolsFound,
          unregistered_tools: JSON.stringify(record.unregisteredTools),
        })
        .execute();
      if (findings.length === 0) return;
      await trx
        .insertInto("shadow_ai_findings")
        .values(
          findings.map((f, position) => ({
            id: randomUUID(),
            import_id: id,
            position,
            service_id: f.serviceId,
            hits: f.hits,
            data: JSON.stringify(f.finding),
          })),
        )
        .execute();
    });
    return id;
  }

  /** Newest first. */
  async listImports(): Promise<ShadowAiImportRecord[]> {
    const rows = await this.db
      .selectFrom("shadow_ai_imports")
      .selectAll()
      .orderBy("imported_at", "desc")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      importedAt: r.imported_at,
      source: r.source,
      format: r.format,
      linesRead: Number(r.lines_read),
      toolsFound: Number(r.tools_found),
      unregisteredTools: JSON.parse(r.unregistered_tools) as string[],
    }));
  }

  /** The raw findings of one import, in the order the import produced them. */
  async findings(importId: string): Promise<StoredFinding<unknown>[]> {
    const rows = await this.db
      .selectFrom("shadow_ai_findings")
      .select(["service_id", "hits", "data"])
      .where("import_id", "=", importId)
      .orderBy("position")
      .execute();
    return rows.map((r) => ({ serviceId: r.service_id, hits: Number(r.hits), finding: JSON.parse(r.data) as unknown }));
  }

  async deleteImport(importId: string): Promise<void> {
    await this.db.deleteFrom("shadow_ai_imports").where("id", "=", importId).execute();
  }
}
