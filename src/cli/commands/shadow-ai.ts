import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import type { LogFormat, ShadowAiFinding } from "../../governance/shadow-ai/index.js";
import { withGovernance } from "../../server/index.js";
import { type StoreFlags, withDataDir } from "./governance-options.js";

/** The families people name ("dns", "browser") detect their exact format from the content. */
const FORMATS: Record<string, LogFormat | undefined> = {
  auto: undefined,
  dns: undefined,
  browser: undefined,
  dnsmasq: "dnsmasq",
  bind: "bind",
  "windows-dns": "windows-dns",
  squid: "squid",
  csv: "csv",
  json: "json",
  plain: "plain",
};

function formatFinding(f: ShadowAiFinding): string {
  const mark = f.registered ? "  " : "! ";
  const who = f.users.length > 0 ? `; door: ${f.users.slice(0, 5).join(", ")}${f.users.length > 5 ? " ..." : ""}` : "";
  const when = f.lastSeen ? `; laatst: ${f.lastSeen}` : "";
  const status = f.registered ? "geregistreerd" : "NIET geregistreerd";
  return `${mark}${f.name}: ${f.hits}x (${f.domains.join(", ")}) — ${status}${who}${when}\n`;
}

export function registerShadowAi(program: Command): void {
  const shadow = program.command("shadow-ai").description("Make shadow AI visible from DNS, proxy and browser logs");
  withDataDir(
    shadow
      .command("import")
      .description("Import a log file and print the AI services it shows")
      .argument("<logfile>", "DNS, proxy or firewall log (text or CSV) or a browser-history export")
      .option("--format <format>", `one of ${Object.keys(FORMATS).join(", ")}`, "auto"),
  ).action(async (logfile: string, flags: StoreFlags & { format: string }) => {
    if (!(flags.format in FORMATS)) throw new Error(`--format must be one of ${Object.keys(FORMATS).join(", ")}`);
    const format = FORMATS[flags.format];
    const text = await readFile(logfile, "utf8");
    const result = await withGovernance(flags, (service) =>
      service.importShadowAiLog(text, { source: basename(logfile), ...(format ? { format } : {}) }),
    );
    const out = (s: string) => process.stdout.write(s);
    out(
      `${result.linesRead} regels gelezen (formaat ${result.format}), ${result.findings.length} AI-diensten gevonden.\n`,
    );
    if (result.junkLines > 0) out(`${result.junkLines} regels pasten niet bij het formaat en zijn overgeslagen.\n`);
    for (const f of result.findings) out(formatFinding(f));
    if (result.unregistered.length > 0) {
      out(
        `\n${result.unregistered.length} dienst(en) in gebruik zonder registratie: registreer ze met 'poortwachter tools add' of blokkeer ze.\n`,
      );
    }
  });
}
