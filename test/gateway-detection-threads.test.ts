/**
 * The gateway with detection on a worker thread: the customer list uploaded in the web app
 * reaches the worker before the next request, and a failing worker blocks the request.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { Detector } from "../src/detect/index.js";
import { DetectionPool, DetectionWorkerError } from "../src/gateway/detection/pool.js";
import { post, type Setup, setup } from "./gateway-harness.js";

// Long enough for the worker (short texts are detected inline); the customer's name is a word no
// built-in recognizer knows.
const FILLER =
  "Wil je een korte samenvatting maken van onderstaand gesprek over de planning van het onderhoud? ".repeat(3);
const PROMPT = `${FILLER}Het project Zonnebloemveld gaat dinsdag van start.`;

let current: Setup | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await current?.close();
  current = undefined;
});

function chat(s: Setup): Promise<Response> {
  return post(s, "/v1/chat/completions", { model: "gpt-4.1", messages: [{ role: "user", content: PROMPT }] });
}

describe("gateway detection threads", () => {
  it("scans on the worker, with the customer list as soon as the upload returned", async () => {
    expect(new Detector().detect(PROMPT).some((e) => PROMPT.slice(e.start, e.end).includes("Zonnebloemveld"))).toBe(
      false,
    );
    const detect = vi.spyOn(DetectionPool.prototype, "detectWithKeywords");
    current = await setup("server:\n  detectionThreads: 1\n");
    const s = current;

    expect((await chat(s)).status).toBe(200);
    expect(detect).toHaveBeenCalledTimes(1);
    expect(s.upstream.requests.at(-1)?.bodyText).toContain("Zonnebloemveld");

    await s.instance.gateway.settings.setDictionary([{ value: "Zonnebloemveld", type: "ORGANIZATION" }], "klanten.csv");
    const after = await chat(s);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-poortwachter-entities")).toContain("ORGANIZATION=1");
    expect(s.upstream.requests.at(-1)?.bodyText).not.toContain("Zonnebloemveld");
    expect(detect).toHaveBeenCalledTimes(2);

    await s.instance.gateway.settings.clearDictionary();
    expect((await chat(s)).status).toBe(200);
    expect(s.upstream.requests.at(-1)?.bodyText).toContain("Zonnebloemveld");
  });

  it("classifies with the keywords the worker found: special-category data goes to the local model", async () => {
    const detect = vi.spyOn(DetectionPool.prototype, "detectWithKeywords");
    current = await setup("server:\n  detectionThreads: 1\n");
    const s = current;
    const response = await post(s, "/v1/chat/completions", {
      model: "gpt-4.1",
      messages: [{ role: "user", content: `${FILLER}De huisarts stelde de diagnose depressie.` }],
    });
    expect(response.status).toBe(200);
    expect(detect).toHaveBeenCalledTimes(1);
    expect((await detect.mock.results[0]?.value)?.keywords?.length).toBeGreaterThan(0);
    expect(response.headers.get("x-poortwachter-decision")).toBe("reroute");
    expect(response.headers.get("x-poortwachter-model")).toBe("llama3.1:8b");
    expect(s.upstream.requests.at(-1)?.path).toBe("/local/v1/chat/completions");
  });

  it("refuses the request when the worker fails, forwards nothing, and goes on", async () => {
    current = await setup("server:\n  detectionThreads: 1\n");
    const s = current;
    vi.spyOn(DetectionPool.prototype, "detectWithKeywords").mockRejectedValueOnce(
      new DetectionWorkerError("detection worker exited (1)"),
    );
    const refused = await chat(s);
    expect(refused.status).toBe(500);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("internal_error");
    expect(s.upstream.requests).toHaveLength(0);
    expect((await chat(s)).status).toBe(200);
    expect(s.upstream.requests).toHaveLength(1);
  });

  it("detects on the main thread with detectionThreads: 0", async () => {
    const detect = vi.spyOn(DetectionPool.prototype, "detectWithKeywords");
    current = await setup("server:\n  detectionThreads: 0\n");
    expect((await chat(current)).status).toBe(200);
    expect(detect).not.toHaveBeenCalled();
  });
});
