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
export const SEVERITY_NAME: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function toDiagnostic(a: Analysis, f: Finding, uri: string): DiagnosticOut {
  const d: DiagnosticOut = {
    range: a.lines.rangeOf(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'xlcfg',
    message: f.message,
  };
  if (f.tags?.length) d.tags = f.tags.map((t) => (t === 'unnecessary' ? 1 : 2));
  if (f.related?.length) d.relatedInformation = f.related.map((r) => ({ location: { uri, range: a.lines.rangeOf(r.start, r.end) }, message: r.message }));
  if (f.data) d.data = { ...f.data };
  return d;
}

export function diagnostics(a: Analysis, uri: string): DiagnosticOut[] {
  return a.findings.map((f) => toDiagnostic(a, f, uri));
}
