import { Command, CommanderError } from "commander";
import { registerAccounts } from "./commands/accounts.js";
import { registerAnonymize } from "./commands/anonymize.js";
import { registerApprovals } from "./commands/approvals.js";
import { registerAudit } from "./commands/audit.js";
import { registerCheck } from "./commands/check.js";
import { registerContacts } from "./commands/contacts.js";
import { registerIncidents } from "./commands/incidents.js";
import { registerInit } from "./commands/init.js";
import { registerKeys } from "./commands/keys.js";
import { registerPolicy } from "./commands/policy.js";
import { registerRegister } from "./commands/register.js";
import { registerRestore } from "./commands/restore.js";
import { registerScan } from "./commands/scan.js";
import { registerShadowAi } from "./commands/shadow-ai.js";
import { registerStart } from "./commands/start.js";
import { registerTools } from "./commands/tools.js";
import { registerTraining } from "./commands/training.js";
import { registerTeams, registerUsers } from "./commands/users.js";

/** Build the `poortwachter` command. Each sub-command lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command("poortwachter")
    .description("Poortwachter: AI gateway and AI-governance workbench for Dutch small businesses")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program);
  registerScan(program);
  registerAnonymize(program);
  registerRestore(program);
  registerStart(program);
  registerCheck(program);
  registerRegister(program);
  registerTools(program);
  registerIncidents(program);
  registerTraining(program);
  registerKeys(program);
  registerUsers(program);
  registerTeams(program);
  registerAccounts(program);
  registerAudit(program);
  registerApprovals(program);
  registerPolicy(program);
  registerShadowAi(program);
  registerContacts(program);
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`poortwachter: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
