import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_OUTPUT_TOKENS, PriceBook } from "./pricing.js";

describe("price book", () => {
  const prices = new PriceBook({
    usdToEur: 0.9,
    models: { "huis-model": { input: 1, output: 2, currency: "EUR" } },
    freeModels: ["llama3.1:8b"],
  });

  it("turns token usage into euros with the table's currency rate", () => {
    // gpt-4.1: $2 in / $8 out per million tokens, at 0.9 EUR per USD.
    const cost = prices.cost("gpt-4.1", { inputTokens: 1_000_000, outputTokens: 500_000 });
    expect(cost.eur).toBeCloseTo(1.8 + 3.6, 6);
    expect(cost.priced).toBe(true);
    expect(prices.cost("huis-model", { inputTokens: 2_000_000, outputTokens: 0 }).eur).toBe(2);
  });

  it("prices dated snapshots like their family and local models at nothing", () => {
    expect(prices.cost("gpt-4.1-2025-04-14", { inputTokens: 1000, outputTokens: 0 })).toEqual(
      prices.cost("gpt-4.1", { inputTokens: 1000, outputTokens: 0 }),
    );
    expect(prices.cost("llama3.1:8b", { inputTokens: 10_000, outputTokens: 10_000 }).micros).toBe(0);
  });

  it("prices a point release on its own entry, and its snapshots with it", () => {
    const point = prices.cost("gpt-5.1-2025-11-13", { inputTokens: 1_000_000, outputTokens: 0 });
    expect(point.priced).toBe(true);
    expect(point.eur).toBeCloseTo(1.25 * 0.9, 6);
  });

  it("prices unknown models at the most expensive rate, so they cannot dodge budgets", () => {
    const unknown = prices.cost("nieuw-model-x", { inputTokens: 1_000_000, outputTokens: 0 });
    expect(unknown.priced).toBe(false);
    expect(unknown.eur).toBeGreaterThanOrEqual(
      prices.cost("claude-opus-4-1", { inputTokens: 1_000_000, outputTokens: 0 }).eur,
    );
  });

  it("estimates the maximum from prompt characters and max_tokens (or the default)", () => {
    const estimate = prices.estimateMaxCost({ model: "gpt-4.1", promptChars: 4001, maxOutputTokens: 500 });
    expect(estimate.inputTokens).toBe(1001);
    expect(estimate.outputTokens).toBe(500);
    expect(estimate.micros).toBeGreaterThanOrEqual(
      prices.cost("gpt-4.1", { inputTokens: 1001, outputTokens: 500 }).micros,
    );
    expect(prices.estimateMaxCost({ model: "gpt-4.1", promptChars: 0 }).outputTokens).toBe(DEFAULT_MAX_OUTPUT_TOKENS);
  });
});
