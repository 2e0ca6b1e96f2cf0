// `xlcfg config FILE --json key=value...` and `xlcfg argv FILE key=value...` (issue 13): the words
// with `=` are applied as `xl create FILE key=value...` applies them; the JSON equals what the real
// `xl -N create` printed with the same words (test/fixtures/effective/, both releases).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { ORACLE_RELEASES } from '../helpers/oracle';
import { EFFECTIVE_DIR, effectiveCases, effectiveConfigPath, effectiveGolden } from '../helpers/effective-cases';
import { xlLines } from '../service/model/corpus-compare';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const CORPUS = join(EFFECTIVE_DIR, 'corpus');

function xlcfg(args: string[], cwd = CORPUS) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

for (const release of ORACLE_RELEASES) {
  describe(`xlcfg config FILE --json key=value... --xen ${release} --host reference`, () => {
    test('equals `xl -N create FILE key=value...` for every effective-config case', () => {
      for (const c of effectiveCases()) {
        const golden = effectiveGolden(release, c.name)!;
        const file = effectiveConfigPath(c);
        const r = xlcfg(['config', basename(file), '--json', '--xen', release, '--host', 'reference', ...c.overrides], dirname(file));
        if (golden.stdout_is_usage) {
          assert.equal(r.status, 2, c.name);
          continue;
        }
        assert.equal(r.status, golden.exit_status === 0 ? 0 : 1, `${c.name}: ${r.stderr}`);
        assert.deepEqual(JSON.parse(r.stdout), golden.config, c.name);
        if (golden.exit_status !== 0) assert.deepEqual(r.stderr.trimEnd().split('\n'), xlLines(golden.stderr), c.name);
      }
    });
  });
}

describe('xlcfg effective FILE key=value...', () => {
  test('prints the editor\'s view; --json its parts; exit 1 when xl refuses', () => {
    const r = xlcfg(['effective', 'web-hvm.cfg', 'memory=4096', 'disk+=["file:/srv/xen/web-logs.img,xvdc,w"]']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^memory = 4096 {2}# override 1 \(memory=4096\); replaces line 4, line 5$/m);
    assert.match(r.stdout, /^disk = \[ {2}# line 7, line 8 \+=, override 2 /m);
    const j = JSON.parse(xlcfg(['effective', 'web-hvm.cfg', '--json', 'memory=4096']).stdout);
    assert.deepEqual(j.config, effectiveGolden('4.17', 'web-memory')!.config);
    assert.deepEqual(j.settings.find((s: any) => s.name === 'memory').origins, [{ line: 11, op: '=', override: 1 }]);
    const bad = xlcfg(['effective', 'web-hvm.cfg', 'name=web two']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^# Line 11 is override 1: name=web two$/m);
  });
});

describe('xlcfg argv FILE key=value...', () => {
  test('the overrides reach the device model', () => {
    const r = xlcfg(['argv', 'web-hvm.cfg', '--json', 'memory=3000']);
    assert.equal(r.status, 0, r.stderr);
    const argv: string[] = JSON.parse(r.stdout).argv;
    // libxl gives qemu the memory less the 8 MB of video RAM.
    assert.equal(argv[argv.indexOf('-m') + 1], '2992');
  });
  test('a word without `=` is a second file: a usage error', () => {
    assert.equal(xlcfg(['config', 'web-hvm.cfg', '--json', 'pv-extra.cfg']).status, 2);
  });
});
