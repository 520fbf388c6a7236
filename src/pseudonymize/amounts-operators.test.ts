import { describe, expect, it } from "vitest";
import { amountRange, findAmounts } from "./amounts.js";
import { generaliseAddress, generaliseBirthDate, maskValue, parseDate } from "./operators.js";

describe("findAmounts", () => {
  it.each([
    ["€ 47.696,17", 47696.17],
    ["€1.250,-", 1250],
    ["EUR 99", 99],
    ["1250 euro", 1250],
    ["350 euro's", 350],
    ["€ 1,250.50", 1250.5],
    ["12,50 €", 12.5],
  ])("finds %s", (text, value) => {
    const found = findAmounts(`Totaal ${text} excl. btw`);
    expect(found).toHaveLength(1);
    expect(found[0]?.value).toBeCloseTo(value);
    expect(`Totaal ${text} excl. btw`.slice(found[0]?.start, found[0]?.end)).toBe(text);
  });

  it("ignores numbers without a currency", () => {
    expect(findAmounts("factuur 2024-118, 3 stuks, versie 1.250")).toEqual([]);
  });

  it("puts amounts in ranges", () => {
    expect(amountRange(50)).toBe("EUR 0-100");
    expect(amountRange(4999.99)).toBe("EUR 1.000-5.000");
    expect(amountRange(5000)).toBe("EUR 5.000-10.000");
    expect(amountRange(2_500_000)).toBe("EUR > 1.000.000");
  });
});

describe("operators", () => {
  it.each([
    ["IBAN", "NL91ABNA0417164300", "NL************4300"],
    ["PHONE", "+31 6 1234 5678", "+31 * **** 5678"],
    ["CREDIT_CARD", "4111 1111 1111 1111", "**** **** **** *111"],
    ["EMAIL", "jan@devries.nl", "j***@d***.nl"],
    ["PERSON", "Jan de Vries", "J. d. V."],
    ["SECRET", "ghp_abcdefghijklmnop", "ghp_****"],
    ["SECRET", "hunter2", "****"],
    ["LICENSE_PLATE", "AB-123-C", "**-***-*"],
  ] as const)("masks %s %s", (type, value, expected) => {
    expect(maskValue(type, value)).toBe(expected);
  });

  it("reads Dutch dates", () => {
    expect(parseDate("3-4-1990")).toEqual({ year: 1990, month: 4, day: 3 });
    expect(parseDate("1990-04-03")).toEqual({ year: 1990, month: 4, day: 3 });
    expect(parseDate("3 apr. 1990")).toEqual({ year: 1990, month: 4, day: 3 });
    expect(parseDate("31-13-1990")).toBeNull();
  });

  it("generalises dates of birth and addresses", () => {
    const today = new Date(2026, 5, 1);
    expect(generaliseBirthDate("01-06-1996", "ageBand", today, "nl")).toBe("30-39 jaar");
    expect(generaliseBirthDate("02-06-1996", "ageBand", today, "en")).toBe("aged 20-29");
    expect(generaliseBirthDate("2 juni 1996", "year", today, "nl")).toBe("1996");
    expect(generaliseAddress("Postbus 123")).toBe("Postbus");
    expect(generaliseAddress("Kerkstraat")).toBeNull();
  });
});
