export { type DialectName, SQLITE_FILE_NAME, type StoreLocation } from "./connection.js";
export { DuplicateIdError, RecordNotFoundError } from "./errors.js";
export { MIGRATIONS } from "./migrations/index.js";
export type { DocumentRepository } from "./repositories/document-repository.js";
export type { ShadowAiImportRecord, StoredFinding } from "./repositories/shadow-ai.js";
export { type OpenStoreOptions, openStore, type Store } from "./store.js";
