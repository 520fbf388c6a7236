import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Bilingual, Lang } from "../../governance/model.js";

/** Options every governance command shares. */
export interface StoreFlags {
  dataDir?: string;
}

export function withDataDir(command: Command): Command {
  return command.option(
    "--data-dir <dir>",
    "data folder (env POORTWACHTER_DATA_DIR, default ./data); DATABASE_URL selects PostgreSQL",
  );
}

export function parseLang(value: string | undefined): Lang {
  if (value === undefined || value === "nl" || value === "en") return value ?? "nl";
  throw new Error(`--lang must be nl or en, not "${value}"`);
}

export function parseList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const say = (text: Bilingual, lang: Lang): string => text[lang];

/** Writes to a file when `--out` is given, otherwise to stdout. */
export async function emit(content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out) {
    await writeFile(out, content);
    process.stderr.write(`Geschreven naar ${out}\n`);
  } else {
    process.stdout.write(content);
  }
}
