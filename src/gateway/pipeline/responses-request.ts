/**
 * Requests of the OpenAI Responses API (`POST /v1/responses`): validation, the texts a model reads
 * (each with a setter, like text-parts.ts), and what cannot work through Poortwachter.
 *
 * Poortwachter always sends `store: false`, so the provider keeps nothing: `previous_response_id`,
 * `conversation`, `background` and item references need stored responses and get a clear 400.
 * Files (`input_file`) cannot be checked for personal data and are refused (fail closed); images
 * pass through as in chat completions.
 */
import { z } from "zod";
import { GatewayError } from "../providers/errors.js";
import type { ResponsesContentPart, ResponsesInputItem, ResponsesRequest } from "../providers/responses/types.js";
import type { PartKind, RequestTexts, TextPart } from "./text-parts.js";

const anyPart = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(anyPart)]);
const inputItem = z.looseObject({
  type: z.string().optional(),
  role: z.string().optional(),
  content: content.optional(),
  arguments: z.string().optional(),
  output: content.optional(),
});

const responsesSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(inputItem)]).optional(),
  instructions: z.string().nullable().optional(),
  tools: z.array(z.looseObject({ type: z.string(), name: z.string().optional() })).optional(),
  stream: z.boolean().nullable().optional(),
  store: z.boolean().nullable().optional(),
  background: z.boolean().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  max_output_tokens: z.number().int().positive().nullable().optional(),
});

function invalid(message: string, param: string | null = null): GatewayError {
  return new GatewayError(400, "invalid_request", message, { retryable: false, param });
}

const NEEDS_STORAGE =
  "Poortwachter sends every Responses request with store:false, so the provider keeps no earlier responses";

/** A parsed request, and whether the client asked for `store: true` (downgraded to false). */
export interface ParsedResponsesRequest {
  body: ResponsesRequest;
  storeDowngraded: boolean;
}

export function parseResponsesRequest(value: unknown): ParsedResponsesRequest {
  const result = responsesSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const path = issue.path.map(String).join(".");
    throw invalid(`Invalid request: ${path === "" ? "" : `${path}: `}${issue.message}`, path === "" ? null : path);
  }
  const body = result.data as ResponsesRequest & { background?: boolean | null; conversation?: unknown };
  if (body.previous_response_id) {
    throw invalid(
      `${NEEDS_STORAGE}: previous_response_id cannot be used. Send the whole conversation in 'input' instead.`,
      "previous_response_id",
    );
  }
  if (body.conversation !== undefined && body.conversation !== null) {
    throw invalid(
      `${NEEDS_STORAGE}: 'conversation' cannot be used. Send the whole conversation in 'input' instead.`,
      "conversation",
    );
  }
  if (body.background === true) {
    throw invalid(`${NEEDS_STORAGE}: background responses cannot be used. Use stream:true instead.`, "background");
  }
  if (body.input === undefined) throw invalid("Invalid request: input is required", "input");
  if (Array.isArray(body.input)) {
    for (const [i, item] of body.input.entries()) {
      if (item.type === "item_reference") {
        throw invalid(`${NEEDS_STORAGE}: item references cannot be used. Send the item itself.`, `input[${i}]`);
      }
      const parts = [item.content, item.output].filter(Array.isArray).flat() as ResponsesContentPart[];
      if (parts.some((part) => part.type === "input_file")) {
        throw invalid(
          "Files cannot be checked for personal data, so Poortwachter does not forward them. Paste the text instead.",
          `input[${i}]`,
        );
      }
    }
  }
  return { body, storeDowngraded: body.store === true };
}

/** Text parts of a content value (string, or parts with `text`: input_text, output_text). */
function contentParts(holder: Record<string, unknown>, key: string, kind: PartKind, out: TextPart[]): void {
  const value = holder[key];
  if (typeof value === "string") {
    out.push({
      kind,
      text: value,
      set: (text) => {
        holder[key] = text;
      },
    });
    return;
  }
  if (!Array.isArray(value)) return;
  for (const part of value as ResponsesContentPart[]) {
    if (
      (part.type === "input_text" || part.type === "output_text" || part.type === "text") &&
      typeof part.text === "string"
    ) {
      out.push({
        kind,
        text: part.text,
        set: (text) => {
          part.text = text;
        },
      });
    } else if (part.type === "refusal" && typeof part.refusal === "string") {
      // An earlier answer's refusal goes upstream again as history: a client can put anything in it.
      out.push({
        kind,
        text: part.refusal,
        set: (text) => {
          part.refusal = text;
        },
      });
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function jsonStrings(value: Json, replace: (v: Json) => void, out: TextPart[]): void {
  if (typeof value === "string") {
    out.push({ kind: "history", text: value, set: replace });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      jsonStrings(item, (v) => (value[i] = v), out);
    });
  } else if (value && typeof value === "object") {
    for (const key of Object.keys(value)) jsonStrings(value[key] as Json, (v) => (value[key] = v), out);
  }
}

/** The texts of a Responses request: instructions, messages, earlier tool calls and tool outputs. */
export function responsesTexts(request: ResponsesRequest): RequestTexts<ResponsesRequest> {
  const body = structuredClone(request);
  const parts: TextPart[] = [];
  const commits: Array<() => void> = [];
  if (typeof body.instructions === "string")
    contentParts(body as Record<string, unknown>, "instructions", "prompt", parts);
  if (typeof body.input === "string") contentParts(body as Record<string, unknown>, "input", "prompt", parts);
  for (const item of Array.isArray(body.input) ? body.input : []) {
    const record = item as ResponsesInputItem & Record<string, unknown>;
    const type = record.type ?? "message";
    if (type === "message") {
      contentParts(record, "content", record.role === "assistant" ? "history" : "prompt", parts);
    } else if (type === "function_call_output" || type === "custom_tool_call_output") {
      contentParts(record, "output", "tool_result", parts);
    } else if (type === "function_call" && typeof record.arguments === "string") {
      let root: Json;
      try {
        root = JSON.parse(record.arguments) as Json;
      } catch {
        contentParts(record, "arguments", "history", parts);
        continue;
      }
      jsonStrings(root, (v) => (root = v), parts);
      commits.push(() => {
        record.arguments = JSON.stringify(root);
      });
    } else if (type === "custom_tool_call" && typeof record.input === "string") {
      contentParts(record, "input", "history", parts);
    }
  }
  // Identifiers and metadata go upstream too; clients put e-mail addresses in them. Last, so the
  // conversation id still derives from the first message.
  for (const key of ["user", "safety_identifier"]) {
    if (typeof body[key] === "string") contentParts(body as Record<string, unknown>, key, "prompt", parts);
  }
  if (body.metadata && typeof body.metadata === "object" && !Array.isArray(body.metadata)) {
    const metadata = body.metadata as Record<string, unknown>;
    for (const key of Object.keys(metadata)) {
      if (typeof metadata[key] === "string") contentParts(metadata, key, "prompt", parts);
    }
  }
  return {
    body,
    parts,
    commit: () => {
      for (const commit of commits) commit();
    },
  };
}
