import { describe, expect, it } from "vitest";
import { secretsRecognizers } from "./index.js";
import { scanWith } from "./test-helpers.js";

describe("secrets group", () => {
  it("finds each kind of secret once in a mixed config, with exact values", () => {
    const github = `ghp_${"Ab3dE".repeat(7)}z`;
    const text = [
      "# productie",
      "DATABASE_URL=postgres://app:Gr0ene!Tulp@db.intern:5432/winkel",
      `GITHUB_TOKEN=${github}`,
      "SMTP_PASSWORD='Post-Bode77'",
      "LOG_LEVEL=info",
    ].join("\n");
    const hits = scanWith(secretsRecognizers(), text);
    expect(hits.map((c) => text.slice(c.start, c.end))).toEqual(["Gr0ene!Tulp", github, "Post-Bode77"]);
    expect(hits.every((c) => c.type === "SECRET")).toBe(true);
  });

  it("finds nothing in an ordinary Dutch business mail", () => {
    const text =
      "Beste mevrouw, hierbij de offerte voor het onderhoud. Het wachtwoord van de klantportal is verlopen; " +
      "u ontvangt een nieuwe link. De API-koppeling met het boekhoudpakket werkt weer. Met vriendelijke groet";
    expect(scanWith(secretsRecognizers(), text)).toEqual([]);
  });
});
