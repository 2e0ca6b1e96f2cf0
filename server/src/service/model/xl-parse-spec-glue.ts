// How the model hands spec strings to model/specs and turns their issues into xl's stderr lines
// and findings on the setting's value (tools/xl/xl_parse.c, Xen 4.17, device loops).
import type { ParseState } from './parse-state';
import type { SpecContext, SpecResult } from './specs';
import { XlExit } from './xl-report';

export function specContext(st: ParseState, index: number): SpecContext {
  return { guestType: st.type, index, options: st.options, sourceName: st.src };
}

/**
 * Prints the spec parser's lines; when xl exits on the spec, adds xl's own closing line
 * (`closing`, unless the parser already gave it) and stops with `status`.
 */
export function reportSpecIssues(st: ParseState, key: string, res: SpecResult<unknown>, closing: string | null, status = 1): void {
  const d = st.at(key);
  for (const issue of res.issues) {
    const code = issue.code || (issue.severity === 'error' ? 'xl-rejects' : 'xl-warning');
    st.report.line(issue.message, { ...d, code, severity: issue.severity });
  }
  if (!res.fatal) return;
  const last = res.issues[res.issues.length - 1];
  if (closing !== null && last?.message !== closing) st.report.line(closing, { ...d, severity: 'error' });
  throw new XlExit(status);
}
