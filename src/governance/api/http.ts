import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DuplicateIdError, RecordNotFoundError } from "../../store/index.js";
import type { Bilingual, Lang } from "../model.js";
import { InputError, StateError } from "../service/index.js";

/** Dutch unless the client prefers English (`Accept-Language: en`), by q-value. */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return "nl";
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    if (primary !== "nl" && primary !== "en") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? "nl";
}

/** The web app's session decides the language when it has set one; otherwise Accept-Language. */
export const langOf = (c: Context): Lang => {
  const chosen: unknown = c.get("language");
  return chosen === "nl" || chosen === "en" ? chosen : negotiateLang(c.req.header("accept-language"));
};

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; message: string }[];
    /** The same fields where the web app's client looks for them. */
    details?: { fields: { field: string; message: string }[] };
  };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, text: Bilingual) {
  const body: ErrorBody = { error: { code, message: text[langOf(c)] } };
  return c.json(body, status);
}

/** The store names records in English; the owner reads Dutch. */
const DUTCH_KIND: Record<string, string> = {
  tool: "hulpmiddel",
  "register entry": "registerregel",
  incident: "incident",
  contact: "contactpersoon",
  "training session": "training",
  "catalogue entry": "catalogusregel",
  "shadow-AI import": "schaduw-AI-import",
};
const dutchKind = (kind: string): string => DUTCH_KIND[kind] ?? kind;

/** Maps domain and store errors onto HTTP; anything else is a 500 without internals. */
export function handleError(err: Error, c: Context) {
  const lang = langOf(c);
  if (err instanceof InputError) {
    const fields = err.issues.map((i) => ({ field: i.field, message: i.message[lang] }));
    const body: ErrorBody = {
      error: {
        code: "invalid_input",
        message: lang === "nl" ? "De invoer is niet geldig" : "The input is not valid",
        fields,
        details: { fields },
      },
    };
    return c.json(body, 400);
  }
  if (err instanceof RecordNotFoundError) {
    return errorResponse(c, 404, "not_found", {
      nl: `Niet gevonden: ${dutchKind(err.kind)} "${err.id}"`,
      en: `Not found: ${err.kind} "${err.id}"`,
    });
  }
  if (err instanceof DuplicateIdError) {
    return errorResponse(c, 409, "duplicate_id", {
      nl: `Er bestaat al een ${dutchKind(err.kind)} met id "${err.id}"`,
      en: `A ${err.kind} with id "${err.id}" already exists`,
    });
  }
  if (err instanceof StateError) return errorResponse(c, 409, "invalid_state", err.text);
  const status = (err as { status?: unknown }).status;
  if (status === 413) {
    return errorResponse(c, 413, "too_large", { nl: "De aanvraag is te groot", en: "The request is too large" });
  }
  process.stderr.write(`governance api: ${err.stack ?? err.message}\n`);
  return errorResponse(c, 500, "internal", {
    nl: "Er ging iets mis op de server",
    en: "Something went wrong on the server",
  });
}

/** The JSON body, or a 400 naming the problem (no body, not JSON). */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) throw InputError.field("", "De aanvraag heeft geen JSON-inhoud", "the request has no JSON body");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw InputError.field("", "De inhoud is geen geldige JSON", "the body is not valid JSON");
  }
}
