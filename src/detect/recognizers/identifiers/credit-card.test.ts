import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cardIssuer, creditCardRecognizer, isValidCardNumber } from "./credit-card.js";
import {
  cardWith,
  closing,
  mutateDigit,
  opening,
  scan,
  scanAll,
  validCard,
  values,
} from "./test-helpers/generators.js";

// 4111111111111111 (Visa), 5555555555554444 (Mastercard), 378282246310005 (Amex) and
// 30569309025904 (Diners) are the schemes' public test numbers.
describe("credit card recognizer", () => {
  it("recognises issuers by prefix and length", () => {
    expect(cardIssuer("4111111111111111")).toBe("visa");
    expect(cardIssuer("5555555555554444")).toBe("mastercard");
    expect(cardIssuer("2221000000000009")).toBe("mastercard");
    expect(cardIssuer("378282246310005")).toBe("amex");
    expect(cardIssuer("30569309025904")).toBe("diners");
    expect(cardIssuer("6011111111111117")).toBe("discover");
    expect(cardIssuer("3530111333300000")).toBe("jcb");
    expect(cardIssuer("1111111111111111")).toBeUndefined();
    expect(cardIssuer("341111111111111111")).toBeUndefined();
  });

  it("finds cards compact, in groups of four, and in the Amex layout", () => {
    expect(values(creditCardRecognizer, "Creditcard 4111111111111111 is belast")).toEqual(["4111111111111111"]);
    expect(values(creditCardRecognizer, "kaart: 4111 1111 1111 1111, geldig tot 12/27")).toEqual([
      "4111 1111 1111 1111",
    ]);
    expect(values(creditCardRecognizer, "5555-5555-5555-4444")).toEqual(["5555-5555-5555-4444"]);
    expect(values(creditCardRecognizer, "Amex 3782 822463 10005")).toEqual(["3782 822463 10005"]);
    expect(values(creditCardRecognizer, "Amex 3782 8224 6310 005")).toEqual(["3782 8224 6310 005"]);
    expect(values(creditCardRecognizer, "Diners 3056 930902 5904")).toEqual(["3056 930902 5904"]);
  });

  it("keeps the card when an expiry date or a separate number follows", () => {
    expect(values(creditCardRecognizer, "4111 1111 1111 1111 12/27")).toEqual(["4111 1111 1111 1111"]);
    expect(values(creditCardRecognizer, "4111 1111 1111 1111 123 stuks")).toEqual(["4111 1111 1111 1111"]);
  });

  it("never reports a number failing Luhn or without a known issuer", () => {
    expect(scanAll(creditCardRecognizer, "Creditcard 4111111111111112")).toEqual([]);
    expect(scanAll(creditCardRecognizer, "kaart 4111 1111 1111 1112")).toEqual([]);
    expect(scanAll(creditCardRecognizer, "kaart 1000 0000 0000 0008")).toEqual([]);
  });

  it("needs a card word for a thirteen-digit number, which is more often a barcode", () => {
    // 4222222222222 is Visa's thirteen-digit test number.
    expect(values(creditCardRecognizer, "Visa 4222222222222")).toEqual(["4222222222222"]);
    expect(scanAll(creditCardRecognizer, "streepjescode 4222222222222")).toEqual([]);
  });

  it("keeps payment references and order numbers below the threshold", () => {
    expect(values(creditCardRecognizer, "Betaal o.v.v. 4111 1111 1111 1111")).toEqual([]);
    expect(values(creditCardRecognizer, "Betalingskenmerk 4111 1111 1111 1111")).toEqual([]);
    expect(values(creditCardRecognizer, "ordernummer 4111111111111111")).toEqual([]);
    expect(scanAll(creditCardRecognizer, "ordernummer 4111111111111111")[0]?.score).toBeLessThan(0.5);
  });

  it("ignores amounts, dates, IBAN digits and longer numbers", () => {
    expect(values(creditCardRecognizer, "Totaal 4.111.111.111.111.111,00")).toEqual([]);
    expect(values(creditCardRecognizer, "ref 41111111111111110000")).toEqual([]);
    expect(values(creditCardRecognizer, "NL91ABNA0417164300 op 2024-03-12")).toEqual([]);
  });

  it("scores a card word higher than a bare number", () => {
    const [withWord] = scan(creditCardRecognizer, "creditcard 4111111111111111");
    const [bare] = scan(creditCardRecognizer, "nummer 4111111111111111");
    expect(withWord?.score).toBeGreaterThan(bare?.score ?? 1);
  });

  it("property: valid card numbers are always found with exact offsets", () => {
    fc.assert(
      fc.property(opening, validCard, fc.constantFrom("", " ", "-"), closing, (open, card, separator, close) => {
        const written = separator === "" ? card : card.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
        const text = `${open} Creditcard ${written}${close}`;
        expect(isValidCardNumber(card)).toBe(true);
        const found = scan(creditCardRecognizer, text);
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]?.start, found[0]?.end)).toBe(written);
      }),
    );
  });

  it("property: a card number with one wrong digit is never reported", () => {
    fc.assert(
      fc.property(validCard, fc.nat(), fc.nat(), (card, position, by) => {
        expect(scanAll(creditCardRecognizer, `Creditcard ${mutateDigit(card, position, by)}`)).toEqual([]);
      }),
    );
  });

  it("generates what it claims", () => {
    expect(isValidCardNumber(cardWith("4", 16, "123456789012345"))).toBe(true);
  });
});
