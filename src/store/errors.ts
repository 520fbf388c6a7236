/** Errors the repositories raise, so callers never need to inspect driver-specific error codes. */

export class RecordNotFoundError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} "${id}" not found`);
    this.name = "RecordNotFoundError";
  }
}

export class DuplicateIdError extends Error {
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`${kind} "${id}" already exists`);
    this.name = "DuplicateIdError";
  }
}

/** SQLite (better-sqlite3) and PostgreSQL (pg) report a primary-key clash differently. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
