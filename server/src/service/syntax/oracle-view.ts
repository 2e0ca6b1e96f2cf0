// The parse result in the shape of the oracle's `xlu-parse` report (test/oracle/README.md, tool A),
// so `xlcfg parse --json` can be compared with real libxlutil field by field.
import type { ParsedConfig } from './parsed-config';
import type { Value } from './settings';

export type OracleValue =
  | { type: 'string'; line: number; value: string }
  | { type: 'list'; line: number; items: OracleValue[] };

export interface OracleParseReport {
  tool: 'xlcfg';
  source: string;
  accepted: boolean;
  errno: number;
  errno_name: string;
  strerror?: string;
  messages: string[];
  settings: { name: string; op: '=' | '+='; line: number; value: OracleValue }[];
  effective: Record<string, OracleValue>;
  num_settings: number;
  /**
   * Set when libxlutil does not return at all but kills xl (an assertion failure): why, in our
   * words. The oracle's own tool dies with xl and prints no report then.
   */
  crash?: string;
}

/** Drops our byte offsets; iterative, as values may nest thousands deep. */
export function toOracleValue(v: Value): OracleValue {
  const root: OracleValue = v.type === 'string' ? { type: 'string', line: v.line, value: v.value } : { type: 'list', line: v.line, items: [] };
  const work: [Value, OracleValue][] = [[v, root]];
  while (work.length) {
    const [src, dst] = work.pop()!;
    if (src.type !== 'list' || dst.type !== 'list') continue;
    for (const item of src.items) {
      const o: OracleValue = item.type === 'string' ? { type: 'string', line: item.line, value: item.value } : { type: 'list', line: item.line, items: [] };
      dst.items.push(o);
      work.push([item, o]);
    }
  }
  return root;
}

export function oracleParseReport(parsed: ParsedConfig, sourceName: string, opts: { httpPythonUrl?: boolean } = {}): OracleParseReport {
  const settings = parsed.settings.map((s) => ({ name: s.name, op: s.op, line: s.line, value: toOracleValue(s.value) }));
  const effective: Record<string, OracleValue> = {};
  for (const s of settings) effective[s.name] = s.value;
  const report: OracleParseReport = {
    tool: 'xlcfg',
    source: sourceName,
    accepted: parsed.accepted,
    errno: parsed.accepted ? 0 : 22,
    errno_name: parsed.accepted ? 'OK' : 'EINVAL',
    messages: parsed.messages(sourceName, opts),
    settings,
    effective,
    num_settings: settings.length,
  };
  if (!parsed.accepted) report.strerror = 'Invalid argument';
  if (parsed.errors.some((e) => e.kind === 'abort')) {
    report.crash = 'libxlutil fails an assertion on a NUL byte inside a quoted string and xl aborts (SIGABRT)';
  }
  return report;
}
