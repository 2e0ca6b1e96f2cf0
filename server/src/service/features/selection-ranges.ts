// Smart selection (expand / shrink): inside a spec string, the field value after `=`, then the
// comma-separated field; then the string's text, the string, each enclosing list, the statement,
// the group of statements (the run of non-blank lines around it) and the whole document.
import type { Analysis } from '../analyze';
import { NodeKind } from '../syntax/parsed-config';
import { childrenOf, findStatement } from './statements';

export interface SpanOut { start: number; end: number }

/** The ranges around `offset`, innermost first, each strictly containing the one before. */
export function selectionRanges(a: Analysis, offset: number): SpanOut[] {
  const p = a.parsed, src = a.bytes;
  const spans: SpanOut[] = [];
  const stmt = findStatement(p, offset, 'value');
  if (stmt) {
    if (offset >= stmt.keyStart && offset <= stmt.keyEnd) spans.push({ start: stmt.keyStart, end: stmt.keyEnd });
    else if (offset >= stmt.valueStart && offset <= stmt.valueEnd) {
      // The chain of nodes from the value down to the innermost one holding offset.
      const chain: number[] = [];
      let node = stmt.node;
      for (;;) {
        chain.push(node);
        if (p.nodeKind.get(node) !== NodeKind.List) break;
        const inside = childrenOf(p, node).find((c) => offset >= p.nodeStart.get(c) && offset <= p.nodeEnd.get(c));
        if (inside === undefined) break;
        node = inside;
      }
      const innermost = chain[chain.length - 1]!;
      if (p.nodeKind.get(innermost) === NodeKind.String) spans.push(...stringParts(src, p.nodeStart.get(innermost), p.nodeEnd.get(innermost), offset));
      for (let i = chain.length - 1; i >= 0; i--) spans.push({ start: p.nodeStart.get(chain[i]!), end: p.nodeEnd.get(chain[i]!) });
    }
    spans.push({ start: stmt.keyStart, end: stmt.valueEnd });
  }
  // The run of non-blank lines around the offset (or the statement).
  const from = stmt ? stmt.keyStart : offset, to = stmt ? stmt.valueEnd : offset;
  const para = paragraph(a, from, to);
  if (para) spans.push(para);
  spans.push({ start: 0, end: src.length });
  // Keep each range strictly larger than the one inside it.
  const out: SpanOut[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (s.end < s.start) continue;
    if (!prev) { if (s.start <= offset && offset <= s.end) out.push(s); continue; }
    if (s.start <= prev.start && s.end >= prev.end && (s.start < prev.start || s.end > prev.end)) out.push(s);
  }
  return out;
}

/**
 * Inside a quoted string without escapes: the value after the field's `=`, the comma-separated
 * field, then the text between the quotes. With escapes, the text between the quotes only.
 */
function stringParts(src: Uint8Array, start: number, end: number, offset: number): SpanOut[] {
  const out: SpanOut[] = [];
  const inStart = start + 1, inEnd = end - 1;
  if (offset < inStart || offset > inEnd) return out;
  if (!src.subarray(inStart, inEnd).includes(0x5c)) {
    let fs = offset, fe = offset;
    while (fs > inStart && src[fs - 1] !== 0x2c) fs--;
    while (fe < inEnd && src[fe] !== 0x2c) fe++;
    const eq = src.subarray(fs, fe).indexOf(0x3d);
    if (eq >= 0 && fs + eq < offset) out.push({ start: fs + eq + 1, end: fe });
    if (fs > inStart || fe < inEnd) out.push({ start: fs, end: fe });
  }
  out.push({ start: inStart, end: inEnd });
  return out;
}

/** The lines around [from, to] up to the nearest empty (or blank) lines. */
function paragraph(a: Analysis, from: number, to: number): SpanOut | undefined {
  const lines = a.lines, src = a.bytes;
  const blank = (line: number): boolean => {
    const s = lines.lineStart(line);
    const e = line + 1 < lines.lineCount ? lines.lineStart(line + 1) - 1 : src.length;
    for (let i = s; i < e; i++) if (src[i] !== 0x20 && src[i] !== 0x09 && src[i] !== 0x0d) return false;
    return true;
  };
  let first = lines.lineOf(from), last = lines.lineOf(to);
  if (blank(first) && first === last) return undefined;
  while (first > 0 && !blank(first - 1)) first--;
  while (last + 1 < lines.lineCount && !blank(last + 1)) last++;
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) - 1 : src.length;
  return { start: lines.lineStart(first), end };
}
