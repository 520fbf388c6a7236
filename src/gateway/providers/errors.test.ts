import { describe, expect, it } from "vitest";
import {
  errorFromUpstreamStatus,
  GatewayError,
  renderAnthropicError,
  renderError,
  renderOpenAIError,
  toGatewayError,
} from "./errors.js";
import { formatStreamError } from "./sse/writer.js";

describe("upstream error mapping", () => {
  it.each([
    [400, 400, "invalid_request", false],
    [401, 502, "authentication_failed", false],
    [404, 404, "not_found", false],
    [429, 429, "rate_limited", true],
    [500, 502, "upstream_error", true],
    [503, 503, "upstream_unavailable", true],
    [529, 529, "upstream_overloaded", true],
  ])("upstream %i becomes %i %s", (upstream, status, code, retryable) => {
    const error = errorFromUpstreamStatus(upstream, '{"error":{"message":"kapot"}}', "p");
    expect(error).toMatchObject({ status, code, retryable, provider: "p" });
    expect(error.message).toContain("kapot");
  });

  it("reads messages from Anthropic, OpenAI, Mistral and plain-text bodies", () => {
    expect(errorFromUpstreamStatus(400, '{"type":"error","error":{"type":"x","message":"A"}}', "p").message).toContain(
      "A",
    );
    expect(errorFromUpstreamStatus(422, '{"object":"error","message":"M"}', "p").message).toContain(": M");
    expect(errorFromUpstreamStatus(502, "Bad Gateway", "p").message).toContain("Bad Gateway");
  });

  it("hides unknown errors behind an internal error", () => {
    const error = toGatewayError(new Error("secret detail"), "p");
    expect(error).toMatchObject({ status: 500, code: "internal_error" });
    expect(error.message).not.toContain("secret");
  });
});

describe("error renderers", () => {
  const error = new GatewayError(429, "rate_limited", "Te veel verzoeken", { retryAfterSeconds: 2.5, param: null });

  it("renders OpenAI's shape with status and retry-after", () => {
    expect(renderOpenAIError(error)).toEqual({
      status: 429,
      headers: { "retry-after": "3" },
      body: { error: { message: "Te veel verzoeken", type: "rate_limit_error", param: null, code: "rate_limited" } },
    });
  });

  it("renders Anthropic's shape", () => {
    expect(renderAnthropicError(error).body).toEqual({
      type: "error",
      error: { type: "rate_limit_error", message: "Te veel verzoeken" },
    });
    const overloaded = new GatewayError(529, "upstream_overloaded", "Overbelast");
    expect(renderError("anthropic", overloaded)).toMatchObject({
      status: 529,
      body: { error: { type: "overloaded_error" } },
    });
  });

  it("renders a mid-stream error as each protocol's SSE event", () => {
    const timeout = new GatewayError(504, "upstream_timeout", "Te traag");
    expect(formatStreamError("openai", timeout)).toBe(
      'data: {"error":{"message":"Te traag","type":"timeout_error","param":null,"code":"upstream_timeout"}}\n\n',
    );
    expect(formatStreamError("anthropic", timeout)).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"timeout_error","message":"Te traag"}}\n\n',
    );
  });
});
