// In-file directives for xlcfg, written as comments (xl ignores them):
//   # xlcfg: xen=4.20                          analyse this file for another Xen release
//   # xlcfg-disable-next-line CODE[,CODE...]   silence findings on the next line (all, without codes)
// and the per-code severity settings. Parse errors are never silenced: xl refuses the file anyway.
import type { Finding } from './finding';
import { isXenVersion, NEWEST_XEN_VERSION, OLDEST_XEN_VERSION, type XenVersion } from './options';
import type { LineIndex } from './text/line-index';
import { latin1 } from './text/bytes';

export interface Directives {
  readonly xenVersion?: XenVersion;
  /** Written but not a version we know, with its byte span. */
  readonly badVersion?: { text: string; start: number; end: number };
  /** 0-based line -> codes silenced on it ('*' for all). */
  readonly disabled: ReadonlyMap<number, ReadonlySet<string>>;
}

const XEN_DIRECTIVE = /#\s*xlcfg:\s*xen\s*=\s*([0-9.]+)/;
const DISABLE = /#\s*xlcfg-disable-next-line\b([^\n]*)/;

export function readDirectives(bytes: Uint8Array): Directives {
  const disabled = new Map<number, Set<string>>();
  let xenVersion: XenVersion | undefined;
  let badVersion: Directives['badVersion'];
  // Only lines holding a `#` can carry a directive: jump from one such line to the next (the first
  // `#` at or after a line's start is its line's first), and count lines only up to a directive.
  let line = 0, counted = 0;
  const n = bytes.length;
  for (let from = 0; from <= n;) {
    const hash = bytes.indexOf(0x23, from);
    if (hash < 0) break;
    let end = bytes.indexOf(10, hash);
    if (end < 0) end = n;
    if (hasXlcfg(bytes, hash, end)) {
      for (let nl = bytes.indexOf(10, counted); nl >= 0 && nl < hash; nl = bytes.indexOf(10, nl + 1)) line++;
      counted = hash;
      const text = latin1(bytes.subarray(hash, end));
      {
        const v = XEN_DIRECTIVE.exec(text);
        if (v) {
          if (isXenVersion(v[1]!)) xenVersion = v[1];
          else badVersion = { text: v[1]!, start: hash + v.index + v[0].length - v[1]!.length, end: hash + v.index + v[0].length };
        }
        const d = DISABLE.exec(text);
        if (d) {
          const codes = d[1]!.split(/[\s,]+/).filter(Boolean);
          disabled.set(line + 1, new Set(codes.length ? codes : ['*']));
        }
      }
    }
    from = end + 1;
  }
  return { xenVersion, badVersion, disabled };
}

/** Whether the bytes [from, to) contain `xlcfg` (most comments do not: no need to decode them). */
function hasXlcfg(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i + 5 <= to; i++) {
    if (b[i] === 0x78 && b[i + 1] === 0x6c && b[i + 2] === 0x63 && b[i + 3] === 0x66 && b[i + 4] === 0x67) return true;
  }
  return false;
}

const isParseError = (f: Finding) => f.code.startsWith('parse-');

/**
 * The findings that stay, with the severities overridden: `findings` itself (the xlcfg-directive
 * warning added) when nothing is silenced or overridden. `lines` is asked for only when a line is
 * silenced: most files have no directive, and the line index of a 5 MB file costs a scan of every byte.
 */
export function applyDirectives(findings: Finding[], d: Directives, severities: Readonly<Record<string, Finding['severity'] | 'off'>>, lines: () => LineIndex): Finding[] {
  // Nothing silenced and no override (the usual case): every finding stays, without a code test,
  // a lookup or a copy for each (a generated file can have 100k of them).
  const out = d.disabled.size || hasOverride(severities) ? silencedAndOverridden(findings, d, severities, lines) : findings;
  if (d.badVersion) {
    out.push({ code: 'xlcfg-directive', severity: 'warning', start: d.badVersion.start, end: d.badVersion.end,
      message: `Unknown Xen version "${d.badVersion.text}" in the xlcfg directive: use ${OLDEST_XEN_VERSION} to ${NEWEST_XEN_VERSION}.` });
  }
  return out;
}

function hasOverride(severities: Readonly<Record<string, unknown>>): boolean {
  for (const _ in severities) return true;
  return false;
}

function silencedAndOverridden(findings: Finding[], d: Directives, severities: Readonly<Record<string, Finding['severity'] | 'off'>>, lines: () => LineIndex): Finding[] {
  const out: Finding[] = [];
  const index = d.disabled.size ? lines() : undefined;
  for (const f of findings) {
    if (isParseError(f)) { out.push(f); continue; }
    const silenced = index ? d.disabled.get(index.lineOf(f.start)) : undefined;
    if (silenced && (silenced.has('*') || silenced.has(f.code))) continue;
    const s = severities[f.code];
    if (s === 'off') continue;
    out.push(s ? { ...f, severity: s } : f);
  }
  return out;
}
