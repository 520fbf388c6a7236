/**
 * Folds usage events (from logs and from the gateway's audit records) into one finding per AI
 * service: how often, when, by whom, and whether the business has registered the tool.
 */
import type { ToolInUse } from "../model.js";
import { AI_SERVICES, type AiService, matchAiService, normaliseHost } from "./domains.js";
import type { UsageEvent } from "./parsers.js";

export interface ShadowAiFinding {
  key: string;
  name: string;
  catalogueIds: readonly string[];
  domains: string[];
  hits: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Users or client addresses, when the log has them. */
  users: string[];
  registered: boolean;
  /** Where the hits came from: "log" and/or "gateway". */
  sources: ("log" | "gateway")[];
}

/** One record of the gateway's audit log, reduced to what shadow-AI discovery needs. */
export interface GatewayUsageRecord {
  /** Catalogue id, service key or service name, e.g. "openai-api" or "Mistral API". */
  tool: string;
  user?: string;
  at?: string;
}

export interface ShadowAiReport {
  findings: ShadowAiFinding[];
  unregistered: ShadowAiFinding[];
  /** Events whose host is not a known AI service (the normal case for most log lines). */
  ignoredEvents: number;
  /** Gateway records naming a tool we cannot map to a service. */
  unknownGatewayTools: string[];
}

const fold = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");

function isRegistered(service: AiService, tools: readonly ToolInUse[]): boolean {
  return tools.some((t) => {
    if (t.approval.status === "rejected") return false;
    if (t.catalogueEntryId && service.catalogueIds.includes(t.catalogueEntryId)) return true;
    if (t.customTool) {
      if (fold(t.customTool.name) === fold(service.name) || fold(t.customTool.name) === fold(service.key)) return true;
      const host = t.customTool.url ? normaliseHost(t.customTool.url) : "";
      if (host && matchAiService(host)?.service.key === service.key) return true;
    }
    return false;
  });
}

function serviceForGatewayTool(tool: string): AiService | undefined {
  const wanted = fold(tool);
  return (
    AI_SERVICES.find((s) => s.catalogueIds.includes(tool)) ??
    AI_SERVICES.find((s) => fold(s.key) === wanted || fold(s.name) === wanted) ??
    matchAiService(tool)?.service
  );
}

interface Accumulator {
  service: AiService;
  domains: Set<string>;
  users: Set<string>;
  hits: number;
  first?: string;
  last?: string;
  sources: Set<"log" | "gateway">;
}

export function analyseUsage(input: {
  events?: readonly UsageEvent[];
  gateway?: readonly GatewayUsageRecord[];
  registeredTools?: readonly ToolInUse[];
}): ShadowAiReport {
  const byKey = new Map<string, Accumulator>();
  const touch = (service: AiService, source: "log" | "gateway", at?: string, user?: string, domain?: string) => {
    let acc = byKey.get(service.key);
    if (!acc) {
      acc = { service, domains: new Set(), users: new Set(), hits: 0, sources: new Set() };
      byKey.set(service.key, acc);
    }
    acc.hits++;
    acc.sources.add(source);
    if (domain) acc.domains.add(domain);
    if (user) acc.users.add(user);
    if (at) {
      if (!acc.first || at < acc.first) acc.first = at;
      if (!acc.last || at > acc.last) acc.last = at;
    }
  };
  let ignoredEvents = 0;
  for (const event of input.events ?? []) {
    const match = matchAiService(event.host);
    if (!match) {
      ignoredEvents++;
      continue;
    }
    touch(match.service, "log", event.at, event.user, match.domain);
  }
  const unknownGatewayTools = new Set<string>();
  for (const record of input.gateway ?? []) {
    const service = serviceForGatewayTool(record.tool);
    if (!service) {
      unknownGatewayTools.add(record.tool);
      continue;
    }
    touch(service, "gateway", record.at, record.user);
  }
  const registeredTools = input.registeredTools ?? [];
  const findings = [...byKey.values()]
    .map(
      (acc): ShadowAiFinding => ({
        key: acc.service.key,
        name: acc.service.name,
        catalogueIds: acc.service.catalogueIds,
        domains: [...acc.domains].sort(),
        hits: acc.hits,
        ...(acc.first ? { firstSeen: acc.first } : {}),
        ...(acc.last ? { lastSeen: acc.last } : {}),
        users: [...acc.users].sort(),
        registered: isRegistered(acc.service, registeredTools),
        sources: [...acc.sources].sort(),
      }),
    )
    .sort((a, b) => b.hits - a.hits || a.name.localeCompare(b.name));
  return {
    findings,
    unregistered: findings.filter((f) => !f.registered),
    ignoredEvents,
    unknownGatewayTools: [...unknownGatewayTools].sort(),
  };
}
