import type { TextKind, TextRewriter } from "../rewrite-text.js";
import type { ResponsesContentPart, ResponsesObject, ResponsesOutputItem, ResponsesStreamEvent } from "./types.js";

/**
 * How the text of a response is rewritten (placeholders restored): incrementally for stream
 * deltas, at once for complete texts. Tool-call arguments are JSON: what goes in is escaped.
 */
export interface ResponsesRewriting {
  create(kind: TextKind): TextRewriter;
  full(kind: TextKind, text: string): string;
  /** Appended to every answer text (`output_text` part of a message): the AI-content disclosure. */
  suffix?: string | undefined;
}

function rewriteItem(item: ResponsesOutputItem, rw: ResponsesRewriting, texts?: (key: string) => string | undefined) {
  const index = (key: string) => texts?.(key);
  if (item.type === "message" && Array.isArray(item.content)) {
    return {
      ...item,
      content: item.content.map((part, c) => {
        if (part.type === "output_text" && typeof part.text === "string") {
          return { ...part, text: index(`text:${c}`) ?? rw.full("text", part.text) + (rw.suffix ?? "") };
        }
        if (part.type === "refusal" && typeof part.refusal === "string") {
          return { ...part, refusal: index(`refusal:${c}`) ?? rw.full("text", part.refusal) };
        }
        return part;
      }),
    };
  }
  if (item.type === "reasoning" && Array.isArray(item.summary)) {
    return {
      ...item,
      summary: (item.summary as ResponsesContentPart[]).map((part, i) =>
        part.type === "summary_text" && typeof part.text === "string"
          ? { ...part, text: index(`summary:${i}`) ?? rw.full("text", part.text) }
          : part,
      ),
    };
  }
  if (item.type === "function_call" && typeof item.arguments === "string") {
    return { ...item, arguments: index("args") ?? rw.full("tool_arguments", item.arguments) };
  }
  return item;
}

/** A complete response with its answer texts and tool-call arguments restored. */
export function rewriteResponseObject(response: ResponsesObject, rw: ResponsesRewriting): ResponsesObject {
  return rewriteResponseWith(response, rw, () => undefined);
}

function rewriteResponseWith(
  response: ResponsesObject,
  rw: ResponsesRewriting,
  texts: (output: number, key: string) => string | undefined,
): ResponsesObject {
  const out: ResponsesObject = {
    ...response,
    output: Array.isArray(response.output)
      ? response.output.map((item, o) => rewriteItem(item, rw, (key) => texts(o, key)))
      : response.output,
  };
  // The response echoes the request's instructions, which went upstream pseudonymised.
  if (typeof response.instructions === "string") out.instructions = rw.full("text", response.instructions);
  return out;
}

interface Channel {
  rewriter: TextRewriter;
  /** Everything passed on to the client so far: the closing events repeat exactly this. */
  text: string;
  kind: TextKind;
}

type TextKey = "text" | "refusal" | "summary";
type IndexField = "content_index" | "summary_index";

/** Text deltas and where their position within the output item is given. */
const TEXT_EVENTS: Record<string, { key: TextKey; index: IndexField }> = {
  "response.output_text.delta": { key: "text", index: "content_index" },
  "response.refusal.delta": { key: "refusal", index: "content_index" },
  // Reasoning summaries are model output too; they may repeat placeholders.
  "response.reasoning_summary_text.delta": { key: "summary", index: "summary_index" },
};

const DONE_EVENTS: Record<string, { key: TextKey; delta: string; field: "text" | "refusal"; index: IndexField }> = {
  "response.output_text.done": {
    key: "text",
    delta: "response.output_text.delta",
    field: "text",
    index: "content_index",
  },
  "response.refusal.done": {
    key: "refusal",
    delta: "response.refusal.delta",
    field: "refusal",
    index: "content_index",
  },
  "response.reasoning_summary_text.done": {
    key: "summary",
    delta: "response.reasoning_summary_text.delta",
    field: "text",
    index: "summary_index",
  },
};

const FINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);

/**
 * Rewrites a Responses stream: text and argument deltas through streaming rewriters (a placeholder
 * split across deltas is still restored), and the closing events that repeat the final text
 * (`output_text.done`, `content_part.done`, `output_item.done`, the final response's output)
 * replaced by exactly what the client received in deltas, so the two always agree. Held-back text
 * is sent as one extra delta before its `done` event, the disclosure line as another. Events are
 * renumbered, since some are added and some dropped.
 */
export async function* rewriteResponseEvents(
  events: AsyncIterable<ResponsesStreamEvent>,
  rw: ResponsesRewriting,
): AsyncGenerator<ResponsesStreamEvent> {
  const channels = new Map<string, Channel>();
  let sequence = 0;
  const numbered = (event: ResponsesStreamEvent): ResponsesStreamEvent => ({ ...event, sequence_number: sequence++ });
  const channel = (key: string, kind: TextKind): Channel => {
    let found = channels.get(key);
    if (!found) {
      found = { rewriter: rw.create(kind), text: "", kind };
      channels.set(key, found);
    }
    return found;
  };
  const textOf = (output: number, key: string) => channels.get(`${output}:${key}`)?.text;

  for await (const event of events) {
    const o = Number(event.output_index ?? 0);
    const c = Number(event.content_index ?? 0);
    const textDelta = TEXT_EVENTS[event.type];
    if (textDelta) {
      const ch = channel(`${o}:${textDelta.key}:${Number(event[textDelta.index] ?? 0)}`, "text");
      const out = ch.rewriter.push(String(event.delta ?? ""));
      ch.text += out;
      if (out !== "") yield numbered({ ...event, delta: out });
      continue;
    }
    const textDone = DONE_EVENTS[event.type];
    if (textDone) {
      const key = `${o}:${textDone.key}:${Number(event[textDone.index] ?? 0)}`;
      const streamed = channels.get(key);
      const ch = channel(key, "text");
      const extra = streamed === undefined ? rw.full("text", String(event[textDone.field] ?? "")) : ch.rewriter.flush();
      const suffix = textDone.key === "text" ? (rw.suffix ?? "") : "";
      for (const piece of [extra, suffix]) {
        if (piece === "") continue;
        ch.text += piece;
        yield numbered({
          type: textDone.delta,
          item_id: event.item_id,
          output_index: event.output_index,
          [textDone.index]: event[textDone.index],
          delta: piece,
          ...(textDone.key === "text" ? { logprobs: [] } : {}),
        });
      }
      yield numbered({ ...event, [textDone.field]: ch.text });
      continue;
    }
    if (event.type === "response.function_call_arguments.delta") {
      const ch = channel(`${o}:args`, "tool_arguments");
      const out = ch.rewriter.push(String(event.delta ?? ""));
      ch.text += out;
      if (out !== "") yield numbered({ ...event, delta: out });
      continue;
    }
    if (event.type === "response.function_call_arguments.done") {
      const streamed = channels.get(`${o}:args`);
      const ch = channel(`${o}:args`, "tool_arguments");
      const extra =
        streamed === undefined ? rw.full("tool_arguments", String(event.arguments ?? "")) : ch.rewriter.flush();
      if (extra !== "") {
        ch.text += extra;
        yield numbered({
          type: "response.function_call_arguments.delta",
          item_id: event.item_id,
          output_index: event.output_index,
          delta: extra,
        });
      }
      yield numbered({ ...event, arguments: ch.text });
      continue;
    }
    if (event.type === "response.content_part.done") {
      const part = event.part as { type?: string; text?: string; refusal?: string } | undefined;
      if (part?.type === "output_text" && typeof part.text === "string") {
        const text = textOf(o, `text:${c}`) ?? rw.full("text", part.text) + (rw.suffix ?? "");
        yield numbered({ ...event, part: { ...part, text } });
        continue;
      }
      if (part?.type === "refusal" && typeof part.refusal === "string") {
        const refusal = textOf(o, `refusal:${c}`) ?? rw.full("text", part.refusal);
        yield numbered({ ...event, part: { ...part, refusal } });
        continue;
      }
    }
    if (event.type === "response.reasoning_summary_part.done") {
      const part = event.part as { type?: string; text?: string } | undefined;
      if (part?.type === "summary_text" && typeof part.text === "string") {
        const text = textOf(o, `summary:${Number(event.summary_index ?? 0)}`) ?? rw.full("text", part.text);
        yield numbered({ ...event, part: { ...part, text } });
        continue;
      }
    }
    if (event.type === "response.output_item.done" && event.item && typeof event.item === "object") {
      yield numbered({ ...event, item: rewriteItem(event.item as ResponsesOutputItem, rw, (key) => textOf(o, key)) });
      continue;
    }
    if (
      (FINAL_EVENTS.has(event.type) || event.type === "response.created" || event.type === "response.in_progress") &&
      event.response
    ) {
      yield numbered({ ...event, response: rewriteResponseWith(event.response as ResponsesObject, rw, textOf) });
      continue;
    }
    yield numbered(event);
  }
  // A stream cut short still hands over what the rewriters held.
  for (const [key, ch] of channels) {
    const rest = ch.rewriter.flush();
    if (rest === "") continue;
    ch.text += rest;
    const [output, kind, content] = key.split(":");
    yield numbered(
      kind === "args"
        ? { type: "response.function_call_arguments.delta", output_index: Number(output), delta: rest }
        : {
            type:
              kind === "refusal"
                ? "response.refusal.delta"
                : kind === "summary"
                  ? "response.reasoning_summary_text.delta"
                  : "response.output_text.delta",
            output_index: Number(output),
            [kind === "summary" ? "summary_index" : "content_index"]: Number(content),
            delta: rest,
          },
    );
  }
}
