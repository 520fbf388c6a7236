import { type AdapterOptions, type OpenAIEndpoint, OpenAIProtocolAdapter, trimSlash } from "../openai/adapter.js";
import type { ProviderConfig } from "../types.js";

/** A GA version that supports `stream_options.include_usage` and tools. */
export const DEFAULT_AZURE_API_VERSION = "2024-10-21";

/**
 * Azure OpenAI: the model is addressed by deployment in the URL
 * (`/openai/deployments/{deployment}/chat/completions?api-version=...`) and the key goes in an
 * `api-key` header. `deployments` maps the gateway's model names to deployment names.
 */
export class AzureOpenAIAdapter extends OpenAIProtocolAdapter {
  constructor(config: ProviderConfig, options: AdapterOptions = {}) {
    if (!config.baseUrl)
      throw new Error(`Provider ${config.id}: azure-openai needs baseUrl (https://RESOURCE.openai.azure.com)`);
    super(config, options);
  }

  protected override baseUrl(): string {
    // Accept the resource URL with or without the /openai suffix.
    return trimSlash(this.config.baseUrl ?? "").replace(/\/openai$/, "");
  }

  deploymentFor(model: string): string {
    return this.config.deployments?.[model] ?? model;
  }

  protected override url(endpoint: OpenAIEndpoint, model: string): string {
    const version = `api-version=${encodeURIComponent(this.config.apiVersion ?? DEFAULT_AZURE_API_VERSION)}`;
    if (endpoint === "models") return `${this.baseUrl()}/openai/models?${version}`;
    const deployment = encodeURIComponent(this.deploymentFor(model));
    const path = endpoint === "chat" ? "chat/completions" : "embeddings";
    return `${this.baseUrl()}/openai/deployments/${deployment}/${path}?${version}`;
  }

  protected override authHeaders(): Record<string, string> {
    return this.config.apiKey ? { "api-key": this.config.apiKey } : {};
  }
}
