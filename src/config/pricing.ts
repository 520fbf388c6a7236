/**
 * Prices per million tokens, to turn token usage into euros for budgets. The seed table holds
 * list prices in USD from the vendors' public pricing pages (openai.com/api/pricing,
 * claude.com/pricing, mistral.ai/pricing) as known in October 2025, converted at
 * 1 USD = 0.86 EUR (ECB reference rate, autumn 2025). Prices change: check them, and override
 * or extend them under `pricing.models` in poortwachter.yaml. Local models cost nothing.
 */

export interface PriceEntry {
  input: number;
  output: number;
  currency: "USD" | "EUR";
}

export const DEFAULT_USD_TO_EUR = 0.86;

const usd = (input: number, output: number): PriceEntry => ({ input, output, currency: "USD" });

export const DEFAULT_PRICES: Readonly<Record<string, PriceEntry>> = {
  // OpenAI
  "gpt-5": usd(1.25, 10),
  // Launched 13 November 2025 at GPT-5's prices. Listed on its own: `gpt-5.1` is not a dated
  // snapshot of `gpt-5`, so the prefix rule of findPrice does not reach it.
  "gpt-5.1": usd(1.25, 10),
  "gpt-5-mini": usd(0.25, 2),
  "gpt-5-nano": usd(0.05, 0.4),
  "gpt-4.1": usd(2, 8),
  "gpt-4.1-mini": usd(0.4, 1.6),
  "gpt-4.1-nano": usd(0.1, 0.4),
  "gpt-4o": usd(2.5, 10),
  "gpt-4o-mini": usd(0.15, 0.6),
  o3: usd(2, 8),
  "o3-mini": usd(1.1, 4.4),
  "o4-mini": usd(1.1, 4.4),
  "text-embedding-3-small": usd(0.02, 0),
  "text-embedding-3-large": usd(0.13, 0),
  // Anthropic
  "claude-opus-4-1": usd(15, 75),
  "claude-opus-4": usd(15, 75),
  "claude-opus-4-5": usd(5, 25),
  "claude-sonnet-4-5": usd(3, 15),
  "claude-sonnet-4": usd(3, 15),
  "claude-haiku-4-5": usd(1, 5),
  "claude-3-5-haiku": usd(0.8, 4),
  // Mistral
  "mistral-large-latest": usd(2, 6),
  "mistral-medium-latest": usd(0.4, 2),
  "mistral-small-latest": usd(0.1, 0.3),
};

export interface EuroPrice {
  inputPerMTok: number;
  outputPerMTok: number;
}

/**
 * The table entry for a model name: exact, or the longest entry the name starts with followed by
 * a version separator (`gpt-4.1-2025-04-14` -> `gpt-4.1`, `claude-opus-4-5-20251101` ->
 * `claude-opus-4-5`), so dated snapshots are priced like their family.
 */
export function findPrice(table: Readonly<Record<string, PriceEntry>>, model: string): PriceEntry | undefined {
  const exact = table[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const name of Object.keys(table)) {
    if (model.length > name.length && model.startsWith(name) && /[-:@]/.test(model[name.length] as string)) {
      if (!best || name.length > best.length) best = name;
    }
  }
  return best === undefined ? undefined : table[best];
}

export function toEuro(price: PriceEntry, usdToEur: number): EuroPrice {
  const rate = price.currency === "USD" ? usdToEur : 1;
  return { inputPerMTok: price.input * rate, outputPerMTok: price.output * rate };
}

/** Cost in euros of one request. */
export function costInEuro(price: EuroPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok) / 1_000_000;
}
