// `xlcfg check` for pipelines (the built dist/cli.js): --format text|json|sarif|github (SARIF validated
// against the SARIF 2.1.0 schema that @microsoft/jest-sarif ships, with ajv), --severity-threshold,
// globs, `.xlcfg.json`, --fix / --diff (the fixed files checked with the real libxlutil), the
// pre-commit hook's command, and the findings across configs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve, join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CORPUS_DIR, ORACLES, requireOracleRelease } from '../helpers/oracle';
import { analyze } from '../../server/src/service/analyze';
import { FINDING_CODES } from '../../server/src/service/checks/codes';
import { fixAll, applyEdits } from '../../server/src/service/features/code-actions';
import { escapeGithubData, escapeGithubProperty } from '../../server/src/cli/formats';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const SARIF_SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function xlcfg(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

/** A fresh folder that is its own repository top (a `.xlcfg.json` above it is not read). */
function repo(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-ci-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const GUEST = (name: string, extra = '') => `name = "${name}"\nmemory = 512\nkernel = "/boot/vmlinuz"\n${extra}`;
/** Only warnings: an unknown key. */
const WARNS = GUEST('warns', 'colour = "blue"\n');
/** An error: dm_restrict with qemu-xen-traditional. */
const FAILS = 'name = "fails"\ntype = "hvm"\nmemory = 512\ndevice_model_version = "qemu-xen-traditional"\ndm_restrict = 1\n';
const EXAMPLES = join(ROOT, 'examples');

describe('xlcfg check --format', () => {
  test('--json is --format json, with the [{ file, diagnostics }] shape', () => {
    const a = xlcfg(['check', 'examples', '--json', '--exit-zero'], ROOT);
    const b = xlcfg(['check', '--format', 'json', 'examples', '--exit-zero'], ROOT);
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stderr, '');
    for (const r of a.json()) {
      assert.deepEqual(Object.keys(r), ['file', 'diagnostics']);
      for (const d of r.diagnostics) assert.deepEqual(Object.keys(d), ['severity', 'code', 'message', 'range']);
    }
    assert.equal(xlcfg(['check', 'examples', '--json', '--format', 'sarif'], ROOT).status, 2);
    assert.equal(xlcfg(['check', 'examples', '--format', 'xml'], ROOT).status, 2);
  });

  test('sarif: valid SARIF 2.1.0, one rule per code, 1-based regions, levels', () => {
    const dir = repo({ 'fails.cfg': FAILS, 'warns.cfg': WARNS, 'sub dir/same.cfg': GUEST('warns') });
    const r = xlcfg(['check', '--format', 'sarif', '.', 'sub dir'], dir);
    assert.equal(r.status, 1, r.stderr);
    const log = r.json();
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    const valid: boolean = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 1));
    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'xlcfg');
    assert.deepEqual(run.tool.driver.rules.map((x: any) => x.id), FINDING_CODES.map((c) => c.code));
    const rule = run.tool.driver.rules.find((x: any) => x.id === 'dm-restrict-traditional');
    assert.equal(rule.shortDescription.text, FINDING_CODES.find((c) => c.code === 'dm-restrict-traditional')!.meaning);
    const err = run.results.find((x: any) => x.ruleId === 'dm-restrict-traditional');
    assert.equal(err.level, 'error');
    assert.equal(run.tool.driver.rules[err.ruleIndex].id, 'dm-restrict-traditional');
    assert.deepEqual(err.locations[0].physicalLocation, { artifactLocation: { uri: 'fails.cfg', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 16 } });
    const warn = run.results.find((x: any) => x.ruleId === 'unknown-key');
    assert.equal(warn.level, 'warning');
    assert.deepEqual(warn.locations[0].physicalLocation.region, { startLine: 4, startColumn: 1, endLine: 4, endColumn: 16 });
    // Across configs: the related location in the other file (a space in a path is %20 in a URI).
    const dup = run.results.find((x: any) => x.ruleId === 'duplicate-guest-name' && x.locations[0].physicalLocation.artifactLocation.uri === 'warns.cfg');
    assert.equal(dup.relatedLocations[0].physicalLocation.artifactLocation.uri, 'sub%20dir/same.cfg');
    assert.deepEqual(dup.relatedLocations[0].physicalLocation.region, { startLine: 1, startColumn: 8, endLine: 1, endColumn: 15 });
    assert.ok(run.results.every((x: any) => ['error', 'warning', 'note'].includes(x.level)));
  });

  test('sarif: the schema check is not blind', () => {
    const ajv = new Ajv({ strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'xlcfg' } }, results: [{ message: { text: 'x' }, level: 'fatal' }] }] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'xlcfg' } }, results: [{ message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] }), false);
  });

  test('github: one workflow command per diagnostic, escaped as GitHub documents', () => {
    const dir = repo({ 'fails.cfg': FAILS, 'a,b:c.cfg': WARNS });
    const r = xlcfg(['check', '--format', 'github', 'fails.cfg', 'a,b:c.cfg'], dir);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.includes('::error file=fails.cfg,line=5,col=1,endLine=5,endColumn=16,title=dm-restrict-traditional::libxl refuses this when the guest starts (xl create fails): dm_restrict not supported by qemu-xen-traditional.'), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning file=a%2Cb%3Ac.cfg,line=4,col=1,endLine=4,endColumn=16,title=unknown-key::')), r.stdout);
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::[^\r\n]*$/);
    assert.equal(escapeGithubData('100% done\r\nnext'), '100%25 done%0D%0Anext');
    assert.equal(escapeGithubProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });

  test('text stays `file:line:col: severity: message [code]`', () => {
    const dir = repo({ 'fails.cfg': FAILS });
    const r = xlcfg(['check', 'fails.cfg'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^fails\.cfg:5:1: error: .*\[dm-restrict-traditional\]$/m);
    assert.equal(r.stderr, '1 file(s) checked, 1 error(s)\n');
  });
});

describe('xlcfg check --severity-threshold', () => {
  test('what exits 1: errors by default, warnings or information on request; --exit-zero wins', () => {
    const dir = repo({ 'warns.cfg': WARNS, 'fails.cfg': FAILS });
    assert.equal(xlcfg(['check', 'warns.cfg'], dir).status, 0);
    assert.equal(xlcfg(['check', 'warns.cfg', '--severity-threshold', 'error'], dir).status, 0);
    assert.equal(xlcfg(['check', 'warns.cfg', '--severity-threshold', 'warning'], dir).status, 1);
    assert.equal(xlcfg(['check', 'warns.cfg', '--severity-threshold=information'], dir).status, 1);
    assert.equal(xlcfg(['check', 'warns.cfg', '--severity-threshold', 'warning', '--exit-zero'], dir).status, 0);
    assert.equal(xlcfg(['check', 'fails.cfg', '--exit-zero'], dir).status, 0);
    const bad = xlcfg(['check', 'warns.cfg', '--severity-threshold', 'hint'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--severity-threshold must be error, warning, information, not hint/);
  });
});

describe('xlcfg check with directories and globs', () => {
  const dir = repo({ 'a.cfg': GUEST('a'), 'b.xl': GUEST('b'), 'notes.txt': 'x', 'deep/c.cfg': GUEST('c'), 'deep/er/d.cfg': GUEST('d'), '.hidden/e.cfg': GUEST('e') });
  const files = (args: string[]) => {
    const r = xlcfg(['check', '--json', ...args], dir);
    assert.equal(r.status, 0, r.stderr);
    return r.json().map((x: any) => x.file);
  };
  test('a directory: the configs in it', () => {
    assert.deepEqual(files(['.']), ['a.cfg', 'b.xl']);
    assert.deepEqual(files(['deep']), ['deep/c.cfg']);
  });
  test('*, ? and ** are expanded (without the shell), sorted, each file once', () => {
    assert.deepEqual(files(['*.cfg']), ['a.cfg']);
    assert.deepEqual(files(['?.*']), ['a.cfg', 'b.xl']);
    assert.deepEqual(files(['**/*.cfg']), ['a.cfg', 'deep/c.cfg', 'deep/er/d.cfg']);
    assert.deepEqual(files(['deep/**/d.cfg', 'deep/*/*.cfg']), ['deep/er/d.cfg']);
    assert.deepEqual(files(['.hidden/*.cfg']), ['.hidden/e.cfg']);
    assert.deepEqual(files([join(dir, 'deep', '*.cfg')]), [join(dir, 'deep', 'c.cfg')]);
  });
  test('a glob that matches nothing is a usage error', () => {
    const r = xlcfg(['check', '*.nope'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no file matches \*\.nope/);
  });
});

describe('xlcfg check with .xlcfg.json', () => {
  test('found upwards from the file; severities, xenVersion; flags win', () => {
    const dir = repo({
      '.xlcfg.json': JSON.stringify({ xenVersion: '4.10', severity: { 'unknown-key': 'error' } }),
      'guests/warns.cfg': WARNS,
      // 4.10 has no `+=` (libxlutil from 4.13), so this file parses only under the flag's 4.17.
      'guests/append.cfg': GUEST('append', 'extra = "a"\nextra += " b"\n'),
    });
    const r = xlcfg(['check', 'guests/warns.cfg', '--json'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.json()[0].diagnostics.find((d: any) => d.code === 'unknown-key').severity, 'error');
    assert.equal(xlcfg(['check', 'guests/append.cfg'], dir).status, 1);
    assert.equal(xlcfg(['check', 'guests/append.cfg', '--xen', '4.17'], dir).status, 0);
    writeFileSync(join(dir, '.xlcfg.json'), JSON.stringify({ severity: { 'unknown-key': 'off' } }));
    assert.deepEqual(xlcfg(['check', 'guests/warns.cfg', '--json'], dir).json()[0].diagnostics.filter((d: any) => d.code === 'unknown-key'), []);
  });

  test('xlConf: the xl.conf (relative to the .xlcfg.json) whose defaults the guests get; --xlconf wins', () => {
    const dir = repo({
      '.xlcfg.json': JSON.stringify({ xlConf: 'dom0/xl.conf' }),
      'dom0/xl.conf': 'vif.default.bridge = "xenbr7"\n',
      'other.conf': 'vif.default.bridge = "xenbr8"\n',
      'guests/g.cfg': GUEST('g', 'vif = [ "mac=00:16:3e:00:00:01" ]\n'),
    });
    assert.equal(xlcfg(['config', 'guests/g.cfg', '--json'], dir).json().nics[0].bridge, 'xenbr7');
    assert.equal(xlcfg(['config', 'guests/g.cfg', '--json', '--xlconf', 'other.conf'], dir).json().nics[0].bridge, 'xenbr8');
  });

  test('not above the repository top (.git)', () => {
    const outer = repo({ '.xlcfg.json': JSON.stringify({ severity: { 'unknown-key': 'error' } }) });
    mkdirSync(join(outer, 'inner', '.git'), { recursive: true });
    writeFileSync(join(outer, 'inner', 'warns.cfg'), WARNS);
    assert.equal(xlcfg(['check', 'inner/warns.cfg'], outer).status, 0);
  });

  test('a bad file is an error (exit 2) that says what is wrong', () => {
    const dir = repo({ '.xlcfg.json': '{ "xen": "4.20", "severity": { "unknown-key": "loud" } }', 'warns.cfg': WARNS });
    const r = xlcfg(['check', 'warns.cfg'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.xlcfg\.json: invalid xlcfg configuration:\n {2}unknown key "xen".*\n {2}"severity"\."unknown-key" must be one of/);
    assert.equal(r.stdout, '');
  });
});

describe('xlcfg check across configs', () => {
  test('the same name, MAC and writable disk in two files, with related locations', () => {
    const extra = 'vif = [ "mac=00:16:3e:00:00:01" ]\ndisk = [ "/dev/vg/shared,raw,xvda,rw" ]\n';
    const dir = repo({ 'a.cfg': GUEST('web', extra), 'b.cfg': GUEST('web', extra), 'c.cfg': GUEST('other') });
    const r = xlcfg(['check', '--json', '.'], dir);
    assert.equal(r.status, 0, 'warnings only');
    const [a, b, c] = r.json();
    assert.deepEqual(a.diagnostics.map((d: any) => d.code), ['duplicate-guest-name', 'duplicate-mac-address', 'shared-writable-disk']);
    assert.deepEqual(b.diagnostics.map((d: any) => d.code), ['duplicate-guest-name', 'duplicate-mac-address', 'shared-writable-disk']);
    assert.deepEqual(c.diagnostics, []);
    assert.deepEqual(a.diagnostics[1].related, [{ file: 'b.cfg', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 31 } }, message: 'the same vif MAC address here' }]);
    // One file alone: nothing to compare.
    assert.deepEqual(xlcfg(['check', '--json', 'a.cfg'], dir).json()[0].diagnostics, []);
    // `.xlcfg.json` severities apply to them too.
    writeFileSync(join(dir, '.xlcfg.json'), JSON.stringify({ severity: { 'shared-writable-disk': 'error', 'duplicate-guest-name': 'off' } }));
    const s = xlcfg(['check', '--json', '.'], dir);
    assert.equal(s.status, 1);
    assert.deepEqual(s.json()[0].diagnostics.map((d: any) => [d.code, d.severity]), [['duplicate-mac-address', 'warning'], ['shared-writable-disk', 'error']]);
  });
});

describe('xlcfg check --fix / --diff', () => {
  // Every corpus config with a safe fix ("Fix all" of the editor).
  const dirs = [CORPUS_DIR, join(ROOT, 'test', 'fixtures', 'oracle', 'corpus')];
  const fixable = dirs.flatMap((d) => readdirSync(d).filter((n) => n.endsWith('.cfg')).sort().map((n) => join(d, n))).flatMap((file) => {
    const bytes = readFileSync(file);
    const a = analyze({ bytes, options: { host: 'reference', xenVersion: '4.17' } });
    const all = fixAll(a);
    return all?.edits?.length ? [{ file, bytes, codes: all.findingCodes, fixed: applyEdits(bytes, all.edits) }] : [];
  });
  const target = ['--xen', '4.17', '--host', 'reference'];

  test('the corpus has fixable configs of several kinds', () => {
    assert.ok(fixable.length >= 10, `${fixable.length}`);
    assert.ok(new Set(fixable.flatMap((f) => f.codes)).size >= 3);
  });

  test('--diff prints the fixes as a unified diff that patch applies, and writes nothing', () => {
    const dir = repo();
    const names = fixable.map((f, i) => { const n = `${i}-${f.file.split('/').pop()}`; copyFileSync(f.file, join(dir, n)); return n; });
    const r = xlcfg(['check', '--diff', ...target, '--exit-zero', ...names], dir);
    assert.equal(r.status, 0, r.stderr);
    for (const [i, n] of names.entries()) assert.deepEqual(readFileSync(join(dir, n)), fixable[i]!.bytes, `${n} untouched`);
    assert.match(r.stdout, /^--- a\/0-/);
    writeFileSync(join(dir, 'fix.patch'), r.stdout);
    const p = spawnSync('patch', ['-p1', '-s', '-i', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr + p.stdout);
    for (const [i, n] of names.entries()) assert.deepEqual(readFileSync(join(dir, n)), Buffer.from(fixable[i]!.fixed), `${n}: patch gives the fixed file`);
  });

  test('--fix writes the fixed files; their findings no longer have the fixed codes', () => {
    const dir = repo();
    const names = fixable.map((f, i) => { const n = `${i}-${f.file.split('/').pop()}`; copyFileSync(f.file, join(dir, n)); return n; });
    const r = xlcfg(['check', '--fix', '--json', ...target, '--exit-zero', ...names], dir);
    assert.equal(r.status, 0, r.stderr);
    const results = r.json();
    for (const [i, n] of names.entries()) {
      const f = fixable[i]!;
      assert.deepEqual(readFileSync(join(dir, n)), Buffer.from(f.fixed), n);
      const left = results[i].diagnostics.map((d: any) => d.code).filter((c: string) => f.codes.includes(c));
      assert.deepEqual(left, [], `${n}: ${f.codes.join(', ')} fixed`);
      assert.match(r.stderr, new RegExp(`^${n.replace(/[.]/g, '\\.')}: fixed ${f.codes.join(', ')}$`, 'm'));
    }
    // Nothing left to fix: a second run changes nothing.
    const again = xlcfg(['check', '--diff', ...target, '--exit-zero', ...names], dir);
    assert.equal(again.stdout, '');
    assert.equal(xlcfg(['check', '--fix', '--diff', names[0]!], dir).status, 2);
  });

  test('libxlutil (Xen 4.17) accepts every fixed file whose original it accepted', { skip: !requireOracleRelease('4.17', 'check --fix against libxlutil') }, () => {
    const dir = repo();
    let accepted = 0;
    for (const [i, f] of fixable.entries()) {
      const before = join(dir, `${i}-before.cfg`), after = join(dir, `${i}-after.cfg`);
      writeFileSync(before, f.bytes);
      writeFileSync(after, f.fixed);
      const was = ORACLES['4.17'].xluParse(before);
      const now = ORACLES['4.17'].xluParse(after);
      if (was.accepted) { accepted++; assert.equal(now.accepted, true, `${f.file}: ${now.messages?.join('\n')}`); }
    }
    assert.ok(accepted >= 5, `${accepted}`);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const text = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const field = (k: string) => {
    const m = new RegExp(`^\\s*-?\\s*${k}: (.*)$`, 'm').exec(text);
    return m ? m[1]!.trim().replace(/^'(.*)'$/, '$1') : undefined;
  };
  test('the hook xlcfg-check', () => {
    assert.equal(field('id'), 'xlcfg-check');
    assert.equal(field('entry'), 'xlcfg check');
    assert.equal(field('files'), '\\.(cfg|xl|xlcfg)$');
  });

  test("the hook's command on the example configs (entry + args + the files pre-commit passes)", () => {
    const files = new RegExp(field('files')!);
    const [cmd, ...entryArgs] = field('entry')!.split(' ');
    assert.equal(cmd, 'xlcfg');
    const staged = readdirSync(EXAMPLES).filter((n) => files.test(n)).map((n) => `examples/${n}`);
    assert.ok(staged.length >= 3 && !files.test('README.md'));
    // The examples include a config libxl refuses: the hook fails the commit.
    const r = xlcfg([...entryArgs, ...staged], ROOT);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /examples\/hvm-dm-restrict-traditional\.cfg:9:1: error: .*\[dm-restrict-traditional\]/);
    // Without that one it passes.
    const ok = xlcfg([...entryArgs, ...staged.filter((f) => !f.includes('dm-restrict'))], ROOT);
    assert.equal(ok.status, 0, ok.stdout);
  });

  test("the README's CI steps (the shell step, the GitHub Actions step's command) on a guests folder", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const words = (line: string) => line.trim().split(/\s+/).map((w) => w.replace(/^'(.*)'$/, '$1'));
    const shell = /plain shell step[^\n]*\n\n```sh\n(xlcfg [^\n]*)\n```/.exec(readme);
    const action = /run: npx (xlcfg check --format sarif [^>\n]*) > xlcfg\.sarif\n/.exec(readme);
    assert.ok(shell && action, 'the README has both steps');
    const dir = repo({ 'guests/web/web.cfg': GUEST('web'), 'guests/db/db.cfg': WARNS, 'guests/notes.txt': 'x' });
    const s = xlcfg(words(shell[1]!).slice(1), dir);
    assert.equal(s.status, 1, 'a warning fails the step (--severity-threshold warning)');
    assert.match(s.stdout, /^guests\/db\/db\.cfg:4:1: warning: .*\[unknown-key\]$/m);
    const a = xlcfg(words(action[1]!).slice(1), dir);
    assert.equal(a.status, 0);
    assert.deepEqual(a.json().runs[0].results.map((x: any) => x.ruleId), ['unknown-key']);
  });
});
