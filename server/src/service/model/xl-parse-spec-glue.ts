// How the model hands spec strings to model/specs and turns their issues into xl's stderr lines
// and findings on the setting's value (tools/xl/xl_parse.c, Xen 4.17, device loops).
import type { ByteSpan } from '../finding';
import type { Value } from '../syntax/settings';
import type { ParseState } from './parse-state';
import type { SpecContext, SpecResult } from './specs';
import { XL_ABORTED, XlExit } from './xl-report';

export function specContext(st: ParseState, index: number): SpecContext {
  return { guestType: st.type, index, options: st.options, sourceName: st.src, ...(st.nicDefaults ? { nicDefaults: st.nicDefaults } : {}) };
}

/**
 * Prints the spec parser's lines; when xl exits on the spec, adds xl's own closing line
 * (`closing`, unless the parser already gave it) and stops with `status`.
 */
export function reportSpecIssues(
  st: ParseState, key: string, res: SpecResult<unknown>, closing: string | null, status = 1, item?: Value,
): void {
  const d = st.at(key);
  for (const issue of res.issues) {
    const code = issue.code || (issue.severity === 'error' ? 'xl-rejects' : 'xl-warning');
    const span = item ? issueSpan(item, issue.start, issue.end) : d.span;
    st.report.line(issue.message, {
      ...d, span, code, severity: issue.severity,
      ...(issue.undefinedOutcome ? { data: { ...d.data, undefinedOutcome: true } } : {}),
    }, issue.undefinedOutcome ? `${issue.message} (what xl prints here varies: it reads a length it never set)` : undefined);
  }
  if (res.crash) {
    const span = item ? issueSpan(item, res.crash.start, res.crash.end) : d.span;
    st.report.note(`xl crashes: ${res.crash.reason}`, { ...d, span, code: 'xl-crashes', severity: 'error', data: { ...d.data, undefinedOutcome: true } });
    throw new XlExit(XL_ABORTED);
  }
  if (!res.fatal) return;
  const last = res.issues[res.issues.length - 1];
  if (closing !== null && !last?.message.endsWith(closing)) {
    st.report.line(closing, { ...d, span: item ? { start: item.start, end: item.end } : d.span, severity: 'error' });
  }
  throw new XlExit(status);
}

/**
 * Maps offsets inside a spec's decoded text to bytes of the source: exact when the quoted token
 * holds the text verbatim (no escapes, ASCII), else the whole item.
 */
export function issueSpan(item: Value, start: number, end: number): ByteSpan {
  if (item.type !== 'string') return { start: item.start, end: item.end };
  const inner = item.end - item.start - 2;
  const verbatim = inner === item.value.length && /^[\x20-\x7e]*$/.test(item.value);
  if (!verbatim || end < start || end > item.value.length) return { start: item.start, end: item.end };
  return { start: item.start + 1 + start, end: item.start + 1 + end };
}
