#!/usr/bin/env node
/**
 * Gateway overhead benchmark (run after `npm run build`; `npm run bench:gateway` does both).
 *
 * Starts, each in its own process: the mock upstream (dist/gateway/testing), Poortwachter (store on
 * SQLite in a temp dir, pseudonymisation, restore, budgets and audit on) and, when installed,
 * Portkey's open-source gateway routed to the same mock. The load generator (this process) sends a
 * 2 KB Dutch prompt full of personal data at 1, 10 and 50 concurrent, non-streaming and streaming
 * (time to first token), to the mock directly and through each gateway, and prints latency
 * p50/p99, the overhead against the direct call, and requests/s.
 *
 * Each target's CPU time per request (its process's user + system time over the cell, from
 * /proc) is printed too: on a machine shared with other work it moves much less than latency does.
 *
 * Options: --requests N (per cell, default 400), --quick (100 per cell), --no-portkey,
 * --profile DIR (writes a V8 CPU profile of the Poortwachter process into DIR),
 * --cells LIST (only these cells, e.g. `non-stream:1,stream:10`), --warmup N (requests per target and
 * mode before the first cell, default 1000, 300 with --quick), --detection-threads LIST (one
 * Poortwachter per value of server.detectionThreads, e.g. `0,1`, compared in the same run; the
 * config's default otherwise). CPU time per request counts all threads of a process.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Pool } from "undici";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// POORTWACHTER_DIST: another build output (e.g. a private build while dist/ is being rebuilt).
const distDir = process.env.POORTWACHTER_DIST ?? join(root, "dist");
const dist = (path) => pathToFileURL(join(distDir, path)).href;
const [, , first, ...others] = process.argv;
const role = first === "mock" || first === "gateway" ? first : undefined;
const rest = role ? others : process.argv.slice(2);

const ANSWER_WORDS =
  "Beste [PERSOON_1], hierbij ontvangt u de offerte voor [ORGANISATIE_1]. Wij nemen contact op via [EMAIL_1] of [TELEFOON_1]. Met vriendelijke groet, het team.".split(
    /(?<= )/,
  );

/** About 2 KB of Dutch business text with names, e-mail addresses, phone numbers, IBANs and addresses (all made up). */
const PROMPT = `Goedemiddag,

Wil je een nette offertebrief opstellen voor onze nieuwe klant? Gegevens:
- Contactpersoon: mevrouw Annelies Verbeek-Smits, inkoper bij Bakkerij De Gouden Korenaar B.V.
- E-mail: a.verbeek@goudenkorenaar.nl, telefoon 06-48213377, kantoor 030-2719944.
- Adres: Lange Nieuwstraat 118, 3512 PN Utrecht.
- KvK-nummer 61234567, IBAN NL20INGB0001234567 (ten name van De Gouden Korenaar).

De offerte betreft het onderhoud van drie ovens en twee deegmachines, startdatum 1 maart.
Vorige week sprak Annelies al met onze monteur Ruud Hoogendoorn (r.hoogendoorn@servicebedrijf-oost.nl,
06-11223344) over de planning. Ruud stelt voor om het onderhoud in twee dagen te doen, zodat de
bakkerij maar één middag dicht hoeft. Graag ook een zin over onze garantievoorwaarden.

Voor de facturatie: de factuur gaat naar de financiële administratie, t.a.v. de heer Mohamed El Amrani
(m.elamrani@goudenkorenaar.nl, 030-2719950). Betaling binnen 30 dagen op ons rekeningnummer
NL02ABNA0123456789. Het totaalbedrag komt op 4.850 euro exclusief btw.

Onze eigen gegevens voor in de briefhoofd: Servicebedrijf Oost, Industrieweg 7, 7311 AB Apeldoorn,
telefoon 055-5781234, info@servicebedrijf-oost.nl. Ondertekening door Karin de Boer, directeur.

Schrijf de brief in de u-vorm, zakelijk maar vriendelijk, maximaal 250 woorden. Noem Annelies bij naam
in de aanhef en verwijs naar het gesprek met Ruud. Sluit af met een uitnodiging om bij vragen contact
op te nemen met Karin (k.deboer@servicebedrijf-oost.nl of 06-99887766). Voeg geen bedragen toe die
niet hierboven staan, en laat de IBAN's en het KvK-nummer weg uit de brieftekst zelf.
Wil je ook een korte interne notitie toevoegen voor onze planner Joyce van der Linden
(j.vanderlinden@servicebedrijf-oost.nl)? Zij moet weten dat Ruud op dinsdag 4 maart om 7.30 uur bij de
achteringang van de bakkerij wordt verwacht en dat de sleutel bij de buren op nummer 120 ligt.
Bedankt alvast, groet van het kantoor.`;

// ---------- child roles ----------

async function runMock() {
  const { startMockUpstream } = await import(dist("gateway/testing/mock-upstream.js"));
  const mock = await startMockUpstream({
    defaultReply: { text: ANSWER_WORDS, usage: { input: 600, output: 60 } },
  });
  // The mock records every request; a benchmark sends hundreds of thousands, so forget them.
  setInterval(() => mock.requests.splice(0), 1000).unref();
  process.stdout.write(`${JSON.stringify({ url: mock.url })}\n`);
}

async function runGateway(upstream, detectionThreads) {
  const { parseConfig } = await import(dist("config/index.js"));
  const { openStore } = await import(dist("store/index.js"));
  const { createGateway } = await import(dist("gateway/index.js"));
  const { createServerApp } = await import(dist("server/app.js"));
  const { serve } = await import("@hono/node-server");
  const dataDir = mkdtempSync(join(tmpdir(), "pw-bench-"));
  const config = parseConfig(
    `
providers:
  - id: openai
    type: openai
    baseUrl: ${upstream}/v1
    apiKey: sk-bench
    contract: business
    dpaSigned: true
    euResidency: true
    maxRetries: 0
    models: [gpt-4.1]
security:
  vaultKey: ${"ab".repeat(32)}
budgets:
  perKey:
    daily: { soft: 1000000, hard: 2000000 }
${detectionThreads === undefined ? "" : `server:\n  detectionThreads: ${Number(detectionThreads)}\n`}`,
    {},
    "bench.yaml",
  );
  // As `poortwachter start` opens it: SQLite checkpoints on a worker thread.
  const store = await openStore({ dataDir, backgroundCheckpoints: true });
  const gateway = await createGateway({ config, store, dataDir, verifyAdminToken: async () => false });
  const { key } = await gateway.accounting.identity.createKey({ user: "bench" });
  const app = createServerApp({ store, gateway });
  // As `poortwachter start` serves it (serveApp: the gateway's endpoints on Node directly); a build
  // from before serveApp existed is served the old way, so it can still be compared.
  const server = existsSync(join(distDir, "server/listen.js"))
    ? await (await import(dist("server/listen.js"))).serveApp({ app, gateway, port: 0, hostname: "127.0.0.1" })
    : await new Promise((resolve) => {
        const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
        started.listening ? resolve(started) : started.once("listening", () => resolve(started));
      });
  const stop = async () => {
    server.close();
    await gateway.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}`, key })}\n`);
}

// ---------- orchestration ----------

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node args`, resolves with the first JSON line it prints. */
/** Every process this run started, stopped at the end even when the run fails. */
const children = [];

function startChild(args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env } });
  children.push(child);
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (d) => {
      buffer += d;
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, info: JSON.parse(line) });
    });
    child.once("exit", (code) => reject(new Error(`child ${args.join(" ")} exited with ${code}: ${stderr}`)));
  });
}

async function waitForHttp(url, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Portkey's streaming on Node answers 500 ("TypeError: immutable") without this: for a stream it
 * passes no transform through, it builds `new Response(body, upstreamResponse)`, and the Response
 * class of its @hono/node-server (1.19) keeps the upstream's Headers object by reference, which
 * fetch() made immutable; Portkey then appends its x-portkey-* headers to it. (Not the skipped
 * `postinstall: patch-package`: the npm package ships no patches.) Preloaded into Portkey's
 * process, this gives event-stream answers of fetch() headers of their own. Other answers are
 * left alone, so the non-stream rows measure Portkey unchanged.
 */
const PORTKEY_STREAM_FIX = `
const upstreamFetch = globalThis.fetch;
const FetchResponse = globalThis.Response;
globalThis.fetch = async (...args) => {
  const response = await upstreamFetch(...args);
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) return response;
  return new FetchResponse(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: new Headers(response.headers),
  });
};`;

async function startPortkey(upstream) {
  const entry = join(root, "node_modules/@portkey-ai/gateway/build/start-server.js");
  if (!existsSync(entry)) return { skipped: "@portkey-ai/gateway is not installed" };
  const port = await freePort();
  const preload = `data:text/javascript,${encodeURIComponent(PORTKEY_STREAM_FIX)}`;
  const child = spawn(process.execPath, ["--import", preload, entry, `--port=${port}`, "--headless"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url);
  return {
    child,
    url,
    headers: {
      authorization: "Bearer sk-bench",
      "x-portkey-provider": "openai",
      "x-portkey-custom-host": `${upstream}/v1`,
    },
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const FIRST_TOKEN = /"(?:content|text)":"[^"]/;

/** One request; resolves with [latency ms (stream: time to first token), ok]. */
async function once(pool, path, headers, body, stream) {
  const started = performance.now();
  const response = await pool.request({ method: "POST", path, headers, body });
  let firstToken;
  let text = "";
  for await (const chunk of response.body) {
    if (stream && firstToken === undefined) {
      text += chunk.toString();
      if (FIRST_TOKEN.test(text)) firstToken = performance.now() - started;
    }
  }
  const total = performance.now() - started;
  return [stream ? (firstToken ?? total) : total, response.statusCode === 200];
}

/** User + system CPU milliseconds a process has used so far (Linux /proc); NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Requests before any cell, so the first cell measures a process that has served traffic (JIT
 * compiled, pools and caches filled) as a running gateway has, not the start-up. Their own
 * conversations: the first cell still opens a new session per request.
 */
async function warmUp(target, requests, streams) {
  for (const stream of streams) {
    const pool = new Pool(target.url, { connections: 4, pipelining: 1 });
    const body = JSON.stringify({
      model: "gpt-4.1",
      stream,
      max_tokens: 400,
      messages: [{ role: "user", content: PROMPT }],
    });
    let next = 0;
    const worker = async () => {
      while (next < requests) {
        const conversation = { "x-poortwachter-conversation": `bench-start-${stream ? "s" : "n"}-${next++}` };
        await once(
          pool,
          target.path,
          { "content-type": "application/json", ...target.headers, ...conversation },
          body,
          stream,
        );
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await pool.close();
  }
}

async function runCell(target, concurrency, requests, stream) {
  const pool = new Pool(target.url, { connections: concurrency, pipelining: 1 });
  const headers = { "content-type": "application/json", ...target.headers };
  const body = JSON.stringify({
    model: "gpt-4.1",
    stream,
    max_tokens: 400,
    messages: [{ role: "user", content: PROMPT }],
  });
  const warmup = Math.min(50, Math.max(10, concurrency * 2));
  const latencies = [];
  let failures = 0;
  let next = 0;
  const worker = async (count, record) => {
    while (next < count) {
      const i = next++;
      // 400 conversations: the first cell opens a new session per request (sealed and written to
      // the vault), later cells continue them, as chat clients do.
      const conversation = { "x-poortwachter-conversation": `bench-${record ? "run" : "warm"}-${i}` };
      const [ms, ok] = await once(pool, target.path, { ...headers, ...conversation }, body, stream);
      if (!ok) failures++;
      if (record) latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker(warmup, false)));
  next = 0;
  const started = performance.now();
  const cpuBefore = target.pid ? cpuMs(target.pid) : Number.NaN;
  await Promise.all(Array.from({ length: concurrency }, () => worker(requests, true)));
  const seconds = (performance.now() - started) / 1000;
  const cpuPerRequest = (cpuMs(target.pid) - cpuBefore) / requests;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: requests / seconds,
    cpu: cpuPerRequest,
    failures,
  };
}

function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : "-";
}

async function main() {
  const quick = rest.includes("--quick");
  const requestsFlag = rest.indexOf("--requests");
  const requests = requestsFlag >= 0 ? Number(rest[requestsFlag + 1]) : quick ? 100 : 400;
  const warmupFlag = rest.indexOf("--warmup");
  const warmupRequests = warmupFlag >= 0 ? Number(rest[warmupFlag + 1]) : quick ? 300 : 1000;
  if (!existsSync(join(distDir, "gateway/index.js"))) throw new Error("run `npm run build` first");
  const self = fileURLToPath(import.meta.url);
  const mock = await startChild([self, "mock"]);
  const profileFlag = rest.indexOf("--profile");
  const profile = profileFlag >= 0 ? ["--cpu-prof", `--cpu-prof-dir=${rest[profileFlag + 1]}`] : [];
  const threadsFlag = rest.indexOf("--detection-threads");
  const threadCounts = threadsFlag >= 0 ? rest[threadsFlag + 1].split(",") : [undefined];
  const gateways = [];
  for (const threads of threadCounts) {
    const child = await startChild([...profile, self, "gateway", mock.info.url, ...(threads ? [threads] : [])]);
    gateways.push({ name: threads === undefined ? "Poortwachter" : `Poortwachter t${threads}`, child });
  }
  const poortwachter = gateways[0].child;
  const portkey = rest.includes("--no-portkey") ? { skipped: "--no-portkey" } : await startPortkey(mock.info.url);
  const targets = [
    {
      name: "direct (mock)",
      url: mock.info.url,
      pid: mock.child.pid,
      path: "/v1/chat/completions",
      headers: { authorization: "Bearer sk-bench" },
    },
    ...gateways.map(({ name, child }) => ({
      name,
      url: child.info.url,
      pid: child.child.pid,
      path: "/v1/chat/completions",
      headers: { authorization: `Bearer ${child.info.key}` },
    })),
  ];
  if (!portkey.skipped)
    targets.push({
      name: "Portkey",
      url: portkey.url,
      pid: portkey.child.pid,
      path: "/v1/chat/completions",
      headers: portkey.headers,
    });

  // Sanity check: the gateway answers 200 and restores the placeholders of the mock's answer.
  const check = await fetch(`${poortwachter.info.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${poortwachter.info.key}` },
    body: JSON.stringify({ model: "gpt-4.1", messages: [{ role: "user", content: PROMPT }] }),
  });
  const checked = await check.json();
  if (check.status !== 200) throw new Error(`Poortwachter answered ${check.status}: ${JSON.stringify(checked)}`);
  process.stdout.write(
    `Prompt: ${Buffer.byteLength(PROMPT)} bytes; entities found: ${check.headers.get("x-poortwachter-entities")}\n` +
      `Restored answer: ${checked.choices[0].message.content.slice(0, 90)}...\n` +
      `${requests} requests per cell, after ${warmupRequests} per target and mode to warm up; machine: ${(await import("node:os")).cpus().length} cores shared by mock, gateway and load generator\n\n`,
  );

  // A target that cannot stream against the mock is left out of the stream rows, with the reason.
  const notes = [];
  const canStream = new Map();
  for (const target of targets) {
    const probe = await fetch(`${target.url}${target.path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...target.headers },
      body: JSON.stringify({ model: "gpt-4.1", stream: true, messages: [{ role: "user", content: "Hallo" }] }),
    });
    const text = await probe.text();
    canStream.set(target.name, probe.status === 200);
    if (probe.status !== 200)
      notes.push(`${target.name}: streaming left out, it answered ${probe.status} ${text.slice(0, 120)}`);
  }

  for (const target of targets) {
    await warmUp(target, warmupRequests, canStream.get(target.name) ? [false, true] : [false]);
  }

  const cellsFlag = rest.indexOf("--cells");
  const cells = cellsFlag >= 0 ? new Set(rest[cellsFlag + 1].split(",")) : undefined;
  const rows = [];
  for (const stream of [false, true]) {
    for (const concurrency of [1, 10, 50]) {
      if (cells && !cells.has(`${stream ? "stream" : "non-stream"}:${concurrency}`)) continue;
      const results = {};
      const cellTargets = targets.filter((t) => !stream || canStream.get(t.name));
      for (const target of cellTargets) results[target.name] = await runCell(target, concurrency, requests, stream);
      const direct = results["direct (mock)"];
      for (const target of cellTargets) {
        const r = results[target.name];
        rows.push([
          stream ? "stream (TTFT)" : "non-stream",
          String(concurrency),
          target.name,
          fmt(r.p50),
          fmt(r.p99),
          target.name === "direct (mock)" ? "" : fmt(r.p50 - direct.p50),
          target.name === "direct (mock)" ? "" : fmt(r.p99 - direct.p99),
          fmt(r.rps, 0),
          fmt(r.cpu),
          String(r.failures),
        ]);
      }
    }
  }
  const header = ["mode", "conc", "target", "p50 ms", "p99 ms", "+p50 ms", "+p99 ms", "req/s", "cpu ms/req", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  process.stdout.write(`${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  process.stdout.write(
    "\n+p50/+p99: added latency against calling the mock directly. cpu ms/req: CPU time of that target's process per request.\n",
  );
  for (const note of notes) process.stdout.write(`${note}\n`);
  if (portkey.skipped) process.stdout.write(`Portkey: left out (${portkey.skipped}).\n`);
  else
    process.stdout.write(
      "Portkey: @portkey-ai/gateway, no pseudonymisation, routed to the same mock (x-portkey-custom-host);\n" +
        "its stream answers get mutable headers (PORTKEY_STREAM_FIX in this script), or it answers 500.\n",
    );
}

if (role === "mock") await runMock();
else if (role === "gateway") await runGateway(rest[0], rest[1]);
else {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`bench-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  }
  setTimeout(() => process.exit(), 500).unref();
}
