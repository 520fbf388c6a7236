/**
 * Prompt-injection scan for content that enters a prompt second-hand: tool results, fetched web
 * pages, uploaded documents. It finds what a person reading the content would not see (invisible
 * and bidi characters, Unicode tag characters, HTML comments, hidden elements, Markdown link
 * titles) and phrases that try to take over the model. `stripInjection` removes the invisible
 * part; visible phrases stay (they are the user's business) but are reported.
 */
import { foldText } from "../detect/normalize.js";
import { ADDRESSED_TO_MODEL, INJECTION_PHRASES } from "./injection-phrases.js";

export type InjectionKind =
  | "invisible-characters"
  | "bidi-controls"
  | "tag-characters"
  | "instruction-phrase"
  | "hidden-html"
  | "hidden-markdown";

export interface InjectionFinding {
  kind: InjectionKind;
  /** Offsets into the scanned text (UTF-16 indices, end exclusive). */
  start: number;
  end: number;
  /** What was found, without quoting the content: a phrase id, a character count, a block kind. */
  detail: string;
}

type InvisibleKind = "invisible-characters" | "bidi-controls" | "tag-characters";

function invisibleKind(code: number): InvisibleKind | null {
  if (code >= 0xe0000 && code <= 0xe007f) return "tag-characters";
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return "bidi-controls";
  if (code === 0x200e || code === 0x200f || code === 0x061c) return "bidi-controls";
  if ((code >= 0x200b && code <= 0x200d) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff) {
    return "invisible-characters";
  }
  if (code === 0x180e || code === 0x034f || (code >= 0xe0100 && code <= 0xe01ef)) return "invisible-characters";
  return null;
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** A zero-width joiner between two emoji builds one emoji (a family, a flag): legitimate. */
function isEmojiJoiner(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x200d) return false;
  const before = text.codePointAt(at - 1) === 0xfe0f ? at - 2 : at - 1;
  const prev = before >= 1 && /[\udc00-\udfff]/.test(text[before] as string) ? before - 1 : before;
  const left = prev >= 0 ? String.fromCodePoint(text.codePointAt(prev) as number) : "";
  const right = at + 1 < text.length ? String.fromCodePoint(text.codePointAt(at + 1) as number) : "";
  return PICTOGRAPHIC.test(left) && PICTOGRAPHIC.test(right);
}

interface Visible {
  /** The text without invisible characters (soft hyphens included), folded. */
  folded: string;
  /** Index in `folded` -> index in the original text; one extra entry for the end. */
  map: number[];
  invisible: InjectionFinding[];
  /** Ranges to remove when stripping. */
  removals: [number, number][];
}

function readVisible(text: string): Visible {
  let plain = "";
  const map: number[] = [];
  const invisible: InjectionFinding[] = [];
  const removals: [number, number][] = [];
  let run: { kind: InvisibleKind; start: number; end: number; count: number; decoded: string } | null = null;
  const closeRun = () => {
    if (!run) return;
    const detail =
      run.kind === "tag-characters"
        ? `${run.count} tag characters hiding ${run.decoded.length} characters of text`
        : `${run.count} character${run.count === 1 ? "" : "s"}`;
    invisible.push({ kind: run.kind, start: run.start, end: run.end, detail });
    run = null;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const kind = invisibleKind(code);
    if (kind && !isEmojiJoiner(text, i)) {
      removals.push([i, i + width]);
      // A byte-order mark at the very start is an encoding artefact, not a hiding place.
      if (!(code === 0xfeff && i === 0)) {
        if (run && (run.kind !== kind || run.end !== i)) closeRun();
        run ??= { kind, start: i, end: i, count: 0, decoded: "" };
        run.end = i + width;
        run.count++;
        if (kind === "tag-characters" && code >= 0xe0020 && code <= 0xe007e)
          run.decoded += String.fromCharCode(code - 0xe0000);
      }
    } else if (code === 0xad) {
      // Soft hyphens are invisible too, but Word puts them everywhere: removed, not reported.
      removals.push([i, i + 1]);
    } else {
      closeRun();
      for (let k = 0; k < width; k++) {
        plain += text[i + k];
        map.push(i + k);
      }
    }
    i += width;
  }
  closeRun();
  map.push(text.length);
  return { folded: foldText(plain), map, invisible, removals };
}

/** Text hidden in tag characters is plain ASCII in disguise: read it and look for phrases too. */
function decodeTagText(text: string, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i) as number;
    if (code >= 0xe0020 && code <= 0xe007e) out += String.fromCharCode(code - 0xe0000);
    i += code > 0xffff ? 2 : 1;
  }
  return out.toLowerCase();
}

function phraseIds(folded: string): string[] {
  const ids: string[] = [];
  for (const { id, pattern } of INJECTION_PHRASES) {
    pattern.lastIndex = 0;
    if (pattern.test(folded)) ids.push(id);
    pattern.lastIndex = 0;
  }
  return ids;
}

interface HiddenBlock {
  start: number;
  end: number;
  /** The hidden content, for the phrase check. */
  content: string;
  what: string;
  kind: "hidden-html" | "hidden-markdown";
  /** Remove this range when stripping (may differ from the reported range). */
  remove: [number, number];
}

const OPEN_TAG = /<([a-z][a-z0-9-]{0,30})\b([^<>]{0,2000})>/gi;
const HIDING_ATTRIBUTE =
  /(?:^|\s)hidden(?:\s|=|\/|$)|aria-hidden\s*=\s*["']?true|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|"|'|$)|opacity\s*:\s*0+(?:\.0+)?\s*(?:;|"|'|$)/i;
const LABEL_ATTRIBUTE = /\b(alt|title|aria-label)\s*=\s*("[^"]{0,2000}"|'[^']{0,2000}')/gi;
const VOID_ELEMENTS = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "area",
  "base",
  "col",
  "embed",
  "source",
  "track",
  "wbr",
]);

function htmlComments(text: string, out: HiddenBlock[]): void {
  for (let at = text.indexOf("<!--"); at >= 0; at = text.indexOf("<!--", at + 4)) {
    const close = text.indexOf("-->", at + 4);
    // An unclosed comment hides everything after it.
    const end = close < 0 ? text.length : close + 3;
    out.push({
      start: at,
      end,
      content: text.slice(at + 4, close < 0 ? end : close),
      what: "HTML comment",
      kind: "hidden-html",
      remove: [at, end],
    });
    if (close < 0) return;
    at = end - 4;
  }
}

/** The end of the element opened at `from` (after its opening tag), counting nested same-name tags. */
function closingTagEnd(lower: string, name: string, from: number): number {
  let depth = 1;
  const open = `<${name}`;
  const close = `</${name}`;
  let at = from;
  while (at < lower.length) {
    const nextOpen = lower.indexOf(open, at);
    const nextClose = lower.indexOf(close, at);
    if (nextClose < 0) return lower.length;
    if (nextOpen >= 0 && nextOpen < nextClose) {
      depth++;
      at = nextOpen + open.length;
      continue;
    }
    depth--;
    const gt = lower.indexOf(">", nextClose);
    const end = gt < 0 ? lower.length : gt + 1;
    if (depth === 0) return end;
    at = end;
  }
  return lower.length;
}

function hiddenElements(text: string, out: HiddenBlock[]): void {
  const lower = text.toLowerCase();
  OPEN_TAG.lastIndex = 0;
  // Tags inside a hidden element are hidden with it: skipping them keeps the scan linear.
  let hiddenUntil = 0;
  for (const match of text.matchAll(OPEN_TAG)) {
    if (match.index < hiddenUntil) continue;
    const name = (match[1] as string).toLowerCase();
    const attributes = match[2] as string;
    const tagEnd = match.index + match[0].length;
    if (HIDING_ATTRIBUTE.test(attributes) && !VOID_ELEMENTS.has(name) && !attributes.endsWith("/")) {
      const end = closingTagEnd(lower, name, tagEnd);
      hiddenUntil = end;
      out.push({
        start: match.index,
        end,
        content: text.slice(tagEnd, end),
        what: `hidden <${name}> element`,
        kind: "hidden-html",
        remove: [match.index, end],
      });
    }
    const attributesStart = match.index + 1 + (match[1] as string).length;
    for (const attr of attributes.matchAll(LABEL_ATTRIBUTE)) {
      const at = attributesStart + attr.index;
      out.push({
        start: at,
        end: at + attr[0].length,
        content: (attr[2] as string).slice(1, -1),
        what: `HTML ${(attr[1] as string).toLowerCase()} attribute`,
        kind: "hidden-html",
        remove: [at, at + attr[0].length],
      });
    }
  }
}

// [text](url "title") or ![alt](url 'title'); the title shows only as a tooltip.
const MARKDOWN_LINK =
  /(!?)\[([^\]\n]{0,1000})\]\(\s*<?[^\s()<>]{0,2000}>?(\s+(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'|\([^()\n]{0,1000}\)))?\s*\)/dg;

function markdownHiding(text: string, out: HiddenBlock[]): void {
  MARKDOWN_LINK.lastIndex = 0;
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    const indices = match.indices as RegExpIndicesArray;
    const [altStart, altEnd] = indices[2] as [number, number];
    if (match[1] === "!" && altEnd > altStart) {
      const what = "Markdown image alt text";
      out.push({
        start: altStart,
        end: altEnd,
        content: match[2] as string,
        what,
        kind: "hidden-markdown",
        remove: [altStart, altEnd],
      });
    }
    const title = indices[3];
    if (title) {
      const [start, end] = title;
      const content = (match[3] as string).trim().slice(1, -1);
      out.push({ start, end, content, what: "Markdown link title", kind: "hidden-markdown", remove: [start, end] });
    }
  }
}

function hiddenBlocks(text: string): HiddenBlock[] {
  const blocks: HiddenBlock[] = [];
  htmlComments(text, blocks);
  hiddenElements(text, blocks);
  markdownHiding(text, blocks);
  return blocks;
}

/** Alt texts and attributes are meant to be read; only those that address a model count. */
function alwaysHidden(block: HiddenBlock): boolean {
  return block.what === "HTML comment" || block.what.startsWith("hidden <") || block.what === "Markdown link title";
}

function suspicious(content: string): string[] {
  const folded = foldText(content);
  const ids = phraseIds(folded);
  if (ids.length === 0 && ADDRESSED_TO_MODEL.test(folded)) ids.push("addressed-to-model");
  return ids;
}

function inside(finding: InjectionFinding, blocks: readonly InjectionFinding[]): boolean {
  return blocks.some((b) => finding.start >= b.start && finding.end <= b.end);
}

/** Everything suspicious in `text`, ordered by position. */
export function scanForInjection(text: string): InjectionFinding[] {
  const visible = readVisible(text);
  const findings: InjectionFinding[] = [...visible.invisible];

  for (const finding of visible.invisible) {
    if (finding.kind !== "tag-characters") continue;
    const ids = phraseIds(decodeTagText(text, finding.start, finding.end));
    if (ids.length > 0) finding.detail += `; contains ${ids.join(", ")}`;
  }

  const hidden: InjectionFinding[] = [];
  for (const block of hiddenBlocks(text)) {
    const ids = suspicious(block.content);
    if (ids.length > 0)
      hidden.push({
        kind: block.kind,
        start: block.start,
        end: block.end,
        detail: `${block.what} contains ${ids.join(", ")}`,
      });
  }
  findings.push(...hidden);

  for (const { id, pattern } of INJECTION_PHRASES) {
    pattern.lastIndex = 0;
    for (const match of visible.folded.matchAll(pattern)) {
      const start = visible.map[match.index] as number;
      const end = (visible.map[match.index + match[0].length - 1] as number) + 1;
      const finding: InjectionFinding = { kind: "instruction-phrase", start, end, detail: id };
      if (!inside(finding, hidden)) findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function removeRanges(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start));
    at = end;
  }
  return out + text.slice(at);
}

function stripOnce(text: string): string {
  const ranges: [number, number][] = [...readVisible(text).removals];
  for (const block of hiddenBlocks(text)) {
    if (alwaysHidden(block) || suspicious(block.content).length > 0) ranges.push(block.remove);
  }
  return removeRanges(text, ranges);
}

/**
 * Remove invisible and bidi characters, tag characters, HTML comments, hidden elements, Markdown
 * link titles, and alt texts or attributes that address a model. Repeated until nothing changes,
 * so removing one block cannot assemble a new one (`<!<!-- -->-- ... -->`).
 */
export function stripInjection(text: string): string {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = stripOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
