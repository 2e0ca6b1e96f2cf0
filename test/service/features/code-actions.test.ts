// Quick fixes: every fix offered in the corpus (vendored + fixtures) is applied and the result run
// through the real libxlutil, xl and libxl (the oracle): the parser accepts it (or reports fewer
// errors when the file had several), and xl/libxl no longer refuse for that reason. The results are
// kept as fixtures chk-fixed-*.cfg with goldens; this test also checks they are still what the fixes
// produce.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dmArgv, requireOracle, tempConfig, xlDryrun, xluParse } from '../../helpers/oracle';
import { allCorpus, analyzeFile } from '../checks/corpus-helpers';
import { appliedFixes, reanalyse } from './code-actions-oracle';
import { analyze } from '../../../server/src/service/analyze';
import { applyEdits, codeActions, fixAll } from '../../../server/src/service/features/code-actions';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'oracle', 'corpus');
const DM_RESTRICT_TRAD = 'dm_restrict not supported by qemu-xen-traditional';
const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('quick fixes: shapes', () => {
  test('dm-restrict-traditional with traditional written: qemu-xen first, then remove dm_restrict', () => {
    const src = 'name = "t"\ntype = "hvm"\ndevice_model_version = "qemu-xen-traditional"\ndm_restrict = 1\n';
    const a = analyze({ bytes: enc(src) });
    const f = a.findings.find((x) => x.code === 'dm-restrict-traditional')!;
    const actions = codeActions(a, [f]).filter((x) => x.kind === 'quickfix');
    assert.deepEqual(actions.map((x) => x.title), [
      'Use qemu-xen: device_model_version = "qemu-xen"',
      'Remove dm_restrict (keep qemu-xen-traditional, unrestricted)',
    ]);
    assert.equal(actions[0]!.isPreferred, true);
    assert.equal(text(applyEdits(a.bytes, actions[0]!.edits!)), 'name = "t"\ntype = "hvm"\ndevice_model_version = "qemu-xen"\ndm_restrict = 1\n');
    assert.equal(text(applyEdits(a.bytes, actions[1]!.edits!)), 'name = "t"\ntype = "hvm"\ndevice_model_version = "qemu-xen-traditional"\n');
  });

  test('dm-restrict-traditional implied by a stubdomain: three fixes in order', () => {
    const src = 'name = "t"\ntype = "hvm"\ndevice_model_stubdomain_override = 1\ndm_restrict = 1\n';
    const a = analyze({ bytes: enc(src) });
    const f = a.findings.find((x) => x.code === 'dm-restrict-traditional')!;
    assert.equal(f.related?.[0]?.start, src.indexOf('device_model_stubdomain_override'));
    const titles = codeActions(a, [f]).filter((x) => x.kind === 'quickfix').map((x) => x.title);
    assert.match(titles[0]!, /^Remove dm_restrict/);
    assert.match(titles[1]!, /^Drop device_model_stubdomain_override/);
    assert.match(titles[2]!, /qemu-xen stubdomain.*Linux stubdomain images.*no documented effect/);
  });

  test('Xen 4.21 stubdomain without a version: add qemu-xen, and libxl accepts it', () => {
    const src = 'name = "t"\ntype = "hvm"\ndevice_model_stubdomain_override = 1\n';
    const a = analyze({ bytes: enc(src), options: { xenVersion: '4.21' } });
    const f = a.findings.find((x) => x.code === 'libxl-refuses')!;
    const [fix] = codeActions(a, [f]);
    const fixed = applyEdits(a.bytes, fix!.edits!);
    assert.equal(text(fixed), 'name = "t"\ntype = "hvm"\ndevice_model_stubdomain_override = 1\ndevice_model_version = "qemu-xen"\n');
    assert.deepEqual(analyze({ bytes: fixed, options: { xenVersion: '4.21' } }).findings.filter((x) => x.severity === 'error'), []);
  });

  test('CRLF: a client command and a text-edit alternative, once per file', () => {
    const a = analyze({ bytes: enc('name = "t"\r\ntype = "hvm"\r\n') });
    const actions = codeActions(a, a.findings, 'file:///x.cfg');
    const quick = actions.filter((x) => x.kind === 'quickfix');
    assert.equal(quick.length, 2);
    assert.deepEqual(quick[0]!.command, { command: 'xlcfg.convertToLf', arguments: ['file:///x.cfg'] });
    assert.equal(text(applyEdits(a.bytes, quick[1]!.edits!)), 'name = "t"\ntype = "hvm"\n');
  });

  test('BOM: the save-without-BOM command', () => {
    const a = analyze({ bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc('name = "t"\n')]) });
    const actions = codeActions(a, a.findings, 'file:///x.cfg');
    assert.deepEqual(actions[0]!.command, { command: 'xlcfg.saveWithoutBom', arguments: ['file:///x.cfg'] });
  });

  test('numbers: a fraction of a GiB for memory, nothing for a negative vcpus', () => {
    const m = analyze({ bytes: enc('name = "t"\nmemory = 1.5\n') });
    const mf = m.findings.find((x) => x.code === 'parse-error')!;
    assert.equal(text(applyEdits(m.bytes, codeActions(m, [mf])[0]!.edits!)), 'name = "t"\nmemory = 1536\n');
    const v = analyze({ bytes: enc('name = "t"\nvcpus = -1\n') });
    const vf = v.findings.find((x) => x.code === 'parse-error')!;
    assert.deepEqual(codeActions(v, [vf]).filter((x) => x.kind === 'quickfix'), []);
  });

  test('Fix all: the safe fixes together', () => {
    const a = analyze({ bytes: enc('name = "t"\ntype = hvm\nacpi = True\n# end') });
    const all = fixAll(a)!;
    assert.equal(all.kind, 'source.fixAll');
    assert.equal(text(applyEdits(a.bytes, all.edits!)), 'name = "t"\ntype = "hvm"\nacpi = 1\n# end\n');
  });
});

describe('quick fixes against the oracle', () => {
  const fixes = appliedFixes(allCorpus());
  test('fixes are offered across the corpus', () => assert.ok(fixes.length >= 25, `${fixes.length} fixes`));

  for (const fix of fixes) {
    test(`${fix.name}: ${fix.finding.code} -> ${fix.action.title}`, () => {
      // The kept fixture is what the fix produces today.
      const kept = join(FIXTURES, `${fix.name}.cfg`);
      assert.ok(existsSync(kept), `fixture ${fix.name}.cfg exists (npx tsx test/service/features/code-actions-write-fixtures.ts)`);
      assert.equal(readFileSync(kept, 'latin1'), Buffer.from(fix.after).toString('latin1'));
      // Our own analysis no longer reports this finding where it was.
      const again = reanalyse(fix);
      const count = (fs: readonly { code: string; message: string }[]) => fs.filter((f) => f.code === fix.finding.code && f.message === fix.finding.message).length;
      const first = analyzeFile(fix.entry.name, fix.before);
      assert.ok(count(again.findings) < count(first.findings), `the ${fix.finding.code} finding is gone`);
    });
  }

  if (!requireOracle('quick fixes against the oracle')) return;
  for (const fix of fixes) {
    test(`oracle: ${fix.name}`, () => {
      const file = tempConfig(`${fix.entry.name}.cfg`, fix.after);
      const parse = xluParse(file);
      const code = fix.finding.code;
      if (code.startsWith('parse-')) {
        const was = fix.entry.parse.messages.length;
        assert.ok(parse.accepted || parse.messages.length < was, `libxlutil: ${parse.messages.join(' | ')}`);
        return;
      }
      assert.equal(parse.accepted, true, parse.messages.join(' | '));
      const dry = xlDryrun(file);
      const argv = dmArgv(file, { host: fix.entry.name.includes('debianhost') ? 'debian' : undefined, qemuXenAbsent: fix.entry.name.includes('noqemu') });
      if (code === 'xl-name-missing' || code === 'xl-unknown-dm-version') assert.equal(dry.exit_status, 0, dry.stderr);
      else if (fix.entry.dryrun.exit_status === 0) assert.equal(dry.exit_status, 0, `still accepted by xl: ${dry.stderr}`);
      if (code === 'dm-restrict-traditional') {
        assert.notEqual(argv.outcome, 'error', (argv.log ?? []).join('\n'));
        assert.ok(!(argv.log ?? []).some((l: string) => l.includes(DM_RESTRICT_TRAD)));
      } else if (fix.entry.argv?.outcome && fix.entry.argv.outcome !== 'error' && dry.exit_status === 0) {
        assert.notEqual(argv.outcome, 'error', `libxl still accepts it: ${(argv.log ?? []).join('\n')}`);
      }
      if (code === 'boolean-as-word') {
        assert.ok(!dry.stderr.includes(`parameter \`${fix.finding.data!.key}' is not a valid number`), dry.stderr);
      }
      if (code === 'deprecated-key') {
        // Replacing a deprecated key changes nothing xl builds.
        assert.deepEqual(dry.config, fix.entry.dryrun.config);
      }
      // What we say now agrees with the oracle on the result.
      const a = analyzeFile(fix.entry.name, fix.after);
      const errors = a.findings.filter((f) => f.severity === 'error');
      const refused = !parse.accepted || dry.exit_status !== 0 || argv.outcome === 'error';
      assert.equal(errors.length > 0, refused, errors.map((f) => f.message).join(' | '));
    });
  }
});
