import { formatStreamEvent, streamTerminator } from "../providers/sse/writer.js";
import type { ChatStream, ChatStreamEvent } from "../providers/types.js";

/** Read a whole stream: its events, the error that ended it (if any) and the SSE text a client would get. */
export async function collectStream(
  stream: ChatStream,
): Promise<{ events: ChatStreamEvent[]; error?: unknown; sse: string }> {
  const events: ChatStreamEvent[] = [];
  let sse = "";
  try {
    for await (const event of stream) {
      events.push(event);
      sse += formatStreamEvent(event);
    }
  } catch (error) {
    return { events, error, sse };
  }
  return { events, sse: sse + streamTerminator(stream.protocol) };
}

/** The text a client would show: OpenAI content deltas or Anthropic text deltas, joined. */
export function streamedText(events: readonly ChatStreamEvent[]): string {
  let text = "";
  for (const event of events) {
    if (event.protocol === "openai") {
      if ("choices" in event.data) for (const choice of event.data.choices) text += choice.delta.content ?? "";
    } else if (event.data.type === "content_block_delta" && event.data.delta.type === "text_delta") {
      text += event.data.delta.text;
    }
  }
  return text;
}
