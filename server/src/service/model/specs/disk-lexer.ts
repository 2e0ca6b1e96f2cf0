// Mirrors tools/libs/util/libxlu_disk_l.l (Xen 4.17) as flex compiled it: the rules of the disk
// specification scanner, tried at each position with flex's choice (longest match, trailing context
// counted in the length; on a tie the earlier rule wins).
//
// The generated scanner that Xen 4.17 and 4.18 ship (libxlu_disk_l.c, committed to the tree) was
// never regenerated after `trusted`/`untrusted` were added to the .l file, so in those releases the
// two words are ordinary positional parameters. They are real flags from 4.19 on, as is
// grant_usage=0|1. `specification=` appeared in 4.17; older releases see an unknown parameter.

export type DiskRuleName =
  | 'whitespace' | 'format' | 'cdrom' | 'devtype-cdrom' | 'devtype-disk' | 'devtype-other'
  | 'access' | 'backend' | 'backendtype' | 'specification' | 'vdev' | 'script'
  | 'direct-io-safe' | 'discard' | 'no-discard' | 'colo' | 'no-colo'
  | 'colo-host' | 'colo-port' | 'colo-export' | 'active-disk' | 'hidden-disk'
  | 'trusted' | 'untrusted' | 'grant-usage-1' | 'grant-usage-0' | 'target' | 'unknown-parameter'
  | 'prefix-format' | 'prefix-script' | 'prefix-ignored' | 'prefix-unknown'
  | 'positional' | 'bad-syntax';

export interface DiskRule {
  readonly name: DiskRuleName;
  /** The part that becomes yytext. */
  readonly main: RegExp;
  /** flex trailing context (`r/s`): counts for the match length, is not consumed. */
  readonly trail?: RegExp;
  /** Only in scanners generated for these releases (versionNumber form, inclusive lower bound). */
  readonly since?: number;
  /**
   * The characters `main` can start with: a string of them, or LOWER (a-z), or all but the one
   * given by NOT. A prefilter only: the rules that cannot start with a character are not tried at
   * it (test/service/model/specs/disk-lexer.test.ts holds the scan that tries them all).
   */
  readonly first: string | typeof LOWER | { readonly not: string };
}

const LOWER = { lower: true } as const;
const NOT = (c: string) => ({ not: c });

const REST_OF_LINE = /[^\n]*/y;

// `.` in flex matches anything but a newline, hence [^\n] where the .l file says `.`.
const RULES: readonly DiskRule[] = [
  { name: 'whitespace', first: ' \t\n', main: /[ \t\n]+/y, trail: /(?:[^ \t\n][^\n]*)?/y },
  { name: 'format', first: 'f', main: /format=[^,]*,?/y },
  { name: 'cdrom', first: 'c', main: /cdrom,?/y },
  { name: 'devtype-cdrom', first: 'd', main: /devtype=cdrom,?/y },
  { name: 'devtype-disk', first: 'd', main: /devtype=disk,?/y },
  { name: 'devtype-other', first: 'd', main: /devtype=[^,]*,?/y },
  { name: 'access', first: 'a', main: /access=[^,]*,?/y },
  { name: 'backend', first: 'b', main: /backend=[^,]*,?/y },
  { name: 'backendtype', first: 'b', main: /backendtype=[^,]*,?/y },
  { name: 'specification', first: 's', main: /specification=[^,]*,?/y, since: 417 },
  { name: 'vdev', first: 'v', main: /vdev=[^,]*,?/y },
  { name: 'script', first: 's', main: /script=[^,]*,?/y },
  { name: 'direct-io-safe', first: 'd', main: /direct-io-safe,?/y },
  { name: 'discard', first: 'd', main: /discard,?/y },
  { name: 'no-discard', first: 'n', main: /no-discard,?/y },
  { name: 'colo', first: 'c', main: /colo,?/y },
  { name: 'no-colo', first: 'n', main: /no-colo,?/y },
  { name: 'colo-host', first: 'c', main: /colo-host=[^,]*,?/y },
  { name: 'colo-port', first: 'c', main: /colo-port=[^,]*,?/y },
  { name: 'colo-export', first: 'c', main: /colo-export=[^,]*,?/y },
  { name: 'active-disk', first: 'a', main: /active-disk=[^,]*,?/y },
  { name: 'hidden-disk', first: 'h', main: /hidden-disk=[^,]*,?/y },
  { name: 'trusted', first: 't', main: /trusted,?/y, since: 419 },
  { name: 'untrusted', first: 'u', main: /untrusted,?/y, since: 419 },
  { name: 'grant-usage-1', first: 'g', main: /grant_usage=1,?/y, since: 419 },
  { name: 'grant-usage-0', first: 'g', main: /grant_usage=0,?/y, since: 419 },
  { name: 'target', first: 't', main: /target=[^\n]*/y },
  { name: 'unknown-parameter', first: LOWER, main: /[a-z][-a-z0-9]*=[^,],?/y },
  { name: 'prefix-format', first: 'rqv', main: /(?:raw|qcow2?|vhd):/y, trail: REST_OF_LINE },
  { name: 'prefix-script', first: 'iend', main: /(?:iscsi|e?nbd|drbd):/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 't', main: /tapdisk:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 't', main: /tap2?:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 'a', main: /aio:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 'i', main: /ioemu:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 'f', main: /file:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', first: 'p', main: /phy:/y, trail: REST_OF_LINE },
  { name: 'prefix-unknown', first: LOWER, main: /[a-z][a-z0-9]*:/y, trail: /(?:[^a-z0-9][^\n]*)?/y },
  { name: 'positional', first: NOT('='), main: /[^=,]+,?|,/y },
  // Anything else (in practice an `=` where no parameter name precedes it): flex's `.` rule
  // switches to the error state, whose `.*` takes the rest of the line.
  { name: 'bad-syntax', first: NOT('\n'), main: /[^\n]/y, trail: undefined },
];

export interface DiskToken {
  readonly rule: DiskRuleName;
  /** yytext: offsets into the spec string. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The length `re` (sticky) matches at `pos`, or -1; test() builds no match array. */
function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex - pos : -1;
}

/** For each ASCII character (and 128 for all others), the rules that can start with it, in order. */
const OTHER = 128;
function startsWith(rule: DiskRule, c: number): boolean {
  const f = rule.first;
  if (typeof f === 'string') return c < OTHER && f.includes(String.fromCharCode(c));
  if ('lower' in f) return c >= 0x61 && c <= 0x7a;
  return c === OTHER || String.fromCharCode(c) !== f.not;
}
const BY_FIRST: readonly (readonly DiskRule[])[] = Array.from({ length: OTHER + 1 }, (_, c) => RULES.filter((r) => startsWith(r, c)));

/**
 * The next token at `pos`, as flex would choose it, or null at the end of the string. For
 * `bad-syntax` the token already holds the rest of the line (flex's LEXERR state).
 */
export function nextDiskToken(spec: string, pos: number, version: number): DiskToken | null {
  if (pos >= spec.length) return null;
  const c = spec.charCodeAt(pos);
  const rules = BY_FIRST[c < OTHER ? c : OTHER]!;
  let best: DiskRule | undefined, bestMain = 0, bestTotal = -1;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.since !== undefined && version < rule.since) continue;
    const mainLen = matchAt(rule.main, spec, pos);
    if (mainLen < 0) continue;
    const trailLen = rule.trail ? Math.max(0, matchAt(rule.trail, spec, pos + mainLen)) : 0;
    const total = mainLen + trailLen;
    if (total > bestTotal) { best = rule; bestMain = mainLen; bestTotal = total; }
  }
  if (!best) {
    // Only a lone newline can get here ([ \t\n]+ takes it); kept for totality.
    return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
  }
  let end = pos + bestMain;
  if (best.name === 'bad-syntax') {
    // The error state's `.*` never matches nothing: a stray last character ends the scan silently.
    if (pos + 1 >= spec.length) return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
    end = pos + 1 + Math.max(0, matchAt(REST_OF_LINE, spec, pos + 1));
  }
  return { rule: best.name, start: pos, end, text: spec.slice(pos, end) };
}

/** Every rule, for the test that checks the prefilter against a scan trying them all. */
export const DISK_RULES_FOR_TEST: readonly DiskRule[] = RULES;
