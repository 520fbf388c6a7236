import type { Message } from "../../policy/index.js";
import { GatewayError, renderError } from "../providers/errors.js";
import type { Protocol } from "../providers/types.js";
import { type Language, pick } from "./language.js";

/** What the HTTP layer sends for a refused or failed request: status, headers and a JSON body. */
export interface JsonReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * A refusal by Poortwachter itself (policy, budget, authentication): the message is the user's
 * language, the shape the client's protocol. `openAICode` and `anthropicType` let a refusal carry
 * the codes clients already understand (`insufficient_quota`, `billing_error`).
 */
export class Refusal extends Error {
  override readonly name = "Refusal";
  constructor(
    readonly status: number,
    readonly text: Message,
    readonly openAI: { type: string; code: string },
    readonly anthropicType: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(text.en);
  }
}

export function renderRefusal(protocol: Protocol, refusal: Refusal, language: Language): JsonReply {
  const message = pick(refusal.text, language);
  const headers: Record<string, string> =
    refusal.retryAfterSeconds === undefined ? {} : { "retry-after": String(Math.ceil(refusal.retryAfterSeconds)) };
  const body =
    protocol === "openai"
      ? { error: { message, type: refusal.openAI.type, param: null, code: refusal.openAI.code } }
      : { type: "error", error: { type: refusal.anthropicType, message } };
  return { status: refusal.status, headers, body };
}

export function renderGatewayError(protocol: Protocol, error: GatewayError): JsonReply {
  const rendered = renderError(protocol, error);
  return { status: rendered.status, headers: rendered.headers, body: rendered.body };
}

export const AUTH_MESSAGES: Record<"missing" | "invalid" | "revoked" | "expired", Message> = {
  missing: {
    nl: "Geen API-sleutel meegestuurd. Gebruik je persoonlijke Poortwachter-sleutel als 'Authorization: Bearer <sleutel>' of 'x-api-key'.",
    en: "No API key sent. Use your personal Poortwachter key as 'Authorization: Bearer <key>' or 'x-api-key'.",
  },
  invalid: {
    nl: "Deze API-sleutel is onbekend. Vraag de beheerder om een persoonlijke sleutel ('poortwachter keys create').",
    en: "This API key is not known. Ask your administrator for a personal key ('poortwachter keys create').",
  },
  revoked: {
    nl: "Deze API-sleutel is ingetrokken. Vraag de beheerder om een nieuwe sleutel.",
    en: "This API key has been revoked. Ask your administrator for a new key.",
  },
  expired: {
    nl: "Deze API-sleutel is verlopen. Vraag de beheerder om een nieuwe sleutel.",
    en: "This API key has expired. Ask your administrator for a new key.",
  },
};

export function authRefusal(code: keyof typeof AUTH_MESSAGES): Refusal {
  return new Refusal(
    401,
    AUTH_MESSAGES[code],
    { type: "authentication_error", code: `key_${code}` },
    "authentication_error",
  );
}

export function rateLimitRefusal(retryAfterSeconds: number): Refusal {
  return new Refusal(
    429,
    {
      nl: `Te veel verzoeken met deze sleutel. Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
      en: `Too many requests with this key. Try again in ${retryAfterSeconds} seconds.`,
    },
    { type: "rate_limit_error", code: "rate_limit_exceeded" },
    "rate_limit_error",
    retryAfterSeconds,
  );
}

const SCOPE = {
  key: { nl: "deze sleutel", en: "this key" },
  user: { nl: "jou", en: "you" },
  team: { nl: "je team", en: "your team" },
};
const PERIOD = { daily: { nl: "dagbudget", en: "daily budget" }, monthly: { nl: "maandbudget", en: "monthly budget" } };

export function budgetRefusal(
  scope: keyof typeof SCOPE,
  period: keyof typeof PERIOD,
  hardEur: number,
  retryAfterSeconds: number,
): Refusal {
  const amount = hardEur.toFixed(2);
  return new Refusal(
    402,
    {
      nl: `Het ${PERIOD[period].nl} voor ${SCOPE[scope].nl} (€ ${amount.replace(".", ",")}) is op. Vraag de beheerder het budget te verhogen of wacht tot de volgende periode.`,
      en: `The ${PERIOD[period].en} for ${SCOPE[scope].en} (EUR ${amount}) is used up. Ask your administrator to raise it, or wait for the next period.`,
    },
    { type: "insufficient_quota", code: "budget_exceeded" },
    "billing_error",
    retryAfterSeconds,
  );
}

/** A policy block: 400, so clients show the message and do not retry. Unknown models are a 404. */
export function policyRefusal(message: Message, unknownModel: boolean): Refusal {
  return unknownModel
    ? new Refusal(404, message, { type: "invalid_request_error", code: "model_not_found" }, "not_found_error")
    : new Refusal(400, message, { type: "invalid_request_error", code: "policy_blocked" }, "invalid_request_error");
}

export const INTERNAL_FAILURE: Message = {
  nl: "Poortwachter kon dit verzoek niet veilig verwerken en heeft niets doorgestuurd. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.",
  en: "Poortwachter could not process this request safely and sent nothing on. Try again; if it keeps failing, contact your administrator.",
};

export function internalRefusal(): Refusal {
  return new Refusal(500, INTERNAL_FAILURE, { type: "server_error", code: "internal_error" }, "api_error");
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}
