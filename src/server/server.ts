import type { AddressInfo } from "node:net";
import type { PoortwachterConfig } from "../config/index.js";
import { createGateway, type GatewayInstance } from "../gateway/index.js";
import { openStore, type Store } from "../store/index.js";
import { ensureAdminToken, rotateAdminToken, verifyAdminToken } from "./admin-token.js";
import { createServerApp } from "./app.js";
import type { InstanceConfig } from "./config.js";
import { serveApp } from "./listen.js";

export interface RunningServer {
  url: string;
  store: Store;
  /** Present on the first start (or when asked to rotate) only: the admin token to show once. */
  newAdminToken?: string;
  /** Stops accepting connections, lets open requests finish, then closes the database. */
  close(): Promise<void>;
}

/** How long open requests may run on after a shutdown signal. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface StartOptions {
  /** Replace the admin token (when it was lost or leaked); the new one is returned once. */
  newAdminToken?: boolean;
  /** The poortwachter.yaml configuration: mounts the gateway (providers, policy, budgets). */
  gatewayConfig?: PoortwachterConfig;
}

export async function startServer(config: InstanceConfig, options: StartOptions = {}): Promise<RunningServer> {
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    schema: config.schema,
    backgroundCheckpoints: true,
  });
  let gateway: GatewayInstance | undefined;
  try {
    const created = options.newAdminToken ? await rotateAdminToken(store) : (await ensureAdminToken(store)).created;
    if (options.gatewayConfig) {
      gateway = await createGateway({
        config: options.gatewayConfig,
        store,
        dataDir: config.dataDir,
        verifyAdminToken: (token) => verifyAdminToken(store, token),
      });
    }
    const app = createServerApp({
      store,
      dataDir: config.dataDir,
      ...(gateway ? { gateway } : {}),
      ...(options.gatewayConfig ? { config: options.gatewayConfig } : {}),
    });
    const server = await serveApp({ app, gateway, port: config.port, hostname: config.host });
    const address = server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${address.port}`,
      store,
      ...(created ? { newAdminToken: created } : {}),
      close() {
        closing ??= new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ("closeIdleConnections" in server) {
            // Idle keep-alive sockets would hold close() open until they time out, and a stuck
            // request must not keep the process from stopping.
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
          }
        })
          .then(() => gateway?.close())
          .then(() => store.close());
        return closing;
      },
    };
  } catch (err) {
    await gateway?.close();
    await store.close();
    throw err;
  }
}
