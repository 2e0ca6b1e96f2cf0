// One file of `xlcfg check`: its analysis, its safe fixes (--fix writes them, --diff shows them),
// its diagnostics as ranges, and what the findings across configs need of it. Plain data out, so a
// worker thread can do it (check-pool.ts) as well as the main thread.
import { writeFileSync } from 'node:fs';
import type { ParsedArgs } from './args';
import { FileError } from './io';
import { analyzeFile } from './analysis-options';
import { unifiedDiff } from './diff';
import type { CheckDiagnostic, FileResult, Range } from './formats';
import { acrossFacts, applyEdits, fixAll, type AcrossFacts } from '../service';

export type FixMode = 'none' | 'fix' | 'diff';

export interface FileOutcome {
  readonly result: FileResult;
  readonly facts: AcrossFacts;
  /** `start:end` -> range, for every place of the facts. */
  readonly ranges: Record<string, Range>;
  /** --diff: the file's unified diff. */
  readonly diff?: string;
  /** --fix: the codes whose fixes were written. */
  readonly fixed?: readonly string[];
}

const decoder = new TextDecoder();

export function checkFile(args: ParsedArgs, file: string, mode: FixMode): FileOutcome {
  let a = analyzeFile(args, file);
  let diff: string | undefined;
  let fixed: readonly string[] | undefined;
  if (mode !== 'none') {
    const all = fixAll(a);
    if (all?.edits?.length) {
      const after = applyEdits(a.bytes, all.edits);
      if (mode === 'diff') diff = unifiedDiff(file, decoder.decode(a.bytes), decoder.decode(after));
      else {
        try {
          writeFileSync(file, after);
        } catch (e) {
          throw new FileError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
        fixed = all.findingCodes;
        a = analyzeFile(args, file, after);
      }
    }
  }
  const result: FileResult = {
    file,
    diagnostics: a.findings.map((f): CheckDiagnostic => ({ severity: f.severity, code: f.code, message: f.message, range: a.lines.rangeOf(f.start, f.end) })),
  };
  const facts = acrossFacts(file, a);
  const ranges: Record<string, Range> = {};
  for (const i of facts.items) ranges[`${i.start}:${i.end}`] = a.lines.rangeOf(i.start, i.end);
  return { result, facts, ranges, ...(diff !== undefined ? { diff } : {}), ...(fixed ? { fixed } : {}) };
}
