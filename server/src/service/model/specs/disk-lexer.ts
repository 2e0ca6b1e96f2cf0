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

interface DiskRule {
  readonly name: DiskRuleName;
  /** The part that becomes yytext. */
  readonly main: RegExp;
  /** flex trailing context (`r/s`): counts for the match length, is not consumed. */
  readonly trail?: RegExp;
  /** Only in scanners generated for these releases (versionNumber form, inclusive lower bound). */
  readonly since?: number;
}

const REST_OF_LINE = /[^\n]*/y;

// `.` in flex matches anything but a newline, hence [^\n] where the .l file says `.`.
const RULES: readonly DiskRule[] = [
  { name: 'whitespace', main: /[ \t\n]+/y, trail: /(?:[^ \t\n][^\n]*)?/y },
  { name: 'format', main: /format=[^,]*,?/y },
  { name: 'cdrom', main: /cdrom,?/y },
  { name: 'devtype-cdrom', main: /devtype=cdrom,?/y },
  { name: 'devtype-disk', main: /devtype=disk,?/y },
  { name: 'devtype-other', main: /devtype=[^,]*,?/y },
  { name: 'access', main: /access=[^,]*,?/y },
  { name: 'backend', main: /backend=[^,]*,?/y },
  { name: 'backendtype', main: /backendtype=[^,]*,?/y },
  { name: 'specification', main: /specification=[^,]*,?/y, since: 417 },
  { name: 'vdev', main: /vdev=[^,]*,?/y },
  { name: 'script', main: /script=[^,]*,?/y },
  { name: 'direct-io-safe', main: /direct-io-safe,?/y },
  { name: 'discard', main: /discard,?/y },
  { name: 'no-discard', main: /no-discard,?/y },
  { name: 'colo', main: /colo,?/y },
  { name: 'no-colo', main: /no-colo,?/y },
  { name: 'colo-host', main: /colo-host=[^,]*,?/y },
  { name: 'colo-port', main: /colo-port=[^,]*,?/y },
  { name: 'colo-export', main: /colo-export=[^,]*,?/y },
  { name: 'active-disk', main: /active-disk=[^,]*,?/y },
  { name: 'hidden-disk', main: /hidden-disk=[^,]*,?/y },
  { name: 'trusted', main: /trusted,?/y, since: 419 },
  { name: 'untrusted', main: /untrusted,?/y, since: 419 },
  { name: 'grant-usage-1', main: /grant_usage=1,?/y, since: 419 },
  { name: 'grant-usage-0', main: /grant_usage=0,?/y, since: 419 },
  { name: 'target', main: /target=[^\n]*/y },
  { name: 'unknown-parameter', main: /[a-z][-a-z0-9]*=[^,],?/y },
  { name: 'prefix-format', main: /(?:raw|qcow2?|vhd):/y, trail: REST_OF_LINE },
  { name: 'prefix-script', main: /(?:iscsi|e?nbd|drbd):/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /tapdisk:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /tap2?:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /aio:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /ioemu:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /file:/y, trail: REST_OF_LINE },
  { name: 'prefix-ignored', main: /phy:/y, trail: REST_OF_LINE },
  { name: 'prefix-unknown', main: /[a-z][a-z0-9]*:/y, trail: /(?:[^a-z0-9][^\n]*)?/y },
  { name: 'positional', main: /[^=,]+,?|,/y },
  // Anything else (in practice an `=` where no parameter name precedes it): flex's `.` rule
  // switches to the error state, whose `.*` takes the rest of the line.
  { name: 'bad-syntax', main: /[^\n]/y, trail: undefined },
];

export interface DiskToken {
  readonly rule: DiskRuleName;
  /** yytext: offsets into the spec string. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function matchAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0].length : -1;
}

/**
 * The next token at `pos`, as flex would choose it, or null at the end of the string. For
 * `bad-syntax` the token already holds the rest of the line (flex's LEXERR state).
 */
export function nextDiskToken(spec: string, pos: number, version: number): DiskToken | null {
  if (pos >= spec.length) return null;
  let best: { rule: DiskRule; mainLen: number; total: number } | null = null;
  for (const rule of RULES) {
    if (rule.since !== undefined && version < rule.since) continue;
    const mainLen = matchAt(rule.main, spec, pos);
    if (mainLen < 0) continue;
    const trailLen = rule.trail ? Math.max(0, matchAt(rule.trail, spec, pos + mainLen)) : 0;
    const total = mainLen + trailLen;
    if (!best || total > best.total) best = { rule, mainLen, total };
  }
  if (!best) {
    // Only a lone newline can get here ([ \t\n]+ takes it); kept for totality.
    return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
  }
  let end = pos + best.mainLen;
  if (best.rule.name === 'bad-syntax') {
    // The error state's `.*` never matches nothing: a stray last character ends the scan silently.
    if (pos + 1 >= spec.length) return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
    end = pos + 1 + Math.max(0, matchAt(REST_OF_LINE, spec, pos + 1));
  }
  return { rule: best.rule.name, start: pos, end, text: spec.slice(pos, end) };
}
