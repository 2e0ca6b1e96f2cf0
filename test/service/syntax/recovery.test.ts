// The common syntax errors (issue 12, point 1): xl's exact message and line are kept, the finding
// says what really happened, its quick fix gives a text the real libxlutil accepts, and the
// error-tolerant pass (syntax/recovery.ts) repairs the text without moving any line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { parse } from '../../../server/src/service/syntax/parser';
import { formatParseError } from '../../../server/src/service/syntax/parse-error';
import { OffsetMap, recover } from '../../../server/src/service/syntax/recovery';
import { fixesFor, applyEdits } from '../../../server/src/service/features/code-actions';
import { ORACLES, requireOracleRelease } from '../../helpers/oracle';

interface Case {
  name: string;
  src: string;
  /** xl's line, as `xl create` prints it (the parser's own output, unchanged). */
  xl: string;
  /** What the finding adds. */
  explains: RegExp;
  /** The preferred quick fix's title, and the text it gives (null: a client command, no edits). */
  fix: RegExp;
  fixed: string | null;
  /** The text the recovery repairs to. */
  repaired: string;
  related?: number;
}

const CASES: Case[] = [
  { name: 'unclosed list', src: 'name = "x"\ndisk = [ "a", "b"\nvif = [ "c" ]\n',
    xl: "x.cfg:3: config parsing error near `vif': syntax error, unexpected IDENT, expecting ']'",
    explains: /list opened with `\[` on line 2 is not closed/, fix: /Close the list/,
    fixed: 'name = "x"\ndisk = [ "a", "b" ]\nvif = [ "c" ]\n', repaired: 'name = "x"\ndisk = [ "a", "b" ]\nvif = [ "c" ]\n', related: 1 },
  { name: 'unclosed list after a comma, blank line and comment', src: 'disk = [ "a",\n\n# c\nvif = [ "c" ]\n',
    xl: "x.cfg:4: config parsing error near `vif': syntax error, unexpected IDENT, expecting ']'",
    explains: /on line 1 is not closed/, fix: /Close the list/,
    fixed: 'disk = [ "a", ]\n\n# c\nvif = [ "c" ]\n', repaired: 'disk = [ "a", ]\n\n# c\nvif = [ "c" ]\n', related: 1 },
  { name: 'unclosed nested list at the end of the file', src: 'x = [ [ "a"\n',
    xl: "x.cfg:1: config parsing error near `': syntax error, unexpected $end, expecting ']'",
    explains: /on line 1 is not closed, so xl reads on to the end of the file/, fix: /Close the list: insert `\]\]`/,
    fixed: 'x = [ [ "a" ]]\n', repaired: 'x = [ [ "a" ]]\n', related: 2 },
  { name: 'unclosed string', src: 'name = "x\nmemory = 1\n',
    xl: "x.cfg:1: config parsing error near `\"x': lexical error",
    explains: /no closing " on its line/, fix: /Close the string/,
    fixed: 'name = "x"\nmemory = 1\n', repaired: 'name = "x"\nmemory = 1\n' },
  { name: 'unclosed string in a list', src: "disk = [ 'phy:/dev/vg/x,xvda,w ]\nmemory = 1\n",
    xl: "x.cfg:1: config parsing error near `'phy:/dev/vg/x,xvda,w': lexical error",
    explains: /no closing ' on its line/, fix: /Close the string/,
    fixed: "disk = [ 'phy:/dev/vg/x,xvda,w' ]\nmemory = 1\n", repaired: "disk = [ 'phy:/dev/vg/x,xvda,w' ]\nmemory = 1\n" },
  { name: 'missing =', src: 'name = "x"\nmemory 1024\n',
    xl: "x.cfg:2: config parsing error near `1024': syntax error, unexpected NUMBER, expecting += or '='",
    explains: /`memory` must be followed by `=`/, fix: /Insert the missing `=`/,
    fixed: 'name = "x"\nmemory = 1024\n', repaired: 'name = "x"\nmemory = 1024\n' },
  { name: 'missing comma', src: 'disk = [ "a" "b" ]\n',
    xl: "x.cfg:1: config parsing error near `\"b\"': syntax error, unexpected STRING, expecting ']'",
    explains: /without a comma/, fix: /Insert the missing comma/,
    fixed: 'disk = [ "a", "b" ]\n', repaired: 'disk = [ "a", "b" ]\n' },
  { name: 'missing comma across lines', src: 'disk = [ "a"\n  "b" ]\n',
    xl: "x.cfg:2: config parsing error near `\"b\"': syntax error, unexpected STRING, expecting ']'",
    explains: /without a comma/, fix: /Insert the missing comma/,
    fixed: 'disk = [ "a",\n  "b" ]\n', repaired: 'disk = [ "a",\n  "b" ]\n' },
  { name: 'bare word', src: 'type = hvm\n',
    xl: "x.cfg:1: config parsing error near `hvm': syntax error, unexpected IDENT, expecting STRING or NUMBER or '['",
    explains: /must be quoted/, fix: /Quote the value: "hvm"/, fixed: 'type = "hvm"\n', repaired: 'type = "hvm"\n' },
  { name: 'bare word in a list', src: 'vif = [ bridge ]\n',
    xl: "x.cfg:1: config parsing error near `bridge': syntax error, unexpected IDENT, expecting ']'",
    explains: /must be quoted/, fix: /Quote the value: "bridge"/, fixed: 'vif = [ "bridge" ]\n', repaired: 'vif = [ "bridge" ]\n' },
  { name: 'a word alone on its line', src: 'name = "x"\nfoo\nvcpus = 1\n',
    xl: "x.cfg:1: config parsing error near <newline>: syntax error, unexpected NEWLINE, expecting += or '='",
    explains: /only the word `foo`/, fix: /Comment out the line/,
    fixed: 'name = "x"\n# foo\nvcpus = 1\n', repaired: 'name = "x"\n# foo\nvcpus = 1\n' },
  { name: 'key with a capital letter', src: 'Memory = 1024\n',
    xl: "x.cfg:1: config parsing error near `Memory': lexical error",
    explains: /lower case/, fix: /lower case: memory/, fixed: 'memory = 1024\n', repaired: 'memory = 1024\n' },
  { name: 'comment at the end without a newline', src: 'vcpus = 1\n# end',
    xl: "x.cfg:2: config parsing error near `#': lexical error",
    explains: /needs a newline/, fix: /Add a newline/, fixed: 'vcpus = 1\n# end\n', repaired: 'vcpus = 1\n# end\n' },
  { name: 'CRLF', src: 'vcpus = 1\r\nmemory = 2\r\n',
    xl: "x.cfg:1: config parsing error near `\r': lexical error",
    explains: /CRLF/, fix: /Convert line endings to LF/, fixed: null, repaired: 'vcpus = 1 \nmemory = 2 \n' },
  { name: 'BOM', src: '\ufeffvcpus = 1\n',
    xl: 'x.cfg:1: config parsing error near `\ufeffvcpus\': lexical error',
    explains: /byte-order mark/, fix: /without BOM/, fixed: null, repaired: '   vcpus = 1\n' },
];

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('common syntax errors: explanation, quick fix, recovery', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const a = analyze({ bytes: enc(c.src), options: { xenVersion: '4.17', sourceName: 'x.cfg' } });
      // xl's own line is unchanged and comes first.
      const e = a.parsed.errors.find((x) => !x.hidden)!;
      assert.equal(formatParseError(e, 'x.cfg'), c.xl);
      const f = a.findings.find((x) => x.code === 'parse-error')!;
      assert.equal(f.severity, 'error');
      assert.ok(f.message.startsWith(c.xl.replace(/^x\.cfg:\d+: /, '')), f.message);
      assert.match(f.message, c.explains);
      assert.equal(f.related?.length ?? 0, c.related ?? 0);
      const fix = fixesFor(a, f, 'file:///x.cfg')[0]!;
      assert.match(fix.title, c.fix);
      if (c.fixed === null) assert.ok(fix.command, 'a client command');
      else {
        const out = applyEdits(a.bytes, fix.edits!);
        assert.equal(dec(out), c.fixed);
        assert.ok(parse(out).accepted, 'the fixed text parses');
      }
      const r = recover(a.bytes)!;
      assert.equal(dec(r.bytes), c.repaired);
      assert.equal(r.bytes.filter((b) => b === 10).length, a.bytes.filter((b) => b === 10).length + (c.src.endsWith('\n') ? 0 : 1), 'no line moves');
    });
  }

  test('the real libxlutil refuses each input with the same line, and accepts each fixed and repaired text', (t) => {
    if (!requireOracleRelease('4.17', 'recovery.test.ts')) { t.skip('no 4.17 oracle'); return; }
    const configs = CASES.flatMap((c, i) => [
      { name: `in${i}`, bytes: enc(c.src) },
      { name: `rep${i}`, bytes: enc(c.repaired) },
      ...(c.fixed === null ? [] : [{ name: `fix${i}`, bytes: enc(c.fixed) }]),
    ]);
    const res = ORACLES['4.17'].batch(configs, ['parse']);
    CASES.forEach((c, i) => {
      const theirs = res.get(`in${i}`)!.parse;
      assert.equal(theirs.accepted, false, c.name);
      const ours = parse(enc(c.src)).messages(theirs.source);
      assert.deepEqual(ours, theirs.messages, c.name);
      assert.equal(res.get(`rep${i}`)!.parse.accepted, true, `${c.name}: repaired`);
      if (c.fixed !== null) assert.equal(res.get(`fix${i}`)!.parse.accepted, true, `${c.name}: fixed`);
    });
  });

  test('offsets of the repaired text map back to the original', () => {
    const m = new OffsetMap([{ start: 5, end: 5, newText: ' ]' }, { start: 10, end: 13, newText: '"abc"' }]);
    assert.equal(m.toOriginal(4), 4);
    assert.equal(m.toOriginal(5), 5);
    assert.equal(m.toOriginal(6), 5);
    assert.equal(m.toOriginal(7), 5);
    assert.equal(m.toOriginal(12), 10);
    assert.equal(m.toOriginal(17), 13);
    assert.equal(m.toOriginal(20), 16);
    assert.ok(m.touches(6, 6));
    assert.ok(!m.touches(0, 3));
  });

  test('the misspelt key above a missing `]` is reported as a warning found on the repaired text, with its fix', () => {
    const src = 'name = "x"\nmemroy = 1024\nacpi = "yes"\ndisk = [ "phy:/dev/vg/x,xvda,w"\nvif = [ "bridge=xenbr0" ]\n';
    const a = analyze({ bytes: enc(src), options: { xenVersion: '4.17' } });
    const errors = a.findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => f.code), ['parse-error']);
    const unknown = a.findings.find((f) => f.code === 'unknown-key')!;
    assert.equal(unknown.severity, 'warning');
    assert.match(unknown.message, /memroy.*\(found on the text with the syntax error repaired\)$/);
    assert.equal(src.slice(unknown.start, unknown.start + 6), 'memroy');
    const fix = fixesFor(a, unknown).find((x) => /memory/.test(x.title))!;
    assert.equal(dec(applyEdits(a.bytes, fix.edits!)).split('\n')[1], 'memory = 1024');
    assert.ok(!fix.safe, 'fixes of the repaired text stay out of "Fix all"');
    assert.ok(a.findings.some((f) => f.code === 'boolean-as-word' && f.severity === 'warning'));
    // A severity override never makes them errors.
    const b = analyze({ bytes: enc(src), options: { xenVersion: '4.17' }, severities: { 'unknown-key': 'error' } });
    assert.equal(b.findings.find((f) => f.code === 'unknown-key')!.severity, 'warning');
    // `xlcfg parse` stays libxlutil's: nothing stored after the error.
    assert.equal(a.parsed.accepted, false);
    assert.deepEqual(a.settings.map((s) => s.name), ['name', 'memroy', 'acpi']);
  });

  test('a second unclosed list, hidden by the first, is reported as a later parse error with its fix; xl says so once the first is fixed', (t) => {
    const src = 'name = "x"\ndisk = [ "a"\nvif = [ "b"\nmemory = 512\n';
    const a = analyze({ bytes: enc(src), options: { xenVersion: '4.17', sourceName: 'x.cfg' } });
    assert.deepEqual(a.parsed.messages('x.cfg'), ["x.cfg:3: config parsing error near `vif': syntax error, unexpected IDENT, expecting ']'"]);
    const first = a.findings.find((f) => f.code === 'parse-error')!;
    const later = a.findings.find((f) => f.code === 'parse-error-later')!;
    assert.ok(later, JSON.stringify(a.findings.map((f) => f.message)));
    assert.match(later.message, /^\(xl reports this once the errors before it are fixed\) config parsing error near `memory': syntax error, unexpected IDENT, expecting '\]' — The list opened with `\[` on line 3/);
    const once = applyEdits(a.bytes, fixesFor(a, first)[0]!.edits!);
    // Both fixes are edits of the file as it is (the editor applies them one after the other).
    const twice = applyEdits(a.bytes, [...fixesFor(a, first)[0]!.edits!, ...fixesFor(a, later)[0]!.edits!]);
    assert.equal(dec(twice), 'name = "x"\ndisk = [ "a" ]\nvif = [ "b" ]\nmemory = 512\n');
    if (!requireOracleRelease('4.17', 'recovery.test.ts')) { t.skip('no 4.17 oracle'); return; }
    const res = ORACLES['4.17'].batch([{ name: 'once', bytes: once }, { name: 'twice', bytes: twice }], ['parse']);
    const p1 = res.get('once')!.parse;
    assert.deepEqual(p1.messages, [`${p1.source}:4: config parsing error near \`memory': syntax error, unexpected IDENT, expecting ']'`]);
    assert.equal(res.get('twice')!.parse.accepted, true);
  });
});
