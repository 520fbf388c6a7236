import { describe, expect, it } from "vitest";
import { Detector } from "../analyzer.js";
import { CustomRecognizerError, compileCustomRecognizers } from "./index.js";
import { loadCustomRecognizers } from "./validate-pattern.js";

const alwaysSafe = () => null;

function run(specs: unknown[], text: string) {
  const detector = new Detector({ recognizers: [], extraRecognizers: compileCustomRecognizers(specs, alwaysSafe) });
  return detector.detect(text).map((e) => ({ type: e.type, text: text.slice(e.start, e.end), score: e.score }));
}

describe("custom recognizers", () => {
  const customerNumber = { name: "klantnummer", type: "ID_DOCUMENT", pattern: "\\bKL-\\d{6}\\b" };

  it("reports matches of the pattern with the given type", () => {
    expect(run([customerNumber], "Uw klantnummer KL-204811 en KL-99.")).toEqual([
      { type: "ID_DOCUMENT", text: "KL-204811", score: 0.8 },
    ]);
  });

  it("boosts with context, drops without it when context is required", () => {
    const spec = { ...customerNumber, contextWords: ["klantnummer", "klant nr"], score: 0.9 };
    expect(run([spec], "klantnummer: KL-204811")).toEqual([{ type: "ID_DOCUMENT", text: "KL-204811", score: 0.9 }]);
    expect(run([spec], "referentie KL-204811")).toEqual([{ type: "ID_DOCUMENT", text: "KL-204811", score: 0.6 }]);
    expect(run([{ ...spec, contextRequired: true }], "referentie KL-204811")).toEqual([]);
  });

  it("applies a named validator", () => {
    const card = { name: "pas", type: "CREDIT_CARD", pattern: "\\b\\d{4}(?: \\d{4}){3}\\b", validator: "luhn" };
    expect(run([card], "pas 4111 1111 1111 1111 of 4111 1111 1111 1112").map((e) => e.text)).toEqual([
      "4111 1111 1111 1111",
    ]);
    const bsn = { name: "bsn", type: "BSN", pattern: "\\b\\d{9}\\b", validator: "elevenProof" };
    expect(run([bsn], "111222333 en 111222334").map((e) => e.text)).toEqual(["111222333"]);
  });

  it("narrows the span to a group named value", () => {
    const spec = { name: "dossier", type: "ID_DOCUMENT", pattern: "dossier (?<value>[A-Z]\\d{5})", flags: "i" };
    expect(run([spec], "Zie Dossier B12345.")).toEqual([{ type: "ID_DOCUMENT", text: "B12345", score: 0.8 }]);
  });

  it("rejects bad specs with a clear message", () => {
    const bad = (spec: unknown) => () => compileCustomRecognizers([spec], alwaysSafe);
    expect(bad({ ...customerNumber, type: "THING" })).toThrow(/"type" must be one of the entity types/);
    expect(bad({ ...customerNumber, pattern: "(" })).toThrow(/invalid pattern/);
    expect(bad({ ...customerNumber, pattern: "\\d*" })).toThrow(/matches the empty string/);
    expect(bad({ ...customerNumber, pattern: "x|" })).toThrow(/matches the empty string/);
    expect(bad({ ...customerNumber, flags: "g" })).toThrow(/"flags"/);
    expect(bad({ ...customerNumber, validator: "crc32" })).toThrow(
      /"validator" must be one of luhn, mod97, iban, elevenProof/,
    );
    expect(bad({ ...customerNumber, contextRequired: true })).toThrow(/needs "contextWords"/);
    expect(() => compileCustomRecognizers([customerNumber, customerNumber], alwaysSafe)).toThrow(/defined twice/);
    expect(() => compileCustomRecognizers({}, alwaysSafe)).toThrow(CustomRecognizerError);
  });

  it("refuses a pattern the safety check refuses", () => {
    expect(() => compileCustomRecognizers([customerNumber], () => "exponential")).toThrow(
      /recognizer "klantnummer": the pattern can take exponential or polynomial time \(exponential\)/,
    );
  });
});

describe("loadCustomRecognizers (with recheck)", () => {
  it("accepts a linear pattern and refuses catastrophic backtracking", () => {
    expect(loadCustomRecognizers([{ name: "ok", type: "KVK", pattern: "\\bKvK \\d{8}\\b" }])).toHaveLength(1);
    expect(() => loadCustomRecognizers([{ name: "slow", type: "KVK", pattern: "^(\\d+)+x$" }])).toThrow(
      /recognizer "slow": the pattern can take exponential/,
    );
  });
});
