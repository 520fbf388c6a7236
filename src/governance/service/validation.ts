import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Bilingual, Lang } from "../model.js";

export interface FieldIssue {
  /** Dotted path of the offending field, "" for the whole input. */
  field: string;
  message: Bilingual;
}

/** Input that fails the domain rules; the API answers 400, the CLI prints the fields. */
export class InputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => (i.field ? `${i.field}: ${i.message.nl}` : i.message.nl)).join("; "));
    this.name = "InputError";
  }

  static field(field: string, nl: string, en: string): InputError {
    return new InputError([{ field, message: { nl, en } }]);
  }

  describe(lang: Lang): string[] {
    return this.issues.map((i) => (i.field ? `${i.field}: ${i.message[lang]}` : i.message[lang]));
  }
}

/** A state change that the current state does not allow (e.g. approving a rejected tool). */
export class StateError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.nl);
    this.name = "StateError";
  }
}

/**
 * The domain model writes its own messages as "Nederlands (English)"; zod's generic ones come from
 * its locale. Splitting the former and parsing in both locales for the latter gives every issue in
 * both languages.
 */
export function splitBilingual(message: string): Bilingual {
  if (!message.endsWith(")")) return { nl: message, en: message };
  let depth = 0;
  for (let i = message.length - 1; i >= 0; i--) {
    const ch = message[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      depth--;
      if (depth === 0) {
        const nl = message.slice(0, i).trimEnd();
        const en = message.slice(i + 1, -1);
        // A message that merely ends with a parenthetical remark has no space before it or no Dutch part.
        return nl && message[i - 1] === " " ? { nl, en } : { nl: message, en: message };
      }
    }
  }
  return { nl: message, en: message };
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const nl = schema.safeParse(input, { error: z.locales.nl().localeError });
  if (nl.success) return nl.data;
  const en = schema.safeParse(input, { error: z.locales.en().localeError });
  const enIssues = en.success ? [] : en.error.issues;
  throw new InputError(
    nl.error.issues.map((issue, i) => {
      const field = issue.path.map(String).join(".");
      const other = enIssues[i]?.message ?? issue.message;
      const own = splitBilingual(issue.message);
      // When the message came from the model itself both parses carry the same bilingual text.
      const message = other === issue.message ? own : { nl: issue.message, en: other };
      return { field, message };
    }),
  );
}

/** An id in the model's format, readable where possible: "chatgpt-business-3f9a". */
export function newId(label: string): string {
  const slug = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${slug || "item"}-${randomBytes(3).toString("hex")}`;
}
