import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findIpAddresses, hasIpv6Hint, IPV6_HINT, isIPv6 } from "./ip-address.js";

function ips(text: string, minScore = 0.5): string[] {
  return findIpAddresses(text, text.toLowerCase())
    .filter((c) => c.score >= minScore)
    .map((c) => text.slice(c.start, c.end));
}

describe("IP address recognizer", () => {
  it("finds IPv4 addresses and keeps port and prefix out", () => {
    expect(ips("server 192.168.1.20:8080 en net 10.0.0.0/24.")).toEqual(["192.168.1.20", "10.0.0.0"]);
    const [c] = findIpAddresses("IP: 8.8.4.4", "ip: 8.8.4.4");
    expect(c).toMatchObject({ type: "IP_ADDRESS", start: 4, end: 11 });
  });

  it("rejects octets above 255, leading zeros, versions and longer dotted numbers", () => {
    expect(ips("256.1.1.1 en 01.2.3.4")).toEqual([]);
    expect(ips("build 1.2.3.4.5 en v1.2.3.4")).toEqual([]);
    expect(ips("versie 1.2.3.4")).toEqual([]);
    expect(ips("datum 12.03.2024")).toEqual([]);
  });

  it("finds IPv6 addresses: full, compressed and with an IPv4 tail", () => {
    expect(ips("from 2001:0db8:85a3:0000:0000:8a2e:0370:7334 today")).toEqual([
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
    ]);
    expect(ips("host 2001:db8::8a2e:370:7334.")).toEqual(["2001:db8::8a2e:370:7334"]);
    expect(ips("mapped ::ffff:192.0.2.128 here")).toEqual(["::ffff:192.0.2.128"]);
    expect(ips("IP-adres fe80::1")).toEqual(["fe80::1"]);
  });

  it("does not take times, MAC addresses or code for IPv6", () => {
    expect(ips("om 10:30:00 en 00:1A:2B:3C:4D:5E en std::vector")).toEqual([]);
  });

  it("validates IPv6 structure", () => {
    expect(isIPv6("1:2:3:4:5:6:7:8")).toBe(true);
    expect(isIPv6("1:2:3:4:5:6:7")).toBe(false);
    expect(isIPv6("1::2::3")).toBe(false);
    expect(isIPv6("12345::1")).toBe(false);
    expect(isIPv6("1:2:3:4:5:6:1.2.3.4")).toBe(true);
  });
});

describe("IPv6 hint", () => {
  it("is IPV6_HINT.test", () => {
    const fragment = fc.constantFrom(
      ":",
      "::",
      "a",
      "F",
      "0",
      "9",
      "g",
      "1:2",
      "abcd",
      "12345",
      " ",
      "é",
      "\n",
      "10:30",
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        expect(hasIpv6Hint(text)).toBe(IPV6_HINT.test(text));
      }),
      { numRuns: 5000 },
    );
    expect(hasIpv6Hint("fe80::1")).toBe(true);
    expect(hasIpv6Hint("a:1234:b")).toBe(true);
    expect(hasIpv6Hint("a:12345:b")).toBe(false);
    expect(hasIpv6Hint("om 10:30 uur")).toBe(false);
  });
});
