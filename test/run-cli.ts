// Runs the CLI from source, as `node --import tsx test/run-cli.ts ARGS`, so tests need no build.
import { main } from "../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
