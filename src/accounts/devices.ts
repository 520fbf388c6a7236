/**
 * What the sessions list shows so a person recognises their own devices, and no more: the
 * browser and operating system in plain words (from the User-Agent, whose full text is not kept:
 * with versions and build numbers it is close to a fingerprint) and the address cut to /24 for
 * IPv4 or /48 for IPv6, enough to tell "office" from "somewhere else" without locating anyone.
 *
 * A few ordered rules instead of a parser package: the app only needs the browsers and systems
 * people log in with, and an unknown one is shown as "unknown", which is harmless.
 */
import { isIPv4, isIPv6 } from "node:net";

export interface DeviceDescription {
  browser: string | null;
  os: string | null;
}

/** Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari". */
const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bVivaldi\//, "Vivaldi"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\b(Headless)?Chrom(e|ium)\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

/** iOS before macOS (iPads may say "Mac OS X" too, but also "iPad"), Android before Linux. */
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/\bWindows\b/, "Windows"],
  [/\biPhone\b|\biPad\b|\biPod\b/, "iOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bLinux\b|\bX11\b/, "Linux"],
];

const MAX_USER_AGENT = 512;

export function describeUserAgent(userAgent: string | undefined | null): DeviceDescription {
  // Long headers are cut before matching: the rules never need more, and no regex sees megabytes.
  const ua = (userAgent ?? "").slice(0, MAX_USER_AGENT);
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { browser, os };
}

/** The 8 groups of an IPv6 address as numbers, or undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part (::ffff:192.0.2.1) is two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...right];
  return groups.length === 8 ? groups.map((g) => Number.parseInt(g, 16)) : undefined;
}

/**
 * The address as a network prefix: `192.0.2.0/24`, `2001:db8:12::/48`. IPv4 inside IPv6
 * (`::ffff:192.0.2.7`, how Node reports IPv4 callers on a dual-stack socket) counts as IPv4.
 * Null for anything that is not an address (a test's "unknown").
 */
export function coarseIp(address: string | undefined | null): string | null {
  const bare = (address ?? "").trim().replace(/%.*$/, "");
  if (isIPv4(bare)) return `${bare.split(".").slice(0, 3).join(".")}.0/24`;
  const groups = ipv6Groups(bare);
  if (!groups) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.0/24`;
  }
  const prefix = groups.slice(0, 3).map((g) => g.toString(16));
  // Trailing zero groups of the prefix fold into the "::".
  while (prefix.length > 0 && prefix[prefix.length - 1] === "0") prefix.pop();
  return `${prefix.join(":")}::/48`;
}
