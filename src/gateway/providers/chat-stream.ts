import type { ChatStream, ChatStreamEvent, Protocol, StreamSummary } from "./types.js";

/** The mutable summary a stream producer fills in while it runs. */
export type SummaryDraft = Omit<StreamSummary, "provider" | "model">;

/**
 * A ChatStream over a producer generator. The summary settles when iteration ends for any
 * reason (done, error, or the consumer breaking out), so metering never depends on a clean end.
 */
export class ProducedChatStream implements ChatStream {
  private readonly draft: SummaryDraft = {};
  private settle!: (summary: StreamSummary) => void;
  private readonly settled: Promise<StreamSummary>;
  private iterated = false;

  constructor(
    readonly protocol: Protocol,
    readonly provider: string,
    readonly model: string,
    private readonly produce: (summary: SummaryDraft) => AsyncGenerator<ChatStreamEvent>,
  ) {
    this.settled = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChatStreamEvent> {
    if (this.iterated) throw new Error("A chat stream can be iterated only once");
    this.iterated = true;
    try {
      yield* this.produce(this.draft);
    } finally {
      this.settle({ ...this.draft, provider: this.provider, model: this.model });
    }
  }

  summary(): Promise<StreamSummary> {
    return this.settled;
  }
}
