import type { AccountsTable } from "../schema.js";
import type { Store } from "../store.js";

/**
 * Inserts an account row straight into the store, for tests that need someone to own chat
 * conversations or sessions without going through set-up and login. A member without 2FA unless
 * `row` says otherwise; `at` is both its creation and last change.
 */
export async function insertAccountRow(
  store: Pick<Store, "db">,
  row: Pick<AccountsTable, "id" | "name"> & Partial<AccountsTable>,
  at: Date | string = new Date(),
): Promise<void> {
  const when = typeof at === "string" ? at : at.toISOString();
  await store.db
    .insertInto("accounts")
    .values({
      display_name: row.name,
      role: "member",
      team: null,
      language: "nl",
      password_hash: "x",
      password_change_required: 0,
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      disabled_at: null,
      created_at: when,
      updated_at: when,
      ...row,
    })
    .execute();
}
