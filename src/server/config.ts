import { resolve } from "node:path";

/** Where an instance keeps its data and where it listens. A YAML config file arrives with the gateway. */
export interface InstanceConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema (`POORTWACHTER_DB_SCHEMA`), e.g. to share one database between environments. */
  schema?: string | undefined;
  port: number;
  host: string;
}

export interface ConfigFlags {
  dataDir?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_DATA_DIR = "./data";

/** Flags win over environment variables, which win over defaults. */
export function resolveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): InstanceConfig {
  const rawPort = flags.port ?? env.PORT ?? DEFAULT_PORT;
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port "${rawPort}": use a number from 0 to 65535`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return {
    dataDir: resolve(flags.dataDir ?? env.POORTWACHTER_DATA_DIR ?? DEFAULT_DATA_DIR),
    databaseUrl,
    schema: env.POORTWACHTER_DB_SCHEMA?.trim() || undefined,
    port,
    host: flags.host ?? env.HOST ?? DEFAULT_HOST,
  };
}
