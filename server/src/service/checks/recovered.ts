// Findings from the text with the syntax errors repaired (syntax/recovery.ts), for a file libxlutil
// refuses: xl stops at the first parse error, but the admin wants to see the other mistakes too.
// Each keeps its code; it is at most a warning (only the parse errors make xl refuse the file), says
// that it was found on the repaired text, and points into the original text.
import type { Finding, Severity } from '../finding';
import type { Recovery } from '../syntax/recovery';
import { parseErrorText } from '../syntax/parse-error';
import { explainCause } from '../syntax/parse-explain';

export const RECOVERED_SUFFIX = ' (found on the text with the syntax error repaired)';

/** Codes of the repaired text's analysis that describe the analysis itself, not the guest. */
const NOT_REPORTED = new Set(['xlcfg-directive', 'large-file', 'parse-error', 'parse-error-later', 'parse-python']);

export const capSeverity = (s: Severity): Severity => (s === 'error' ? 'warning' : s);

/** The repaired text's findings, mapped onto the original; `data.recovered` is the index among `inner`. */
export function recoveredFindings(inner: readonly Finding[], r: Recovery): Finding[] {
  const out: Finding[] = [];
  inner.forEach((f, index) => {
    if (NOT_REPORTED.has(f.code)) return;
    const start = r.toOriginal(f.start);
    const end = Math.max(start, r.toOriginal(f.end));
    out.push({
      ...f,
      severity: capSeverity(f.severity),
      message: f.message + RECOVERED_SUFFIX,
      start, end,
      ...(f.related ? { related: f.related.map((x) => ({ ...x, start: r.toOriginal(x.start), end: Math.max(r.toOriginal(x.start), r.toOriginal(x.end)) })) } : {}),
      data: { ...(f.data ?? {}), recovered: index },
    });
  });
  return out;
}

/**
 * The parse errors the repair met after the first one, which neither xl nor our parse reports yet
 * (e.g. a second unclosed list, swallowed by the parser's recovery from the first): xl reports each
 * once the errors before it are fixed. Only those whose cause is clear, with their fix.
 */
export function laterParseErrors(reported: readonly Finding[], r: Recovery): Finding[] {
  const out: Finding[] = [];
  const at = new Set(reported.filter((f) => f.code === 'parse-error' || f.code === 'parse-error-later').map((f) => f.start));
  r.steps.forEach((step) => {
    const i = step.round;
    if (!step.diagnosis) return;
    const e = step.error;
    const start = r.roundToOriginal(i, e.start);
    if (at.has(start)) return;
    at.add(start);
    const end = Math.max(start, r.roundToOriginal(i, e.end));
    const ex = explainCause(step.diagnosis);
    const xlText = parseErrorText(e);
    const edits = ex.edits && !ex.edits.some((x) => r.roundTouchesRepair(i, x.start, x.end))
      ? ex.edits.map((x) => ({ start: r.roundToOriginal(i, x.start), end: r.roundToOriginal(i, x.end), newText: x.newText })) : undefined;
    const s = ex.start !== undefined ? r.roundToOriginal(i, ex.start) : start;
    out.push({
      code: 'parse-error-later', severity: 'error',
      message: `(xl reports this once the errors before it are fixed) ${xlText} — ${ex.text}`,
      start: s, end: ex.end !== undefined ? Math.max(s, r.roundToOriginal(i, ex.end)) : end,
      ...(ex.related ? { related: ex.related.map((x) => ({ ...x, start: r.roundToOriginal(i, x.start), end: r.roundToOriginal(i, x.end) })) } : {}),
      data: { kind: e.kind, xlLine: e.line, xlMessage: e.message, ...(ex.fix && (edits || !ex.edits) ? { fix: ex.fix } : {}), ...(edits ? { edits } : {}) },
    });
  });
  return out;
}
