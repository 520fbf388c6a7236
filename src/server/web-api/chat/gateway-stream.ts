/**
 * Reads the gateway's OpenAI-style SSE text (what an API client would receive) back into the
 * pieces the chat page shows: answer text deltas and a stream error, if any.
 */

export type StreamPiece = { kind: "text"; text: string } | { kind: "error"; code: string; message: string };

interface OpenAIChunk {
  choices?: Array<{ delta?: { content?: string | null } }>;
  error?: { code?: string | null; type?: string; message?: string };
}

/** Splits SSE text that may end mid-event; returns the complete `data:` payloads and the rest. */
export class SseDataReader {
  private buffer = "";

  push(text: string): string[] {
    this.buffer += text;
    const out: string[] = [];
    for (let end = this.buffer.indexOf("\n\n"); end !== -1; end = this.buffer.indexOf("\n\n")) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(line.startsWith("data: ") ? 6 : 5))
        .join("\n");
      if (data !== "") out.push(data);
    }
    return out;
  }
}

export function piecesOf(data: string): StreamPiece[] {
  if (data === "[DONE]") return [];
  let chunk: OpenAIChunk;
  try {
    chunk = JSON.parse(data) as OpenAIChunk;
  } catch {
    return [];
  }
  if (chunk.error) {
    return [
      {
        kind: "error",
        code: chunk.error.code ?? chunk.error.type ?? "upstream_error",
        message: chunk.error.message ?? "",
      },
    ];
  }
  const out: StreamPiece[] = [];
  for (const choice of chunk.choices ?? []) {
    const text = choice.delta?.content;
    if (typeof text === "string" && text !== "") out.push({ kind: "text", text });
  }
  return out;
}

/** `EMAIL=1, PERSON=2` (the gateway's entities header) as counts by type. */
export function parseEntityCounts(header: string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!header || header === "none") return counts;
  for (const pair of header.split(",")) {
    const [type, n] = pair.trim().split("=");
    const value = Number(n);
    if (type && Number.isFinite(value)) counts[type] = value;
  }
  return counts;
}
