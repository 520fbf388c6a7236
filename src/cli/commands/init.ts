import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { DEFAULT_CONFIG_FILE, EXAMPLE_CONFIG } from "../../config/index.js";

interface InitOptions {
  out: string;
  force?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("Write a commented example configuration (poortwachter.yaml)")
    .option("--out <file>", "where to write it", DEFAULT_CONFIG_FILE)
    .option("--force", "overwrite an existing file")
    .action(async (opts: InitOptions) => {
      if (existsSync(opts.out) && !opts.force) {
        throw new Error(
          `${opts.out} bestaat al; gebruik --force om het te overschrijven (${opts.out} exists; use --force)`,
        );
      }
      // 0600: the file may end up holding API keys when someone replaces a ${...} reference.
      await writeFile(opts.out, EXAMPLE_CONFIG, { mode: 0o600, flag: opts.force ? "w" : "wx" });
      process.stdout.write(
        `${opts.out} geschreven. Zet OPENAI_API_KEY (of pas de providers aan) en start met: poortwachter start --config ${opts.out}\n`,
      );
    });
}
