// The contract between a finding and its quick fixes: a check's file exports, next to the check, the
// fixes of the codes it makes (`Fixes`), each reading the finding's typed `data` (codes.ts's
// FindingData) and the few parts of the analysis a fix needs. features/code-actions.ts turns them
// into LSP-shaped actions.
import type { Finding } from '../finding';
import type { Edit } from '../syntax/edits';
import type { CheckContext } from './context';
import type { DataOf, FindingCode } from './codes';
import { has } from '../util/lists';

/** What a fix may read: the source's bytes, the settings xl reads, the options (file name). */
export type FixContext = Pick<CheckContext, 'bytes' | 'effective' | 'options'>;

/** A finding of code C, with the data its check declared for that code. */
export type CheckFinding<C extends FindingCode> = Omit<Finding, 'code' | 'data'> & { readonly code: C; readonly data: DataOf<C> };

/**
 * A stored finding as a finding of one of `codes`, with that code's data type; undefined for another
 * code. The one place a finding that travelled as plain `Finding` meets its data's type.
 */
export function findingOf<C extends FindingCode>(f: Finding, ...codes: C[]): CheckFinding<C> | undefined {
  return has<string>(codes, f.code) ? (f as unknown as CheckFinding<C>) : undefined;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  /** The fix to offer first. */
  readonly preferred?: boolean;
  /** Safe to apply without looking (goes into "Fix all"). */
  readonly safe?: boolean;
}

export type FixFn<C extends FindingCode> = (a: FixContext, f: CheckFinding<C>) => readonly Fix[];

/** The fixes of a check's codes, by code. */
export type Fixes = { readonly [C in FindingCode]?: FixFn<C> };

/** A check over the stages' outputs (see index.ts). */
export type Check = (a: CheckContext) => Finding[];

/**
 * One check and the fixes of the codes it makes, registered by one line in index.ts. `libxl`: about
 * what libxl does (skipped when xl itself exits); `key`: about the keys themselves; `fixes`: fixes
 * only, for codes another stage or check makes (xl's verdicts).
 */
export type CheckHandler =
  | { readonly kind: 'libxl' | 'key'; readonly check: Check; readonly fixes?: Fixes }
  | { readonly kind: 'fixes'; readonly fixes: Fixes };
