import fc from "fast-check";
import { describe, it } from "vitest";
import type { Candidate } from "../../types.js";
import { findAddresses } from "./address.js";
import { findEmails } from "./email.js";
import { findIpAddresses } from "./ip-address.js";
import { findPhones } from "./phone.js";
import { findPostcodes } from "./postcode.js";

/** Ordinary Dutch filler words around the generated value; none of them is contact data. */
const filler = fc
  .array(fc.constantFrom("graag", "de", "offerte", "is", "verstuurd", "morgen", "klant", "bellen", "en", "dank"), {
    maxLength: 6,
  })
  .map((words) => words.join(" "));

/** A sentence with `value` in it; returns the text and where the value starts. */
const sentenceAround = (value: fc.Arbitrary<string>) =>
  fc.tuple(filler, value, filler, fc.constantFrom(".", ",", "", "!", ")")).map(([lead, v, tail, punct]) => {
    const prefix = lead === "" ? "" : `${lead} `;
    return { text: `${prefix}${v}${punct} ${tail}`, value: v, start: prefix.length };
  });

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));

const dutchMobile = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(7), fc.constantFrom("06", "+31 6 ", "0031 6 ", "06-", "06 "))
  .map(([first, rest, prefix]) => `${prefix}${first}${rest}`);
const amsterdamLandline = fc
  .tuple(fc.integer({ min: 2, max: 9 }), digits(6), fc.constantFrom("020-", "020 ", "(020) ", "+31 20 "))
  .map(([first, rest, prefix]) => `${prefix}${first}${rest}`);

const postcode = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.constantFrom("AB", "XK", "PT", "GJ", "LR", "VW", "ZH", "MC"),
    fc.constantFrom(" ", ""),
  )
  .map(([n, letters, space]) => `${n}${space}${letters}`);

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
const ipv6 = fc.ipV6();

const localPart = fc.stringMatching(/^[a-z][a-z0-9]{0,8}(?:[.+-][a-z0-9]{1,6})?$/);
const email = fc
  .tuple(localPart, fc.constantFrom("voorbeeld.nl", "mail.firma.com", "zorg-groep.org", "bäckerei.de"))
  .map(([l, d]) => `${l}@${d}`);

const street = fc
  .tuple(
    fc.constantFrom("Kerkstraat", "Nieuwe Binnenweg", "Laan van Meerdervoort", "Van Goghlaan", "Singel", "Molenweg"),
    fc.integer({ min: 1, max: 999 }),
    fc.constantFrom("", "a", "B", "-2", " bis", " hs"),
  )
  .map(([name, n, addition]) => `${name} ${n}${addition}`);

function foundExactly(found: Candidate[], text: string, value: string, start: number): boolean {
  return found.some((c) => c.start === start && c.end === start + value.length && text.slice(c.start, c.end) === value);
}

function slicesAreValid(found: Candidate[], text: string): boolean {
  return found.every(
    (c) =>
      c.start >= 0 &&
      c.end <= text.length &&
      c.start < c.end &&
      text.slice(c.start, c.end).trim() === text.slice(c.start, c.end),
  );
}

describe("contact recognizers: generated values in generated sentences", () => {
  it("find Dutch phone numbers with exact offsets", () => {
    fc.assert(
      fc.property(sentenceAround(fc.oneof(dutchMobile, amsterdamLandline)), ({ text, value, start }) => {
        const found = findPhones(text, text.toLowerCase()).filter((c) => c.score >= 0.5);
        return foundExactly(found, text, value, start) && slicesAreValid(found, text);
      }),
    );
  });

  it("find postcodes with exact offsets", () => {
    fc.assert(
      fc.property(sentenceAround(postcode), ({ text, value, start }) => {
        const found = findPostcodes(text, text.toLowerCase()).filter((c) => c.score >= 0.5);
        return foundExactly(found, text, value, start) && slicesAreValid(found, text);
      }),
    );
  });

  it("find IPv4 and IPv6 addresses with exact offsets", () => {
    fc.assert(
      fc.property(sentenceAround(fc.oneof(ipv4, ipv6)), ({ text, value, start }) => {
        // Short IPv6 forms such as `::1` are found but scored low on purpose; IPv4 must pass the threshold.
        const ipv6Value = value.includes(":");
        const found = findIpAddresses(text, text.toLowerCase()).filter((c) => ipv6Value || c.score >= 0.5);
        return foundExactly(found, text, value, start) && slicesAreValid(found, text);
      }),
    );
  });

  it("find e-mail addresses with exact offsets", () => {
    fc.assert(
      fc.property(sentenceAround(email), ({ text, value, start }) => {
        const found = findEmails(text);
        return foundExactly(found, text, value, start) && slicesAreValid(found, text);
      }),
    );
  });

  it("find street addresses with exact offsets", () => {
    fc.assert(
      fc.property(sentenceAround(street), ({ text, value, start }) => {
        const found = findAddresses(text, text.toLowerCase()).filter((c) => c.score >= 0.5);
        return foundExactly(found, text, value, start) && slicesAreValid(found, text);
      }),
    );
  });

  it("always report spans that slice inside the text, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789 +-().:@abAB,\nKerkstraat".split("")), maxLength: 80 }),
        (text) => {
          const folded = text.toLowerCase();
          const all = [
            ...findPhones(text, folded),
            ...findPostcodes(text, folded),
            ...findIpAddresses(text, folded),
            ...findEmails(text),
            ...findAddresses(text, folded),
          ];
          return all.every((c) => c.start >= 0 && c.end <= text.length && c.start < c.end);
        },
      ),
    );
  });
});
