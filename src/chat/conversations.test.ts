import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConversationRepository } from "../store/repositories/conversations.js";
import { insertAccountRow } from "../store/test-helpers/accounts.js";
import { type TestStore, testBackends } from "../store/test-helpers/backends.js";
import { ConversationCipher, SealedValueError } from "./conversation-cipher.js";
import { ConversationService } from "./conversations.js";

const DAY = 24 * 60 * 60 * 1000;
const backends = await testBackends();

describe("conversation cipher", () => {
  const cipher = new ConversationCipher(randomBytes(32));

  it("opens what it sealed, for the same account and conversation only", () => {
    const sealed = cipher.seal("Jan de Vries belde", "acc_1", "conv_1");
    expect(sealed).not.toContain("Jan");
    expect(cipher.open(sealed, "acc_1", "conv_1")).toBe("Jan de Vries belde");
    expect(() => cipher.open(sealed, "acc_2", "conv_1")).toThrow(SealedValueError);
    expect(() => cipher.open(sealed, "acc_1", "conv_2")).toThrow(SealedValueError);
    expect(() => new ConversationCipher(randomBytes(32)).open(sealed, "acc_1", "conv_1")).toThrow(SealedValueError);
  });

  it("seals the same text differently every time", () => {
    expect(cipher.seal("x", "a", "b")).not.toBe(cipher.seal("x", "a", "b"));
  });
});

describe.each(backends)("conversations on $name", (backend) => {
  let t: TestStore;
  let now: number;
  let service: ConversationService;

  beforeEach(async () => {
    t = await backend.open();
    now = Date.parse("2026-11-01T09:00:00Z");
    for (const id of ["acc_a", "acc_b"]) await insertAccountRow(t.store, { id, name: id }, new Date(now));
    service = new ConversationService({
      repository: new ConversationRepository(t.store.db),
      cipher: new ConversationCipher(randomBytes(32)),
      settings: t.store.settings,
      clock: () => now,
    });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it("keeps content per account, sealed, and counts saving as activity", async () => {
    const created = await service.create("acc_a", "Nieuw gesprek", "gpt-4.1");
    now += 2 * DAY;
    await service.save(
      "acc_a",
      created.id,
      {
        model: "gpt-4.1",
        messages: [{ role: "user", text: "Bel Karin Smit", at: new Date(now).toISOString(), seen: "Bel [PERSOON_1]" }],
        hints: { notPersonal: ["Bakkerij"], add: [{ value: "Zonnebloem", type: "ORGANIZATION" }] },
      },
      "Bel Karin Smit",
    );
    const opened = await service.get("acc_a", created.id);
    expect(opened?.title).toBe("Bel Karin Smit");
    expect(opened?.messages[0]?.seen).toBe("Bel [PERSOON_1]");
    expect(opened?.hints.add).toEqual([{ value: "Zonnebloem", type: "ORGANIZATION" }]);
    expect(opened?.updatedAt).toBe(new Date(now).toISOString());
    expect(opened?.expiresAt).toBe(new Date(now + 30 * DAY).toISOString());
    expect(await service.get("acc_b", created.id)).toBeUndefined();
    expect(await service.list("acc_b")).toEqual([]);
    expect(await service.delete("acc_b", created.id)).toBe(false);
    expect(await service.rename("acc_b", created.id, "van b")).toBe(false);

    const row = await t.store.db.selectFrom("chat_conversations").selectAll().executeTakeFirstOrThrow();
    expect(`${row.title_sealed}${row.content_sealed}`).not.toMatch(/Karin|Zonnebloem|Bakkerij|PERSOON/);
  });

  it("purges by last activity with the configured retention", async () => {
    const old = await service.create("acc_a", "oud", null);
    now += 10 * DAY;
    const fresh = await service.create("acc_b", "nieuw", null);
    await t.store.settings.set("chat.retentionDays", 7);
    now += 1 * DAY; // old: 11 days, fresh: 1 day
    expect(await service.purgeExpired()).toBe(1);
    expect(await service.get("acc_a", old.id)).toBeUndefined();
    expect((await service.list("acc_b")).map((c) => c.id)).toEqual([fresh.id]);
  });

  it("falls back to 30 days when the setting is not a valid number of days", async () => {
    await t.store.settings.set("chat.retentionDays", "forever");
    expect(await service.retentionDays()).toBe(30);
  });
});
