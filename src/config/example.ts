/** The commented example that `poortwachter init` writes. It must stay valid: a test loads it. */
export const EXAMPLE_CONFIG = `# Poortwachter — configuratie / configuration
# Waarden als \${NAAM} komen uit de omgeving; \${NAAM:-standaard} geeft een standaardwaarde.
# Values like \${NAME} come from the environment; \${NAME:-default} gives a default.
# DATABASE_URL, REDIS_URL, POORTWACHTER_DATA_DIR en POORTWACHTER_VAULT_KEY overschrijven dit bestand.
# DATABASE_URL, REDIS_URL, POORTWACHTER_DATA_DIR and POORTWACHTER_VAULT_KEY override this file.

server:
  port: \${PORT:-8080}
  host: 127.0.0.1            # 0.0.0.0 om van buitenaf bereikbaar te zijn / to listen on all interfaces
  # publicUrl: https://ai.voorbeeld.nl
  # detectionThreads: 1      # herkenning in aparte threads (0 = hoofdthread; standaard 1 bij 2+ cores) / detection threads (0 = main thread; default 1 on 2+ cores)

storage:
  dataDir: ./data            # SQLite-database en vault-sleutel / SQLite database and vault key
  # databaseUrl: postgres://poortwachter@db/poortwachter   # of / or DATABASE_URL
  # redisUrl: redis://cache:6379                           # of / or REDIS_URL

security:
  # 32 bytes, hex of base64 (openssl rand -base64 32). Leeg: wordt bij de eerste start in dataDir/vault.key gezet.
  # 32 bytes, hex or base64. Empty: generated into dataDir/vault.key at first start.
  # vaultKey: \${POORTWACHTER_VAULT_KEY}
  vaultTtl: 24h              # hoe lang aanduidingen terug te zetten zijn / how long placeholders can be restored

# Elke provider verklaart zijn feiten; daaruit volgt welke gegevens hij mag ontvangen (tier).
# Each provider declares its facts; they decide which data it may receive (its tier):
#   consumer of trainsOnData            -> alleen openbaar / public only
#   business                            -> klantgegevens / customer data
#   business + euResidency + dpaSigned  -> gevoelig / sensitive
#   ... + sectorAudit + dpia, of local  -> bijzondere persoonsgegevens / special categories
providers:
  - id: openai
    type: openai             # openai | azure-openai | anthropic | mistral | openai-compatible
    baseUrl: https://api.openai.com/v1
    apiKey: \${OPENAI_API_KEY}
    contract: business       # consumer | business
    trainsOnData: false
    euResidency: false
    dpaSigned: true
    zeroRetention: false
    models:
      - gpt-4.1
      - gpt-4.1-mini
      - { name: gpt-4o-mini, maxTokens: 16384 }
    timeoutMs: 60000
    maxRetries: 2

  # - id: azure
  #   type: azure-openai
  #   baseUrl: https://mijnbedrijf.openai.azure.com
  #   apiKey: \${AZURE_OPENAI_API_KEY}
  #   apiVersion: "2024-10-21"
  #   deployments: { gpt-4.1-eu: mijn-gpt41-deployment }
  #   contract: business
  #   euResidency: true
  #   dpaSigned: true
  #   models: [{ name: gpt-4.1, alias: gpt-4.1-eu }]

  # - id: mistral
  #   type: mistral
  #   apiKey: \${MISTRAL_API_KEY}
  #   contract: business
  #   euResidency: true
  #   dpaSigned: true
  #   models: [mistral-small-latest]

  - id: lokaal
    type: openai-compatible  # Ollama, LocalAI, vLLM, llama.cpp
    baseUrl: http://127.0.0.1:11434/v1
    local: true              # gegevens blijven op eigen hardware / data stays on own hardware
    models: [llama3.1:8b]

models:
  # Als een model niet mag of niet werkt: probeer deze, in volgorde.
  # When a model may not receive the data or fails: try these, in order.
  fallbacks:
    gpt-4.1: [gpt-4.1-mini, llama3.1:8b]

pricing:
  usdToEur: 0.86
  # Eigen prijzen per miljoen tokens (de ingebouwde tabel dekt OpenAI, Anthropic en Mistral).
  # Own prices per million tokens (the built-in table covers OpenAI, Anthropic and Mistral).
  models: {}
  # models:
  #   mijn-model: { input: 0.5, output: 1.5, currency: EUR }

policy:
  defaultAction: reroute     # model mag de gegevens niet ontvangen: reroute | block
  specialCategories: reroute # gezondheid, strafrecht, geloof ...: reroute (naar een geschikt model) | block
  specialKeywords: always    # always | with-personal-data
  secrets: block             # altijd / always
  bsn: block                 # altijd / always
  toolCalls: flag            # tools op klantgegevens / tools on customer data: allow | flag | refuse | require-approval
  approvalWindow: 1h         # hoe lang een goedgekeurd verzoek geldt / how long an approval holds
  promptInjection: strip     # verborgen instructies / hidden instructions: flag | strip | refuse
  amounts: keep              # bedragen / amounts: keep | generalise
  operators:                 # per type: replace | mask | generalise | keep | drop
    IBAN: mask
  teams:
    hr:
      minimumClass: sensitive
      toolCalls: refuse
    marketing:
      allowedModels: [gpt-4.1, gpt-4.1-mini]

budgets:                     # euro's; soft = waarschuwing / warning, hard = weigeren / refuse
  perKey:
    daily: { soft: 5, hard: 10 }
    monthly: { soft: 50, hard: 100 }
  perTeam:
    monthly: { soft: 400, hard: 500 }

rateLimits:
  requestsPerMinute: 60
  tokensPerMinute: 100000

audit:
  storePrompts: false        # nooit ruwe tekst in de audit / never raw text in the audit

disclosure:
  header: true               # X-AI-Generated-header (AI-verordening art. 50 / EU AI Act art. 50)
  # line: "Dit antwoord is opgesteld met hulp van AI."
`;
