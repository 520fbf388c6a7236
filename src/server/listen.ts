import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { gatewayNodeHandler } from "../gateway/http/node.js";
import type { GatewayInstance } from "../gateway/index.js";
import { staticSecurityHeaders } from "./security-headers.js";

export interface ServeAppOptions {
  app: Hono;
  /** The gateway whose POST endpoints are answered on Node directly (see gateway/http/node.ts). */
  gateway?: GatewayInstance | undefined;
  port: number;
  hostname?: string | undefined;
}

/**
 * Listens with the app on Node; the gateway's POST endpoints skip the Hono app (the hot path,
 * with the same security headers), everything else goes through it. Resolves once listening.
 */
export async function serveApp(options: ServeAppOptions): Promise<Server> {
  const fast = options.gateway ? gatewayNodeHandler(options.gateway.gateway, await staticSecurityHeaders()) : undefined;
  const server = serve({
    fetch: options.app.fetch,
    port: options.port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    createServer: ((serverOptions: object, listener: (req: IncomingMessage, res: ServerResponse) => void) =>
      createServer(serverOptions, (req, res) => {
        if (!fast?.(req, res)) listener(req, res);
      })) as typeof createServer,
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  return server;
}
