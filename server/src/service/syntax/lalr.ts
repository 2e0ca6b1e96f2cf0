// Builds LALR(1) parse tables from grammar.ts and lays them out the way Bison's yacc.c skeleton uses
// them: a per-state action row where 0 means "take the default", default reductions chosen as Bison
// chooses them (the most common reduction; none in a state that can shift `error`), and "consistent"
// states that reduce without reading a lookahead. Those details decide when the lexer runs (and so
// which lexical errors are printed and which settings get stored) and which tokens an error message
// says were expected.
import { RULES, T, TERMINAL_COUNT, SYMBOL_COUNT } from './grammar';

export interface ParseTables {
  readonly stateCount: number;
  /** [state * TERMINAL_COUNT + terminal]: 0 = default, >0 = shift to (value - 1), <0 = reduce rule (-value - 1). */
  readonly action: Int32Array;
  /** Default reduction per state, or -1 when the default is an error. */
  readonly defaultReduction: Int32Array;
  /** 1 when the state decides without a lookahead (Bison's YYPACT_NINF). */
  readonly needsNoLookahead: Uint8Array;
  /** [state * SYMBOL_COUNT + nonterminal] = target state. */
  readonly gotoTable: Int32Array;
  /** Pseudo-state reached by shifting $end after a complete file: the parse is accepted. */
  readonly acceptState: number;
  readonly ruleLength: Int32Array;
  readonly ruleLhs: Int32Array;
}

const isTerminal = (s: number) => s < TERMINAL_COUNT;

function firstSets(): { nullable: boolean[]; first: Set<number>[] } {
  const nullable = new Array<boolean>(SYMBOL_COUNT).fill(false);
  const first = Array.from({ length: SYMBOL_COUNT }, (_, s) => new Set<number>(isTerminal(s) ? [s] : []));
  for (let changed = true; changed;) {
    changed = false;
    for (const r of RULES) {
      let allNullable = true;
      for (const s of r.rhs) {
        for (const t of first[s]!) if (!first[r.lhs]!.has(t)) { first[r.lhs]!.add(t); changed = true; }
        if (!nullable[s]) { allNullable = false; break; }
      }
      if (allNullable && !nullable[r.lhs]) { nullable[r.lhs] = true; changed = true; }
    }
  }
  return { nullable, first };
}

/** An LR(1) item set: LR(0) item key (rule * 8 + dot) -> lookahead terminals. */
type ItemSet = Map<number, Set<number>>;
const itemKey = (rule: number, dot: number) => rule * 8 + dot;

function closure(kernel: ItemSet, fs: ReturnType<typeof firstSets>): ItemSet {
  const set: ItemSet = new Map([...kernel].map(([k, la]) => [k, new Set(la)]));
  const work = [...set.keys()];
  while (work.length) {
    const key = work.pop()!;
    const rule = RULES[key >> 3]!, dot = key & 7;
    const next = rule.rhs[dot];
    if (next === undefined || isTerminal(next)) continue;
    // Lookaheads for the new items: FIRST of what follows, plus ours if that can vanish.
    const la = new Set<number>();
    let restNullable = true;
    for (let i = dot + 1; i < rule.rhs.length; i++) {
      const s = rule.rhs[i]!;
      for (const t of fs.first[s]!) la.add(t);
      if (!fs.nullable[s]) { restNullable = false; break; }
    }
    if (restNullable) for (const t of set.get(key)!) la.add(t);
    RULES.forEach((r, ri) => {
      if (r.lhs !== next) return;
      const k = itemKey(ri, 0);
      let have = set.get(k);
      if (!have) { have = new Set(); set.set(k, have); }
      const before = have.size;
      for (const t of la) have.add(t);
      if (have.size !== before || before === 0) work.push(k);
    });
  }
  return set;
}

const coreOf = (s: ItemSet) => [...s.keys()].sort((a, b) => a - b).join(',');
const fullKeyOf = (s: ItemSet) =>
  [...s.entries()].sort((a, b) => a[0] - b[0]).map(([k, la]) => `${k}:${[...la].sort((a, b) => a - b).join('.')}`).join(',');

export function buildTables(): ParseTables {
  const fs = firstSets();
  // Canonical LR(1) collection, then states with equal cores merged: LALR(1), as Bison builds it.
  const lr1: ItemSet[] = [];
  const lr1Index = new Map<string, number>();
  const lr1Trans: Map<number, number>[] = [];
  const start = closure(new Map([[itemKey(0, 0), new Set([T.End])]]), fs);
  lr1.push(start); lr1Index.set(fullKeyOf(start), 0); lr1Trans.push(new Map());
  for (let i = 0; i < lr1.length; i++) {
    const bySymbol = new Map<number, ItemSet>();
    for (const [key, la] of lr1[i]!) {
      const rule = RULES[key >> 3]!, dot = key & 7;
      const sym = rule.rhs[dot];
      if (sym === undefined || (key >> 3 === 0 && sym === T.End)) continue;
      let k = bySymbol.get(sym);
      if (!k) { k = new Map(); bySymbol.set(sym, k); }
      k.set(itemKey(key >> 3, dot + 1), new Set(la));
    }
    for (const [sym, kernel] of bySymbol) {
      const target = closure(kernel, fs);
      const fk = fullKeyOf(target);
      let idx = lr1Index.get(fk);
      if (idx === undefined) { idx = lr1.length; lr1.push(target); lr1Index.set(fk, idx); lr1Trans.push(new Map()); }
      lr1Trans[i]!.set(sym, idx);
    }
  }
  // Merge by core, numbering LALR states in order of first appearance.
  const coreIndex = new Map<string, number>();
  const lr1ToLalr: number[] = [];
  const lalr: ItemSet[] = [];
  for (const s of lr1) {
    const c = coreOf(s);
    let idx = coreIndex.get(c);
    if (idx === undefined) { idx = lalr.length; coreIndex.set(c, idx); lalr.push(new Map()); }
    lr1ToLalr.push(idx);
    const merged = lalr[idx]!;
    for (const [k, la] of s) {
      let m = merged.get(k);
      if (!m) { m = new Set(); merged.set(k, m); }
      for (const t of la) m.add(t);
    }
  }
  const n = lalr.length;
  const shifts: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  lr1Trans.forEach((tr, i) => { for (const [sym, j] of tr) shifts[lr1ToLalr[i]!]!.set(sym, lr1ToLalr[j]!); });

  const action = new Int32Array(n * TERMINAL_COUNT);
  const defaultReduction = new Int32Array(n).fill(-1);
  const needsNoLookahead = new Uint8Array(n);
  const gotoTable = new Int32Array(n * SYMBOL_COUNT).fill(-1);
  const acceptState = n;
  for (let s = 0; s < n; s++) {
    const items = lalr[s]!;
    const reductions: { rule: number; la: Set<number> }[] = [];
    for (const [key, la] of [...items.entries()].sort((a, b) => a[0] - b[0])) {
      const rule = key >> 3, dot = key & 7;
      if (dot === RULES[rule]!.rhs.length) reductions.push({ rule, la });
    }
    const row = new Int32Array(TERMINAL_COUNT);
    let tokenShift = false, errorShift = false;
    for (const [sym, target] of shifts[s]!) {
      if (isTerminal(sym)) { tokenShift = true; if (sym === T.Error) errorShift = true; }
      else gotoTable[s * SYMBOL_COUNT + sym] = target;
    }
    const consistent = !(reductions.length > 1 || (reductions.length === 1 && tokenShift));
    if (!consistent) {
      for (let i = reductions.length - 1; i >= 0; i--) for (const t of reductions[i]!.la) row[t] = -reductions[i]!.rule - 1;
    }
    for (const [sym, target] of shifts[s]!) if (isTerminal(sym)) row[sym] = target + 1;
    // `$accept: file . $end`: shifting $end accepts (Bison's final state); modelled as state n.
    if (items.has(itemKey(0, 1))) { row[T.End] = n + 1; tokenShift = true; }
    let def = -1;
    if (reductions.length >= 1 && !errorShift) {
      if (consistent) def = reductions[0]!.rule;
      else {
        let max = 0;
        for (const r of reductions) {
          let count = 0;
          for (let t = 0; t < TERMINAL_COUNT; t++) if (row[t] === -r.rule - 1) count++;
          if (count > max) { max = count; def = r.rule; }
        }
        if (max > 0) for (let t = 0; t < TERMINAL_COUNT; t++) if (row[t] === -def - 1) row[t] = 0;
      }
    }
    defaultReduction[s] = def;
    let explicit = 0;
    for (let t = 0; t < TERMINAL_COUNT; t++) { action[s * TERMINAL_COUNT + t] = row[t]!; if (row[t] !== 0) explicit++; }
    needsNoLookahead[s] = explicit === 0 ? 1 : 0;
  }
  const ruleLength = Int32Array.from(RULES.map((r) => r.rhs.length));
  const ruleLhs = Int32Array.from(RULES.map((r) => r.lhs));
  return { stateCount: n, action, defaultReduction, needsNoLookahead, gotoTable, acceptState, ruleLength, ruleLhs };
}
