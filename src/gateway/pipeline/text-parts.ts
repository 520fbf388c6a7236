/**
 * The texts of a request that a model reads, each with a way to write it back. Every part is
 * scanned and pseudonymised on its own, so entity offsets stay per part. Thinking blocks are left
 * as they are: they carry the upstream's signature, and changing them invalidates the request.
 */
import type { AnthropicMessagesRequest } from "../providers/anthropic/types.js";
import type { OpenAIChatRequest, OpenAIEmbeddingsRequest } from "../providers/openai/types.js";

/**
 * prompt: what the user or system wrote. tool_result: content that entered second-hand (scanned
 * for hidden instructions too). history: the model's earlier answers and tool-call arguments.
 */
export type PartKind = "prompt" | "tool_result" | "history";

export interface TextPart {
  kind: PartKind;
  text: string;
  /** Write the new text back into the (cloned) request body. */
  set(text: string): void;
}

export interface RequestTexts<Body> {
  /** A deep copy of the request; the setters write into it. */
  body: Body;
  parts: TextPart[];
  /** Call after the setters: re-serialises what had to be parsed (tool-call arguments). */
  commit(): void;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parts for every string value inside a JSON value (tool arguments), written back in place. */
function jsonStringParts(value: Json, kind: PartKind, replaceRoot: (v: Json) => void, out: TextPart[]): void {
  if (typeof value === "string") {
    out.push({ kind, text: value, set: replaceRoot });
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      jsonStringParts(
        item,
        kind,
        (v) => {
          value[i] = v;
        },
        out,
      );
    }
    return;
  }
  if (value && typeof value === "object") {
    for (const key of Object.keys(value)) {
      jsonStringParts(
        value[key] as Json,
        kind,
        (v) => {
          value[key] = v;
        },
        out,
      );
    }
  }
}

/** Text parts of an OpenAI content value (string or array of parts). */
function openAIContentParts(holder: { content?: unknown }, kind: PartKind, out: TextPart[]): void {
  const content = holder.content;
  if (typeof content === "string") {
    out.push({
      kind,
      text: content,
      set: (text) => {
        holder.content = text;
      },
    });
  } else if (Array.isArray(content)) {
    for (const part of content as Array<{ type?: unknown; text?: unknown }>) {
      if (part && part.type === "text" && typeof part.text === "string") {
        out.push({
          kind,
          text: part.text,
          set: (text) => {
            part.text = text;
          },
        });
      }
    }
  }
}

export function openAIChatTexts(request: OpenAIChatRequest): RequestTexts<OpenAIChatRequest> {
  const body = structuredClone(request);
  const parts: TextPart[] = [];
  const commits: Array<() => void> = [];
  for (const message of body.messages) {
    if (message.role === "tool") openAIContentParts(message, "tool_result", parts);
    else if (message.role === "assistant") {
      openAIContentParts(message, "history", parts);
      for (const call of message.tool_calls ?? []) argumentParts(call.function, parts, commits);
    } else openAIContentParts(message, "prompt", parts);
  }
  return {
    body,
    parts,
    commit: () => {
      for (const commit of commits) commit();
    },
  };
}

/** Tool-call arguments are JSON text: pseudonymise the string values, never the syntax. */
function argumentParts(fn: { arguments: string }, parts: TextPart[], commits: Array<() => void>): void {
  let parsed: Json;
  try {
    parsed = JSON.parse(fn.arguments) as Json;
  } catch {
    // Not JSON (a model's broken output): treat the whole text as text.
    parts.push({
      kind: "history",
      text: fn.arguments,
      set: (text) => {
        fn.arguments = text;
      },
    });
    return;
  }
  let root = parsed;
  jsonStringParts(
    root,
    "history",
    (v) => {
      root = v;
    },
    parts,
  );
  commits.push(() => {
    fn.arguments = JSON.stringify(root);
  });
}

export function anthropicTexts(request: AnthropicMessagesRequest): RequestTexts<AnthropicMessagesRequest> {
  const body = structuredClone(request);
  const parts: TextPart[] = [];
  if (typeof body.system === "string") {
    parts.push({
      kind: "prompt",
      text: body.system,
      set: (text) => {
        body.system = text;
      },
    });
  } else if (Array.isArray(body.system)) {
    for (const block of body.system) {
      parts.push({
        kind: "prompt",
        text: block.text,
        set: (text) => {
          block.text = text;
        },
      });
    }
  }
  for (const message of body.messages) {
    const kind: PartKind = message.role === "assistant" ? "history" : "prompt";
    if (typeof message.content === "string") {
      parts.push({
        kind,
        text: message.content,
        set: (text) => {
          message.content = text;
        },
      });
      continue;
    }
    for (const block of message.content as unknown as Array<Record<string, unknown>>) {
      if (block.type === "text" && typeof block.text === "string") {
        parts.push({
          kind,
          text: block.text,
          set: (text) => {
            block.text = text;
          },
        });
      } else if (block.type === "tool_result") {
        openAIContentParts(block, "tool_result", parts);
      } else if (block.type === "tool_use" && block.input !== undefined) {
        jsonStringParts(
          block.input as Json,
          "history",
          (v) => {
            block.input = v;
          },
          parts,
        );
      }
    }
  }
  return { body, parts, commit: () => {} };
}

export function embeddingsTexts(request: OpenAIEmbeddingsRequest): RequestTexts<OpenAIEmbeddingsRequest> {
  const body = structuredClone(request);
  const parts: TextPart[] = [];
  if (typeof body.input === "string") {
    parts.push({
      kind: "prompt",
      text: body.input,
      set: (text) => {
        body.input = text;
      },
    });
  } else if (Array.isArray(body.input) && body.input.every((item) => typeof item === "string")) {
    const input = body.input as string[];
    for (const [i, text] of input.entries()) {
      parts.push({
        kind: "prompt",
        text,
        set: (next) => {
          input[i] = next;
        },
      });
    }
  }
  // Token arrays cannot be read, so they cannot be checked: the pipeline refuses them.
  return { body, parts, commit: () => {} };
}

/** Characters of everything sent as prompt, for cost and rate estimates. */
export function promptChars(parts: readonly TextPart[]): number {
  let total = 0;
  for (const part of parts) total += part.text.length;
  return total;
}
