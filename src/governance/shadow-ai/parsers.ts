/**
 * Turns DNS, proxy, firewall and browser-history exports into usage events. Real logs are messy:
 * a line that does not fit the detected format is counted as junk and skipped, never fatal.
 */

export interface UsageEvent {
  host: string;
  user?: string;
  /** ISO timestamp, when the log has one. */
  at?: string;
}

export type LogFormat =
  | "dnsmasq"
  | "bind"
  | "windows-dns"
  | "squid"
  | "common-log"
  | "key-value"
  | "csv"
  | "json"
  | "plain";

export interface ParseResult {
  format: LogFormat;
  events: UsageEvent[];
  lines: number;
  /** Lines that do not fit the format (counted, not fatal). */
  junk: number;
  /** Lines of the right format that are not queries (e.g. dnsmasq "reply" lines). */
  skipped: number;
}

export interface ParseOptions {
  format?: LogFormat;
  /** Year for syslog lines (dnsmasq/Pi-hole), which omit it. Defaults to the current year. */
  year?: number;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const iso = (ms: number): string | undefined => (Number.isFinite(ms) ? new Date(ms).toISOString() : undefined);

// dnsmasq / Pi-hole: "Nov 23 09:12:01 dnsmasq[812]: query[A] chatgpt.com from 192.168.1.20"
const DNSMASQ =
  /^([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+\S*(?:dnsmasq|pihole-FTL)\[\d+\]:\s+query\[[A-Z0-9]+\]\s+(\S+)\s+from\s+(\S+)/;
// BIND: "23-Nov-2026 09:12:01.123 client @0x7f 192.168.1.20#53412 (chatgpt.com): query: chatgpt.com IN A +"
const BIND =
  /^(\d{2})-([A-Z][a-z]{2})-(\d{4})\s+(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s.*?client\s+(?:@\S+\s+)?([0-9a-fA-F.:]+)#\d+.*?query:\s+(\S+)\s+IN\s/;
// Windows DNS debug log: "11/23/2026 9:12:01 AM 0E6C PACKET 0000… UDP Rcv 192.168.1.20 1a2b   Q [0001 D NOERROR] A (7)chatgpt(3)com(0)"
// Dutch-locale servers write the date as "23-11-2026" (day first) instead of "11/23/2026".
const WINDOWS_DNS =
  /^(\d{1,2})([/-])(\d{1,2})[/-](\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(AM|PM)?\s.*?PACKET\s.*?\s(?:UDP|TCP)\s+(?:Rcv|Snd)\s+([0-9a-fA-F.:]+)\s.*?((?:\(\d+\)[A-Za-z0-9-]+)+\(0\))\s*$/;
// Squid native: "1763889121.123    456 192.168.1.20 TCP_TUNNEL/200 1234 CONNECT chatgpt.com:443 alice HIER_DIRECT/1.2.3.4 -"
const SQUID = /^(\d{9,11}(?:\.\d+)?)\s+\d+\s+(\S+)\s+[A-Z_]+\/\d{3}\s+\d+\s+[A-Z]+\s+(\S+)\s+(\S+)/;
// Common/combined log format (Squid "common", Apache/nginx forward proxies):
// '192.168.1.20 - anna [23/Nov/2026:09:12:01 +0100] "CONNECT chatgpt.com:443 HTTP/1.1" 200 1234'
const COMMON_LOG =
  /^(\S+)\s+\S+\s+(\S+)\s+\[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})\s*([+-]\d{4})?\]\s+"[A-Z]+\s+(\S+)[^"]*"/;
// key=value firewall logs (FortiGate, Sophos, DrayTek ...): 'date=2026-11-23 time=09:12:01 srcip=10.0.0.2 hostname="claude.ai"'
const KEY_VALUE_PAIR = /([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|\S*)/g;

function parseDnsmasq(line: string, year: number): UsageEvent | undefined {
  const m = DNSMASQ.exec(line);
  if (!m) return undefined;
  const [, mon, day, hh, mm, ss, host, client] = m;
  const month = MONTHS[mon!.toLowerCase()];
  if (month === undefined) return undefined;
  return { host: host!, user: client, at: iso(Date.UTC(year, month, Number(day), Number(hh), Number(mm), Number(ss))) };
}

function parseBind(line: string): UsageEvent | undefined {
  const m = BIND.exec(line);
  if (!m) return undefined;
  const [, day, mon, year, hh, mm, ss, client, host] = m;
  const month = MONTHS[mon!.toLowerCase()];
  if (month === undefined) return undefined;
  return {
    host: host!,
    user: client,
    at: iso(Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss))),
  };
}

function parseWindowsDns(line: string): UsageEvent | undefined {
  const m = WINDOWS_DNS.exec(line);
  if (!m) return undefined;
  const [, first, separator, second, year, hh, mm, ss, ampm, client, labels] = m;
  const [mo, day] = separator === "-" ? [second, first] : [first, second];
  let hour = Number(hh);
  if (ampm === "PM" && hour < 12) hour += 12;
  if (ampm === "AM" && hour === 12) hour = 0;
  const host = labels!
    .split(/\(\d+\)/)
    .filter(Boolean)
    .join(".");
  return {
    host,
    user: client,
    at: iso(Date.UTC(Number(year), Number(mo) - 1, Number(day), hour, Number(mm), Number(ss))),
  };
}

function parseCommonLog(line: string): UsageEvent | undefined {
  const m = COMMON_LOG.exec(line);
  if (!m) return undefined;
  const [, client, user, day, mon, year, hh, mm, ss, zone, target] = m;
  const month = MONTHS[mon!.toLowerCase()];
  if (month === undefined) return undefined;
  let ms = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  if (zone) {
    const sign = zone.startsWith("-") ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
  }
  return { host: target!, user: user && user !== "-" ? user : client, at: iso(ms) };
}

const KV_HOST_KEYS = ["hostname", "host", "dstname", "domain", "qname", "url", "sni", "dsthost"];
const KV_USER_KEYS = ["user", "srcuser", "username", "unauthuser", "srcip", "src", "src_ip"];

function parseKeyValue(line: string): UsageEvent | undefined {
  const pairs = new Map<string, string>();
  for (const m of line.matchAll(KEY_VALUE_PAIR)) {
    const raw = m[2] ?? "";
    pairs.set(m[1]!.toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1) : raw);
  }
  const host = KV_HOST_KEYS.map((k) => pairs.get(k)).find((v) => v && v !== "N/A");
  if (!host) return undefined;
  const user = KV_USER_KEYS.map((k) => pairs.get(k)).find((v) => v && v !== "N/A");
  const date = pairs.get("date");
  const time = pairs.get("time");
  const at =
    date && time
      ? parseTimestamp(`${date}T${time}${(pairs.get("tz") ?? "").replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")}`)
      : parseTimestamp(pairs.get("eventtime") ?? pairs.get("timestamp"));
  return { host, ...(user ? { user } : {}), ...(at ? { at } : {}) };
}

function parseSquid(line: string): UsageEvent | undefined {
  const m = SQUID.exec(line);
  if (!m) return undefined;
  const [, epoch, client, url, user] = m;
  return { host: url!, user: user && user !== "-" ? user : client, at: iso(Number(epoch) * 1000) };
}

// ---------------------------------------------------------------------------------------------
// CSV (proxy, firewall, Pi-hole query export, Chrome/Edge history export)
// ---------------------------------------------------------------------------------------------

/** Splits one CSV record, honouring double quotes; good enough for log exports (no embedded newlines). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const HOST_COLUMNS = [
  "url",
  "uri",
  "host",
  "hostname",
  "domain",
  "fqdn",
  "query",
  "dest_host",
  "dsthost",
  "dstname",
  "destination",
  "dst",
  "sni",
  "server_name",
  "request",
  "site",
];
const USER_COLUMNS = [
  "user",
  "username",
  "user_name",
  "src_user",
  "srcuser",
  "login",
  "account",
  "employee",
  "client",
  "client_ip",
  "src",
  "source",
  "src_ip",
  "source_ip",
];
const TIME_COLUMNS = [
  "timestamp",
  "time",
  "datetime",
  "date_time",
  "visit_time",
  "visittime",
  "lastvisittime",
  "last_visit_time",
  "date",
  "at",
];

const normaliseHeader = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[\s-]+/g, "_")
    .replace(/[^a-z0-9_]/g, "");

function pickColumn(headers: string[], wanted: readonly string[]): number {
  for (const name of wanted) {
    const i = headers.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

function detectDelimiter(header: string): string {
  const counts = [",", ";", "\t", "|"].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

/** Accepts ISO text, epoch seconds/milliseconds/microseconds, or "date,time" pairs handled by Date.parse. */
export function parseTimestamp(raw: string | number | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  const n = typeof raw === "number" ? raw : /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (Number.isFinite(n)) {
    // Chrome stores microseconds since 1601; Firefox microseconds since 1970; logs seconds or ms.
    if (n > 1e16) return iso(n / 1000 - 11_644_473_600_000);
    if (n > 1e14) return iso(n / 1000);
    if (n > 1e11) return iso(n);
    if (n > 1e8) return iso(n * 1000);
    return undefined;
  }
  return iso(Date.parse(String(raw)));
}

function parseCsv(lines: string[]): { events: UsageEvent[]; junk: number } | undefined {
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) return undefined;
  const delimiter = detectDelimiter(lines[headerIndex]!);
  const headers = splitCsvLine(lines[headerIndex]!, delimiter).map(normaliseHeader);
  const hostCol = pickColumn(headers, HOST_COLUMNS);
  if (hostCol < 0) return undefined;
  const userCol = pickColumn(headers, USER_COLUMNS);
  const timeCol = pickColumn(headers, TIME_COLUMNS);
  const dateOnly = headers.indexOf("date");
  const timeOnly = headers.indexOf("time");
  const events: UsageEvent[] = [];
  let junk = 0;
  for (const line of lines.slice(headerIndex + 1)) {
    if (line.trim() === "") continue;
    const cells = splitCsvLine(line, delimiter);
    const host = cells[hostCol];
    if (!host) {
      junk++;
      continue;
    }
    const stamp =
      dateOnly >= 0 && timeOnly >= 0 && timeCol === timeOnly
        ? (parseTimestamp(`${cells[dateOnly]}T${cells[timeOnly]}`) ?? parseTimestamp(cells[timeOnly]))
        : timeCol >= 0
          ? parseTimestamp(cells[timeCol])
          : undefined;
    const user = userCol >= 0 ? cells[userCol] : undefined;
    events.push({ host, ...(user && user !== "-" ? { user } : {}), ...(stamp ? { at: stamp } : {}) });
  }
  return { events, junk };
}

// ---------------------------------------------------------------------------------------------
// JSON (Chrome Takeout BrowserHistory.json, history-export extensions, Firefox places/bookmarks)
// ---------------------------------------------------------------------------------------------

const JSON_URL_KEYS = ["url", "uri", "host", "domain"];
const JSON_TIME_KEYS = [
  "time_usec",
  "visitTime",
  "lastVisitTime",
  "lastVisitDate",
  "last_visit_time",
  "dateAdded",
  "timestamp",
  "time",
  "date",
];
const JSON_USER_KEYS = ["user", "username", "profile"];

/** Walks any JSON shape and takes every object that carries a URL; no recursion limit issues on flat exports. */
function parseJson(text: string): { events: UsageEvent[]; junk: number } | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  const events: UsageEvent[] = [];
  let junk = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (node === null || typeof node !== "object") continue;
    const obj = node as Record<string, unknown>;
    const urlKey = JSON_URL_KEYS.find((k) => typeof obj[k] === "string");
    if (urlKey) {
      const timeKey = JSON_TIME_KEYS.find((k) => typeof obj[k] === "string" || typeof obj[k] === "number");
      const userKey = JSON_USER_KEYS.find((k) => typeof obj[k] === "string");
      const host = obj[urlKey] as string;
      if (host.trim() === "") junk++;
      else {
        const at = timeKey ? parseTimestamp(obj[timeKey] as string | number) : undefined;
        events.push({ host, ...(userKey ? { user: obj[userKey] as string } : {}), ...(at ? { at } : {}) });
      }
    }
    for (const value of Object.values(obj)) if (value !== null && typeof value === "object") stack.push(value);
  }
  return { events, junk };
}

// ---------------------------------------------------------------------------------------------
// Detection and entry point
// ---------------------------------------------------------------------------------------------

export function detectFormat(text: string): LogFormat {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return "json";
  const sample = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 50);
  const share = (re: RegExp) => sample.filter((l) => re.test(l)).length;
  const scores: [LogFormat, number][] = [
    ["dnsmasq", share(DNSMASQ)],
    ["bind", share(BIND)],
    ["windows-dns", share(WINDOWS_DNS)],
    ["squid", share(SQUID)],
    ["common-log", share(COMMON_LOG)],
    ["key-value", sample.filter((l) => (l.match(KEY_VALUE_PAIR)?.length ?? 0) >= 3 && parseKeyValue(l)).length],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  if (scores[0]![1] > 0) return scores[0]![0];
  const header = sample[0] ?? "";
  const headers = splitCsvLine(header, detectDelimiter(header)).map(normaliseHeader);
  if (headers.length > 1 && pickColumn(headers, HOST_COLUMNS) >= 0) return "csv";
  return "plain";
}

/** Lines that belong to the format but carry no request, so they are not junk. */
const NOISE: Partial<Record<LogFormat, RegExp>> = {
  dnsmasq: /(?:dnsmasq|pihole-FTL)\[\d+\]:/,
  bind: /^\d{2}-[A-Z][a-z]{2}-\d{4}\s/,
  // A firewall line without a host name (plain IP traffic) is normal, not junk.
  "key-value": /^[A-Za-z_][\w.-]*=\S*\s+[A-Za-z_][\w.-]*=\S*\s+[A-Za-z_][\w.-]*=/,
  "windows-dns":
    /^(?:\d{1,2}[/-]\d{1,2}[/-]\d{4}\s|DNS Server log|Message logging|\s*Field #|Log file|Message|Event|Note:|\s)/,
};

// A DNS or proxy line is never this long; the guard keeps the regexes linear in practice.
const MAX_LINE = 4000;

const LINE_PARSERS: Partial<Record<LogFormat, (line: string, year: number) => UsageEvent | undefined>> = {
  dnsmasq: parseDnsmasq,
  bind: parseBind,
  "windows-dns": parseWindowsDns,
  squid: parseSquid,
  "common-log": parseCommonLog,
  "key-value": parseKeyValue,
};

export function parseLog(text: string, options: ParseOptions = {}): ParseResult {
  const format = options.format ?? detectFormat(text);
  const year = options.year ?? new Date().getUTCFullYear();
  const lines = text.split(/\r?\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;
  if (format === "json") {
    const parsed = parseJson(text);
    if (!parsed) return { format, events: [], lines: nonEmpty, junk: nonEmpty, skipped: 0 };
    return { format, events: parsed.events, lines: nonEmpty, junk: parsed.junk, skipped: 0 };
  }
  if (format === "csv") {
    const parsed = parseCsv(lines);
    if (parsed) return { format, events: parsed.events, lines: nonEmpty, junk: parsed.junk, skipped: 0 };
    return { format, events: [], lines: nonEmpty, junk: nonEmpty, skipped: 0 };
  }
  const events: UsageEvent[] = [];
  let junk = 0;
  let skipped = 0;
  const lineParser = LINE_PARSERS[format];
  const noise = NOISE[format];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    if (trimmed.length > MAX_LINE) {
      junk++;
      continue;
    }
    if (lineParser) {
      const event = lineParser(trimmed, year);
      if (event) events.push(event);
      else if (noise?.test(line)) skipped++;
      else junk++;
      continue;
    }
    // Plain list: one host or URL per line, possibly followed by other columns.
    const first = trimmed.split(/[\s,;]+/)[0] ?? "";
    if (/^[a-z][a-z0-9+.-]*:\/\/|^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/.test(first)) events.push({ host: first });
    else junk++;
  }
  return { format, events, lines: nonEmpty, junk, skipped };
}
