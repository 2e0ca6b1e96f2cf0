// The formatter as a pure function: layout rules, what it keeps byte for byte, refused files, range
// formatting, and its safety net. The oracle round trip is in format-oracle.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/service/analyze';
import { formatDocument, formatEdits, formatRangeEdits, applyByteEdits, storedSignature, MAX_WIDTH, MAX_DEPTH } from '../../../server/src/service/features/format';
import type { XenVersion } from '../../../server/src/service/options';

const enc = new TextEncoder(), dec = new TextDecoder();
const an = (text: string | Uint8Array, xenVersion: XenVersion = '4.17') =>
  analyze({ bytes: typeof text === 'string' ? enc.encode(text) : text, options: { xenVersion } });
/** The formatted text, through the edits (as an editor applies them). */
function fmt(text: string, opts = {}): string {
  const a = an(text);
  const out = dec.decode(applyByteEdits(a.bytes, formatEdits(a, opts)));
  assert.equal(out, formatDocument(a, opts)!.text, 'the edits give the formatted text');
  assert.deepEqual(formatEdits(an(out), opts), [], `formatting is idempotent:\n${out}`);
  return out;
}

describe('formatting a document', () => {
  test('`key = value` spacing, statements at column 0, trailing blanks gone, one final LF', () => {
    assert.equal(fmt('  name="g"   \nmemory  =\t512\nvif+=["bridge=xenbr0"]'), 'name = "g"\nmemory = 512\nvif += ["bridge=xenbr0"]\n');
  });

  test('blank lines: at most one in a row, none at the start or the end', () => {
    assert.equal(fmt('\n\n\nname = "g"\n\n\n\nmemory = 1\n  \n\t\nvcpus = 2\n\n\n'), 'name = "g"\n\nmemory = 1\n\nvcpus = 2\n');
  });

  test('comments are kept where they are (own line at column 0, trailing after one space), trailing blanks trimmed', () => {
    assert.equal(fmt('   # header  \nname = "g"    # the name\t\n#x\n'), '# header\nname = "g" # the name\n#x\n');
  });

  test('semicolons stay, with one space before the next statement', () => {
    assert.equal(fmt('a=1 ;b=2;\n;;c = 3'), 'a = 1; b = 2;\n;; c = 3\n');
  });

  test('short lists stay on one line, without a trailing comma and with single spaces', () => {
    assert.equal(fmt('vif = [ "bridge=xenbr0" , ]\ncpus=[ "0" ,"1"]\nx = [ ]\n'), 'vif = ["bridge=xenbr0"]\ncpus = ["0", "1"]\nx = []\n');
  });

  test(`a list past ${MAX_WIDTH} columns goes one item per line with a trailing comma`, () => {
    const d1 = 'phy:/dev/vg0/guest-root-volume,xvda,w', d2 = 'file:/srv/xen/images/guest-data.img,xvdb,r';
    assert.equal(fmt(`disk = [ '${d1}', '${d2}' ]`), `disk = [\n    '${d1}',\n    '${d2}',\n]\n`);
    // exactly MAX_WIDTH columns still fits
    const fits = `x = ["${'a'.repeat(MAX_WIDTH - 8)}"]\n`;
    assert.equal(fits.length - 1, MAX_WIDTH);
    assert.equal(fmt(fits), fits);
  });

  test('a list written over several lines is kept one item per line; comments and one blank line kept', () => {
    const src = 'disk = [ # disks\n  "a" # root\n  , "b",\n\n\n  # spare\n  "c"\n\n]\n';
    assert.equal(fmt(src), 'disk = [ # disks\n    "a", # root\n    "b",\n\n    # spare\n    "c",\n]\n');
  });

  test('nested lists indent by level; short inner lists stay flat', () => {
    assert.equal(fmt('x = [[1,2],[3,\n4]]\n'), 'x = [\n    [1, 2],\n    [\n        3,\n        4,\n    ],\n]\n');
  });

  test('the indentation follows the editor options', () => {
    assert.equal(fmt('x = [1,\n2]\n', { tabSize: 2 }), 'x = [\n  1,\n  2,\n]\n');
    assert.equal(fmt('x = [1,\n2]\n', { insertSpaces: false }), 'x = [\n\t1,\n\t2,\n]\n');
  });

  test('strings, escapes and numbers are copied byte for byte', () => {
    const src = 'extra="a\\"b\\\\c\\n\\101\\t"\nk = \'it\\\'s\'\nn=0x1f\nm=010\nu = "é\\r"\n';
    const out = fmt(src);
    assert.equal(out, 'extra = "a\\"b\\\\c\\n\\101\\t"\nk = \'it\\\'s\'\nn = 0x1f\nm = 010\nu = "é\\r"\n');
    assert.equal(storedSignature(an(out).parsed), storedSignature(an(src).parsed));
  });

  test('non-UTF-8 bytes in strings and comments are kept', () => {
    const src = Uint8Array.from([...enc.encode('# \xff? '), 0xff, 0x0a, ...enc.encode('name  =  "'), 0xfe, 0x80, ...enc.encode('"\n')]);
    const a = an(src);
    assert.ok(a.parsed.accepted);
    const out = applyByteEdits(src, formatEdits(a));
    assert.equal(storedSignature(an(out).parsed), storedSignature(a.parsed));
    assert.ok(out.includes(0xfe) && out.includes(0x80) && out.includes(0xff));
  });

  test('a file libxlutil refuses gets no edits (even one a final newline would make acceptable)', () => {
    for (const bad of ['name = "g"\nmemory = \n', 'name = "g"\n# no newline at the end', 'a=1\r\nb=2\r\n', '\xef\xbb\xbfname="g"\n', 'name = "g" ; memory = -1\n']) {
      const a = an(bad);
      assert.equal(a.parsed.accepted, false, bad);
      assert.equal(formatDocument(a), null);
      assert.deepEqual(formatEdits(a), []);
      assert.deepEqual(formatRangeEdits(a, 0, a.bytes.length), []);
    }
  });

  test('`+=` is refused before Xen 4.13: no edits then', () => {
    const src = 'extra  = "a"\nextra += "b"\n';
    assert.ok(formatEdits(an(src, '4.17')).length > 0);
    assert.deepEqual(formatEdits(an(src, '4.12')), []);
  });

  test('an already formatted file gets no edits', () => {
    assert.deepEqual(formatEdits(an('# c\nname = "g"\n\ndisk = [\n    "a",\n]\n')), []);
  });

  test('edits touch only the whitespace between tokens (minimal edits)', () => {
    const a = an('name="g"\nmemory = 512\n');
    assert.deepEqual(formatEdits(a), [{ start: 4, end: 4, text: ' ' }, { start: 5, end: 5, text: ' ' }]);
  });
});

describe('formatting a range', () => {
  const src = 'a=1\nb  =  [ 1,\n 2 ]\nc=3\n\n\n\nd=4\n';
  const a = an(src);
  const at = (s: string) => src.indexOf(s);

  test('only the statements the range touches change, each one whole', () => {
    const out = dec.decode(applyByteEdits(a.bytes, formatRangeEdits(a, at('2'), at('2'))));
    assert.equal(out, 'a=1\nb = [\n    1,\n    2,\n]\nc=3\n\n\n\nd=4\n');
  });

  test('the blank lines between statements collapse when the range covers them', () => {
    const out = dec.decode(applyByteEdits(a.bytes, formatRangeEdits(a, at('c=3') + 4, at('d=4'))));
    assert.equal(out, 'a=1\nb  =  [ 1,\n 2 ]\nc=3\n\nd = 4\n');
  });

  test('a range over everything equals formatting the document', () => {
    assert.deepEqual(formatRangeEdits(a, 0, a.bytes.length), formatEdits(a));
  });
});

describe('formatting: limits', () => {
  test(`lists nested deeper than ${MAX_DEPTH} leave the file alone`, () => {
    const deep = (d: number) => an(`x=${'['.repeat(d)}1${']'.repeat(d)}\n`);
    assert.ok(formatEdits(deep(MAX_DEPTH)).length > 0);
    const a = deep(4000);
    assert.ok(a.parsed.accepted);
    assert.equal(formatDocument(a), null);
    assert.deepEqual(formatEdits(a), []);
  });

  test('a file above the analysis size limit is left alone', () => {
    const a = analyze({ bytes: enc.encode('name="g"\n'), semanticLimitBytes: 4 });
    assert.deepEqual(formatEdits(a), []);
  });

  test('a list of 100,000 items on one line: one per line, quickly', () => {
    const a = an(`cpus = [${'1,'.repeat(100_000)}]\n`);
    const t0 = Date.now();
    const out = formatDocument(a)!.text;
    assert.equal(out.split('\n').length, 100_003);
    assert.ok(Date.now() - t0 < 5000, `${Date.now() - t0} ms`);
  });
});
