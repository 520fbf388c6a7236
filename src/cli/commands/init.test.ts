import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE_CONFIG, parseConfig } from "../../config/index.js";
import { main } from "../main.js";

describe("poortwachter init", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it("writes the example config, which loads, and does not overwrite without --force", async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const out = join(mkdtempSync(join(tmpdir(), "pw-init-")), "pw.yaml");

    expect(await main(["init", "--out", out])).toBe(0);
    const written = readFileSync(out, "utf8");
    expect(written).toBe(EXAMPLE_CONFIG);
    expect(parseConfig(written, { OPENAI_API_KEY: "sk-x" }, out).providers.length).toBe(2);

    writeFileSync(out, "server: { port: 1 }\n");
    expect(await main(["init", "--out", out])).toBe(1);
    expect(stderr.mock.calls.join("")).toMatch(/bestaat al; gebruik --force/);
    expect(readFileSync(out, "utf8")).toBe("server: { port: 1 }\n");

    expect(await main(["init", "--out", out, "--force"])).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(EXAMPLE_CONFIG);
  });
});
