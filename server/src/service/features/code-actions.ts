// Quick fixes: for each finding with an obvious repair, an action that carries its edits inline
// (byte offsets of the analysed source), plus a "Fix all" source action with the safe ones. The
// LSP adapter (code-action-adapter.ts) turns offsets into ranges.
import type { Analysis } from '../analyze';
import type { Finding } from '../finding';
import { parseFixes } from './code-actions-parse';
import { findingOf, fixesOf } from '../checks';
import type { Edit } from '../syntax/edits';
import { splice, utf8Bytes } from '../text/bytes';

export type { Edit } from '../syntax/edits';

export interface Action {
  readonly title: string;
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly isPreferred?: boolean;
  /** The codes of the findings this action repairs. */
  readonly findingCodes: readonly string[];
  readonly edits?: readonly Edit[];
  /** A client command, where a text edit cannot do it (line endings, BOM). */
  readonly command?: { readonly command: string; readonly arguments: readonly unknown[] };
  /** Safe to apply without looking (goes into "Fix all"). */
  readonly safe?: boolean;
}

/** The fixes for one finding. */
export function fixesFor(a: Analysis, f: Finding, uri?: string): Action[] {
  const parse = findingOf(f, 'parse-error', 'parse-error-later');
  if (parse) return parseFixes(a, parse, uri);
  if (typeof f.data?.recovered === 'number') return recoveredFixes(a, f.data.recovered);
  return fixesOf(a, f).map((x) => ({
    title: x.title, kind: 'quickfix', findingCodes: [f.code], edits: x.edits,
    ...(x.preferred ? { isPreferred: true } : {}), ...(x.safe ? { safe: true } : {}),
  }));
}

/**
 * A finding of the repaired text (checks/recovered.ts): its fixes as computed there, mapped back onto
 * the file; a fix whose edits touch a repair is left out, and none goes into "Fix all".
 */
function recoveredFixes(a: Analysis, index: number): Action[] {
  const rec = a.recovered;
  const inner = rec?.analysis.findings[index];
  if (!rec || !inner) return [];
  const out: Action[] = [];
  for (const x of fixesFor(rec.analysis, inner)) {
    if (!x.edits?.length || x.edits.some((e) => rec.recovery.touchesRepair(e.start, e.end))) continue;
    const { safe: _safe, ...rest } = x;
    out.push({ ...rest, edits: x.edits.map((e) => ({ ...e, start: rec.recovery.toOriginal(e.start), end: rec.recovery.toOriginal(e.end) })) });
  }
  return out;
}

/**
 * Actions for `findings` (the caller picks those under the cursor), then "Fix all" over every finding of the file
 * when at least one safe fix exists. `uri` fills the arguments of client commands.
 */
export function codeActions(a: Analysis, findings: readonly Finding[], uri?: string): Action[] {
  const out: Action[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    for (const x of fixesFor(a, f, uri)) {
      // One CRLF action for the file, not one per carriage return.
      const key = `${x.title}\u0000${JSON.stringify(x.edits ?? [])}`;
      if (!seen.has(key)) { seen.add(key); out.push(x); }
    }
  }
  const all = fixAll(a);
  if (all) out.push(all);
  return out;
}

/** One source action with every safe fix of the file whose edits do not overlap. */
export function fixAll(a: Analysis): Action | null {
  const edits: Edit[] = [];
  const codes = new Set<string>();
  for (const f of a.findings) {
    for (const x of fixesFor(a, f)) {
      if (!x.safe || !x.edits?.length) continue;
      if (x.edits.some((e) => edits.some((o) => e.start < o.end && o.start < e.end || (e.start === o.start && e.end === o.end)))) continue;
      edits.push(...x.edits);
      codes.add(f.code);
      break;
    }
  }
  if (!edits.length) return null;
  edits.sort((x, y) => x.start - y.start);
  return { title: 'Fix all safe problems (xlcfg)', kind: 'source.fixAll', findingCodes: [...codes], edits, safe: true };
}

/** Applies byte-offset edits to the source (for tests and the CLI). */
export function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const sorted = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
  let out = bytes;
  for (const e of sorted) out = splice(out, e.start, e.end, utf8Bytes(e.newText));
  return out;
}
