// Semantic tokens for what a grammar cannot know: keys xl does not read (unknown, or not in the
// target release), deprecated keys, and keys ignored for this guest type. Read from the checks'
// findings (their codes, see KEY_FINDINGS), never worked out again; every assignment of such a key
// is marked. One token type (`property`) and three modifiers keep the legend small.
import type { Analysis } from '../analyze';
import { keyVerdicts, statementAt } from './statements';

export const SEMANTIC_TOKEN_LEGEND = {
  tokenTypes: ['property'],
  tokenModifiers: ['unknown', 'deprecated', 'ignored'],
} as const;

export type TokenModifier = (typeof SEMANTIC_TOKEN_LEGEND.tokenModifiers)[number];

export interface SemanticTokenOut {
  start: number;
  end: number;
  type: 'property';
  modifiers: TokenModifier[];
}

/** Tokens in source order (keys never span lines). */
export function semanticTokens(a: Analysis): SemanticTokenOut[] {
  const verdicts = keyVerdicts(a);
  if (!verdicts.size) return [];
  const p = a.parsed;
  const out: SemanticTokenOut[] = [];
  for (let i = 0; i < p.statementCount; i++) {
    const v = verdicts.get(p.statementName(i));
    if (!v) continue;
    const s = statementAt(p, i);
    out.push({ start: s.keyStart, end: s.keyEnd, type: 'property', modifiers: SEMANTIC_TOKEN_LEGEND.tokenModifiers.filter((m) => v.has(m)) });
  }
  return out;
}
