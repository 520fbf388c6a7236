/** A refusal the web API turns into `{ error: { code, message } }` with the status and the caller's language. */
export class AccountError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500,
    readonly code: string,
    readonly nl: string,
    readonly en: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(en);
    this.name = "AccountError";
  }
}
