import { createReadStream } from "node:fs";
import type { Command } from "commander";
import { StreamingRestorer } from "../../pseudonymize/index.js";
import { openMap, readMapSecret } from "./anonymize.js";

export function registerRestore(program: Command): void {
  program
    .command("restore")
    .description("Put the real values back into an answer that contains placeholders (file or stdin)")
    .requiredOption("--map <file>", "the mapping written by `anonymize --map`")
    .argument("[file]", "text with placeholders; stdin when absent")
    .action(async (file: string | undefined, opts: { map: string }) => {
      const session = await openMap(opts.map, await readMapSecret(false));
      // Streamed, so a long answer piped in comes out as it arrives.
      const input = file && file !== "-" ? createReadStream(file) : process.stdin;
      const decoder = new TextDecoder("utf-8");
      const restorer = new StreamingRestorer(session);
      for await (const chunk of input) {
        process.stdout.write(restorer.push(decoder.decode(chunk as Buffer, { stream: true })));
      }
      process.stdout.write(restorer.push(decoder.decode()) + restorer.flush());
    });
}
