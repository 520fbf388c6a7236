import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultConfig } from "../src/config/index.js";
import type { Detector } from "../src/detect/index.js";
import type { BudgetOverrides } from "../src/gateway/accounting/budgets.js";
import type { PolicySettings } from "../src/policy/index.js";
import { RuntimeSettings, SETTING_KEYS } from "../src/settings/index.js";
import { type TestStore, testBackends } from "../src/store/test-helpers/backends.js";

const backends = await testBackends();

/** A stand-in for the gateway and the budget service that records what it was given. */
function targets() {
  const seen = {
    policies: [] as PolicySettings[],
    detectors: [] as Detector[],
    overrides: [] as (BudgetOverrides | undefined)[],
  };
  return {
    seen,
    targets: {
      gateway: {
        setPolicy: (p: PolicySettings) => seen.policies.push(p),
        setDetector: (d: Detector) => seen.detectors.push(d),
      },
      budgets: { setOverrides: (o: BudgetOverrides | undefined) => seen.overrides.push(o) },
    },
  };
}

describe.each(backends)("runtime settings on $name", (backend) => {
  let t: TestStore;
  const config = defaultConfig();
  config.policy.teams = { hr: { defaultAction: "block" } };

  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("keeps the gateway's own detector when no customer list was ever stored", async () => {
    const a = targets();
    await new RuntimeSettings({ store: t.store, config, targets: a.targets }).load();
    expect(a.seen.detectors).toEqual([]);
    expect(a.seen.policies).toHaveLength(1);
    expect(a.seen.policies[0]?.teams).toEqual({ hr: { defaultAction: "block" } });
  });

  it("merges stored team rules over the configured ones, field by field", async () => {
    const a = targets();
    const settings = new RuntimeSettings({ store: t.store, config, targets: a.targets });
    await settings.load();
    await settings.setTeamPolicy("hr", { minimumClass: "sensitive" });
    await settings.setTeamPolicy("verkoop", { allowedModels: ["gpt-4.1"] });
    expect(a.seen.policies.at(-1)?.teams).toEqual({
      hr: { defaultAction: "block", minimumClass: "sensitive" },
      verkoop: { allowedModels: ["gpt-4.1"] },
    });
    await settings.setTeamPolicy("hr", null);
    expect(a.seen.policies.at(-1)?.teams.hr).toEqual({ defaultAction: "block" });
  });

  it("applies another instance's changes on refresh, and only what changed", async () => {
    const a = targets();
    const b = targets();
    const one = new RuntimeSettings({ store: t.store, config, targets: a.targets });
    const two = new RuntimeSettings({ store: t.store, config, targets: b.targets });
    await one.load();
    await two.load();
    await one.setBudget({ scope: "team", owner: "hr", daily: { hard: 5 } });
    await one.setDictionary([{ value: "Groenlinck", type: "ORGANIZATION" }], "klanten.csv");

    const policiesBefore = b.seen.policies.length;
    await two.refresh();
    const overrides = b.seen.overrides.at(-1);
    expect(overrides?.("team", "hr")).toEqual({ daily: { hard: 5 } });
    expect(overrides?.("team", "verkoop")).toBeUndefined();
    expect(overrides?.("user", "hr")).toBeUndefined();
    expect(b.seen.detectors.at(-1)?.detect("mail groenlinck vandaag")).toHaveLength(1);
    expect(two.dictionaryInfo()).toMatchObject({ entries: 1, fileName: "klanten.csv", byType: { ORGANIZATION: 1 } });
    // The policy row did not change: not re-applied.
    expect(b.seen.policies.length).toBe(policiesBefore);

    await one.removeBudget("team", "hr");
    await one.clearDictionary();
    await two.refresh();
    expect(b.seen.overrides.at(-1)).toBeUndefined();
    expect(b.seen.detectors.at(-1)?.detect("mail groenlinck vandaag")).toEqual([]);
    expect(two.dictionaryInfo().entries).toBe(0);
  });

  it("seals the customer list under the instance key; another key reads an empty list", async () => {
    const key = randomBytes(32);
    const a = targets();
    const one = new RuntimeSettings({ store: t.store, config, targets: a.targets, sealKey: key });
    await one.setDictionary([{ value: "Groenlinck" }], null);
    expect(JSON.stringify(await t.store.settings.get(SETTING_KEYS.dictionary, z.unknown()))).not.toContain(
      "Groenlinck",
    );

    const same = new RuntimeSettings({ store: t.store, config, sealKey: key });
    await same.load();
    expect(same.dictionaryInfo().entries).toBe(1);
    const other = new RuntimeSettings({ store: t.store, config, sealKey: randomBytes(32) });
    await other.load();
    expect(other.dictionaryInfo().entries).toBe(0);
  });

  it("falls back to the configured defaults when a stored row no longer validates", async () => {
    await t.store.settings.set(SETTING_KEYS.teamPolicy, { hr: { minimumClass: "extreme" } });
    await t.store.settings.set(SETTING_KEYS.budgets, "not a list");
    await t.store.settings.set(SETTING_KEYS.auditRetentionDays, -4);
    const a = targets();
    const settings = new RuntimeSettings({ store: t.store, config, targets: a.targets });
    await settings.load();
    expect(a.seen.policies[0]?.teams).toEqual({ hr: { defaultAction: "block" } });
    expect(a.seen.overrides.at(-1)).toBeUndefined();
    expect(settings.retention()).toEqual({ chatDays: 30, auditDays: 365 });
  });
});
