import { describe, expect, it } from "vitest";
import { Incident, type IncidentInput } from "../model.js";
import {
  AP_BREACH_NOTIFICATION_URL,
  DATA_PROTECTION_AUTHORITY_CONTACT,
  notificationCountdown,
  notificationDeadline,
} from "./index.js";

const base: IncidentInput = {
  id: "inc-1",
  title: "Offerte met klantgegevens naar verkeerde ontvanger",
  kind: "data-breach",
  discoveredAt: "2026-11-02T10:00:00+01:00",
  facts: "Een offerte met adresgegevens is naar een verkeerde klant gestuurd.",
};
const parse = (over: Partial<IncidentInput> = {}) => Incident.parse({ ...base, ...over });

describe("notification deadline", () => {
  it("is 72 hours after discovery by default, and configurable", () => {
    expect(notificationDeadline(parse()).toISOString()).toBe("2026-11-05T09:00:00.000Z");
    expect(notificationDeadline(parse({ notificationDeadlineHours: 96 })).toISOString()).toBe(
      "2026-11-06T09:00:00.000Z",
    );
  });

  it("counts down in hours with a Dutch label", () => {
    const c = notificationCountdown(parse(), new Date("2026-11-03T09:00:00Z"));
    expect(c.hoursLeft).toBe(48);
    expect(c).toMatchObject({ running: true, overdue: false });
    expect(c.label.nl).toBe("Nog 2 d 0 uur om te melden bij de Autoriteit Persoonsgegevens");
  });

  it("turns overdue after the deadline when nothing was decided", () => {
    const c = notificationCountdown(parse(), new Date("2026-11-05T15:30:00Z"));
    expect(c.overdue).toBe(true);
    expect(c.label.nl).toMatch(/^Meldtermijn 6 uur verstreken/);
  });

  it("stops the clock after notification or a reasoned decision not to notify", () => {
    const notified = parse({
      notifyDecision: { decision: "notify", reasoning: "Risico voor betrokkenen" },
      notifiedAt: "2026-11-06T12:00:00+01:00",
      status: "notified",
    });
    const c = notificationCountdown(notified, new Date("2026-11-08T00:00:00Z"));
    expect(c).toMatchObject({ running: false, overdue: false });
    expect(c.label.en).toMatch(/after the deadline/);
    const declined = parse({ notifyDecision: { decision: "do-not-notify", reasoning: "Versleuteld bestand" } });
    expect(notificationCountdown(declined, new Date("2026-12-01T00:00:00Z")).overdue).toBe(false);
  });
});

describe("authority contact", () => {
  it("is a valid contact that points to the AP's online breach form", () => {
    expect(DATA_PROTECTION_AUTHORITY_CONTACT.role).toBe("data-protection-authority");
    expect(DATA_PROTECTION_AUTHORITY_CONTACT.url).toBe(AP_BREACH_NOTIFICATION_URL);
    expect(DATA_PROTECTION_AUTHORITY_CONTACT.notes).toMatch(/72 uur/);
  });
});
