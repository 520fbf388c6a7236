import type { Command } from "commander";
import { withGovernance } from "../../server/index.js";
import { emit, type StoreFlags, withDataDir } from "./governance-options.js";

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
