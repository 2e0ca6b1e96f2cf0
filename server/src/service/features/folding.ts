// Folding: lists written over several lines, and blocks of two or more consecutive comment lines.
import type { Analysis } from '../analyze';
import { T } from '../syntax/grammar';
import { NodeKind } from '../syntax/parsed-config';
import { childrenOf } from './statements';

/** Lines are 0-based (LSP's); `endLine` is the last line hidden. */
export interface FoldOut { startLine: number; endLine: number; kind?: 'comment' }

export function foldingRanges(a: Analysis): FoldOut[] {
  const p = a.parsed, src = a.bytes, lines = a.lines;
  /** A BOM the editor does not show: a comment right after it starts its line. */
  const hidden = a.request.hiddenPrefix ?? 0;
  const out: FoldOut[] = [];
  // Lists: from the line of `[` to the line before `]` when `]` starts its line (it stays visible).
  for (let st = 0; st < p.statementCount; st++) {
    const stack = [p.stmtValue.get(st)];
    while (stack.length) {
      const n = stack.pop()!;
      if (p.nodeKind.get(n) !== NodeKind.List) continue;
      const start = p.nodeStart.get(n), end = p.nodeEnd.get(n);
      if (end <= start) continue;
      const first = lines.lineOf(start), closeLine = lines.lineOf(end - 1);
      let last = closeLine;
      let i = end - 2;
      while (i >= 0 && (src[i] === 0x20 || src[i] === 0x09)) i--;
      if (i < 0 || src[i] === 0x0a) last--;
      if (last > first) out.push({ startLine: first, endLine: last });
      for (const c of childrenOf(p, n)) if (p.nodeKind.get(c) === NodeKind.List) stack.push(c);
    }
  }
  // Comment blocks: comments alone on their lines, on consecutive lines.
  let blockStart = -1, blockEnd = -1;
  const flush = () => { if (blockStart >= 0 && blockEnd > blockStart) out.push({ startLine: blockStart, endLine: blockEnd, kind: 'comment' }); };
  for (let t = 0; t < p.tokenCount; t++) {
    if (p.tokKind.get(t) !== T.Newline) continue;
    const s = p.tokStart.get(t);
    if (src[s] !== 0x23) continue;
    let i = s - 1;
    while (i >= 0 && (src[i] === 0x20 || src[i] === 0x09)) i--;
    if (i >= hidden && src[i] !== 0x0a) continue; // after something on its line: not a comment line
    const line = lines.lineOf(s);
    if (line === blockEnd + 1 && blockStart >= 0) blockEnd = line;
    else { flush(); blockStart = blockEnd = line; }
  }
  flush();
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
