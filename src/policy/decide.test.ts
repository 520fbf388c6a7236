import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, type EntityType } from "../detect/index.js";
import { classify } from "./classify.js";
import { type DecisionInput, decide, type RoutableModel } from "./decide.js";
import { DEFAULT_POLICY, type PolicySettings } from "./types.js";

const MODELS: RoutableModel[] = [
  { name: "gpt-4.1", providerId: "openai", tier: "customer" },
  { name: "mistral-eu", providerId: "mistral", tier: "sensitive" },
  { name: "llama3.1:8b", providerId: "lokaal", tier: "special" },
  { name: "free-chat", providerId: "consumer", tier: "public" },
];

function input(types: EntityType[], over: Partial<DecisionInput> = {}, text = "Graag een antwoord."): DecisionInput {
  return {
    classification: classify({ entities: types.map((type) => ({ type })), text }),
    requestedModel: "gpt-4.1",
    models: MODELS,
    policy: DEFAULT_POLICY,
    ...over,
  };
}

const policy = (over: Partial<PolicySettings>): PolicySettings => ({ ...DEFAULT_POLICY, ...over });

describe("decide", () => {
  it("forwards customer data to a business model, pseudonymised", () => {
    const d = decide(input(["PERSON", "EMAIL"]));
    expect(d).toMatchObject({
      action: "forward",
      model: "gpt-4.1",
      providerId: "openai",
      pseudonymise: true,
      dataClass: "customer",
    });
    expect(d.message.nl).toContain("Doorgestuurd");
  });

  it("blocks a BSN with the Dutch instruction what to do", () => {
    const d = decide(input(["PERSON", "BSN"]));
    expect(d.action).toBe("block");
    expect(d.reasons).toEqual(["bsn"]);
    expect(d.message.nl).toBe(
      "Dit bericht bevat een BSN. BSN's mogen nooit naar een AI-dienst. Haal het nummer weg of gebruik [BSN] als aanduiding.",
    );
  });

  it("blocks secrets even for a local model and a permissive team", () => {
    const d = decide(
      input(["SECRET"], {
        requestedModel: "llama3.1:8b",
        team: "dev",
        policy: policy({ teams: { dev: { toolCalls: "allow" } } }),
      }),
    );
    expect(d.action).toBe("block");
    expect(d.reasons).toEqual(["secret"]);
    expect(d.message.en).toMatch(/secret/i);
  });

  it("reroutes sensitive data to the least trusted model that may receive it", () => {
    const d = decide(input(["PERSON", "IBAN"]));
    expect(d).toMatchObject({ action: "reroute", model: "mistral-eu", reasons: ["tier-too-low", "rerouted"] });
    expect(d.message.nl).toContain('naar "mistral-eu" gestuurd in plaats van "gpt-4.1"');
  });

  it("tries the configured fallbacks first", () => {
    const d = decide(input(["IBAN"], { fallbacks: { "gpt-4.1": ["free-chat", "llama3.1:8b"] } }));
    expect(d.model).toBe("llama3.1:8b");
  });

  it("routes special categories to the local model, or blocks them when policy says so", () => {
    const text = "De patiënt heeft een diagnose gekregen.";
    expect(decide(input(["PERSON"], {}, text))).toMatchObject({
      action: "reroute",
      model: "llama3.1:8b",
      dataClass: "special",
    });
    const blocked = decide(input(["PERSON"], { policy: policy({ specialCategories: "block" }) }, text));
    expect(blocked.action).toBe("block");
    expect(blocked.message.nl).toContain("gezondheid");
  });

  it("blocks with a message that says what to configure when no model suffices", () => {
    const d = decide(
      input(["DATE_OF_BIRTH"], { models: MODELS.filter((m) => m.tier !== "sensitive" && m.tier !== "special") }),
    );
    expect(d.action).toBe("block");
    expect(d.reasons).toEqual(["tier-too-low", "no-model-for-class"]);
    expect(d.message.nl).toContain("verwerkersovereenkomst");
    expect(d.message.en).toContain("data processing agreement");
  });

  it("blocks instead of rerouting when defaultAction is block", () => {
    const d = decide(input(["IBAN"], { policy: policy({ defaultAction: "block" }) }));
    expect(d).toMatchObject({ action: "block", reasons: ["tier-too-low"] });
  });

  it("refuses an unknown model and lists the available ones", () => {
    const d = decide(input([], { requestedModel: "gpt-9" }));
    expect(d.action).toBe("block");
    expect(d.message.nl).toContain("gpt-4.1, mistral-eu");
  });

  it("applies team overrides: floor, allowed models, tool calls", () => {
    const teams = {
      hr: { minimumClass: "sensitive" as const, toolCalls: "require-approval" as const },
      sales: { allowedModels: ["free-chat", "gpt-4.1"] },
    };
    const hr = decide(input([], { team: "hr", policy: policy({ teams }) }));
    expect(hr).toMatchObject({ action: "reroute", model: "mistral-eu", dataClass: "sensitive" });
    const hrTools = decide(input(["PERSON"], { team: "hr", toolCalls: true, policy: policy({ teams }) }));
    expect(hrTools).toMatchObject({ action: "block", approvalRequired: true, flags: ["tool-calls-on-customer-data"] });
    const sales = decide(input(["IBAN"], { team: "sales", policy: policy({ teams }) }));
    expect(sales.action).toBe("block");
    const other = decide(input(["IBAN"], { team: "onbekend", policy: policy({ teams }) }));
    expect(other.action).toBe("reroute");
  });

  it("flags tool calls on customer data, refuses them by policy, ignores them on public data", () => {
    expect(decide(input(["PERSON"], { toolCalls: true })).flags).toEqual(["tool-calls-on-customer-data"]);
    expect(decide(input([], { toolCalls: true })).flags).toEqual([]);
    const refused = decide(input(["PERSON"], { toolCalls: true, policy: policy({ toolCalls: "refuse" }) }));
    expect(refused).toMatchObject({ action: "block", reasons: ["tool-calls-refused"] });
  });

  it("handles prompt-injection findings: strip, flag or refuse", () => {
    const injection = [{ kind: "instruction-phrase" as const, start: 0, end: 5, detail: "ignore-previous" }];
    expect(decide(input([], { injection }))).toMatchObject({
      action: "forward",
      stripInjection: true,
      flags: ["prompt-injection"],
    });
    expect(decide(input([], { injection, policy: policy({ promptInjection: "flag" }) }))).toMatchObject({
      stripInjection: false,
    });
    expect(decide(input([], { injection, policy: policy({ promptInjection: "refuse" }) })).action).toBe("block");
  });

  it("passes the team's operators and amount handling to the pseudonymiser", () => {
    const p = policy({
      operators: { IBAN: "mask" },
      teams: { fin: { amounts: "generalise", operators: { PHONE: "drop" } } },
    });
    expect(decide(input(["PERSON"], { team: "fin", policy: p })).pseudonymizePolicy).toEqual({
      operators: { IBAN: "mask", PHONE: "drop" },
      amounts: "generalise",
    });
  });

  it("fails closed: an internal error blocks with a generic message", () => {
    const broken = { ...input(["PERSON"]), policy: undefined } as unknown as DecisionInput;
    const d = decide(broken);
    expect(d).toMatchObject({ action: "block", reasons: ["policy-error"], model: null });
    expect(d.message.nl).toContain("niet veilig beoordelen");
  });

  it("never forwards a request that contains a secret or a BSN", () => {
    const type = fc.constantFrom(...ENTITY_TYPES);
    const model = fc.constantFrom(...MODELS.map((m) => m.name), "onbekend");
    const rules = fc.record({
      defaultAction: fc.constantFrom("reroute" as const, "block" as const),
      specialCategories: fc.constantFrom("reroute" as const, "block" as const),
      toolCalls: fc.constantFrom("allow" as const, "flag" as const, "refuse" as const, "require-approval" as const),
      promptInjection: fc.constantFrom("flag" as const, "strip" as const, "refuse" as const),
    });
    fc.assert(
      fc.property(
        fc.array(type, { maxLength: 5 }),
        fc.constantFrom<EntityType>("SECRET", "BSN"),
        model,
        rules,
        fc.boolean(),
        (types, forbidden, requested, r, tools) => {
          const d = decide(
            input([...types, forbidden], {
              requestedModel: requested,
              toolCalls: tools,
              policy: policy({ ...r, teams: { t: r } }),
              team: "t",
            }),
          );
          expect(d.action).toBe("block");
          expect(d.model).toBeNull();
        },
      ),
    );
  });
});
