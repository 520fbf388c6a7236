import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { withGovernance } from "../../server/index.js";
import { emit, parseLang, type StoreFlags, withDataDir } from "./governance-options.js";

export function registerPolicy(program: Command): void {
  withDataDir(
    program
      .command("policy")
      .description("Generate the one-page AI policy from the register and the policy choices")
      .option("--format <format>", "md, html or pdf", "md")
      .option("--lang <lang>", "nl or en", "nl")
      .option("--out <file>", "write to this file (required for pdf)")
      .option("--choices <file>", "save these policy choices (JSON or YAML) first"),
  ).action(async (flags: StoreFlags & { format: string; lang?: string; out?: string; choices?: string }) => {
    const format = flags.format;
    if (format !== "md" && format !== "html" && format !== "pdf") throw new Error("--format must be md, html or pdf");
    if (format === "pdf" && !flags.out) throw new Error("a PDF needs --out FILE");
    const lang = parseLang(flags.lang);
    // YAML is a superset of JSON, so one parser reads both.
    const choices = flags.choices ? (parseYaml(await readFile(flags.choices, "utf8")) as unknown) : undefined;
    const file = await withGovernance(flags, async (service) => {
      if (choices !== undefined) await service.setPolicyChoices(choices);
      return service.policyDocument(format, lang);
    });
    await emit(file.body, flags.out);
  });
}
