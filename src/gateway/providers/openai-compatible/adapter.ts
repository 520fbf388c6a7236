import { type AdapterOptions, OpenAIProtocolAdapter, trimSlash } from "../openai/adapter.js";
import type { ProviderConfig } from "../types.js";

/**
 * Ollama, LocalAI, vLLM, llama.cpp and other servers with an OpenAI-shaped `/v1` API. No key is
 * needed (one is sent as a bearer token when configured). Usage is requested like from OpenAI;
 * a server that never reports it leaves `usage` undefined, so the gateway must estimate.
 */
export class OpenAICompatibleAdapter extends OpenAIProtocolAdapter {
  constructor(config: ProviderConfig, options: AdapterOptions = {}) {
    if (!config.baseUrl)
      throw new Error(`Provider ${config.id}: openai-compatible needs baseUrl (e.g. http://127.0.0.1:11434/v1)`);
    super(config, options);
  }

  protected override baseUrl(): string {
    return trimSlash(this.config.baseUrl ?? "");
  }
}
