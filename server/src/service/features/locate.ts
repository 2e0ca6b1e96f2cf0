// What stands at a byte offset: a key, a value (atom inside any list depth), or nothing; and, for
// completion, what the line holds before the cursor (works on lines that do not parse yet).
import type { Analysis } from '../analyze';
import { NodeKind } from '../syntax/parsed-config';
import { utf8, utf8Length } from '../text/bytes';

export type Located =
  | { kind: 'key'; stmt: number; name: string; start: number; end: number }
  | { kind: 'value'; stmt: number; key: string; node: number; value: string; start: number; end: number; depth: number }
  | { kind: 'none' };

export function locate(a: Analysis, offset: number): Located {
  const p = a.parsed;
  // Statements are in source order: the last one whose key starts at or before offset.
  let lo = 0, hi = p.statementCount - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.tokStart.get(p.stmtKey.get(mid)) <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return { kind: 'none' };
  const keyTok = p.stmtKey.get(found);
  const name = p.statementName(found);
  const ks = p.tokStart.get(keyTok), ke = p.tokEnd.get(keyTok);
  if (offset >= ks && offset <= ke) return { kind: 'key', stmt: found, name, start: ks, end: ke };
  // Descend into the value: the innermost node containing offset.
  let node = p.stmtValue.get(found);
  let depth = 0;
  if (offset < p.nodeStart.get(node) || offset > p.nodeEnd.get(node)) return { kind: 'none' };
  while (p.nodeKind.get(node) === NodeKind.List) {
    let child = p.nodeFirst.get(node), inside = -1;
    while (child >= 0) {
      if (offset >= p.nodeStart.get(child) && offset <= p.nodeEnd.get(child)) { inside = child; break; }
      child = p.nodeNext.get(child);
    }
    if (inside < 0) return { kind: 'none' };
    node = inside;
    depth++;
  }
  const value = utf8(p.atomBytes(node));
  return { kind: 'value', stmt: found, key: name, node, value, start: p.nodeStart.get(node), end: p.nodeEnd.get(node), depth };
}

export type CompletionSpot =
  | { kind: 'key'; prefix: string; start: number }
  | { kind: 'value'; key: string; prefix: string; start: number; quote: '"' | "'" | '' ; inList: boolean }
  | { kind: 'none' };

/** From the text of the line before the cursor (bytes [lineStart, offset)). */
export function completionSpot(a: Analysis, offset: number): CompletionSpot {
  const lineStart = a.lines.lineStart(a.lines.lineOf(offset));
  const before = utf8(a.bytes.subarray(lineStart, offset));
  // After the last `;` a new statement starts.
  const stmtText = before.slice(before.lastIndexOf(';') + 1);
  const stmtStart = offset - utf8Length(stmtText);
  if (/#/.test(stmtText.replace(/"[^"]*"|'[^']*'/g, ''))) return { kind: 'none' };
  let m = /^(\s*)([a-z][a-z0-9_.]*)?$/.exec(stmtText);
  if (m) return { kind: 'key', prefix: m[2] ?? '', start: stmtStart + utf8Length(m[1]!) };
  m = /^\s*([a-z][a-z0-9_.]*)\s*\+?=\s*(.*)$/.exec(stmtText);
  if (m) {
    const rest = m[2]!;
    const inList = rest.startsWith('[');
    const tail = /(["']?)([^"',\[\]\s]*)$/.exec(rest)!;
    const quote = (tail[1] as '"' | "'" | '');
    const open = quote ? (rest.split(quote).length - 1) % 2 === 1 : true;
    if (quote && !open) return { kind: 'none' };
    return { kind: 'value', key: m[1]!, prefix: tail[2]!, start: offset - utf8Length(tail[0]), quote, inList };
  }
  return { kind: 'none' };
}
