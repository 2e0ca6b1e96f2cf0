// The effective-config view (issue 13): `xl create CFG key=value...` overrides applied the way xl
// applies them. Every case of test/fixtures/effective/ against what the real `xl -N create` with the
// same words printed (goldens of both oracles: scripts/gen-effective-goldens.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../../server/src/service';
import {
  effectiveConfig, splitOverrideWords, withOverrides, overridePlaces, renderValue, overrideUsageError,
} from '../../../server/src/service/features/effective-config';
import { ORACLE_RELEASES } from '../../helpers/oracle';
import { EFFECTIVE_DIR, effectiveCases, effectiveConfigPath, effectiveGolden } from '../../helpers/effective-cases';
import { xlLines } from '../model/corpus-compare';

const enc = new TextEncoder();
const dec = new TextDecoder();
const analyzeText = (text: string | Uint8Array, xenVersion: '4.17' | '4.20' = '4.17', sourceName = 'guest.cfg') =>
  analyze({ bytes: typeof text === 'string' ? enc.encode(text) : text, options: { xenVersion, host: 'reference', sourceName } });

for (const release of ORACLE_RELEASES) {
  describe(`effective config: overrides equal Xen ${release}'s xl -N create CFG key=value...`, () => {
    for (const c of effectiveCases()) {
      test(c.name, () => {
        const golden = effectiveGolden(release, c.name);
        assert.ok(golden, `no golden for ${c.name}: npx tsx scripts/gen-effective-goldens.ts`);
        const a = analyzeText(readFileSync(effectiveConfigPath(c)), release, basename(effectiveConfigPath(c)));
        const r = effectiveConfig(a, c.overrides);
        assert.equal(r.exitStatus, golden.exit_status);
        assert.deepEqual(r.config, golden.config);
        if (golden.stdout_is_usage) {
          assert.ok(r.usageError, 'xl prints its usage: the view says why');
          assert.equal(golden.stderr, '');
        } else {
          assert.equal(r.usageError, undefined);
          assert.deepEqual(r.stderr, xlLines(golden.stderr));
        }
        // xl's own lines are in the view.
        for (const l of r.stderr) assert.ok(r.text.includes(l), l);
      });
    }
  });
}

describe('effective config: the text xl parses', () => {
  test('the file, "\\n", each word and "\\n", then "\\n" (xl_vmcontrol.c)', () => {
    assert.equal(dec.decode(withOverrides(enc.encode('a = 1'), ['b=2', 'c=3'])), 'a = 1\nb=2\nc=3\n\n');
    assert.equal(dec.decode(withOverrides(enc.encode('a = 1\n'), [])), 'a = 1\n');
    const places = overridePlaces(enc.encode('a = 1\n'), ['b=2', 'c="x\ny"', 'd=4']);
    assert.deepEqual(places.map((p) => [p.firstLine, p.lastLine]), [[3, 3], [4, 5], [6, 6]]);
    assert.equal(dec.decode(withOverrides(enc.encode('a = 1\n'), ['b=2', 'c="x\ny"', 'd=4']).subarray(places[1]!.start, places[1]!.end)), 'c="x\ny"');
  });

  test('typed words split as a shell does, nothing expanded', () => {
    assert.deepEqual(splitOverrideWords(`memory=1024  'name="web 2"' vcpus=2`), { words: ['memory=1024', 'name="web 2"', 'vcpus=2'] });
    assert.deepEqual(splitOverrideWords(`name="web 2"`), { words: ['name=web 2'] });
    assert.deepEqual(splitOverrideWords(`extra="a \\"b\\" \\$HOME" x=\\'y`), { words: ['extra=a "b" $HOME', "x='y"] });
    assert.deepEqual(splitOverrideWords(`kernel=$K ~/x *`), { words: ['kernel=$K', '~/x', '*'] });
    assert.deepEqual(splitOverrideWords('  '), { words: [] });
    assert.ok('error' in splitOverrideWords(`name='web`));
    assert.ok('error' in splitOverrideWords(`name="web`));
  });

  test('words xl would not take as config lines', () => {
    assert.match(overrideUsageError(['memory=1', 'vcpus'])!, /`vcpus` has no `=`/);
    assert.match(overrideUsageError(['-p'])!, /starts with `-`/);
    assert.equal(overrideUsageError(['memory=1', 'x=']), undefined);
  });
});

describe('effective config: the view', () => {
  const src = 'name = "web"\ntype = "hvm"\nmemory = 1024\nmemory = 2048\ndisk = [ "phy:/dev/vg/web,xvda,w" ]\ndisk += [ "file:/srv/x.img,xvdb,r" ]\nfrobnicate = 1\n';

  test('where each key comes from: its line, the += chain, the override, what it replaces', () => {
    const r = effectiveConfig(analyzeText(src), ['memory=4096', 'disk+=["/srv/y.img,raw,xvdc,w"]']);
    const by = new Map(r.settings.map((s) => [s.name, s]));
    assert.deepEqual(by.get('name')!.origins, [{ line: 1, op: '=' }]);
    assert.deepEqual(by.get('memory')!.origins, [{ line: 9, op: '=', override: 1 }]);
    assert.deepEqual(by.get('memory')!.replaced.map((o) => o.line), [3, 4]);
    assert.deepEqual(by.get('disk')!.origins, [{ line: 5, op: '=' }, { line: 6, op: '+=' }, { line: 10, op: '+=', override: 2 }]);
    assert.deepEqual(by.get('frobnicate')!.verdicts, ['unknown']);
    assert.match(r.text, /^memory = 4096 {2}# override 1 \(memory=4096\); replaces line 3, line 4$/m);
    assert.match(r.text, /^disk = \[ {2}# line 5, line 6 \+=, override 2 .* \+=$/m);
    assert.match(r.text, /^frobnicate = 1 {2}# line 7; xl does not know this key$/m);
    assert.match(r.text, /"target_memkb": 4194304/);
  });

  test('the settings part of the view is a config xl reads the same way', () => {
    const r = effectiveConfig(analyzeText(src + 'extra = "a\\tb \\"q\\" \\\\"\nvnuma = [ [ "pnode=0", "size=512" ], [ "pnode=0", "size=512" ] ]\n'), ['name="x y"']);
    const settingsText = r.text.slice(0, r.text.indexOf('\n\n# The libxl_domain_config'));
    const back = analyzeText(settingsText);
    assert.ok(back.parsed.accepted, settingsText);
    for (const s of r.settings) {
      const strip = (v: any): any => (v.type === 'string' ? v.value : v.items.map(strip));
      assert.deepEqual(strip(back.effective.get(s.name)!.value), strip(s.value), s.name);
    }
    assert.equal(renderValue({ type: 'list', line: 1, items: [], start: 0, end: 0 }), '[ ]');
  });

  test('a parse error inside an override: xl\'s message, and which override the line is', () => {
    const r = effectiveConfig(analyzeText(src), ['vcpus=2', 'name=web two']);
    assert.equal(r.accepted, false);
    assert.deepEqual(r.stderr, ["guest.cfg:10: config parsing error near `web': syntax error, unexpected IDENT, expecting STRING or NUMBER or '['", 'Failed to parse config: Invalid argument']);
    assert.match(r.text, /^# Line 10 is override 2: name=web two$/m);
    assert.equal(r.settings.length, 0);
  });

  test('what xl says of a key is on its line (a += of numbers: xl warns and ignores the value)', () => {
    const r = effectiveConfig(analyzeText(src), ['memory+="512"']);
    const memory = r.settings.find((s) => s.name === 'memory')!;
    assert.deepEqual(memory.xl, ["warning: can't use += with numbers for parameter `memory'"]);
    assert.match(r.text, /^memory = 2048512 {2}# line 4, override 1 \(memory\+="512"\) \+=; replaces line 3; xl: warning: can't use \+= with numbers/m);
  });

  test('without overrides: the file as xl reads it', () => {
    const a = analyzeText(src);
    const r = effectiveConfig(a);
    assert.deepEqual(r.config, a.xl!.config);
    assert.match(r.text, /^# for: xl create guest\.cfg$/m);
  });
});
