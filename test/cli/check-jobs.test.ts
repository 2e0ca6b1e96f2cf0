// `xlcfg check --jobs N`: worker threads give the same output as one process (the files' order,
// the findings across configs over all files), and the progress line is drawn on a terminal only.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { realisticConfig } from '../fuzz/generators';
import { prng } from '../helpers/prng';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

function xlcfg(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** ~200 generated configs (names repeat every 150: findings across configs), one xl.conf. */
function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-jobs-'));
  const r = prng(20260);
  for (let i = 0; i < 200; i++) writeFileSync(join(dir, `g${String(i).padStart(3, '0')}.cfg`), realisticConfig(r, i % 150));
  writeFileSync(join(dir, 'broken.cfg'), 'name = "broken"\nmemory = [ 1\n');
  writeFileSync(join(dir, 'xl.conf'), 'vif.default.bridge = "xenbr1"\nvif.defualt.script = "x"\n');
  return dir;
}

describe('xlcfg check --jobs', () => {
  const dir = corpusDir();
  for (const format of ['json', 'text', 'sarif']) {
    test(`--format ${format}: --jobs 1 and --jobs 2 print the same`, () => {
      const one = xlcfg(['check', '.', '--format', format, '--jobs', '1'], dir);
      const two = xlcfg(['check', '.', '--format', format, '--jobs', '2'], dir);
      assert.equal(one.status, 1);
      assert.equal(two.status, one.status);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      if (format === 'json') {
        const files = JSON.parse(one.stdout).map((r: { file: string }) => r.file);
        assert.deepEqual(files, [...files].sort(), 'sorted by file');
        assert.equal(files.length, 202);
        assert.ok(one.stdout.includes('duplicate-guest-name'), 'findings across configs are there');
      }
    });
  }
  test('piped stderr: no progress line', () => {
    const r = xlcfg(['check', '.', '--jobs', '2'], dir);
    assert.doesNotMatch(r.stderr, /\r|configs, \d+\/s/);
    assert.match(r.stderr, /^202 file\(s\) checked, \d+ error\(s\)\n$/);
  });
  test('on a terminal: the progress line, cleared before the summary', { skip: spawnSync('script', ['--version']).status !== 0 && 'no script(1) here' }, () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${CLI} check . --jobs 2 >/dev/null`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    assert.match(r.stdout, /\r {2}\d+\/202 configs, \d+\/s/);
    assert.match(r.stdout, /\r\x1b\[K202 file\(s\) checked/);
  });
  test('--jobs must be a whole number from 1; a worker\'s unreadable file stops with status 2', () => {
    assert.equal(xlcfg(['check', '.', '--jobs', '0'], dir).status, 2);
    const missing = xlcfg(['check', '.', 'nope.cfg', '--jobs', '2'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.cfg: cannot read: ENOENT/);
  });
});
