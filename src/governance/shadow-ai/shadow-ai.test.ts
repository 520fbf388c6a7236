import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalogue } from "../catalogue/index.js";
import { ToolInUse } from "../model.js";
import {
  AI_SERVICES,
  analyseUsage,
  detectFormat,
  matchAiService,
  normaliseHost,
  parseLog,
  parseTimestamp,
} from "./index.js";

describe("domain matching", () => {
  it("normalises URLs, ports and trailing dots", () => {
    expect(normaliseHost("https://user@Chat.Mistral.AI:443/chat?x=1")).toBe("chat.mistral.ai");
    expect(normaliseHost("claude.ai.")).toBe("claude.ai");
    expect(normaliseHost("not a host")).toBe("");
  });

  it("matches subdomains and prefers the most specific domain", () => {
    expect(matchAiService("ab.chatgpt.com")?.service.key).toBe("chatgpt");
    expect(matchAiService("api.openai.com")?.service.key).toBe("openai-api");
    expect(matchAiService("proxy.business.githubcopilot.com")?.service.key).toBe("github-copilot-business");
    expect(matchAiService("api.githubcopilot.com")?.service.key).toBe("github-copilot");
  });

  it("maps services only to catalogue entries that exist", () => {
    const catalogue = defaultCatalogue();
    for (const service of AI_SERVICES) {
      for (const id of service.catalogueIds) expect(catalogue.byId(id), `${service.key} -> ${id}`).toBeDefined();
    }
  });

  it("does not count shared hosts or look-alikes", () => {
    for (const host of [
      "www.google.com",
      "www.bing.com",
      "github.com",
      "notchatgpt.com",
      "openai.com.evil.nl",
      "microsoft.com",
    ]) {
      expect(matchAiService(host), host).toBeUndefined();
    }
  });
});

describe("log parsers", () => {
  it("reads dnsmasq / Pi-hole query lines and skips replies", () => {
    const log = [
      "Nov 20 09:12:01 dnsmasq[812]: query[A] chatgpt.com from 192.168.1.20",
      "Nov 20 09:12:01 dnsmasq[812]: forwarded chatgpt.com to 1.1.1.1",
      "Nov 20 09:12:01 dnsmasq[812]: reply chatgpt.com is 104.18.32.47",
      "Nov 21 14:00:00 pihole-FTL[77]: query[AAAA] claude.ai from 192.168.1.31",
      "garbage line without meaning",
    ].join("\n");
    const r = parseLog(log, { year: 2026 });
    expect(r.format).toBe("dnsmasq");
    expect(r.events).toEqual([
      { host: "chatgpt.com", user: "192.168.1.20", at: "2026-11-20T09:12:01.000Z" },
      { host: "claude.ai", user: "192.168.1.31", at: "2026-11-21T14:00:00.000Z" },
    ]);
    expect(r.skipped).toBe(2);
    expect(r.junk).toBe(1);
  });

  it("reads BIND query logs", () => {
    const log =
      "20-Nov-2026 09:12:01.123 queries: info: client @0x7f3a2c 192.168.1.20#53412 (chat.mistral.ai): query: chat.mistral.ai IN A +E(0)K (192.168.1.1)";
    const r = parseLog(log);
    expect(r.format).toBe("bind");
    expect(r.events[0]).toEqual({ host: "chat.mistral.ai", user: "192.168.1.20", at: "2026-11-20T09:12:01.000Z" });
  });

  it("reads the Windows DNS debug log with its (n)label encoding", () => {
    const log = [
      "DNS Server log file creation at 11/20/2026 9:00:00 AM",
      "11/20/2026 2:05:09 PM 0E6C PACKET  000000A1B2C3D4E5 UDP Rcv 192.168.1.44    1a2b   Q [0001   D   NOERROR] A      (7)copilot(9)microsoft(3)com(0)",
    ].join("\n");
    const r = parseLog(log);
    expect(r.format).toBe("windows-dns");
    expect(r.events).toEqual([{ host: "copilot.microsoft.com", user: "192.168.1.44", at: "2026-11-20T14:05:09.000Z" }]);
    expect(r.junk).toBe(0);
  });

  it("reads the Windows DNS debug log of a Dutch-locale server (day first)", () => {
    const log =
      "20-11-2026 14:05:09 0E6C PACKET  000000A1B2C3D4E5 UDP Rcv 192.168.1.44    1a2b   Q [0001   D   NOERROR] A      (4)chat(7)mistral(2)ai(0)";
    expect(parseLog(log).events).toEqual([
      { host: "chat.mistral.ai", user: "192.168.1.44", at: "2026-11-20T14:05:09.000Z" },
    ]);
  });

  it("reads common/combined proxy logs with time zone", () => {
    const log = '192.168.1.20 - anna [20/Nov/2026:10:12:01 +0100] "CONNECT claude.ai:443 HTTP/1.1" 200 1234 "-" "-"';
    const r = parseLog(log);
    expect(r.format).toBe("common-log");
    expect(r.events).toEqual([{ host: "claude.ai:443", user: "anna", at: "2026-11-20T09:12:01.000Z" }]);
  });

  it("reads key=value firewall logs (FortiGate style)", () => {
    const log = [
      'date=2026-11-20 time=10:12:01 tz="+0100" logid="0317013312" type="utm" subtype="webfilter" srcip=10.0.0.7 hostname="gemini.google.com" user="bram" action="passthrough"',
      'date=2026-11-20 time=10:12:02 tz="+0100" type="traffic" srcip=10.0.0.8 dstip=1.2.3.4 action="accept"',
      "kapotte regel",
    ].join("\n");
    const r = parseLog(log);
    expect(r.format).toBe("key-value");
    expect(r.events).toEqual([{ host: "gemini.google.com", user: "bram", at: "2026-11-20T09:12:01.000Z" }]);
    expect(r).toMatchObject({ skipped: 1, junk: 1 });
  });

  it("reads Squid access.log with the user column when present", () => {
    const log = [
      "1763629921.123    456 192.168.1.20 TCP_TUNNEL/200 1234 CONNECT chat.deepseek.com:443 anna HIER_DIRECT/1.2.3.4 -",
      "1763629922.000     12 192.168.1.21 TCP_MISS/200 999 GET http://www.perplexity.ai/search - HIER_DIRECT/5.6.7.8 text/html",
    ].join("\n");
    const r = parseLog(log);
    expect(r.format).toBe("squid");
    expect(r.events.map((e) => [e.host, e.user])).toEqual([
      ["chat.deepseek.com:443", "anna"],
      ["http://www.perplexity.ai/search", "192.168.1.21"],
    ]);
    expect(r.events[0]?.at).toBe("2025-11-20T09:12:01.123Z");
  });

  it("reads proxy and firewall CSV with any delimiter and common column names", () => {
    const firewall = "Time;Src User;Destination;Action\n2026-11-20T08:00:00Z;bram;gemini.google.com;allow\n;;;\n";
    const r = parseLog(firewall);
    expect(r.format).toBe("csv");
    expect(r.events).toEqual([{ host: "gemini.google.com", user: "bram", at: "2026-11-20T08:00:00.000Z" }]);
    expect(r.junk).toBe(1);
  });

  it("reads a Chrome/Edge history CSV export", () => {
    const csv =
      'order,id,date,time,title,url,visitCount\n1,10,2026-11-19,10:15:00,"ChatGPT, chat",https://chatgpt.com/c/abc,3\n';
    const r = parseLog(csv);
    expect(r.events[0]?.host).toBe("https://chatgpt.com/c/abc");
    expect(r.events[0]?.at).toMatch(/^2026-11-19T/);
  });

  it("reads Chrome Takeout and Firefox JSON exports", () => {
    const chrome = JSON.stringify({
      "Browser History": [{ title: "Claude", url: "https://claude.ai/new", time_usec: 1763629921000000 }],
    });
    expect(parseLog(chrome).events).toEqual([{ host: "https://claude.ai/new", at: "2025-11-20T09:12:01.000Z" }]);
    const firefox = JSON.stringify({
      title: "",
      children: [
        {
          title: "menu",
          children: [{ title: "DeepL", uri: "https://www.deepl.com/translator", dateAdded: 1763629921000000 }],
        },
      ],
    });
    expect(parseLog(firefox).events[0]?.host).toBe("https://www.deepl.com/translator");
    expect(parseLog("{ not json").junk).toBe(1);
  });

  it("reads a plain list of hosts and URLs", () => {
    const r = parseLog("# export\nchatgpt.com\nhttps://claude.ai/chat 12\n???\n");
    expect(r.format).toBe("plain");
    expect(r.events.map((e) => e.host)).toEqual(["chatgpt.com", "https://claude.ai/chat"]);
    expect(r.junk).toBe(1);
  });

  it("converts epoch seconds, milliseconds and Chrome's 1601-based microseconds", () => {
    expect(parseTimestamp("1763629921")).toBe("2025-11-20T09:12:01.000Z");
    expect(parseTimestamp(1763629921000)).toBe("2025-11-20T09:12:01.000Z");
    expect(parseTimestamp(13408103521000000)).toBe("2025-11-20T09:12:01.000Z");
    expect(parseTimestamp("gisteren")).toBeUndefined();
  });

  it("never throws on arbitrary input and accounts for every line", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parseLog(text);
        expect(r.junk).toBeGreaterThanOrEqual(0);
        if (r.format !== "json" && r.format !== "csv") {
          expect(r.events.length + r.junk + r.skipped).toBeLessThanOrEqual(r.lines);
        }
        expect(detectFormat(text)).toBe(r.format);
      }),
      { numRuns: 300 },
    );
  });
});

describe("analyseUsage", () => {
  const registered = [
    ToolInUse.parse({
      id: "m",
      catalogueEntryId: "mistral-le-chat-team",
      dataCategories: ["customer"],
      tierInUse: "business",
      responsiblePerson: "Eigenaar",
      approval: { status: "approved", decidedBy: "Eigenaar", decidedOn: "2026-10-01" },
    }),
  ];

  it("groups hits per tool with domains, users, first/last seen and registration", () => {
    const { events } = parseLog(
      [
        "Nov 20 09:00:00 dnsmasq[1]: query[A] chat.mistral.ai from 10.0.0.2",
        "Nov 20 10:00:00 dnsmasq[1]: query[A] chat.deepseek.com from 10.0.0.3",
        "Nov 21 11:00:00 dnsmasq[1]: query[A] cdn.deepseek.com from 10.0.0.4",
        "Nov 21 11:00:01 dnsmasq[1]: query[A] www.nu.nl from 10.0.0.4",
      ].join("\n"),
      { year: 2026 },
    );
    const report = analyseUsage({
      events,
      gateway: [{ tool: "mistral-api", user: "anna", at: "2026-11-22T08:00:00.000Z" }, { tool: "onbekende-tool" }],
      registeredTools: registered,
    });
    const deepseek = report.findings.find((f) => f.key === "deepseek")!;
    expect(deepseek).toMatchObject({
      hits: 2,
      users: ["10.0.0.3", "10.0.0.4"],
      domains: ["deepseek.com"],
      firstSeen: "2026-11-20T10:00:00.000Z",
      lastSeen: "2026-11-21T11:00:00.000Z",
      registered: false,
      sources: ["log"],
    });
    expect(report.findings.find((f) => f.key === "le-chat")?.registered).toBe(true);
    expect(report.findings.find((f) => f.key === "mistral-api")).toMatchObject({
      sources: ["gateway"],
      registered: false,
    });
    expect(report.unregistered.map((f) => f.key).sort()).toEqual(["deepseek", "mistral-api"]);
    expect(report.ignoredEvents).toBe(1);
    expect(report.unknownGatewayTools).toEqual(["onbekende-tool"]);
  });

  it("treats a custom tool with a matching name or URL as registered", () => {
    const custom = ToolInUse.parse({
      id: "c",
      customTool: { name: "Otter", vendor: "Otter.ai", url: "https://otter.ai" },
      dataCategories: ["public"],
      tierInUse: "consumer",
      responsiblePerson: "Eigenaar",
      approval: { status: "requested" },
    });
    const report = analyseUsage({ events: [{ host: "otter.ai" }], registeredTools: [custom] });
    expect(report.findings[0]?.registered).toBe(true);
  });
});
