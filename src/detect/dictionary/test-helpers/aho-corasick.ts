/**
 * A compact Aho-Corasick automaton over UTF-16 code units. Built once from the patterns, then
 * stepped one character at a time, so a text is matched against every pattern in a single pass
 * whatever the number of patterns.
 *
 * Layout (typed arrays only, so 10 000 names cost a few MB and no per-node objects):
 * - characters are first mapped to a small alphabet; a character outside it cannot continue any
 *   pattern, which sends the scan straight back to the start without following failure links;
 * - the trie is built from the sorted patterns with a stack (no hash map), and the children of a
 *   node are a slice of `edgeSymbol` / `edgeTarget` sorted by symbol;
 * - the shallow nodes, where a scan of ordinary text spends nearly all its steps, get a dense row
 *   of complete transitions (failure links already followed), so most steps are one array read;
 * - `output[node]` is the pattern ending exactly at that node, `outputLink[node]` the next node
 *   down the failure chain that ends a pattern, so all matches at one position are a short walk.
 */
export class AhoCorasick {
  /** Number of patterns the automaton was built from. */
  readonly patternCount: number;
  /** Length of each pattern, in code units. */
  readonly patternLength: Int32Array;
  readonly nodeCount: number;
  // The tables below are public so a scanner can run the hot loop on local references; treat them as read-only.
  readonly symbolOf: Uint16Array;
  readonly stride: number;
  readonly edgeStart: Int32Array;
  readonly edgeSymbol: Uint16Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  /** Row in `dense` of a node, or -1 for a deep node. */
  readonly denseRow: Int32Array;
  readonly dense: Int32Array;
  readonly output: Int32Array;
  readonly outputLink: Int32Array;

  /** Patterns must be non-empty; duplicates keep the lowest index. */
  constructor(patterns: readonly string[], denseBudgetBytes = 1 << 20) {
    this.patternCount = patterns.length;
    this.patternLength = Int32Array.from(patterns, (p) => p.length);

    // Alphabet in code order, so sorting the patterns as strings also sorts every node's children.
    const used = new Set<number>();
    for (const p of patterns) {
      if (p.length === 0) throw new Error("Aho-Corasick patterns must not be empty");
      for (let i = 0; i < p.length; i++) used.add(p.charCodeAt(i));
    }
    const symbolOf = new Uint16Array(65536);
    let nextSymbol = 1;
    for (const code of [...used].sort((a, b) => a - b)) symbolOf[code] = nextSymbol++;
    this.symbolOf = symbolOf;
    const stride = used.size + 1;
    this.stride = stride;

    // Trie from the sorted patterns: each one shares its longest common prefix with the previous.
    const order = Array.from(patterns.keys()).sort((a, b) => {
      const pa = patterns[a] as string;
      const pb = patterns[b] as string;
      return pa < pb ? -1 : pa > pb ? 1 : a - b;
    });
    let capacity = 1;
    for (const p of patterns) capacity += p.length;
    const parent = new Int32Array(capacity);
    const symbol = new Uint16Array(capacity);
    const output = new Int32Array(capacity).fill(-1);
    let longest = 0;
    for (const p of patterns) longest = Math.max(longest, p.length);
    const path = new Int32Array(longest + 1);
    let nodeCount = 1;
    let previous = "";
    for (const index of order) {
      const p = patterns[index] as string;
      let common = 0;
      while (common < p.length && common < previous.length && p.charCodeAt(common) === previous.charCodeAt(common)) {
        common++;
      }
      for (let depth = common; depth < p.length; depth++) {
        const node = nodeCount++;
        parent[node] = path[depth] as number;
        symbol[node] = symbolOf[p.charCodeAt(depth)] as number;
        path[depth + 1] = node;
      }
      const end = path[p.length] as number;
      if ((output[end] as number) < 0 || index < (output[end] as number)) output[end] = index;
      previous = p;
    }
    this.nodeCount = nodeCount;

    // Children as compressed sparse rows; node ids grow in sorted order, so each slice is sorted.
    const edgeStart = new Int32Array(nodeCount + 1);
    for (let node = 1; node < nodeCount; node++) {
      const slot = (parent[node] as number) + 1;
      edgeStart[slot] = (edgeStart[slot] as number) + 1;
    }
    for (let node = 0; node < nodeCount; node++) {
      edgeStart[node + 1] = (edgeStart[node + 1] as number) + (edgeStart[node] as number);
    }
    const fill = edgeStart.slice(0, nodeCount);
    const edgeSymbol = new Uint16Array(Math.max(0, nodeCount - 1));
    const edgeTarget = new Int32Array(Math.max(0, nodeCount - 1));
    for (let node = 1; node < nodeCount; node++) {
      const p = parent[node] as number;
      const at = fill[p] as number;
      fill[p] = at + 1;
      edgeSymbol[at] = symbol[node] as number;
      edgeTarget[at] = node;
    }
    this.edgeStart = edgeStart;
    this.edgeSymbol = edgeSymbol;
    this.edgeTarget = edgeTarget;

    // Failure links, output links and dense rows, breadth first: a node's failure target is
    // shallower, so it is final (and dense, if any node at its depth is) by the time it is needed.
    const fail = new Int32Array(nodeCount);
    const outputLink = new Int32Array(nodeCount).fill(-1);
    const denseRow = new Int32Array(nodeCount).fill(-1);
    const maxRows = Math.max(1, Math.floor(denseBudgetBytes / 4 / stride));
    const dense = new Int32Array(Math.min(maxRows, nodeCount) * stride);
    this.fail = fail;
    this.output = output.slice(0, nodeCount);
    this.outputLink = outputLink;
    this.denseRow = denseRow;
    this.dense = dense;
    const queue = new Int32Array(nodeCount);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    let rows = 0;
    while (head < tail) {
      const node = queue[head++] as number;
      if (node !== 0) {
        const up = parent[node] as number;
        const f = up === 0 ? 0 : this.transition(fail[up] as number, symbol[node] as number);
        fail[node] = f;
        outputLink[node] = (this.output[f] as number) >= 0 ? f : (outputLink[f] as number);
      }
      for (let e = edgeStart[node] as number; e < (edgeStart[node + 1] as number); e++)
        queue[tail++] = edgeTarget[e] as number;
      if (rows < maxRows) {
        const base = rows * stride;
        for (let s = 1; s < stride; s++) {
          const child = this.child(node, s);
          dense[base + s] = child >= 0 ? child : node === 0 ? 0 : this.transition(fail[node] as number, s);
        }
        denseRow[node] = rows++;
      }
    }
  }

  /** The state after reading `code` in `state` (0 is the start state). */
  step(state: number, code: number): number {
    const symbol = this.symbolOf[code] as number;
    if (symbol === 0) return 0;
    return this.transition(state, symbol);
  }

  /** The state after reading alphabet symbol `symbol` (from `symbolOf`) in `state`. */
  next(state: number, symbol: number): number {
    return this.transition(state, symbol);
  }

  private transition(state: number, symbol: number): number {
    let node = state;
    for (;;) {
      const row = this.denseRow[node] as number;
      if (row >= 0) return this.dense[row * this.stride + symbol] as number;
      const next = this.child(node, symbol);
      if (next >= 0) return next;
      node = this.fail[node] as number;
    }
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
