/**
 * The gateway of one Poortwachter instance, built from the configuration and the store: provider
 * adapters, accounting (keys, budgets, rate limits, audit), the vault, the pipeline and its routes.
 * `createServerApp` mounts `routes` at the root and `adminApi` at /api/gateway.
 */

import type { Hono } from "hono";
import { Redis } from "ioredis";
import { modelCatalog, type PoortwachterConfig, resolveVaultKey } from "../config/index.js";
import type { Detector } from "../detect/index.js";
import type { Vault } from "../pseudonymize/index.js";
import { RuntimeSettings } from "../settings/index.js";
import type { Counters } from "../store/counters/types.js";
import type { Store } from "../store/index.js";
import { VaultRepository } from "../store/repositories/vault.js";
import { Accounting } from "./accounting/accounting.js";
import { ApprovalService } from "./approvals/index.js";
import { createGatewayAdminApi } from "./http/admin.js";
import { createGatewayRoutes } from "./http/routes.js";
import { type ConversationSessions, LocalSessions } from "./pipeline/conversation.js";
import { Gateway } from "./pipeline/gateway.js";
import { RedisVault } from "./pipeline/redis-vault.js";
import { SqlVault } from "./pipeline/sql-vault.js";
import { createProviderAdapters } from "./providers/create.js";
import { UpstreamClient } from "./providers/http/upstream-client.js";
import { ResponsesUpstream } from "./providers/responses/upstream.js";
import type { ProviderConfig } from "./providers/types.js";

export { createGatewayAdminApi } from "./http/admin.js";
export { createGatewayRoutes } from "./http/routes.js";
export { Gateway, type GatewayOptions, type GatewayReply, type GatewayRequest, HEADERS } from "./pipeline/gateway.js";
export { RedisVault } from "./pipeline/redis-vault.js";
export { SqlVault } from "./pipeline/sql-vault.js";

export interface CreateGatewayOptions {
  config: PoortwachterConfig;
  store: Store;
  /** Checks the admin token of the admin API. */
  verifyAdminToken(token: string): Promise<boolean>;
  /** REDIS_URL; defaults to `config.storage.redisUrl`. Shares counters and the vault across instances. */
  redisUrl?: string | undefined;
  /** Key prefix in Redis (tests use a random one). Default `pw:`. */
  redisPrefix?: string | undefined;
  /** Counters to use instead of creating them. */
  counters?: Counters | undefined;
  detector?: Detector | undefined;
  /** Where the vault key file lives when the config gives no key; defaults to `config.storage.dataDir`. */
  dataDir?: string | undefined;
  /** Upstream timeout in ms for every request (overrides the providers' timeoutMs). */
  upstreamTimeoutMs?: number | undefined;
  clock?: () => number;
}

export interface GatewayInstance {
  gateway: Gateway;
  accounting: Accounting;
  /** Policy, budgets, customer list and retention as changed in the web app, applied to this gateway. */
  settings: RuntimeSettings;
  /** Requests held for a person's approval (`toolCalls: require-approval`). */
  approvals: ApprovalService;
  /** /v1/chat/completions, /v1/messages, /v1/responses, /v1/embeddings, /v1/models. */
  routes: Hono;
  /** Keys, users, teams, audit export, approvals; mount at /api/gateway. */
  adminApi: Hono;
  /** Flushes the audit log, closes counters, the vault's Redis connection and the upstream pools. */
  close(): Promise<void>;
}

function adapterConfigs(config: PoortwachterConfig): ProviderConfig[] {
  return config.providers.map((provider) => {
    const deployments: Record<string, string> = { ...(provider.deployments ?? {}) };
    const adapterConfig: ProviderConfig = {
      id: provider.id,
      type: provider.type,
      timeoutMs: provider.timeoutMs,
      maxRetries: provider.maxRetries,
    };
    if (provider.baseUrl) adapterConfig.baseUrl = provider.baseUrl;
    if (provider.apiKey) adapterConfig.apiKey = provider.apiKey;
    if (provider.apiVersion) adapterConfig.apiVersion = provider.apiVersion;
    if (Object.keys(deployments).length > 0) adapterConfig.deployments = deployments;
    return adapterConfig;
  });
}

export async function createGateway(options: CreateGatewayOptions): Promise<GatewayInstance> {
  const { config, store } = options;
  const redisUrl = options.redisUrl ?? config.storage.redisUrl;
  const prefix = options.redisPrefix ?? "pw:";
  const clock = options.clock ?? Date.now;
  const freeModels = modelCatalog(config)
    .filter((m) => m.facts.local)
    .map((m) => m.upstreamModel);
  const accounting = new Accounting({
    db: store.db,
    redisUrl,
    redisPrefix: prefix,
    counters: options.counters,
    budgets: config.budgets,
    rateLimits: config.rateLimits,
    pricing: { usdToEur: config.pricing.usdToEur, models: config.pricing.models, freeModels },
    clock,
  });
  let redis: Redis | undefined;
  let vault: Vault;
  let sqlVault: SqlVault | undefined;
  let sessions: ConversationSessions;
  try {
    const key = resolveVaultKey(config.security.vaultKey, options.dataDir ?? config.storage.dataDir).key;
    if (redisUrl) {
      redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
      const redisVault = await RedisVault.create(redis, { key, ttlSeconds: config.security.vaultTtl, prefix });
      vault = redisVault;
      sessions = redisVault;
    } else {
      // One machine: conversations on the store survive a restart; live ones stay decrypted in
      // memory so the request path does not wait for the database.
      sqlVault = await SqlVault.create(new VaultRepository(store.db), { key, ttlSeconds: config.security.vaultTtl });
      vault = sqlVault;
      // A conversation leaves memory before its stored copy could expire.
      sessions = new LocalSessions(sqlVault, { idleMs: Math.min(600_000, config.security.vaultTtl * 1000) });
    }
  } catch (error) {
    await accounting.close();
    redis?.disconnect();
    throw error;
  }
  const http = new UpstreamClient();
  const adapters = createProviderAdapters(adapterConfigs(config), { http });
  const approvals = new ApprovalService(store.db, { clock, windowMs: config.policy.approvalWindow * 1000 });
  const gateway = new Gateway({
    approvals,
    responses: new ResponsesUpstream(adapterConfigs(config), http),
    config,
    identity: accounting.identity,
    budgets: accounting.budgets,
    rateLimiter: accounting.rateLimits,
    prices: accounting.prices,
    audit: accounting.audit,
    vault,
    sessions,
    adapters,
    ...(options.detector ? { detector: options.detector } : {}),
    ...(options.upstreamTimeoutMs ? { timeoutMs: options.upstreamTimeoutMs } : {}),
    clock,
  });
  const settings = new RuntimeSettings({
    store,
    config,
    targets: { gateway, budgets: accounting.budgets },
    clock,
    sealKey: resolveVaultKey(config.security.vaultKey, options.dataDir ?? config.storage.dataDir).key,
  });
  try {
    await settings.load();
  } catch (error) {
    await accounting.close();
    await http.close();
    redis?.disconnect();
    throw error;
  }
  settings.start();
  let closing: Promise<void> | undefined;
  return {
    gateway,
    accounting,
    settings,
    approvals,
    routes: createGatewayRoutes(gateway),
    adminApi: createGatewayAdminApi({
      identity: accounting.identity,
      auditLog: accounting.auditLog,
      approvals,
      verifyToken: options.verifyAdminToken,
    }),
    close() {
      closing ??= (async () => {
        await settings.stop();
        await gateway.idle();
        await gateway.close();
        await sessions.close();
        await sqlVault?.close();
        await accounting.close();
        await http.close();
        if (redis) await redis.quit().catch(() => redis?.disconnect());
      })();
      return closing;
    },
  };
}
