/** The server's rule (src/accounts/passwords.ts), repeated here only to explain it before submitting. */
export const MIN_PASSWORD_LENGTH = 12;
