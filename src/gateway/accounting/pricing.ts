import {
  DEFAULT_PRICES,
  DEFAULT_USD_TO_EUR,
  type EuroPrice,
  findPrice,
  type PriceEntry,
  toEuro,
} from "../../config/pricing.js";

/**
 * Cost of requests in euros, from the price table of src/config (seeded with list prices,
 * overridden under `pricing.models`). Costs are also returned in micro-euros, the unit of the
 * budget counters, so sums stay exact.
 */

export const MICROS_PER_EURO = 1_000_000;

/** ~4 characters per token for Dutch and English text with the common tokenizers. */
export const CHARS_PER_TOKEN = 4;

/** Output budget assumed for the reservation when the client sets no max_tokens. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

export interface PricingSettings {
  usdToEur?: number | undefined;
  /** Prices that override or extend the seed table. */
  models?: Readonly<Record<string, PriceEntry>> | undefined;
  /** Models that cost nothing (on your own hardware): the local providers' models. */
  freeModels?: Iterable<string> | undefined;
  /** Euro prices per model name that win over the table (the config's model catalogue). */
  euroPrices?: Readonly<Record<string, EuroPrice>> | undefined;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface Cost {
  eur: number;
  micros: number;
  /** False when the model is missing from the table and the fail-safe price was used. */
  priced: boolean;
}

export interface CostEstimate extends Cost {
  inputTokens: number;
  outputTokens: number;
}

export interface EstimateInput {
  model: string;
  /** Characters of everything sent as prompt (messages, system prompt, tool definitions). */
  promptChars: number;
  /** The request's max_tokens / max_completion_tokens, when set. */
  maxOutputTokens?: number | undefined;
}

export class PriceBook {
  private readonly table: Readonly<Record<string, PriceEntry>>;
  private readonly usdToEur: number;
  private readonly free: Set<string>;
  private readonly euroPrices: Readonly<Record<string, EuroPrice>>;
  /**
   * Unknown, non-free models are priced like the most expensive model in the table: a model
   * missing from the table must not be a way around the budgets.
   */
  private readonly failSafe: EuroPrice;

  constructor(settings: PricingSettings = {}) {
    this.table = { ...DEFAULT_PRICES, ...(settings.models ?? {}) };
    this.usdToEur = settings.usdToEur ?? DEFAULT_USD_TO_EUR;
    this.free = new Set(settings.freeModels ?? []);
    this.euroPrices = settings.euroPrices ?? {};
    const prices = Object.values(this.table).map((p) => toEuro(p, this.usdToEur));
    this.failSafe = {
      inputPerMTok: Math.max(0, ...prices.map((p) => p.inputPerMTok)),
      outputPerMTok: Math.max(0, ...prices.map((p) => p.outputPerMTok)),
    };
  }

  priceOf(model: string): { price: EuroPrice; priced: boolean } {
    if (this.free.has(model)) return { price: { inputPerMTok: 0, outputPerMTok: 0 }, priced: true };
    const own = Object.hasOwn(this.euroPrices, model) ? this.euroPrices[model] : undefined;
    if (own) return { price: own, priced: true };
    const entry = findPrice(this.table, model);
    return entry ? { price: toEuro(entry, this.usdToEur), priced: true } : { price: this.failSafe, priced: false };
  }

  cost(model: string, usage: TokenUsage): Cost {
    const { price, priced } = this.priceOf(model);
    const micros = Math.round(usage.inputTokens * price.inputPerMTok + usage.outputTokens * price.outputPerMTok);
    return { eur: micros / MICROS_PER_EURO, micros, priced };
  }

  /** The most a request can cost: its estimated prompt plus the full output allowance. */
  estimateMaxCost(input: EstimateInput): CostEstimate {
    const inputTokens = estimateTokens(input.promptChars);
    const outputTokens = input.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
    const { price, priced } = this.priceOf(input.model);
    // Rounded up: a reservation must never be smaller than the real maximum.
    const micros = Math.ceil(inputTokens * price.inputPerMTok + outputTokens * price.outputPerMTok);
    return { eur: micros / MICROS_PER_EURO, micros, priced, inputTokens, outputTokens };
  }
}

export function estimateTokens(chars: number): number {
  return Math.ceil(Math.max(0, chars) / CHARS_PER_TOKEN);
}

export const toMicros = (eur: number): number => Math.round(eur * MICROS_PER_EURO);
