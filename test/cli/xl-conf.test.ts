// xl.conf, xl's global config: its guest defaults (vif.default.*, blkdev_start, run_hotplug_scripts,
// claim_mode, grant limits, vm.*cpumask) applied as xl applies them. Every guest of
// test/fixtures/xl-conf/guests with every xl.conf of the fixtures, through the oracles' real
// `xl -N create` (xl-dryrun --xlconf, Xen 4.17 and 4.20) and through the built `xlcfg config --json
// --xlconf`: the same verdict and the same domain config. Also: an xl.conf checked as one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ORACLES, ORACLE_RELEASES, ROOT_420, requireOracleRelease, type OracleRelease } from '../helpers/oracle';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const FIXTURES = resolve(__dirname, '..', 'fixtures', 'xl-conf');
const GUESTS = readdirSync(join(FIXTURES, 'guests')).filter((f) => f.endsWith('.cfg')).sort();
const CONFS = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'guests').map((d) => d.name).sort();

function xlcfg(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The real `xl -N create GUEST` with CONF as /etc/xen/xl.conf. */
function oracleDryrun(release: OracleRelease, conf: string, guest: string): { exit_status: number; config: unknown; stderr: string } {
  const o = ORACLES[release];
  if (release === '4.17') {
    const r = spawnSync(join(o.dir, 'tools/xl-dryrun/xl-dryrun'), ['--xlconf', conf, guest],
      { cwd: join(FIXTURES, 'guests'), env: { ...process.env, ORACLE_BUILD: process.env.ORACLE_BUILD ?? join(o.dir, 'build'), LC_ALL: 'C' }, encoding: 'utf8' });
    return JSON.parse(r.stdout);
  }
  const base = join(ROOT_420, 'tmp', 'xlcfg-oracle');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'xlconf-'));
  try {
    copyFileSync(conf, join(dir, 'xl.conf'));
    copyFileSync(join(FIXTURES, 'guests', guest), join(dir, guest));
    const r = spawnSync(join(o.dir, 'run-tool.sh'), [dir.slice(ROOT_420.length), '/opt/oracle-4.20/tools/xl-dryrun/xl-dryrun', '--xlconf', 'xl.conf', guest],
      { env: { ...process.env, ROOT: ROOT_420, LC_ALL: 'C' }, encoding: 'utf8' });
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const release of ORACLE_RELEASES) {
  describe(`xl.conf guest defaults, Xen ${release}`, () => {
    if (!requireOracleRelease(release, `xl.conf defaults ${release}`)) return;
    for (const conf of CONFS) {
      test(`${conf}/xl.conf: every guest as \`xl -N create\` builds it`, () => {
        const confPath = join(FIXTURES, conf, 'xl.conf');
        for (const guest of GUESTS) {
          const want = oracleDryrun(release, confPath, guest);
          const got = xlcfg(['config', guest, '--json', '--xlconf', confPath, '--xen', release, '--host', 'reference'], join(FIXTURES, 'guests'));
          const what = `${conf} + ${guest}: ${got.stderr}\noracle: ${want.stderr}`;
          assert.equal(got.status, want.exit_status === 0 ? 0 : 1, what);
          assert.deepEqual(JSON.parse(got.stdout), want.config, what);
        }
      });
    }
  });
}

describe('xlcfg check on an xl.conf', () => {
  test('its own keys: unknown and not-yet keys, deprecated names, values xl does not know', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-xlconf-'));
    writeFileSync(join(dir, 'xl.conf'), 'autoballoon = "sometimes"\nvifscript = "vif-nat"\nvif.default.bridg = "br0"\nbootloader_restrict = 1\nmemory = 512\n');
    const r = xlcfg(['check', 'xl.conf', '--json', '--xen', '4.17'], dir);
    const codes = JSON.parse(r.stdout)[0].diagnostics.map((d: { code: string; range: { start: { line: number } } }) => `${d.range.start.line + 1}:${d.code}`).sort();
    assert.deepEqual(codes, ['1:xl-conf-invalid', '2:xl-conf-deprecated', '3:xl-conf-unknown-key', '4:xl-conf-unknown-key', '5:xl-conf-unknown-key']);
    const at420 = JSON.parse(xlcfg(['check', 'xl.conf', '--json', '--xen', '4.20'], dir).stdout)[0].diagnostics.map((d: { code: string }) => d.code);
    assert.equal(at420.filter((c: string) => c === 'xl-conf-unknown-key').length, 2, 'bootloader_restrict is read from 4.18 on');
  });
  test('a directory: its xl.conf is checked as one, its guests as guests; a broken --xlconf stops with status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-xlconf-'));
    writeFileSync(join(dir, 'xl.conf'), 'vif.default.bridge = "xenbr1"\n');
    writeFileSync(join(dir, 'g.cfg'), 'name = "g"\nmemory = 256\nkernel = "/k"\n');
    const r = xlcfg(['check', '.', '--json', '--xlconf', 'xl.conf'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => x.file), ['g.cfg', 'xl.conf']);
    writeFileSync(join(dir, 'bad.conf'), 'max_grant_frames = 4294967296\n');
    const bad = xlcfg(['config', 'g.cfg', '--json', '--xlconf', 'bad.conf'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.conf: xl stops at start/);
  });
});
