import { afterEach, describe, expect, it } from "vitest";
import { CustomerDictionary, Detector, type DictionaryEntry, InputTooLargeError } from "../../detect/index.js";
import { foldText } from "../../detect/normalize.js";
import { findKeywords } from "../../policy/keywords.js";
import { DetectionPool, DetectionWorkerError, defaultDetectionThreads } from "./pool.js";
import { buildDetector } from "./spec.js";

const crashWorker = new URL("./crash-worker.fixture.mjs", import.meta.url);

const dictionary: DictionaryEntry[] = [
  { value: "Zwanenburg Hoveniers", type: "ORGANIZATION" },
  { value: "Quirijn Oosterwolde", type: "PERSON" },
  { value: "klant@zwanenburg-hoveniers.nl", type: "EMAIL" },
];

const texts = [
  "",
  "Hallo",
  "Beste Jan de Vries, uw IBAN NL91 ABNA 0417 1643 00 is gewijzigd.",
  "Offerte voor Zwanenburg Hoveniers, t.a.v. Quirijn Oosterwolde (klant@zwanenburg-hoveniers.nl).",
  "Bel 06-12345678 of mail naar a.verbeek@goudenkorenaar.nl; BSN 111222333, kenteken 12-ABC-3.",
  "Adres: Lange Nieuwstraat 118, 3512 PN Utrecht. KvK-nummer 61234567.",
  "api_key = sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD en\u00a0Quirijn\u200bOosterwolde",
];

const pools: DetectionPool[] = [];
function pool(options: ConstructorParameters<typeof DetectionPool>[0]): DetectionPool {
  const created = new DetectionPool(options);
  pools.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("DetectionPool", () => {
  it("finds exactly what the main thread's detector finds, dictionary included", async () => {
    const spec = { dictionary };
    const inline = new Detector({ extraRecognizers: [new CustomerDictionary(dictionary)] });
    const workers = pool({ threads: 2, spec });
    const expected = texts.map((text) => inline.detect(text));
    // The list matters for these texts: without it the main thread finds something else.
    expect(expected).not.toEqual(texts.map((text) => new Detector().detect(text)));
    expect(await workers.detect(texts)).toEqual(expected);
    // Calls spread over both workers give the same answers.
    const spread = await Promise.all(texts.map((text) => workers.detect([text])));
    expect(spread.map((r) => r[0])).toEqual(expected);
    expect(buildDetector(spec).detect(texts[3] as string)).toEqual(expected[3]);
  });

  it("finds the policy's keywords in the texts joined by line breaks, as classify would", async () => {
    const workers = pool({ threads: 1 });
    const withKeywords = [...texts, "Zijn salaris en de diagnose van de huisarts", "Mijn Arbeidsongeschikt-verklaring"];
    const joined = foldText(withKeywords.join("\n"));
    const expected = findKeywords(joined);
    expect(expected.map((hit) => hit.category)).toEqual(["salary", "health", "health", "health"]);
    const detected = await workers.detectWithKeywords(withKeywords);
    expect(detected.keywords).toEqual(expected);
    expect(detected.entities).toEqual(withKeywords.map((text) => new Detector().detect(text)));
    // Plain detect does not ask for them.
    expect(await workers.detect(withKeywords)).toEqual(detected.entities);
  });

  it("uses a new dictionary for every call made after setSpec", async () => {
    const text = "Afspraak met Quirijn Oosterwolde van Zwanenburg Hoveniers.";
    const workers = pool({ threads: 2 });
    const before = await workers.detect([text]);
    workers.setSpec({ dictionary });
    // Not awaited in between: message order alone must bring the spec first.
    const after = await Promise.all([workers.detect([text]), workers.detect([text])]);
    const withList = new Detector({ extraRecognizers: [new CustomerDictionary(dictionary)] }).detect(text);
    expect(after[0]).toEqual([withList]);
    expect(after[1]).toEqual([withList]);
    expect(before).toEqual([new Detector().detect(text)]);
    expect(withList).not.toEqual(before[0]);
    workers.setSpec({});
    expect(await workers.detect([text])).toEqual(before);
  });

  it("reports a text that is too long as InputTooLargeError", async () => {
    const workers = pool({ threads: 1 });
    await expect(workers.detect(["x".repeat(1_048_577)])).rejects.toBeInstanceOf(InputTooLargeError);
    expect(await workers.detect(["Hallo"])).toEqual([[]]);
  });

  it("refuses the calls of a crashed worker and replaces it", async () => {
    const workers = pool({ threads: 1, entry: crashWorker });
    expect(await workers.detect(["ok"])).toEqual([[]]);
    const queued = workers.detect(["also queued"]);
    await expect(workers.detect(["crash"])).rejects.toBeInstanceOf(DetectionWorkerError);
    // A call posted before the crash that was answered first still resolves; none hangs.
    await expect(queued).resolves.toEqual([[]]);
    expect(await workers.detect(["after"])).toEqual([[]]);
    expect(workers.running).toBe(1);
  });

  it("refuses on a worker error and on a timeout, then goes on", async () => {
    const workers = pool({ threads: 1, entry: crashWorker, timeoutMs: 300 });
    await expect(workers.detect(["fail"])).rejects.toThrow(/boom/);
    await expect(workers.detect(["hang"])).rejects.toThrow(/timed out/);
    expect(await workers.detect(["after"])).toEqual([[]]);
  });

  it("stops its workers on close and refuses later calls", async () => {
    const workers = pool({ threads: 2, entry: crashWorker });
    await workers.detect(["ok"]);
    const hanging = expect(workers.detect(["hang"])).rejects.toBeInstanceOf(DetectionWorkerError);
    await workers.close();
    await hanging;
    expect(workers.running).toBe(0);
    await expect(workers.detect(["ok"])).rejects.toBeInstanceOf(DetectionWorkerError);
  });

  it("defaults to one thread on two or more cores, none on one", () => {
    expect(defaultDetectionThreads(1)).toBe(0);
    expect(defaultDetectionThreads(2)).toBe(1);
    expect(defaultDetectionThreads(8)).toBe(1);
    expect(() => new DetectionPool({ threads: 0 })).toThrow(RangeError);
  });
});
