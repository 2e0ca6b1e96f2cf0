// Findings as LSP-shaped diagnostics (plain objects: the service does not depend on LSP packages).
import type { Analysis } from '../analyze';
import type { Finding, Severity } from '../finding';
import type { Range } from '../text/line-index';

export interface DiagnosticOut {
  range: Range;
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: 'xlcfg';
  message: string;
  tags?: (1 | 2)[];
  relatedInformation?: { location: { uri: string; range: Range }; message: string }[];
  data?: Record<string, unknown>;
}

const SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/**
 * The message as an editor or a terminal shows it beside the severity: without xl's own `WARNING:` /
 * `warning:` / `ERROR:` prefix when it says the same as the severity (else "warning: warning: ...").
 * The finding keeps xl's line as printed (in `data.xlLine` here, and in `--json`).
 */
export function shownMessage(f: Pick<Finding, 'message' | 'severity'>): string {
  const m = /^(warning|error): (?=\S)/i.exec(f.message);
  return m && m[1]!.toLowerCase() === f.severity ? f.message.slice(m[0].length) : f.message;
}

export function toDiagnostic(a: Analysis, f: Finding, uri: string): DiagnosticOut {
  const d: DiagnosticOut = {
    range: a.lines.rangeOf(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'xlcfg',
    message: shownMessage(f),
  };
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'unnecessary' ? 1 : 2));
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: a.lines.rangeOf(r.start, r.end) }, message: r.message }));
  if (f.data) d.data = { ...f.data };
  if (d.message !== f.message) d.data = { ...d.data, xlLine: f.message };
  return d;
}

/**
 * The findings as diagnostics; with `max`, only the `max` most severe (in source order), then one
 * information diagnostic saying how many more there are.
 */
export function diagnostics(a: Analysis, uri: string, max = Infinity): DiagnosticOut[] {
  let findings = a.findings;
  if (findings.length <= max) return findings.map((f) => toDiagnostic(a, f, uri));
  const rank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };
  findings = findings.map((f, i) => [f, i] as const).sort((x, y) => rank[x[0].severity] - rank[y[0].severity] || x[1] - y[1]).slice(0, max).map((x) => x[0]);
  const out = findings.map((f) => toDiagnostic(a, f, uri));
  out.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: 'xlcfg', code: 'too-many-diagnostics',
    message: `${a.findings.length - max} more diagnostics are not shown (run \`xlcfg check\` on the file to see them all).` });
  return out;
}
