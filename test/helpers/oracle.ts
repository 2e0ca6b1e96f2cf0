// Access to the vendored oracles: Debian's real Xen toolstacks run without a hypervisor.
//   4.17: test/oracle (Debian 12's xen-utils-4.17 on this machine), built on first use.
//   4.20: test/oracle-4.20 (Debian 13's xen-utils-4.20 in a debootstrapped trixie root kept outside
//         the checkout, `make -C test/oracle-4.20 root`); its tools are built in the root on first use.
// A suite that needs a release's oracle where it cannot run prints one loud SKIPPED line with the
// reason, and fails when XLCFG_REQUIRE_ORACLE=1 (as in CI).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { join, resolve, basename, dirname } from 'node:path';
import { homedir, tmpdir } from 'node:os';

export type OracleRelease = '4.17' | '4.20';
export const ORACLE_RELEASES: readonly OracleRelease[] = ['4.17', '4.20'];

/** The checkout's test/ folder, found from here upwards (this file also runs bundled elsewhere). */
function findTestDir(): string {
  for (let d = __dirname; ; d = dirname(d)) {
    for (const c of [d, join(d, 'test')]) if (existsSync(join(c, 'oracle', 'Makefile')) && existsSync(join(c, 'oracle', 'corpus'))) return c;
    if (dirname(d) === d) return resolve(__dirname, '..');
  }
}
const TEST_DIR = findTestDir();
export const ORACLE_DIR = join(TEST_DIR, 'oracle');
/** The vendored corpus: one set of configs, goldens per release. */
export const CORPUS_DIR = join(ORACLE_DIR, 'corpus');
export const GOLDEN_DIR = join(ORACLE_DIR, 'golden');
export const BUILD_DIR = process.env.ORACLE_BUILD ?? join(ORACLE_DIR, 'build');
export const FIXTURES_DIR = join(TEST_DIR, 'fixtures', 'oracle');

export interface DmArgvOptions {
  host?: 'ideal' | 'debian';
  qemuXenAbsent?: boolean;
  /** 4.20 only: the answer of libxl's QEMU command-line probe (`none` = failed probe). */
  qemuRunwith?: 'none' | 'chroot' | 'user' | 'chroot,user';
}

export interface Oracle {
  release: OracleRelease;
  /** The vendored oracle's folder. */
  dir: string;
  /** Goldens of the vendored corpus and of our fixtures, for this release. */
  goldenDir: string;
  fixtureGoldenDir: string;
  /** True when this release's oracle can run here (builds its tools once). */
  available(): boolean;
  /** Why not, when available() is false. */
  missingReason(): string;
  xluParse(file: string): any;
  /** `xl -N create FILE EXTRA...`: extra words (`key=value` overrides) after the file, as typed. */
  xlDryrun(file: string, extra?: readonly string[]): any;
  dmArgv(file: string, o?: DmArgvOptions): any;
  /**
   * Many configs at once: one process and one mount namespace per batch (tools/batch.py; 4.20: in
   * one chroot), `xl -N create` run once per config; the same answers as the individual tools (test
   * /oracle-batch.test.ts). Names follow the goldens' conventions: `*noqemu*` runs dm-argv with
   * qemu-xen absent, `*debianhost*` with `--host debian`. A tool that printed no JSON (libxlutil
   * aborts on some inputs, xlu-parse then prints nothing) answers null.
   */
  batch(configs: BatchConfig[], tools?: readonly BatchTool[], o?: BatchOptions): Map<string, BatchResult>;
  /** The same without blocking: the oracle works while the caller does. */
  batchAsync(configs: BatchConfig[], tools?: readonly BatchTool[], o?: BatchOptions): Promise<Map<string, BatchResult>>;
}

export type BatchTool = 'parse' | 'dryrun' | 'argv';
export interface BatchConfig { name: string; bytes: string | Uint8Array }
export interface BatchResult { parse?: any; dryrun?: any; argv?: any }
/** jobs: split the batch over that many oracle processes (default 1; the answers do not change). */
export interface BatchOptions { jobs?: number }
const ALL_TOOLS: readonly BatchTool[] = ['parse', 'dryrun', 'argv'];
const dmOptionsFor = (name: string): DmArgvOptions => ({ qemuXenAbsent: name.includes('noqemu'), host: name.includes('debianhost') ? 'debian' : undefined });

/** A hash of the tools' sources, so that a stale build is rebuilt. */
function sourcesHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${p.slice(dir.length)}\0`).update(readFileSync(p));
    }
  };
  walk(join(dir, 'tools'));
  h.update(readFileSync(join(dir, 'Makefile')));
  return h.digest('hex');
}

/**
 * Runs `make ARGS` in DIR unless STAMP already holds WANT; under a lock, so that test files running
 * in parallel build once and never over a build another one is using.
 */
function buildOnce(what: string, dir: string, args: string[], stamp: string, want: string): void {
  mkdirSync(dirname(stamp), { recursive: true });
  const script = 's=$1; w=$2; shift 2; [ "$(cat "$s" 2>/dev/null)" = "$w" ] && exit 0; make -s "$@" && printf %s "$w" > "$s"';
  const r = spawnSync('flock', [`${stamp}.lock`, 'sh', '-c', script, 'sh', stamp, want, ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building ${what} failed:\n${r.stdout}\n${r.stderr}`);
}

function isRoot(): boolean {
  return typeof process.getuid !== 'function' || process.getuid() === 0;
}

function parseJson(cmd: string, r: ReturnType<typeof spawnSync>): any {
  // dm-argv exits 2 with an `outcome: harness_crash` report when libxl itself dies (abort()).
  const crashReport = r.status === 2 && String(r.stdout).includes('"harness_crash"');
  if (r.status !== 0 && r.status !== 1 && !crashReport) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(String(r.stdout));
}

function dmArgs(o: DmArgvOptions): string[] {
  const args: string[] = [];
  if (o.host) args.push('--host', o.host);
  if (o.qemuXenAbsent) args.push('--qemu-xen-absent');
  if (o.qemuRunwith) args.push('--qemu-runwith', o.qemuRunwith);
  return args;
}

/** How one release runs a batch: the folder the configs go to, the command, its environment. */
interface BatchRun { what: string; dir: string; cmd: string; args: string[]; env: NodeJS.ProcessEnv }

function writeBatch(dir: string, configs: BatchConfig[]): void {
  for (const c of configs) writeFileSync(join(dir, `${c.name}.cfg`), c.bytes);
}

/** Every answer of a finished batch; a missing file is the harness's failure, an empty one a crashed tool. */
function readBatch(dir: string, configs: BatchConfig[], tools: readonly BatchTool[]): Map<string, BatchResult> {
  const out = new Map<string, BatchResult>();
  for (const c of configs) {
    const res: BatchResult = {};
    for (const t of tools) {
      const text = readFileSync(join(dir, `${c.name}.${t}.json`), 'utf8');
      try { res[t] = JSON.parse(text); } catch { res[t] = null; }
    }
    out.set(c.name, res);
  }
  return out;
}

function runBatchSync(run: BatchRun, configs: BatchConfig[], tools: readonly BatchTool[]): Map<string, BatchResult> {
  try {
    writeBatch(run.dir, configs);
    const r = spawnSync(run.cmd, run.args, { env: run.env, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`${run.what} failed (${r.status ?? r.signal ?? r.error}): ${r.stderr}`);
    return readBatch(run.dir, configs, tools);
  } finally {
    rmSync(run.dir, { recursive: true, force: true });
  }
}

function runBatchAsync(run: BatchRun, configs: BatchConfig[], tools: readonly BatchTool[]): Promise<Map<string, BatchResult>> {
  return new Promise((resolvePromise, reject) => {
    const done = (f: () => void) => {
      try { f(); } catch (e) { reject(e); } finally { rmSync(run.dir, { recursive: true, force: true }); }
    };
    try { writeBatch(run.dir, configs); } catch (e) { done(() => { throw e; }); return; }
    const p = spawn(run.cmd, run.args, { env: run.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.setEncoding('utf8').on('data', (d: string) => { if (stderr.length < 1 << 20) stderr += d; });
    p.on('error', (e) => done(() => { throw e; }));
    p.on('close', (code, signal) => done(() => {
      if (code !== 0) throw new Error(`${run.what} failed (${code ?? signal}): ${stderr}`);
      resolvePromise(readBatch(run.dir, configs, tools));
    }));
  });
}

const jobsEnv = (o: BatchOptions = {}) => String(Math.max(1, Math.floor(o.jobs ?? 1)));

// ---- 4.17: on this machine -------------------------------------------------------------------------

function oracle417(): Oracle {
  let state: 'unknown' | 'ready' | 'missing' = 'unknown';
  let reason = 'apt-get install -y xen-utils-4.17 libxen-dev gcc make python3';
  const env = () => ({ ...process.env, ORACLE_BUILD: BUILD_DIR, LC_ALL: 'C' });
  const run = (cmd: string, args: string[], file: string, after: readonly string[] = []) => parseJson(cmd, spawnSync(cmd, [...args, basename(file), ...after],
    { cwd: dirname(file), env: env(), encoding: 'utf8', maxBuffer: 1 << 30 }));
  const self: Oracle = {
    release: '4.17',
    dir: ORACLE_DIR,
    goldenDir: GOLDEN_DIR,
    fixtureGoldenDir: join(FIXTURES_DIR, 'golden'),
    available() {
      if (state !== 'unknown') return state === 'ready';
      state = 'missing';
      if (!(existsSync('/usr/lib/xen-4.17/bin/xl') && existsSync('/usr/include/libxlutil.h') && spawnSync('gcc', ['--version']).status === 0)) return false;
      // dm-argv mounts tmpfs over these in a mount namespace of its own: that needs root, and the
      // mount points must exist.
      if (!isRoot()) { reason = 'the oracle needs root (dm-argv mounts tmpfs in a mount namespace of its own)'; return false; }
      for (const d of ['/var/run/xen', '/var/log/xen', '/var/lib/xen']) {
        try { mkdirSync(d, { recursive: true }); } catch (e) {
          reason = `cannot create ${d}, which dm-argv mounts over (${(e as Error).message})`;
          return false;
        }
      }
      buildOnce('the 4.17 oracle', ORACLE_DIR, ['-B', `BUILD=${BUILD_DIR}`], join(BUILD_DIR, '.sources'), sourcesHash(ORACLE_DIR));
      state = 'ready';
      return true;
    },
    missingReason: () => reason,
    xluParse: (file) => run(join(BUILD_DIR, 'xlu-parse'), ['--source', basename(file)], file),
    xlDryrun: (file, extra = []) => run(join(ORACLE_DIR, 'tools/xl-dryrun/xl-dryrun'), [], file, extra),
    dmArgv: (file, o = {}) => run(join(ORACLE_DIR, 'tools/dm-argv/dm-argv'), dmArgs(o), file),
    batch: (configs, tools = ALL_TOOLS, o = {}) => runBatchSync(batchRun(tools, o), configs, tools),
    batchAsync: (configs, tools = ALL_TOOLS, o = {}) => runBatchAsync(batchRun(tools, o), configs, tools),
  };
  function batchRun(tools: readonly BatchTool[], o: BatchOptions): BatchRun {
    const dir = mkdtempSync(join(tmpdir(), 'xlcfg-batch-'));
    return { what: 'the 4.17 batch', dir, cmd: 'sh', args: [join(ORACLE_DIR, 'tools', 'batch.sh'), dir],
      env: { ...env(), TOOLS: tools.join(' '), ORACLE_BATCH_JOBS: jobsEnv(o) } };
  }
  return self;
}

// ---- 4.20: in the trixie root -----------------------------------------------------------------------

/** Where the trixie root lives: outside the checkout and outside test temp folders. */
export const ROOT_420 = process.env.XLCFG_ORACLE_420_ROOT
  ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'xlcfg-oracle-4.20', 'root');
const IN_ROOT_DIR = '/opt/oracle-4.20';
const ORACLE_420_DIR = join(TEST_DIR, 'oracle-4.20');

function oracle420(): Oracle {
  let state: 'unknown' | 'ready' | 'missing' = 'unknown';
  let reason = `no Debian 13 root at ${ROOT_420}: make -C test/oracle-4.20 root (debootstrap + apt, 1-2 min, about 630 MB; root, apt-get install debootstrap)`;
  const env = () => ({ ...process.env, ROOT: ROOT_420, ORACLE_DIR: IN_ROOT_DIR, LC_ALL: 'C' });
  /** Copies the config into the root (same base name) and runs CMD there from its folder. */
  const run = (cmd: string, args: string[], file: string, after: readonly string[] = []) => {
    const base = join(ROOT_420, 'tmp', 'xlcfg-oracle');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'q-'));
    try {
      copyFileSync(file, join(dir, basename(file)));
      const r = spawnSync(join(ORACLE_420_DIR, 'run-tool.sh'), [dir.slice(ROOT_420.length), cmd, ...args, basename(file), ...after],
        { env: env(), encoding: 'utf8', maxBuffer: 1 << 30 });
      return parseJson(cmd, r);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return {
    release: '4.20',
    dir: ORACLE_420_DIR,
    goldenDir: join(ORACLE_420_DIR, 'golden'),
    fixtureGoldenDir: join(FIXTURES_DIR, 'golden-4.20'),
    available() {
      if (state !== 'unknown') return state === 'ready';
      state = 'missing';
      if (!isRoot()) { reason = 'the 4.20 oracle needs root (chroot and mounts in a private namespace)'; return false; }
      if (!existsSync(join(ROOT_420, 'usr/lib/xen-4.20/bin/xl')) || !existsSync(join(ROOT_420, 'usr/bin/gcc'))) return false;
      // The stamp sits beside the root: `make in-root` replaces the folder inside it.
      buildOnce(`the 4.20 oracle in ${ROOT_420}`, ORACLE_420_DIR, ['in-root', `ROOT=${ROOT_420}`, `ORACLE_DIR=${IN_ROOT_DIR}`, 'NICE='],
        `${ROOT_420}.oracle-sources`, sourcesHash(ORACLE_420_DIR));
      state = 'ready';
      return true;
    },
    missingReason: () => reason,
    xluParse: (file) => run(`${IN_ROOT_DIR}/build/xlu-parse`, ['--source', basename(file)], file),
    xlDryrun: (file, extra = []) => run(`${IN_ROOT_DIR}/tools/xl-dryrun/xl-dryrun`, [], file, extra),
    dmArgv: (file, o = {}) => run(`${IN_ROOT_DIR}/tools/dm-argv/dm-argv`, dmArgs(o), file),
    batch: (configs, tools = ALL_TOOLS, o = {}) => runBatchSync(batchRun(tools, o), configs, tools),
    batchAsync: (configs, tools = ALL_TOOLS, o = {}) => runBatchAsync(batchRun(tools, o), configs, tools),
  };
  /** One chroot for the whole batch, its folder inside the root. */
  function batchRun(tools: readonly BatchTool[], o: BatchOptions): BatchRun {
    const base = join(ROOT_420, 'tmp', 'xlcfg-oracle');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'batch-'));
    return { what: 'the 4.20 batch', dir, cmd: join(ORACLE_420_DIR, 'run-tool.sh'),
      args: [dir.slice(ROOT_420.length), 'env', `TOOLS=${tools.join(' ')}`, `ORACLE_BATCH_JOBS=${jobsEnv(o)}`,
        'sh', `${IN_ROOT_DIR}/tools/batch-in-root.sh`, '.'], env: env() };
  }
}

export const ORACLES: Record<OracleRelease, Oracle> = { '4.17': oracle417(), '4.20': oracle420() };

/**
 * Call at the top of a suite that needs a release's oracle: returns true when it may run. Otherwise
 * prints `SKIPPED <suite>: <reason>` once, or throws under XLCFG_REQUIRE_ORACLE=1.
 */
export function requireOracleRelease(release: OracleRelease, suite: string): boolean {
  const o = ORACLES[release];
  if (o.available()) return true;
  const line = `SKIPPED ${suite} (Xen ${release} oracle): ${o.missingReason()}`;
  if (process.env.XLCFG_REQUIRE_ORACLE === '1') throw new Error(`${line} (XLCFG_REQUIRE_ORACLE=1)`);
  console.log(`\n*** ${line} ***\n`);
  return false;
}

// The 4.17 oracle under its historical names.
export const oracleAvailable = (): boolean => ORACLES['4.17'].available();
export const requireOracle = (suite: string): boolean => requireOracleRelease('4.17', suite);
/** libxlutil's parser: {accepted, messages, settings, effective, ...}. */
export const xluParse = (file: string): any => ORACLES['4.17'].xluParse(file);
/** Real `xl -N create`: {exit_status, config, stderr}. */
export const xlDryrun = (file: string): any => ORACLES['4.17'].xlDryrun(file);
/** libxl's defaults + device-model argv: {outcome, argv, env, log, ...}. */
export const dmArgv = (file: string, o: DmArgvOptions = {}): any => ORACLES['4.17'].dmArgv(file, o);

/** Writes text (or bytes) to a fresh temp file named NAME and returns its path. */
export function tempConfig(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-'));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

export interface CorpusEntry {
  name: string;           // e.g. hvm-minimal
  file: string;           // absolute path of the .cfg
  parse: any;             // golden *.parse.json
  dryrun: any;            // golden *.dryrun.json
  argv: any;              // golden *.argv.json
}

/** Every corpus config with its goldens; extra fixture dirs follow the same layout. */
export function corpus(dirs: { corpus: string; golden: string }[] = [{ corpus: CORPUS_DIR, golden: GOLDEN_DIR }]): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const d of dirs) {
    if (!existsSync(d.corpus)) continue;
    for (const f of readdirSync(d.corpus).sort()) {
      if (!f.endsWith('.cfg')) continue;
      const name = f.slice(0, -4);
      const g = (k: string) => {
        const p = join(d.golden, `${name}.${k}.json`);
        return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
      };
      out.push({ name, file: join(d.corpus, f), parse: g('parse'), dryrun: g('dryrun'), argv: g('argv') });
    }
  }
  return out;
}

/** The vendored corpus and our fixtures, with the goldens of one release. */
export function releaseCorpus(release: OracleRelease): CorpusEntry[] {
  const o = ORACLES[release];
  return corpus([
    { corpus: CORPUS_DIR, golden: o.goldenDir },
    { corpus: join(FIXTURES_DIR, 'corpus'), golden: o.fixtureGoldenDir },
  ]);
}

export { execFileSync };
