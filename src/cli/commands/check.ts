import type { Command } from "commander";
import { formatCheckReport } from "../../governance/rules/index.js";
import { withGovernance } from "../../server/index.js";
import { parseLang, type StoreFlags, withDataDir } from "./governance-options.js";

export function registerCheck(program: Command): void {
  withDataDir(
    program
      .command("check")
      .description("The 12-rule AI check: status, evidence, next action and due date per rule")
      .option("--lang <lang>", "nl or en", "nl")
      .option("--json", "print the check as JSON"),
  ).action(async (flags: StoreFlags & { lang?: string; json?: boolean }) => {
    const lang = parseLang(flags.lang);
    const result = await withGovernance(flags, (service) => service.check());
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatCheckReport(result, lang));
  });
}
