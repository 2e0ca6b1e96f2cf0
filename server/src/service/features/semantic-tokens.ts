// Semantic tokens for what a grammar cannot know: keys xl does not read (unknown, or not in the
// target release), deprecated keys, and keys ignored for this guest type, read from the checks'
// findings (their codes, see KEY_FINDINGS), never worked out again, every assignment of such a key
// marked; and inside spec strings (disk, vif, pci, ...), the field names and flags the kind knows
// (`parameter`) and the enumerated values it knows for them (`enumMember`), cut as hover cuts them
// (spec-parts.ts). Three token types and three modifiers keep the legend small.
import type { Analysis } from '../analyze';
import { specFieldDoc } from '../catalogue';
import { NodeKind } from '../syntax/parsed-config';
import { utf8 } from '../text/bytes';
import { specTextStart } from './spec-hover';
import { isSpecKey, specPartAt } from './spec-parts';
import { keyVerdicts, statementAt } from './statements';

export const SEMANTIC_TOKEN_LEGEND = {
  tokenTypes: ['property', 'parameter', 'enumMember'],
  tokenModifiers: ['unknown', 'deprecated', 'ignored'],
} as const;

export type TokenModifier = (typeof SEMANTIC_TOKEN_LEGEND.tokenModifiers)[number];

export interface SemanticTokenOut {
  start: number;
  end: number;
  type: (typeof SEMANTIC_TOKEN_LEGEND.tokenTypes)[number];
  modifiers: TokenModifier[];
}

/** Tokens in source order (keys and spec strings never span lines). */
export function semanticTokens(a: Analysis): SemanticTokenOut[] {
  const verdicts = keyVerdicts(a);
  const p = a.parsed;
  const out: SemanticTokenOut[] = [];
  for (let i = 0; i < p.statementCount; i++) {
    const name = p.statementName(i);
    const v = verdicts.get(name);
    const s = statementAt(p, i);
    if (v) out.push({ start: s.keyStart, end: s.keyEnd, type: 'property', modifiers: SEMANTIC_TOKEN_LEGEND.tokenModifiers.filter((m) => v.has(m)) });
    if (isSpecKey(name)) specTokens(a, name, s.node, out);
  }
  return out;
}

/** The known fields, flags and values inside the strings of `node` (a string or a list of them). */
function specTokens(a: Analysis, key: string, node: number, out: SemanticTokenOut[]): void {
  const p = a.parsed;
  if (p.nodeKind.get(node) === NodeKind.List) {
    for (let child = p.nodeFirst.get(node); child >= 0; child = p.nodeNext.get(child)) specTokens(a, key, child, out);
    return;
  }
  const start = p.nodeStart.get(node), end = p.nodeEnd.get(node);
  const spec = utf8(p.atomBytes(node));
  const base = specTextStart(a, start, end, spec);
  if (base === null) return; // escapes or non-ASCII: no exact ranges
  for (let pos = 0; pos <= spec.length;) {
    const part = specPartAt(key, spec, pos, a.options.xenVersion);
    if (!part) { pos++; continue; }
    const doc = part.field === undefined ? undefined : specFieldDoc(key, part.field);
    if (doc && (part.role === 'field' || part.role === 'flag') && part.end > part.start) {
      out.push({ start: base + part.start, end: base + part.end, type: 'parameter', modifiers: [] });
    } else if (doc?.values && part.role === 'value' && Object.hasOwn(doc.values, part.text) && part.end > part.start) {
      out.push({ start: base + part.start, end: base + part.end, type: 'enumMember', modifiers: [] });
    }
    pos = Math.max(part.end + 1, pos + 1);
  }
}
