// Pseudonymise + restore throughput (MB/s) and the latency restoreStream adds per chunk (p50/p99 µs),
// on generated Dutch business text. Detection is not included (see `npm run bench` for that).
// Usage: npm run bench:pseudonymize
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { pseudonymize, restore, restoreStream, Session, StreamingRestorer } = await import(
  join(process.env.POORTWACHTER_DIST ?? join(root, "dist"), "pseudonymize", "index.js")
);

// Deterministic generator, so runs are comparable.
let seed = 42;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const pick = (list) => list[rand(list.length)];
const first = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gert", "Hanna", "Ivo", "Joost"];
const last = ["de Boer", "Jansen", "van Dijk", "Smit", "Bakker", "Visser", "Mulder", "de Graaf", "Kok", "Peters"];
const filler = [
  "Zoals besproken stuur ik hierbij de offerte voor de verbouwing.",
  "De factuur is inmiddels verzonden, graag binnen dertig dagen betalen.",
  "Kunt u mij laten weten of de levering volgende week past?",
  "Wij hebben uw klacht ontvangen en nemen binnen twee werkdagen contact op.",
];

function generate(bytes) {
  let text = "";
  const entities = [];
  const add = (type, value) => {
    entities.push({ type, start: text.length, end: text.length + value.length, score: 1, recognizer: "bench" });
    text += value;
  };
  while (text.length < bytes) {
    text += "Beste ";
    const name = `${pick(first)} ${pick(last)}`;
    add("PERSON", name);
    text += `,\n\n${pick(filler)} ${pick(filler)} U bereikt mij op `;
    add("PHONE", `06-${10000000 + rand(89999999)}`);
    text += " of via ";
    add("EMAIL", `${name.toLowerCase().replace(/ /g, ".")}@voorbeeld.nl`);
    text += `. Betaling op `;
    add("IBAN", "NL91 ABNA 0417 1643 00");
    text += ` graag. ${pick(filler)}\n\nMet vriendelijke groet,\n`;
    add("PERSON", `${pick(first)} ${pick(last)}`);
    text += "\n\n";
  }
  return { text, entities };
}

const { text, entities } = generate(1 << 20);
const mb = new TextEncoder().encode(text).length / 1e6;

function timeIt(label, fn, runs = 5) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `  ${label.padEnd(34)} ${(mb / (median / 1000)).toFixed(1).padStart(7)} MB/s  (${median.toFixed(1)} ms for ${mb.toFixed(2)} MB)`,
  );
}

console.log(`Generated ${mb.toFixed(2)} MB with ${entities.length} entities.`);
let pseudonymised = "";
let session = new Session();
timeIt("pseudonymize (fresh session)", () => {
  session = new Session();
  pseudonymised = pseudonymize(text, entities, session).text;
});
timeIt("restore", () => restore(pseudonymised, session));

// Streaming: chunks the size of model tokens (1-12 characters).
const chunks = [];
for (let i = 0; i < pseudonymised.length; ) {
  const n = 1 + rand(12);
  chunks.push(pseudonymised.slice(i, i + n));
  i += n;
}
const restorer = new StreamingRestorer(session);
const perChunk = new Float64Array(chunks.length);
let maxHeld = 0;
for (let i = 0; i < chunks.length; i++) {
  const t = performance.now();
  restorer.push(chunks[i]);
  perChunk[i] = (performance.now() - t) * 1000;
  if (restorer.heldLength > maxHeld) maxHeld = restorer.heldLength;
}
restorer.flush();
perChunk.sort();
const q = (p) => perChunk[Math.min(perChunk.length - 1, Math.floor(p * perChunk.length))];
console.log(
  `  StreamingRestorer.push per chunk    p50 ${q(0.5).toFixed(2)} µs, p99 ${q(0.99).toFixed(2)} µs over ${chunks.length} chunks (1-12 chars); most held back: ${maxHeld} chars`,
);

// The same through Web Streams, end to end, against an identity TransformStream: the difference
// is what restoring adds; the rest is the cost of Web Streams themselves.
async function pipeAll(transform) {
  let i = 0;
  const source = new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
  const t = performance.now();
  let out = "";
  for await (const part of source.pipeThrough(transform)) out += part;
  return { out, ms: performance.now() - t };
}
const identity = await pipeAll(new TransformStream());
const streamed = await pipeAll(restoreStream(session));
if (streamed.out !== restore(pseudonymised, session)) throw new Error("streamed output differs from restore()");
const perChunkUs = (ms) => ((ms * 1000) / chunks.length).toFixed(2);
console.log(
  `  restoreStream (TransformStream)    ${perChunkUs(streamed.ms)} µs per chunk vs ${perChunkUs(identity.ms)} µs for an identity TransformStream: adds ${perChunkUs(streamed.ms - identity.ms)} µs`,
);
