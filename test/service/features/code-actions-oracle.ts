// Applying every quick fix offered in the corpus, and what the real toolstack says of the result.
import type { CorpusEntry } from '../../helpers/oracle';
import { analyzeFile, analyzeEntry } from '../checks/corpus-helpers';
import { applyEdits, fixesFor, type Action } from '../../../server/src/service/features/code-actions';
import type { Finding } from '../../../server/src/service/finding';
import { readFileSync } from 'node:fs';

export interface AppliedFix {
  /** Stable name for the fixture: chk-fixed-<entry>-<n>. */
  name: string;
  entry: CorpusEntry;
  finding: Finding;
  action: Action;
  before: Uint8Array;
  after: Uint8Array;
}

/** Every quick fix with edits offered for a finding of a corpus entry, applied. */
export function appliedFixes(entries: readonly CorpusEntry[]): AppliedFix[] {
  const out: AppliedFix[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('chk-fixed-')) continue;
    const a = analyzeEntry(entry);
    const before = new Uint8Array(readFileSync(entry.file));
    let n = 0;
    const seen = new Set<string>();
    for (const f of a.findings) {
      for (const action of fixesFor(a, f)) {
        if (!action.edits?.length) continue;
        const after = applyEdits(before, action.edits);
        const key = Buffer.from(after).toString('latin1');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ name: `chk-fixed-${entry.name.replace(/^chk-/, '')}-${++n}`, entry, finding: f, action, before, after });
      }
    }
  }
  return out;
}

export function reanalyse(fix: AppliedFix) {
  return analyzeFile(fix.entry.name, fix.after);
}
