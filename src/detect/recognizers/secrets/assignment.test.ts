import { describe, expect, it } from "vitest";
import { assignmentRecognizer, classifyName, nameSegments } from "./assignment.js";
import { scanWith, secretsIn } from "./test-helpers.js";

const found = (text: string) => secretsIn([assignmentRecognizer], text);

describe("secret assignments: config forms", () => {
  it("reports the value of password names in ENV, YAML, INI and JSON, without quotes", () => {
    expect(found("DB_PASSWORD=Gr0ene!Tulp\nDB_HOST=db")).toEqual(["Gr0ene!Tulp"]);
    expect(found("smtp:\n  password: 'Post-Bode77'\n  port: 587")).toEqual(["Post-Bode77"]);
    expect(found("[mail]\npasswd = Kerst&Ster12\n")).toEqual(["Kerst&Ster12"]);
    expect(found('{"user": "beheer", "password": "Fiets-Bel-88"}')).toEqual(["Fiets-Bel-88"]);
    expect(found("$config['db_pass'] => 'Molen#2023';")).toEqual(["Molen#2023"]);
    expect(found("<password>Xml!Pass9</password>")).toEqual(["Xml!Pass9"]);
  });

  it("reports the exact span of the value", () => {
    const text = "wachtwoord: Zomer2024!\nserver: mail.klant.nl";
    expect(scanWith([assignmentRecognizer], text)).toEqual([
      { type: "SECRET", start: 12, end: 22, score: expect.any(Number), recognizer: "secret-assignment" },
    ]);
  });

  it("accepts weak passwords after an explicit password name", () => {
    expect(found("wachtwoord: geheim")).toEqual(["geheim"]);
    expect(found("password=123456")).toEqual(["123456"]);
    expect(found('PASSWORD="hallo"')).toEqual(["hallo"]);
  });

  it("stops ADO.NET and ODBC values at the semicolon", () => {
    expect(found("Server=sql01;Database=crm;User Id=sa;Password=Geh31m!x;Encrypt=true")).toEqual(["Geh31m!x"]);
    expect(found("Driver={ODBC};Uid=app;Pwd=Odbc-2024;")).toEqual(["Odbc-2024"]);
  });

  it("reports tokens, secrets and API keys that look like credentials", () => {
    expect(found("OPENAI_API_KEY=Winter!202517")).toEqual(["Winter!202517"]);
    expect(found("  apiKey: 'Tulp-Amsterdam701',")).toEqual(["Tulp-Amsterdam701"]);
    expect(found("client_secret = 'a8Kd0-qLm3z'")).toEqual(["a8Kd0-qLm3z"]);
    expect(found("Token used: Kaas&Worst8857")).toEqual(["Kaas&Worst8857"]);
    expect(found("SECRET_KEY=django-insecure-7f#k2!pq9")).toEqual(["django-insecure-7f#k2!pq9"]);
  });

  it("reports only random-looking values for other key names", () => {
    expect(found("LICENSE_KEY=Q8f2Kd93LmZp0xVb7RtY")).toEqual(["Q8f2Kd93LmZp0xVb7RtY"]);
    expect(found("sort_key: created_at")).toEqual([]);
    expect(found("key: value2")).toEqual([]);
  });

  it("takes the token after an Authorization scheme", () => {
    expect(found("Authorization: Bearer abcDEF123456ghiJKL789")).toEqual(["abcDEF123456ghiJKL789"]);
    expect(found("Authorization: Basic amFuOlpvbWVyMjAyNA==")).toEqual(["amFuOlpvbWVyMjAyNA=="]);
  });

  it("stops a query-string value at &", () => {
    expect(found("https://api.x.nl/v1?token=Ab12Cd34Ef56&page=2")).toEqual(["Ab12Cd34Ef56"]);
  });
});

describe("secret assignments: prose, Dutch and English", () => {
  it("finds passwords written in sentences", () => {
    expect(found("Het wachtwoord is Zomer2024! en de gebruiker is jan")).toEqual(["Zomer2024!"]);
    expect(found("Je kunt inloggen met wachtwoord Welkom123 op de portal.")).toEqual(["Welkom123"]);
    expect(found("het wachtwoord van de webshop is Tulp2024.")).toEqual(["Tulp2024"]);
    expect(found("Mijn wachtwoord voor de wifi: Koffie&Thee2")).toEqual(["Koffie&Thee2"]);
    expect(found("Wachtwoord (tijdelijk): Start#123")).toEqual(["Start#123"]);
    expect(found("Ik heb het wachtwoord gewijzigd naar Lente2025#, kun je het testen?")).toEqual(["Lente2025#"]);
    expect(found("the password for admin is Hunter2!")).toEqual(["Hunter2!"]);
    expect(found("Password changed to Herfst-77")).toEqual(["Herfst-77"]);
    expect(found("het wachtwoord luidt 'Appelflap'")).toEqual(["Appelflap"]);
  });

  it("finds ww and pass only with credential-like values", () => {
    expect(found("ww: Fiets!88")).toEqual(["Fiets!88"]);
    expect(found("pass: Welkom01")).toEqual(["Welkom01"]);
    expect(found("WW: aangevraagd per 1 maart")).toEqual([]);
    expect(found("De WW-uitkering loopt tot juni")).toEqual([]);
    expect(found("Zijn WW is 2024 ingegaan")).toEqual([]);
  });

  it("reports a PIN of four to eight digits", () => {
    expect(found("PIN: 1234")).toEqual(["1234"]);
    expect(found("de pincode is 4821")).toEqual(["4821"]);
    expect(found("pincode: onbekend")).toEqual([]);
    expect(found("PIN: 12")).toEqual([]);
  });

  it("reads Markdown labels and tables", () => {
    expect(found("**Wachtwoord:** Zomer2024")).toEqual(["Zomer2024"]);
    expect(found("| Gebruiker | jan |\n| Wachtwoord | Zomer2024! |")).toEqual(["Zomer2024!"]);
    expect(found("| Naam | Functie |\n| wachtwoord | reset |")).toEqual([]);
  });

  it("reports access codes that are digits or credential-like", () => {
    expect(found("toegangscode: 482913")).toEqual(["482913"]);
    expect(found("De inlogcode is AB12CD")).toEqual(["AB12CD"]);
    expect(found("Alarmcode 1234, sleutel ligt bij de buren")).toEqual(["1234"]);
    expect(found("toegangscode: volgt")).toEqual([]);
  });

  it("takes a short password name followed directly by a password with digits", () => {
    expect(found("ww Welkom01")).toEqual(["Welkom01"]);
    expect(found("pw Zomer2024 werkt niet")).toEqual(["Zomer2024"]);
  });

  it("leaves sentences about passwords alone", () => {
    for (const text of [
      "Het wachtwoord is verlopen, kun je het resetten?",
      "Wachtwoord: staat in de kluis",
      "Wachtwoord vergeten? Klik op de link.",
      "wachtwoordbeleid: minimaal 12 tekens",
      "Het nieuwe wachtwoord is per mail verstuurd.",
      "Het token is ongeldig.",
      "token: verlopen",
      "De password reset link werkt niet.",
      "Uw wachtwoord moet minimaal 8 tekens lang zijn.",
      "The password is incorrect.",
      "We passen de offerte aan en pinnen morgen.",
      "Geheimhouding: strikt vertrouwelijk",
      "De secretaris stuurt de notulen.",
      "Hier is het token: 123",
      "Sleutel: bij de receptie",
      "max_tokens: 4096",
      "password_min_length = 12",
      "token_expiry: 3600",
      "public_key: ssh-ed25519",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("leaves placeholders and references alone", () => {
    for (const text of [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal environment reference is the input under test
      'api_key = "${OPENAI_API_KEY}"',
      "OPENAI_API_KEY=process.env.OPENAI_KEY",
      "password: <your-password>",
      "password: ********",
      "password: changeme",
      "DB_PASSWORD=",
      "password: $DB_PASSWORD",
      "token: {{ secrets.GITHUB_TOKEN }}",
      "wachtwoord: [WACHTWOORD_1]",
      "api_key: jouw-api-key",
      "secret: os.environ['SECRET']",
      "password = xxxxxxxx",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe("secret names", () => {
  it("splits identifiers into segments", () => {
    expect(nameSegments("DB_PASSWORD")).toEqual(["db", "password"]);
    expect(nameSegments("clientSecret")).toEqual(["client", "secret"]);
    expect(nameSegments("smtp.pass2")).toEqual(["smtp", "pass", "2"]);
  });

  it("classifies names by what their value must look like", () => {
    expect(classifyName("beheerderswachtwoord")).toBe("password");
    expect(classifyName("SMTP_PASS")).toBe("password");
    expect(classifyName("ww")).toBe("weak-password");
    expect(classifyName("pincode")).toBe("pin");
    expect(classifyName("api_key")).toBe("token");
    expect(classifyName("SSH_KEY")).toBe("key");
    expect(classifyName("password_hint")).toBeNull();
    expect(classifyName("secretaris")).toBeNull();
  });
});

describe("secret assignments in program code", () => {
  it("leaves expressions, member accesses, types and regular expressions alone", () => {
    for (const text of [
      "const key = parseVaultKey(configured);",
      "const tokens = value.split(' ');",
      "  newAdminToken: flags.newAdminToken,",
      "  tokensOut: usage?.outputTokens,",
      "interface Part {\n  token: CapToken;\n}",
      "const KEY = /^pw-[0-9A-Za-z]{10}$/g;",
      "apiKey: z.string().min(1),",
      "let password = readPassword();",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal in pasted code is the input under test
      "const key = `pw-${id}-${secret}`;",
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it("still reports literals written in code", () => {
    expect(found('const password = "Zomer2024!";')).toEqual(["Zomer2024!"]);
    expect(found("db.connect({ user: 'app', password: 'Gr0ene!Tulp' })")).toEqual(["Gr0ene!Tulp"]);
    expect(found("export API_TOKEN=Ab12Cd34Ef56Gh78")).toEqual(["Ab12Cd34Ef56Gh78"]);
  });
});

describe("declarations in prose", () => {
  it("does not mistake English possessives for code", () => {
    expect(found("my password is Hunter2! and yours?")).toEqual(["Hunter2!"]);
  });
});
