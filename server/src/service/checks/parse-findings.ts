// libxlutil's parse errors as findings: xl's own text, a plain explanation, the real spot (xl prints
// some newline errors one line early; we point at the token itself), and data for quick fixes.
import type { Finding } from '../finding';
import type { CheckContext } from './context';
import { parseErrorText, PYTHON_WARNING, PYTHON_WARNING_TEXT } from '../syntax/parse-error';
import { explainParseError, explainCause } from '../syntax/parse-explain';
import { diagnoseParseError, atStatementStart, type ByteEdit } from '../syntax/recovery';
import type { ParseErrorKind } from '../syntax/parse-error';
import type { ParseFix } from '../syntax/parse-explain';

/** What a parse error's fixes read (features/code-actions-parse.ts). */
export interface ParseErrorData {
  readonly kind: ParseErrorKind;
  readonly xlLine: number;
  readonly xlMessage: string;
  readonly fix?: ParseFix;
  /** The repair's edits, for the fixes that carry them (syntax/recovery.ts's diagnosis). */
  readonly edits?: readonly ByteEdit[];
}

declare module './codes' {
  interface FindingData {
    'parse-error': ParseErrorData;
    'parse-error-later': ParseErrorData;
  }
}

/** `+ - . ( ) :`: bytes of Python code that libxlutil cannot lex. */
const PYTHON_BYTES: ReadonlySet<number> = new Set([0x2b, 0x2d, 0x2e, 0x28, 0x29, 0x3a]);

export function parseFindings(a: CheckContext): Finding[] {
  const p = a.parsed;
  const src = a.bytes;
  const out: Finding[] = [];
  for (const e of p.errors) {
    const xlText = parseErrorText(e);
    const atKey = atStatementStart(src, e.start);
    const cause = e.kind === 'syntax' || e.kind === 'lexical' ? diagnoseParseError(p, e) : null;
    const ex = cause ? explainCause(cause) : explainParseError(e, src, atKey);
    const start = ex.start ?? e.start;
    const end = Math.max(ex.end ?? e.end, start);
    out.push({
      code: e.hidden ? 'parse-error-later' : 'parse-error',
      severity: 'error',
      message: `${e.hidden ? '(xl reports this once the errors before it are fixed) ' : ''}${xlText} — ${ex.text}`,
      start, end,
      ...(ex.related ? { related: ex.related } : {}),
      data: { kind: e.kind, xlLine: e.line, xlMessage: e.message, ...(ex.fix ? { fix: ex.fix } : {}), ...(ex.edits ? { edits: ex.edits } : {}) },
    });
  }
  if (!p.accepted && p.likelyPython) {
    const culprit = p.errors.find((e) => e.kind === 'lexical' && PYTHON_BYTES.has(src[e.start]!));
    const start = culprit?.start ?? 0;
    out.push({
      code: 'parse-python', severity: 'warning', start, end: culprit ? culprit.end : 0,
      message: `${PYTHON_WARNING_TEXT} Arbitrary Python is no longer supported (xl's warning).`,
    });
  }
  return out;
}
