import type { Command } from "commander";
import type { ToolView } from "../../governance/service/index.js";
import { withGovernance } from "../../server/index.js";
import { parseList, type StoreFlags, withDataDir } from "./governance-options.js";

interface AddFlags extends StoreFlags {
  catalogue?: string;
  name?: string;
  vendor?: string;
  data: string;
  tier?: string;
  users?: string;
  teams?: string;
  work?: string;
  responsible: string;
  requestedBy?: string;
  dpaSigned?: string;
  twoFactor?: boolean;
  trainingOff?: string;
  eu?: boolean;
  id?: string;
}

const STATUS_NL = { requested: "aangevraagd", approved: "goedgekeurd", rejected: "afgewezen" } as const;

export function formatTool(view: ToolView): string {
  const t = view.tool;
  const lines = [
    `${t.id}: ${view.name} — ${t.tierInUse}, ${STATUS_NL[t.approval.status]}, verantwoordelijk: ${t.responsiblePerson}`,
    `  gegevens: ${t.dataCategories.join(", ")}${t.users.length ? `; gebruikers: ${t.users.join(", ")}` : ""}`,
  ];
  for (const w of view.warnings) lines.push(`  ! ${w.nl}`);
  return `${lines.join("\n")}\n`;
}

export function registerTools(program: Command): void {
  const tools = program.command("tools").description("AI tools in use: inventory and approval");

  withDataDir(
    tools
      .command("add")
      .description("Register a tool in use (from the catalogue or your own)")
      .option("--catalogue <id>", "catalogue entry id, e.g. openai-chatgpt-business")
      .option("--name <name>", "name of a tool not in the catalogue")
      .option("--vendor <vendor>", "vendor of a tool not in the catalogue")
      .requiredOption("--data <categories>", "public, customer, sensitive and/or special, comma-separated")
      .option("--tier <tier>", "consumer, business, local or privacy-service (default: the catalogue's)")
      .option("--users <names>", "who uses it, comma-separated")
      .option("--teams <names>", "teams, comma-separated")
      .option("--work <text>", "what it is used for")
      .requiredOption("--responsible <name>", "responsible person")
      .option("--requested-by <name>", "who asked for the tool")
      .option("--dpa-signed <date>", "date the DPA was signed (YYYY-MM-DD)")
      .option("--two-factor", "2FA is enforced for every user")
      .option("--training-off <date>", "date training on your data was verified as off")
      .option("--eu", "EU data residency is switched on")
      .option("--id <id>", "own id (default: generated)"),
  ).action(async (f: AddFlags) => {
    const input = {
      ...(f.id ? { id: f.id } : {}),
      ...(f.catalogue ? { catalogueEntryId: f.catalogue } : {}),
      ...(f.name || f.vendor ? { customTool: { name: f.name ?? "", vendor: f.vendor ?? "" } } : {}),
      dataCategories: parseList(f.data),
      ...(f.tier ? { tierInUse: f.tier } : {}),
      users: parseList(f.users),
      teams: parseList(f.teams),
      ...(f.work ? { workDescription: f.work } : {}),
      responsiblePerson: f.responsible,
      ...(f.requestedBy ? { approval: { status: "requested", requestedBy: f.requestedBy } } : {}),
      ...(f.dpaSigned ? { dpa: { signed: true, signedOn: f.dpaSigned } } : {}),
      twoFactorEnforced: f.twoFactor === true,
      ...(f.trainingOff ? { training: { switchedOff: true, verifiedOn: f.trainingOff } } : {}),
      euDataResidencyEnabled: f.eu === true,
    };
    const view = await withGovernance(f, (service) => service.addTool(input));
    process.stdout.write(`Toegevoegd:\n${formatTool(view)}`);
  });

  withDataDir(tools.command("list").description("List the tools in use with tier warnings")).action(
    async (f: StoreFlags) => {
      const views = await withGovernance(f, (service) => service.listTools());
      if (views.length === 0) process.stdout.write("Er zijn nog geen AI-hulpmiddelen geregistreerd.\n");
      for (const view of views) process.stdout.write(formatTool(view));
    },
  );

  for (const decision of ["approved", "rejected"] as const) {
    withDataDir(
      tools
        .command(decision === "approved" ? "approve" : "reject")
        .description(decision === "approved" ? "Approve a requested tool" : "Reject a requested tool")
        .argument("<id>", "tool id")
        .requiredOption("--by <name>", "who decides")
        .option("--reason <text>", "why")
        .option("--on <date>", "date of the decision (default today)"),
    ).action(async (id: string, f: StoreFlags & { by: string; reason?: string; on?: string }) => {
      const body = { decision, by: f.by, ...(f.reason ? { reason: f.reason } : {}), ...(f.on ? { on: f.on } : {}) };
      const view = await withGovernance(f, (service) => service.decideTool(id, body));
      process.stdout.write(formatTool(view));
    });
  }
}
