import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import PDFDocument from "pdfkit";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../main.js";
import { MAP_KEY_ENV } from "./anonymize.js";

const dir = mkdtempSync(join(tmpdir(), "pw-anonymize-"));
const EMAIL = "k.jansen@voorbeeld-tuin.nl";
const PHONE = "06-12345678";
const IBAN = "NL91 ABNA 0417 1643 00";
const LINES = [`Mail ${EMAIL} of bel ${PHONE}.`, `Betaal naar ${IBAN} graag.`];

/** Run the real CLI in-process; returns exit code, stdout and stderr. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

function expectPseudonymised(out: string) {
  expect(out).not.toContain(EMAIL);
  expect(out).not.toContain(PHONE);
  expect(out).not.toContain(IBAN);
  expect(out).toContain("[EMAIL_1]");
  expect(out).toContain("[TELEFOON_1]");
  expect(out).toContain("[IBAN_1]");
}

async function docx(lines: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraphs = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${l}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

function pdf(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

const EML = [
  `From: =?UTF-8?Q?Ren=C3=A9e_Smit?= <${EMAIL}>`,
  "To: info@bedrijf.example",
  `Subject: =?UTF-8?B?${Buffer.from("Offerte voor de keuken").toString("base64")}?=`,
  "MIME-Version: 1.0",
  "Content-Type: text/plain; charset=utf-8",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  `Bel me op ${PHONE}, IBAN ${IBAN}. Groet, Ren=C3=A9e =`,
  "Smit",
  "",
].join("\r\n");

beforeEach(() => {
  process.env[MAP_KEY_ENV] = "een lange wachtwoordzin";
});
afterAll(() => {
  delete process.env[MAP_KEY_ENV];
});

describe("poortwachter anonymize / restore", () => {
  it("anonymises a text file, writes an encrypted map and restores an answer", async () => {
    const input = join(dir, "mail.txt");
    const map = join(dir, "mail.map.json");
    writeFileSync(input, `${LINES.join("\n")}\n`);
    const res = await run(["anonymize", input, "--map", map]);
    expect(res.code).toBe(0);
    expectPseudonymised(res.out);
    expect(res.err).toMatch(/3 vervangen/);
    expect(readFileSync(map, "utf8")).not.toContain("voorbeeld-tuin");

    const answer = join(dir, "answer.md");
    writeFileSync(answer, "Ik mail **[Email_1]** en bel [TELEFOON 1]; [PERSOON_9] blijft.");
    const back = await run(["restore", "--map", map, answer]);
    expect(back.code).toBe(0);
    expect(back.out).toBe(`Ik mail **${EMAIL}** en bel ${PHONE}; [PERSOON_9] blijft.`);
  });

  it("continues an existing map so a second document keeps the same placeholders", async () => {
    const map = join(dir, "gesprek.map.json");
    const a = join(dir, "a.txt");
    const b = join(dir, "b.csv");
    writeFileSync(a, `Contact: ${EMAIL}`);
    writeFileSync(b, `naam,mail,telefoon\nklant,${EMAIL},${PHONE}\n`);
    await run(["anonymize", a, "--map", map]);
    const res = await run(["anonymize", b, "--map", map]);
    expect(res.out).toBe("naam,mail,telefoon\nklant,[EMAIL_1],[TELEFOON_1]\n");
  });

  it("reads .docx, .pdf and .eml", async () => {
    writeFileSync(join(dir, "brief.docx"), await docx(LINES));
    writeFileSync(join(dir, "brief.pdf"), await pdf(LINES));
    writeFileSync(join(dir, "bericht.eml"), EML);
    for (const name of ["brief.docx", "brief.pdf"]) {
      const res = await run(["anonymize", join(dir, name)]);
      expect(res.code, name).toBe(0);
      expectPseudonymised(res.out);
      expect(res.out).toContain("graag");
    }
    const mail = await run(["anonymize", join(dir, "bericht.eml")]);
    expectPseudonymised(mail.out);
    expect(mail.out).toContain("Onderwerp: Offerte voor de keuken");
    // Quoted-printable decoded (soft line break joined); the name itself may be detected or not.
    expect(mail.out).not.toContain("=C3");
    expect(mail.out).toMatch(/Groet, (Renée Smit|\[PERSOON_\d\])/);
  });

  it("pseudonymises the string values of a JSON file and keeps it valid JSON", async () => {
    const input = join(dir, "klant.json");
    writeFileSync(input, JSON.stringify({ email: EMAIL, notities: [`Bel ${PHONE}`], bedrag: 12 }));
    const res = await run(["anonymize", input, "--operator", "PHONE=mask"]);
    expect(JSON.parse(res.out)).toEqual({ email: "[EMAIL_1]", notities: ["Bel 06-****5678"], bedrag: 12 });
  });

  it("fails clearly on a wrong passphrase", async () => {
    const input = join(dir, "x.txt");
    const map = join(dir, "x.map.json");
    writeFileSync(input, `Mail ${EMAIL}`);
    await run(["anonymize", input, "--map", map]);
    process.env[MAP_KEY_ENV] = "verkeerd";
    const res = await run(["restore", "--map", map, input]);
    expect(res.code).not.toBe(0);
    expect(res.err).toMatch(/verkeerde sleutel of wachtwoordzin/);
    expect(res.out).toBe("");
  });

  it("rejects unsupported files and bad operators", async () => {
    writeFileSync(join(dir, "foto.png"), "x");
    expect((await run(["anonymize", join(dir, "foto.png")])).err).toMatch(/\.png wordt niet ondersteund/);
    writeFileSync(join(dir, "y.txt"), "x");
    expect((await run(["anonymize", join(dir, "y.txt"), "--operator", "SECRET=keep"])).err).toMatch(/SECRET/);
  });

  it("reads stdin and refuses to run without a key when there is no terminal", () => {
    const runner =
      'import("./src/cli/main.ts").then(async (m) => { process.exitCode = await m.main(process.argv.slice(1)); })';
    const env = { ...process.env };
    delete env[MAP_KEY_ENV];
    const map = join(dir, "stdin.map.json");
    // setsid: a new session without a controlling terminal, like a cron job or CI.
    const res = spawnSync("setsid", [process.execPath, "--import", "tsx", "-e", runner, "anonymize", "--map", map], {
      input: `Mail ${EMAIL}`,
      env,
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/geen sleutel voor het mappingbestand: zet POORTWACHTER_MAP_KEY/);

    const ok = spawnSync(process.execPath, ["--import", "tsx", "-e", runner, "anonymize"], {
      input: `Mail ${EMAIL}`,
      env,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("Mail [EMAIL_1]\n");
  });
});
