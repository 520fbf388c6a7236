/**
 * A compact Aho-Corasick automaton over UTF-16 code units. Built once from the patterns, then
 * stepped one character at a time, so a text is matched against every pattern in a single pass
 * whatever the number of patterns.
 *
 * Layout (all typed arrays, so 10 000 names cost a few MB and no per-node objects):
 * - characters are first mapped to a small alphabet; a character outside it cannot continue any
 *   pattern, which sends the scan straight back to the root without following failure links;
 * - the children of a node are a sorted slice of `edgeSymbol` / `edgeTarget`;
 * - the root has a dense table, because most steps in ordinary text start there;
 * - `output[node]` is the pattern ending exactly at that node, `outputLink[node]` the next node
 *   down the failure chain that ends a pattern, so all matches at one position are a short walk.
 */
export class AhoCorasick {
  /** Number of patterns the automaton was built from. */
  readonly patternCount: number;
  /** Length of each pattern, in code units. */
  readonly patternLength: Int32Array;
  private readonly symbolOf: Uint16Array;
  private readonly rootNext: Int32Array;
  private readonly edgeStart: Int32Array;
  private readonly edgeSymbol: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  private readonly output: Int32Array;
  private readonly outputLink: Int32Array;

  /** Patterns must be non-empty; duplicates keep the lowest index. */
  constructor(patterns: readonly string[]) {
    this.patternCount = patterns.length;
    this.patternLength = Int32Array.from(patterns, (p) => p.length);

    // Alphabet: symbol 0 means "not in any pattern".
    const symbolOf = new Uint16Array(65536);
    let alphabetSize = 0;
    for (const p of patterns) {
      if (p.length === 0) throw new Error("Aho-Corasick patterns must not be empty");
      for (let i = 0; i < p.length; i++) {
        const code = p.charCodeAt(i);
        if (symbolOf[code] === 0) symbolOf[code] = ++alphabetSize;
      }
    }
    this.symbolOf = symbolOf;
    const stride = alphabetSize + 1;

    // Trie, built with one flat Map keyed by node * stride + symbol.
    const child = new Map<number, number>();
    const parentSymbol: number[] = [0];
    const outputs: number[] = [-1];
    const childrenOf: number[][] = [[]];
    for (let index = 0; index < patterns.length; index++) {
      const p = patterns[index] as string;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const symbol = symbolOf[p.charCodeAt(i)] as number;
        const key = node * stride + symbol;
        let next = child.get(key);
        if (next === undefined) {
          next = outputs.length;
          child.set(key, next);
          outputs.push(-1);
          parentSymbol.push(symbol);
          childrenOf.push([]);
          (childrenOf[node] as number[]).push(next);
        }
        node = next;
      }
      if (outputs[node] === -1) outputs[node] = index;
    }
    const nodeCount = outputs.length;

    // Compressed sparse rows of children, sorted by symbol for a binary search.
    const edgeStart = new Int32Array(nodeCount + 1);
    const edgeSymbol = new Uint16Array(Math.max(0, nodeCount - 1));
    const edgeTarget = new Int32Array(Math.max(0, nodeCount - 1));
    let e = 0;
    for (let node = 0; node < nodeCount; node++) {
      edgeStart[node] = e;
      const kids = (childrenOf[node] as number[]).sort(
        (a, b) => (parentSymbol[a] as number) - (parentSymbol[b] as number),
      );
      for (const k of kids) {
        edgeSymbol[e] = parentSymbol[k] as number;
        edgeTarget[e] = k;
        e++;
      }
    }
    edgeStart[nodeCount] = e;
    this.edgeStart = edgeStart;
    this.edgeSymbol = edgeSymbol;
    this.edgeTarget = edgeTarget;

    const rootNext = new Int32Array(stride);
    for (let i = edgeStart[0] as number; i < (edgeStart[1] as number); i++) {
      rootNext[edgeSymbol[i] as number] = edgeTarget[i] as number;
    }
    this.rootNext = rootNext;

    // Failure and output links, breadth first so a node's failure target is already final.
    const fail = new Int32Array(nodeCount);
    const output = Int32Array.from(outputs);
    const outputLink = new Int32Array(nodeCount).fill(-1);
    this.fail = fail;
    this.output = output;
    this.outputLink = outputLink;
    const queue = new Int32Array(nodeCount);
    let head = 0;
    let tail = 0;
    for (const k of childrenOf[0] as number[]) queue[tail++] = k;
    while (head < tail) {
      const node = queue[head++] as number;
      for (const k of childrenOf[node] as number[]) {
        const f = this.transition(fail[node] as number, parentSymbol[k] as number);
        fail[k] = f;
        outputLink[k] = (output[f] as number) >= 0 ? f : (outputLink[f] as number);
        queue[tail++] = k;
      }
    }
  }

  /** The state after reading `code` in `state` (0 is the start state). */
  step(state: number, code: number): number {
    const symbol = this.symbolOf[code] as number;
    if (symbol === 0) return 0;
    return this.transition(state, symbol);
  }

  private transition(state: number, symbol: number): number {
    let node = state;
    while (node !== 0) {
      const next = this.child(node, symbol);
      if (next >= 0) return next;
      node = this.fail[node] as number;
    }
    return this.rootNext[symbol] as number;
  }

  private child(node: number, symbol: number): number {
    let lo = this.edgeStart[node] as number;
    let hi = (this.edgeStart[node + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.edgeSymbol[mid] as number;
      if (s === symbol) return this.edgeTarget[mid] as number;
      if (s < symbol) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The pattern ending exactly in `state`, or -1. */
  outputAt(state: number): number {
    return this.output[state] as number;
  }

  /** The next state down the failure chain that ends a pattern, or -1. */
  nextOutputState(state: number): number {
    return this.outputLink[state] as number;
  }

  /** Every match in `text` as [patternIndex, endExclusive] pairs; convenient for tests and small inputs. */
  findAll(text: string): Array<[number, number]> {
    const found: Array<[number, number]> = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      for (
        let s = this.outputAt(state) >= 0 ? state : this.nextOutputState(state);
        s >= 0;
        s = this.nextOutputState(s)
      ) {
        found.push([this.output[s] as number, i + 1]);
      }
    }
    return found;
  }
}
