// The built `xlcfg` CLI (dist/cli.js) against the oracle's goldens, and its contract: JSON on stdout
// only with --json, options before or after files, exit codes 0 / 1 / 2.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve, dirname, basename } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CORPUS_DIR, ORACLES, ORACLE_RELEASES, corpus, type OracleRelease } from '../helpers/oracle';

/** The vendored corpus with one release's goldens (our fixtures are compared in-process, not through the CLI). */
const vendored = (release: OracleRelease) => corpus([{ corpus: CORPUS_DIR, golden: ORACLES[release].goldenDir }]).filter((e) => e.parse && e.dryrun && e.argv);
const entries = vendored('4.17');

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

function xlcfg(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('xlcfg parse', () => {
  test('options after the file, messages use FILE as given', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'xlcfg-cli-'));
    writeFileSync(resolve(dir, 'bad.cfg'), 'memory = -1\n');
    const r = xlcfg(['parse', 'bad.cfg', '--json'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.json().messages[0], "bad.cfg:1: config parsing error near `-1': lexical error");
  });
});

for (const release of ORACLE_RELEASES) {
const releaseEntries = vendored(release);
const target = ['--xen', release, '--host', 'reference'];

describe(`xlcfg parse --xen ${release} --host reference`, () => {
  test('every corpus config: verdict, xl\'s messages and settings equal the golden', () => {
    for (const e of releaseEntries) {
      const r = xlcfg(['parse', '--json', basename(e.file), ...target], dirname(e.file));
      assert.equal(r.status, e.parse.accepted ? 0 : 1, e.name);
      const j = r.json();
      assert.deepEqual([j.accepted, j.messages, j.settings, j.effective], [e.parse.accepted, e.parse.messages, e.parse.settings, e.parse.effective], e.name);
    }
  });
});

describe(`xlcfg config --xen ${release} --host reference`, () => {
  test('--stage xl equals `xl -N create` for every corpus config', () => {
    for (const e of releaseEntries) {
      const r = xlcfg(['config', basename(e.file), '--json', '--stage', 'xl', ...target], dirname(e.file));
      if (e.dryrun.exit_status === 0) {
        assert.equal(r.status, 0, `${e.name}: ${r.stderr}`);
        assert.deepEqual(r.json(), e.dryrun.config, e.name);
      } else {
        assert.equal(r.status, 1, e.name);
        assert.equal(r.json(), null);
      }
    }
  });
  test('--stage libxl resolves what the argv golden records', () => {
    for (const e of releaseEntries.filter((x) => x.dryrun.exit_status === 0 && x.argv.outcome !== 'error')) {
      const r = xlcfg(['config', basename(e.file), '--json', '--stage=libxl', ...target], dirname(e.file));
      const b = r.json().b_info;
      assert.equal(b.device_model_version, e.argv.device_model_version, e.name);
    }
  });
});

describe(`xlcfg argv --xen ${release}`, () => {
  test('--json equals libxl\'s argv for every corpus config (the QMP fd aside)', () => {
    const fd = (a: string[]) => a.map((x) => x.replace(/fd=\d+/, 'fd=N'));
    // `noqemu` goldens were made with qemu-xen absent, a host no --host profile describes.
    for (const e of releaseEntries.filter((x) => !x.name.includes('noqemu'))) {
      const host = e.name.includes('debianhost') ? ['--xen', release, '--host', 'debian-12'] : target;
      const r = xlcfg(['argv', '--json', basename(e.file), ...host], dirname(e.file));
      const j = r.json();
      assert.equal(j.outcome, e.argv.outcome, e.name);
      if (e.argv.outcome === 'spawn' || e.argv.outcome === 'stubdom') {
        assert.deepEqual(fd(j.argv), fd(e.argv.argv), e.name);
        assert.deepEqual(j.env, e.argv.env ?? {}, e.name);
        assert.equal(j.device_model_version, e.argv.device_model_version, e.name);
      }
      if (e.argv.outcome === 'error') assert.ok(e.argv.log.some((l: string) => l.includes(j.error.replace(/^[^:]*: (Domain \d+:)?/, ''))), `${e.name}: ${j.error}`);
    }
  });
  });
}

describe('xlcfg argv', () => {
  test('without --json: the shell-quoted command line', () => {
    const e = entries.find((x) => x.name === 'hvm-qemu-xen-dm-restrict')!;
    const r = xlcfg(['argv', basename(e.file)], dirname(e.file));
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^XEN_QEMU_CONSOLE_LIMIT=1048576 XEN_DOMAIN_ID=1 \/usr\/libexec\/xen-qemu-system-i386 -xen-domid 1 /);
    assert.match(r.stdout, / -xen-domid-restrict /);
  });
});

describe('xlcfg check', () => {
  test('--json: one object per file with LSP ranges; exit 1 on errors, 0 with --exit-zero', () => {
    const e = entries.find((x) => x.name === 'hvm-trad-dm-restrict')!;
    const r = xlcfg(['check', e.file, '--json']);
    assert.equal(r.status, 1);
    const [out] = r.json();
    assert.equal(out.file, e.file);
    const d = out.diagnostics.find((x: any) => x.code === 'dm-restrict-traditional');
    assert.equal(d.severity, 'error');
    assert.ok(Number.isInteger(d.range.start.line) && Number.isInteger(d.range.start.character));
    assert.equal(xlcfg(['check', '--exit-zero', e.file]).status, 0);
  });
  test('text output: file:line:col: severity: message [code]', () => {
    const e = entries.find((x) => x.name === 'bad-syntax-negative')!;
    const r = xlcfg(['check', basename(e.file)], dirname(e.file));
    assert.match(r.stdout, /^bad-syntax-negative\.cfg:4:\d+: error: config parsing error near `-1': lexical error .*\[parse-error\]$/m);
  });
  test('--xen and --host change the verdict', () => {
    const e = entries.find((x) => x.name === 'hvm-qemu-trad')!;
    const j = xlcfg(['check', e.file, '--json', '--xen', '4.21']).json();
    assert.ok(j[0].diagnostics.some((d: any) => d.severity === 'error' && /Unknown device_model_version/.test(d.message)));
    const h = xlcfg(['check', e.file, '--json', '--host', 'debian-12']).json();
    assert.ok(h[0].diagnostics.some((d: any) => d.severity === 'error' && /qemu-dm is not executable/.test(d.message)), JSON.stringify(h));
  });
});

describe('xlcfg usage', () => {
  test('exit 2 on a usage error or an unreadable file', () => {
    assert.equal(xlcfg([]).status, 2);
    assert.equal(xlcfg(['frobnicate', 'x']).status, 2);
    assert.equal(xlcfg(['parse']).status, 2);
    assert.equal(xlcfg(['check', 'x.cfg', '--xen', '3.0']).status, 2);
    assert.equal(xlcfg(['parse', '/nonexistent/x.cfg']).status, 2);
    assert.equal(xlcfg(['check', '/nonexistent/x.cfg', '--json']).status, 2);
    assert.equal(xlcfg(['parse', 'x.cfg', '--bogus']).status, 2);
  });
  test('--json leaves stderr for the rest: stdout is exactly one JSON document', () => {
    const e = entries.find((x) => x.name === 'warn-memory-not-a-number')!;
    const r = xlcfg(['config', e.file, '--json', '--stage', 'libxl']);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  });
  test('bench-parse prints the oracle\'s bench shape, and every run\'s time (runs_s)', () => {
    const j = xlcfg(['bench-parse', entries[0]!.file, '--runs', '3']).json();
    // xlu-parse --bench's keys, kept as they are for scripts that read them; runs_s is added.
    assert.deepEqual(Object.keys(j).sort(), ['best_s', 'bytes', 'median_s', 'runs', 'runs_s', 'settings']);
    assert.equal(j.runs, 3);
    assert.equal(j.runs_s.length, 3);
    assert.equal(j.median_s, [...j.runs_s].sort((a: number, b: number) => a - b)[1]);
    assert.equal(j.best_s, Math.min(...j.runs_s));
  });
});

// Where the real toolstack dies instead of answering (reproduced with the oracles: see the
// bad-crash-* and libxl-crash-* fixtures), --json says `crash` with the reason, and the exit is 1.
describe('xlcfg says when xl or libxl crash', () => {
  const FIX = resolve(__dirname, '..', 'fixtures', 'oracle', 'corpus');
  for (const [file, stage] of [
    ['libxl-crash-pv-stubdomain-vfb.cfg', 'libxl'], ['libxl-crash-pvh-stubdomain-qdisk.cfg', 'libxl'],
    ['bad-crash-vdispl-connector-no-id.cfg', 'xl'], ['bad-crash-bootloader-args-empty.cfg', 'xl'],
  ] as const) {
    test(`argv --json: ${file} (${stage})`, () => {
      const r = xlcfg(['argv', '--json', file, '--host', 'reference'], FIX);
      assert.equal(r.status, 1);
      const j = r.json();
      assert.equal(j.outcome, 'crash');
      assert.match(j.crash, stage === 'libxl' ? /libxl aborts/ : /xl crashes/);
    });
  }
  test('parse --json: a NUL inside quotes names the assertion crash', () => {
    const dir = mkdtempSync(resolve(tmpdir(), 'xlcfg-cli-'));
    writeFileSync(resolve(dir, 'nul.cfg'), 'kernel = "a\0b"\n');
    const r = xlcfg(['parse', '--json', 'nul.cfg'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.json().accepted, false);
    assert.match(r.json().crash, /assertion/);
    const a = xlcfg(['argv', '--json', 'nul.cfg'], dir);
    assert.equal(a.json().outcome, 'crash');
  });
});

describe('xlcfg upgrade', () => {
  const CORPUS = CORPUS_DIR;
  test('4.17 -> 4.20 on the Debian hosts: -run-with replaces -chroot/-runas, --json is one document', () => {
    const r = xlcfg(['upgrade', 'hvm-qemu-xen-dm-restrict.cfg', '--from', '4.17', '--to', '4.20', '--json'], CORPUS);
    assert.equal(r.status, 0);
    const [rep] = r.json();
    assert.equal(rep.from.host, 'debian-12');
    assert.equal(rep.to.host, 'debian-13');
    const added = rep.argv.filter((c: { op: string }) => c.op === '+').map((c: { arg: string }) => c.arg);
    const removed = rep.argv.filter((c: { op: string }) => c.op === '-').map((c: { arg: string }) => c.arg);
    assert.ok(added.includes('-run-with') && removed.includes('-chroot') && removed.includes('-runas'), JSON.stringify(rep.argv));
  });
  test('4.17 -> 4.21 with qemu-xen-traditional: refused, the removal said, exit 1', () => {
    const r = xlcfg(['upgrade', 'hvm-qemu-trad.cfg', '--from', '4.17', '--to', '4.21', '--host', 'reference'], CORPUS);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /verdict: accepted -> libxl-refuses/);
    assert.match(r.stdout, /qemu-xen-traditional is removed in Xen 4\.21/);
  });
  test('usage: --from and --to are required', () => {
    assert.equal(xlcfg(['upgrade', 'hvm-minimal.cfg', '--to', '4.20'], CORPUS).status, 2);
    assert.equal(xlcfg(['upgrade', 'hvm-minimal.cfg', '--from', '4.17', '--to', '5.0'], CORPUS).status, 2);
  });
});

describe('xlcfg check text: xl\'s own severity word is not repeated', () => {
  test('warn-memory-not-a-number: "warning: parameter ...", never "warning: warning:"', () => {
    const r = xlcfg(['check', 'warn-memory-not-a-number.cfg', '--host', 'reference', '--exit-zero'], CORPUS_DIR);
    assert.match(r.stdout, /: warning: parameter `memory' is not a valid number \[xl-not-a-number\]/);
    assert.doesNotMatch(r.stdout, /warning: warning:|error: error:/i);
    // --json keeps xl's line as printed.
    const j = xlcfg(['check', 'warn-memory-not-a-number.cfg', '--host', 'reference', '--json'], CORPUS_DIR).json();
    assert.ok(j[0].diagnostics.some((d: { message: string }) => d.message === "warning: parameter `memory' is not a valid number"));
  });
});
