export {
  analyseUsage,
  type GatewayUsageRecord,
  type ShadowAiFinding,
  type ShadowAiReport,
} from "./analyse.js";
export { AI_SERVICES, type AiService, matchAiService, normaliseHost } from "./domains.js";
export {
  detectFormat,
  type LogFormat,
  type ParseOptions,
  type ParseResult,
  parseLog,
  parseTimestamp,
  type UsageEvent,
} from "./parsers.js";
