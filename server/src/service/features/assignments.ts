// Definition and document highlight between the assignments of one key. On a key (or its operator):
//  - a `+=` goes to the assignment it extends (the one of the same key just before it, onto which
//    libxlutil joins it);
//  - an assignment that a later `=` overrides goes to that last `=`, the one xl reads;
//  - the assignment xl reads has no definition elsewhere (null).
// Highlight marks every assignment of the key: those xl reads as writes, overridden ones as text.
import type { Analysis } from '../analyze';
import { assignments, findStatement, sameKey } from './statements';

export interface SpanOut { start: number; end: number }

/** LSP's DocumentHighlightKind: Text = 1 (overridden), Write = 3 (read by xl). */
export interface HighlightOut extends SpanOut { kind: 1 | 3 }

export function definitionAt(a: Analysis, offset: number): SpanOut | null {
  const s = findStatement(a.parsed, offset);
  if (!s) return null;
  const chain = assignments(sameKey(a.parsed, s.index));
  const me = chain.find((r) => r.stmt.index === s.index)!;
  if (me.extends) return { start: me.extends.keyStart, end: me.extends.keyEnd };
  const last = chain[chain.length - 1]!.base;
  if (last.index !== s.index) return { start: last.keyStart, end: last.keyEnd };
  return null;
}

export function highlightsAt(a: Analysis, offset: number): HighlightOut[] {
  const s = findStatement(a.parsed, offset);
  if (!s) return [];
  return assignments(sameKey(a.parsed, s.index)).map((r) => ({ start: r.stmt.keyStart, end: r.stmt.keyEnd, kind: r.effective ? 3 : 1 }));
}
