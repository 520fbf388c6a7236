import type { Command } from "commander";
import { configHints, loadConfig } from "../../config/index.js";
import { resolveConfig, startServer } from "../../server/index.js";

interface StartFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  config?: string;
  newAdminToken?: boolean;
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description("Start the server: dashboard and team chat, AI gateway (/v1), governance API, health checks")
    .option("--config <file>", "poortwachter.yaml (env POORTWACHTER_CONFIG, default ./poortwachter.yaml if present)")
    .option("--port <port>", "port to listen on (env PORT, default 8080)")
    .option("--host <host>", "address to listen on (env HOST, default 127.0.0.1)")
    .option("--data-dir <dir>", "data folder for SQLite (env POORTWACHTER_DATA_DIR, default ./data)")
    .option("--new-admin-token", "replace the admin token and print the new one")
    .action(async (flags: StartFlags) => {
      const yaml = loadConfig(flags.config);
      const env = process.env;
      // Flags win over the environment, which wins over the config file.
      const config = resolveConfig({
        port: flags.port ?? (env.PORT ? undefined : yaml.server.port),
        host: flags.host ?? (env.HOST ? undefined : yaml.server.host),
        dataDir: flags.dataDir ?? (env.POORTWACHTER_DATA_DIR ? undefined : yaml.storage.dataDir),
      });
      config.databaseUrl ??= yaml.storage.databaseUrl;
      const server = await startServer(config, { newAdminToken: flags.newAdminToken === true, gatewayConfig: yaml });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`Configuratie: ${yaml.source ?? "ingebouwde standaard (geen poortwachter.yaml)"}`);
      for (const hint of configHints(yaml)) out(`Let op: ${hint.nl}`);
      out(`Poortwachter luistert op ${server.url} (database: ${server.store.description})`);
      out(`Dashboard en team-chat: ${server.url}/ (de eerste keer maak je daar het eigenaarsaccount aan)`);
      if (server.newAdminToken) {
        out("");
        out("Beheertoken (wordt maar één keer getoond — bewaar het veilig):");
        out(`  ${server.newAdminToken}`);
        out("Gebruik: Authorization: Bearer <token> voor /api/governance en /api/gateway");
        out("");
      }
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          out(`${signal} ontvangen: afsluiten...`);
          server.close().then(resolve, (err: unknown) => {
            process.stderr.write(`poortwachter: afsluiten mislukt: ${String(err)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      out("Gestopt.");
    });
}
