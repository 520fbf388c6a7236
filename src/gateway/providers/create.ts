import { AnthropicAdapter } from "./anthropic/adapter.js";
import { AzureOpenAIAdapter } from "./azure-openai/adapter.js";
import { MistralAdapter } from "./mistral/adapter.js";
import { type AdapterOptions, OpenAIProtocolAdapter } from "./openai/adapter.js";
import { OpenAICompatibleAdapter } from "./openai-compatible/adapter.js";
import type { ProviderAdapter, ProviderConfig } from "./types.js";

/** The adapter for one configured provider. Adapters share the upstream client's connection pools. */
export function createProviderAdapter(config: ProviderConfig, options: AdapterOptions = {}): ProviderAdapter {
  switch (config.type) {
    case "openai":
      return new OpenAIProtocolAdapter(config, options);
    case "azure-openai":
      return new AzureOpenAIAdapter(config, options);
    case "anthropic":
      return new AnthropicAdapter(config, options);
    case "mistral":
      return new MistralAdapter(config, options);
    case "openai-compatible":
      return new OpenAICompatibleAdapter(config, options);
    default:
      throw new Error(`Provider ${config.id}: unknown type "${(config as { type: string }).type}"`);
  }
}

/** Adapters by provider id; duplicate ids are a configuration error. */
export function createProviderAdapters(
  configs: readonly ProviderConfig[],
  options: AdapterOptions = {},
): Map<string, ProviderAdapter> {
  const adapters = new Map<string, ProviderAdapter>();
  for (const config of configs) {
    if (adapters.has(config.id)) throw new Error(`Provider id "${config.id}" is configured twice`);
    adapters.set(config.id, createProviderAdapter(config, options));
  }
  return adapters;
}
