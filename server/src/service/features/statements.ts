// The statements of a document as the editor features see them: every assignment as written (also
// those after a syntax error, which libxlutil does not store), with its spans, and how repeated
// assignments of one key relate: a `+=` extends the assignment before it, a later `=` overrides.
import type { Analysis } from '../analyze';
import type { ParsedConfig } from '../syntax/parsed-config';
import { NodeKind } from '../syntax/parsed-config';
import { bytesToString } from '../syntax/bytes';

export interface Statement {
  readonly index: number;
  readonly name: string;
  readonly add: boolean;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly opStart: number;
  readonly opEnd: number;
  /** The value node and its span (quotes and brackets included). */
  readonly node: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

export function statementAt(p: ParsedConfig, i: number): Statement {
  const keyTok = p.stmtKey.get(i), opTok = p.stmtOp.get(i), node = p.stmtValue.get(i);
  return {
    index: i, name: p.statementName(i), add: p.stmtAdd.get(i) === 1,
    keyStart: p.tokStart.get(keyTok), keyEnd: p.tokEnd.get(keyTok),
    opStart: p.tokStart.get(opTok), opEnd: p.tokEnd.get(opTok),
    node, valueStart: p.nodeStart.get(node), valueEnd: p.nodeEnd.get(node),
  };
}

export function statements(a: Analysis): Statement[] {
  const p = a.parsed;
  const out: Statement[] = [];
  for (let i = 0; i < p.statementCount; i++) out.push(statementAt(p, i));
  return out;
}

/**
 * The statement whose key or operator (`upTo: 'op'`), or whose whole text (`'value'`), holds
 * `offset` (a cursor just after them included). A binary search over the parse: no objects for the
 * other statements.
 */
export function findStatement(p: ParsedConfig, offset: number, upTo: 'op' | 'value' = 'op'): Statement | undefined {
  let lo = 0, hi = p.statementCount - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.tokStart.get(p.stmtKey.get(mid)) <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const end = upTo === 'op' ? p.tokEnd.get(p.stmtOp.get(found)) : p.nodeEnd.get(p.stmtValue.get(found));
  return offset <= end ? statementAt(p, found) : undefined;
}

/** The statements that assign the key of statement `stmt`, in source order. */
export function sameKey(p: ParsedConfig, stmt: number): Statement[] {
  const id = p.keyIdOf(stmt);
  const out: Statement[] = [];
  for (let i = 0; i < p.statementCount; i++) if (p.keyIdOf(i) === id) out.push(statementAt(p, i));
  return out;
}

/** The children of a list node, in order (none for an atom). */
export function childrenOf(p: ParsedConfig, node: number): number[] {
  const out: number[] = [];
  if (p.nodeKind.get(node) !== NodeKind.List) return out;
  for (let c = p.nodeFirst.get(node); c >= 0; c = p.nodeNext.get(c)) out.push(c);
  return out;
}

/** An atom's text as libxlutil keeps it (escapes decoded). */
export function atomText(p: ParsedConfig, node: number): string {
  return bytesToString(p.atomBytes(node));
}

/**
 * How the assignments of one key relate. A `+=` extends the assignment of the same key just before
 * it (libxlutil joins it onto the newest stored setting of that name); a chain starts at a `=` (or a
 * `+=` with nothing before it). Every chain but the last is overridden: xl reads the last one.
 */
export interface Assignment {
  readonly stmt: Statement;
  /** The statement this `+=` extends, if any. */
  readonly extends?: Statement;
  /** The start of this statement's chain. */
  readonly base: Statement;
  /** False when a later `=` of the same key overrides this statement's chain. */
  readonly effective: boolean;
}

/** name -> its assignments in source order. */
export function assignmentsByName(stmts: readonly Statement[]): Map<string, Assignment[]> {
  const byName = new Map<string, Statement[]>();
  for (const s of stmts) {
    let l = byName.get(s.name);
    if (!l) byName.set(s.name, (l = []));
    l.push(s);
  }
  const out = new Map<string, Assignment[]>();
  for (const [name, list] of byName) out.set(name, assignments(list));
  return out;
}

/** The roles of the assignments of one key (`list`: its statements in source order). */
export function assignments(list: readonly Statement[]): Assignment[] {
  let lastBase = 0;
  list.forEach((s, i) => { if (!s.add || i === 0) lastBase = i; });
  const roles: Assignment[] = [];
  let base = list[0]!;
  list.forEach((s, i) => {
    const ext = s.add && i > 0 ? list[i - 1] : undefined;
    if (!ext) base = s;
    roles.push({ stmt: s, ...(ext ? { extends: ext } : {}), base, effective: i >= lastBase });
  });
  return roles;
}

/** Codes of the checks' findings that say a key is unknown, deprecated or ignored, by what they say. */
export const KEY_FINDINGS: Readonly<Record<string, 'unknown' | 'deprecated' | 'ignored'>> = {
  'unknown-key': 'unknown',
  'key-not-in-version': 'unknown',
  'deprecated-key': 'deprecated',
  'xl-deprecated': 'deprecated',
  'ignored-for-guest-type': 'ignored',
  'xl-ignored': 'ignored',
  'xl-device-model-ignored': 'ignored',
  'xl-conf-unknown-key': 'unknown',
  'xl-conf-deprecated': 'deprecated',
};

/**
 * key name -> what the findings say about it (unknown / deprecated / ignored), read from the
 * findings the checks produced (after the file's directives and the severity settings).
 */
export function keyVerdicts(a: Analysis): Map<string, Set<'unknown' | 'deprecated' | 'ignored'>> {
  const out = new Map<string, Set<'unknown' | 'deprecated' | 'ignored'>>();
  if (!a.parsed.accepted || !a.semantic) return out;
  for (const f of a.findings) {
    const what = Object.hasOwn(KEY_FINDINGS, f.code) ? KEY_FINDINGS[f.code] : undefined;
    if (!what) continue;
    let name = typeof f.data?.key === 'string' ? f.data.key : undefined;
    if (name === undefined) {
      // xl's warnings point at the statement of the key they speak of.
      const s = findStatement(a.parsed, f.start);
      if (s && s.keyStart === f.start) name = s.name;
    }
    if (name === undefined) continue;
    let set = out.get(name);
    if (!set) out.set(name, (set = new Set()));
    set.add(what);
  }
  return out;
}
