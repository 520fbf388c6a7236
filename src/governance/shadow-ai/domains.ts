/**
 * App-specific domains of AI services, maintained by hand. Shared hosts (CDNs, telemetry, a vendor's
 * general cloud or search domain) are left out on purpose: a hit on them says nothing about AI use.
 * A DNS log cannot tell a free plan from a business plan, so a tool maps to all catalogue entries of
 * its product family. Matching takes the most specific domain, so `business.githubcopilot.com` wins
 * over `githubcopilot.com`.
 */

export interface AiService {
  /** Stable key of the product family, e.g. "chatgpt". */
  key: string;
  name: string;
  /** Catalogue entries this service could be (the plan is not visible in a log). */
  catalogueIds: readonly string[];
  domains: readonly string[];
}

const CHATGPT_PLANS = [
  "openai-chatgpt-free",
  "openai-chatgpt-plus",
  "openai-chatgpt-pro",
  "openai-chatgpt-business",
  "openai-chatgpt-enterprise",
];
const CLAUDE_PLANS = [
  "anthropic-claude-free",
  "anthropic-claude-pro",
  "anthropic-claude-max",
  "anthropic-claude-team",
  "anthropic-claude-enterprise",
];

export const AI_SERVICES: readonly AiService[] = [
  {
    key: "chatgpt",
    name: "ChatGPT",
    catalogueIds: CHATGPT_PLANS,
    domains: ["chatgpt.com", "chat.openai.com", "oaistatic.com", "oaiusercontent.com"],
  },
  {
    key: "openai-api",
    name: "OpenAI API",
    catalogueIds: ["openai-api"],
    domains: ["api.openai.com", "platform.openai.com"],
  },
  { key: "sora", name: "OpenAI Sora", catalogueIds: [], domains: ["sora.com", "sora.chatgpt.com"] },
  {
    key: "azure-openai",
    name: "Azure OpenAI",
    catalogueIds: ["azure-openai"],
    domains: ["openai.azure.com", "ai.azure.com"],
  },
  {
    key: "claude",
    name: "Claude",
    catalogueIds: CLAUDE_PLANS,
    domains: ["claude.ai", "claude.com", "claudeusercontent.com"],
  },
  {
    key: "anthropic-api",
    name: "Claude API",
    catalogueIds: ["anthropic-api"],
    domains: ["api.anthropic.com", "console.anthropic.com"],
  },
  {
    key: "gemini",
    name: "Gemini app",
    catalogueIds: ["google-gemini-app", "google-gemini-workspace"],
    domains: ["gemini.google.com", "bard.google.com"],
  },
  {
    key: "google-ai-studio",
    name: "Google AI Studio / Gemini API",
    catalogueIds: [],
    domains: ["aistudio.google.com", "generativelanguage.googleapis.com", "makersuite.google.com"],
  },
  { key: "notebooklm", name: "NotebookLM", catalogueIds: [], domains: ["notebooklm.google.com", "notebooklm.google"] },
  {
    key: "copilot-consumer",
    name: "Microsoft Copilot (consumer)",
    catalogueIds: ["microsoft-copilot-consumer"],
    domains: ["copilot.microsoft.com"],
  },
  {
    key: "m365-copilot",
    name: "Microsoft 365 Copilot",
    catalogueIds: ["microsoft-365-copilot"],
    domains: ["copilot.cloud.microsoft", "m365copilot.com"],
  },
  {
    key: "le-chat",
    name: "Mistral Le Chat",
    catalogueIds: ["mistral-le-chat-free", "mistral-le-chat-pro", "mistral-le-chat-team"],
    domains: ["chat.mistral.ai"],
  },
  {
    key: "mistral-api",
    name: "Mistral API",
    catalogueIds: ["mistral-api"],
    domains: ["api.mistral.ai", "console.mistral.ai", "codestral.mistral.ai"],
  },
  { key: "deepseek", name: "DeepSeek", catalogueIds: ["deepseek"], domains: ["deepseek.com"] },
  {
    key: "perplexity",
    name: "Perplexity",
    catalogueIds: ["perplexity", "perplexity-enterprise"],
    domains: ["perplexity.ai", "pplx.ai"],
  },
  { key: "meta-ai", name: "Meta AI", catalogueIds: ["meta-ai"], domains: ["meta.ai"] },
  { key: "grok", name: "Grok (xAI)", catalogueIds: [], domains: ["grok.com", "x.ai"] },
  { key: "deepl", name: "DeepL", catalogueIds: ["deepl-free", "deepl-pro"], domains: ["deepl.com"] },
  {
    key: "grammarly",
    name: "Grammarly",
    catalogueIds: ["grammarly-individual", "grammarly-business"],
    domains: ["grammarly.com", "grammarly.io"],
  },
  { key: "quillbot", name: "QuillBot", catalogueIds: [], domains: ["quillbot.com"] },
  { key: "jasper", name: "Jasper", catalogueIds: ["jasper"], domains: ["jasper.ai"] },
  { key: "copy-ai", name: "Copy.ai", catalogueIds: [], domains: ["copy.ai"] },
  { key: "writesonic", name: "Writesonic", catalogueIds: [], domains: ["writesonic.com"] },
  { key: "apollo", name: "Apollo.io", catalogueIds: ["apollo"], domains: ["apollo.io"] },
  { key: "otter", name: "Otter.ai", catalogueIds: ["otter"], domains: ["otter.ai"] },
  { key: "fireflies", name: "Fireflies.ai", catalogueIds: ["fireflies"], domains: ["fireflies.ai"] },
  { key: "tldv", name: "tl;dv", catalogueIds: [], domains: ["tldv.io"] },
  { key: "read-ai", name: "Read AI", catalogueIds: [], domains: ["read.ai"] },
  {
    key: "github-copilot",
    name: "GitHub Copilot",
    catalogueIds: ["github-copilot-individual", "github-copilot-business", "github-copilot-enterprise"],
    domains: ["githubcopilot.com", "copilot-proxy.githubusercontent.com"],
  },
  {
    key: "github-copilot-business",
    name: "GitHub Copilot Business",
    catalogueIds: ["github-copilot-business"],
    domains: ["business.githubcopilot.com"],
  },
  {
    key: "github-copilot-enterprise",
    name: "GitHub Copilot Enterprise",
    catalogueIds: ["github-copilot-enterprise"],
    domains: ["enterprise.githubcopilot.com"],
  },
  {
    key: "github-copilot-individual",
    name: "GitHub Copilot Individual",
    catalogueIds: ["github-copilot-individual"],
    domains: ["individual.githubcopilot.com"],
  },
  { key: "cursor", name: "Cursor", catalogueIds: [], domains: ["cursor.com", "cursor.sh"] },
  { key: "windsurf", name: "Windsurf / Codeium", catalogueIds: [], domains: ["windsurf.com", "codeium.com"] },
  { key: "tabnine", name: "Tabnine", catalogueIds: [], domains: ["tabnine.com"] },
  { key: "lovable", name: "Lovable", catalogueIds: [], domains: ["lovable.dev"] },
  { key: "bolt", name: "Bolt", catalogueIds: [], domains: ["bolt.new"] },
  { key: "v0", name: "v0 (Vercel)", catalogueIds: [], domains: ["v0.dev", "v0.app"] },
  { key: "confer", name: "Confer", catalogueIds: ["confer"], domains: ["confer.to"] },
  { key: "lumo", name: "Proton Lumo", catalogueIds: ["proton-lumo"], domains: ["lumo.proton.me"] },
  { key: "duck-ai", name: "Duck.ai", catalogueIds: ["duck-ai"], domains: ["duck.ai"] },
  { key: "character-ai", name: "Character.AI", catalogueIds: [], domains: ["character.ai"] },
  { key: "poe", name: "Poe", catalogueIds: [], domains: ["poe.com"] },
  { key: "you", name: "You.com", catalogueIds: [], domains: ["you.com"] },
  { key: "phind", name: "Phind", catalogueIds: [], domains: ["phind.com"] },
  { key: "pi", name: "Pi (Inflection)", catalogueIds: [], domains: ["pi.ai"] },
  { key: "huggingchat", name: "Hugging Face", catalogueIds: [], domains: ["huggingface.co", "hf.co"] },
  { key: "openrouter", name: "OpenRouter", catalogueIds: [], domains: ["openrouter.ai"] },
  { key: "groq", name: "Groq", catalogueIds: [], domains: ["groq.com"] },
  { key: "cohere", name: "Cohere", catalogueIds: [], domains: ["cohere.com", "cohere.ai"] },
  { key: "kimi", name: "Kimi (Moonshot)", catalogueIds: [], domains: ["kimi.com", "kimi.moonshot.cn", "moonshot.ai"] },
  {
    key: "qwen",
    name: "Qwen Chat (Alibaba)",
    catalogueIds: [],
    domains: ["chat.qwen.ai", "qwen.ai", "tongyi.aliyun.com"],
  },
  { key: "doubao", name: "Doubao (ByteDance)", catalogueIds: [], domains: ["doubao.com"] },
  { key: "manus", name: "Manus", catalogueIds: [], domains: ["manus.im"] },
  { key: "chatpdf", name: "ChatPDF", catalogueIds: [], domains: ["chatpdf.com"] },
  { key: "gamma", name: "Gamma", catalogueIds: [], domains: ["gamma.app"] },
  { key: "midjourney", name: "Midjourney", catalogueIds: [], domains: ["midjourney.com"] },
  { key: "leonardo", name: "Leonardo.Ai", catalogueIds: [], domains: ["leonardo.ai"] },
  { key: "runway", name: "Runway", catalogueIds: [], domains: ["runwayml.com"] },
  { key: "elevenlabs", name: "ElevenLabs", catalogueIds: [], domains: ["elevenlabs.io"] },
  { key: "suno", name: "Suno", catalogueIds: [], domains: ["suno.com", "suno.ai"] },
  { key: "heygen", name: "HeyGen", catalogueIds: [], domains: ["heygen.com"] },
  { key: "synthesia", name: "Synthesia", catalogueIds: [], domains: ["synthesia.io"] },
];

const BY_DOMAIN = new Map<string, AiService>();
for (const service of AI_SERVICES) {
  for (const domain of service.domains) {
    if (BY_DOMAIN.has(domain)) throw new Error(`AI domain listed twice: ${domain}`);
    BY_DOMAIN.set(domain, service);
  }
}

/** Lower-cases, drops a port, brackets and the trailing root dot; returns "" when it is no host name. */
export function normaliseHost(raw: string): string {
  let host = raw.trim().toLowerCase();
  const scheme = host.indexOf("://");
  if (scheme >= 0) host = host.slice(scheme + 3);
  host = host.replace(/[/?#].*$/, "").replace(/^[^@]*@/, "");
  host = host.replace(/:\d+$/, "").replace(/\.$/, "");
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : "";
}

/** The AI service a host belongs to, matching the most specific listed domain. */
export function matchAiService(host: string): { service: AiService; domain: string } | undefined {
  const labels = normaliseHost(host).split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const candidate = labels.slice(i).join(".");
    const service = BY_DOMAIN.get(candidate);
    if (service) return { service, domain: candidate };
  }
  return undefined;
}
