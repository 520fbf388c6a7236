import type { Command } from "commander";
import { withGovernance } from "../../server/index.js";
import { emit, parseList, type StoreFlags, withDataDir } from "./governance-options.js";

interface RegisterAddFlags extends StoreFlags {
  system: string;
  purpose: string;
  provider: string;
  risk: string;
  responsible: string;
  role: string;
  tool?: string;
  talksWithPeople?: boolean;
  generatesContent?: boolean;
  disclosure?: boolean;
  obligations?: string;
  oversight?: string;
}

export function registerRegister(program: Command): void {
  const register = program.command("register").description("The EU AI Act register");
  withDataDir(
    register
      .command("export")
      .description("Export the register as CSV or JSON")
      .option("--format <format>", "csv or json", "csv")
      .option("--out <file>", "write to this file instead of stdout"),
  ).action(async (flags: StoreFlags & { format: string; out?: string }) => {
    if (flags.format !== "csv" && flags.format !== "json") throw new Error("--format must be csv or json");
    const format = flags.format;
    const file = await withGovernance(flags, (service) => service.exportRegister(format));
    await emit(file.body, flags.out);
  });
  withDataDir(
    register
      .command("add")
      .description("Add an AI system to the register")
      .requiredOption("--system <name>", "name of the AI system")
      .requiredOption("--purpose <text>", "what it is used for")
      .requiredOption("--provider <name>", "who provides it")
      .requiredOption("--risk <class>", "prohibited, high, limited or minimal")
      .requiredOption("--responsible <name>", "responsible person")
      .option("--role <role>", "deployer or provider", "deployer")
      .option("--tool <id>", "the registered tool it runs on")
      .option("--talks-with-people", "it talks with people (chatbot, mail handler): AI Act art. 50")
      .option("--generates-content", "it generates published text, images or audio")
      .option("--disclosure", "people are told they deal with AI")
      .option(
        "--obligations <list>",
        "ai-literacy-art4, transparency-art50, high-risk-deployer-art26 (default: derived from the flags)",
      )
      .option("--oversight <text>", "human oversight"),
  ).action(async (f: RegisterAddFlags) => {
    const talks = f.talksWithPeople === true;
    const obligations = f.obligations
      ? parseList(f.obligations)
      : [
          "ai-literacy-art4",
          ...(talks || f.generatesContent ? ["transparency-art50"] : []),
          ...(f.risk === "high" ? ["high-risk-deployer-art26"] : []),
        ];
    const input = {
      system: f.system,
      purpose: f.purpose,
      provider: f.provider,
      riskClass: f.risk,
      responsiblePerson: f.responsible,
      role: f.role,
      ...(f.tool ? { toolId: f.tool } : {}),
      interactsWithPeople: talks,
      generatesContent: f.generatesContent === true,
      disclosureInPlace: f.disclosure === true,
      obligations,
      ...(f.oversight ? { humanOversight: f.oversight } : {}),
    };
    const entry = await withGovernance(f, (service) => service.register.add(input));
    process.stdout.write(`Toegevoegd aan het AI-register: ${entry.id} (${entry.obligations.join(", ")})\n`);
  });

  withDataDir(register.command("list").description("List the register entries")).action(async (flags: StoreFlags) => {
    const entries = await withGovernance(flags, (service) => service.register.list());
    if (entries.length === 0) {
      process.stdout.write("Het AI-register is nog leeg.\n");
      return;
    }
    for (const e of entries) {
      process.stdout.write(`${e.id.padEnd(32)} ${e.system} — ${e.riskClass}, ${e.status}, ${e.responsiblePerson}\n`);
    }
  });
}
