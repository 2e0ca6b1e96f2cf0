// The disk scanner tries at each position only the rules that can start with its character: the same
// tokens as trying every rule (flex's choice: longest match with trailing context, earlier rule on a
// tie), on keyword-rich generated specs and on arbitrary text, for every release.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DISK_RULES_FOR_TEST, nextDiskToken, type DiskRule } from '../../../../server/src/service/model/specs/disk-lexer';
import { XEN_VERSIONS, versionNumber } from '../../../../server/src/service/options';

function len(re: RegExp, s: string, pos: number): number {
  re.lastIndex = pos;
  const m = re.exec(s);
  return m ? m[0].length : -1;
}

/** The scan as it was before the prefilter: every rule at every position. */
function reference(spec: string, pos: number, version: number): { rule: string; start: number; end: number; text: string } | null {
  if (pos >= spec.length) return null;
  let best: { rule: DiskRule; mainLen: number; total: number } | null = null;
  for (const rule of DISK_RULES_FOR_TEST) {
    if (rule.since !== undefined && version < rule.since) continue;
    const mainLen = len(rule.main, spec, pos);
    if (mainLen < 0) continue;
    const total = mainLen + (rule.trail ? Math.max(0, len(rule.trail, spec, pos + mainLen)) : 0);
    if (!best || total > best.total) best = { rule, mainLen, total };
  }
  if (!best) return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
  let end = pos + best.mainLen;
  if (best.rule.name === 'bad-syntax') {
    if (pos + 1 >= spec.length) return { rule: 'whitespace', start: pos, end: pos + 1, text: spec.slice(pos, pos + 1) };
    end = pos + 1 + Math.max(0, len(/[^\n]*/y, spec, pos + 1));
  }
  return { rule: best.rule.name, start: pos, end, text: spec.slice(pos, end) };
}

function sameAtEveryPosition(spec: string, v: string): void {
  const n = versionNumber(v);
  for (let pos = 0; pos <= spec.length; pos++) {
    assert.deepEqual(nextDiskToken(spec, pos, n), reference(spec, pos, n), `${JSON.stringify(spec)} at ${pos}, Xen ${v}`);
  }
}

const WORDS = [
  'format=', 'cdrom', 'devtype=', 'cdrom', 'disk', 'access=', 'backend=', 'backendtype=', 'specification=', 'vdev=',
  'script=', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo', 'colo-host=', 'colo-port=', 'colo-export=',
  'active-disk=', 'hidden-disk=', 'trusted', 'untrusted', 'grant_usage=', 'target=', 'raw:', 'qcow:', 'qcow2:', 'vhd:',
  'iscsi:', 'nbd:', 'enbd:', 'drbd:', 'tapdisk:', 'tap:', 'tap2:', 'aio:', 'ioemu:', 'file:', 'phy:', 'xvda', 'hdc',
  '/dev/vg0/x', 'rw', 'ro', 'r', 'raw', 'qcow2', '0', '1', 'Ab', 'z9-', ',', ', ', '=', ':', ' ', '\t', '\n', 'é', '💾',
];
const keywordSpec = fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(''));

describe('disk scanner prefilter', () => {
  test('the same tokens as trying every rule', () => {
    fc.assert(fc.property(fc.oneof(keywordSpec, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })),
      fc.constantFrom(...XEN_VERSIONS), sameAtEveryPosition), { numRuns: 3000 });
  });
  test('every character as the first one, before each word', () => {
    for (let c = 0; c < 0x180; c++) for (const w of WORDS) sameAtEveryPosition(String.fromCharCode(c) + w, '4.20');
  });
});
