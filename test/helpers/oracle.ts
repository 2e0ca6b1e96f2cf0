// Access to the vendored oracles: Debian's real Xen toolstacks run without a hypervisor.
//   4.17: test/oracle (Debian 12's xen-utils-4.17 on this machine), built on first use.
//   4.20: test/oracle-4.20 (Debian 13's xen-utils-4.20 in a debootstrapped trixie root kept outside
//         the checkout, `make -C test/oracle-4.20 root`); its tools are built in the root on first use.
// A suite that needs a release's oracle where it cannot run prints one loud SKIPPED line with the
// reason, and fails when XLCFG_REQUIRE_ORACLE=1 (as in CI).
import { execFileSync, spawnSync } from 'node:child_process';
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
  xlDryrun(file: string): any;
  dmArgv(file: string, o?: DmArgvOptions): any;
  /**
   * Many configs at once (4.20: one chroot for all of them). Names follow the goldens' conventions:
   * `*noqemu*` runs dm-argv with qemu-xen absent, `*debianhost*` with `--host debian`.
   */
  batch(configs: BatchConfig[], tools?: readonly BatchTool[]): Map<string, BatchResult>;
}

export type BatchTool = 'parse' | 'dryrun' | 'argv';
export interface BatchConfig { name: string; bytes: string | Uint8Array }
export interface BatchResult { parse?: any; dryrun?: any; argv?: any }
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
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(String(r.stdout));
}

function dmArgs(o: DmArgvOptions): string[] {
  const args: string[] = [];
  if (o.host) args.push('--host', o.host);
  if (o.qemuXenAbsent) args.push('--qemu-xen-absent');
  if (o.qemuRunwith) args.push('--qemu-runwith', o.qemuRunwith);
  return args;
}

// ---- 4.17: on this machine -------------------------------------------------------------------------

function oracle417(): Oracle {
  let state: 'unknown' | 'ready' | 'missing' = 'unknown';
  let reason = 'apt-get install -y xen-utils-4.17 libxen-dev gcc make python3';
  const env = () => ({ ...process.env, ORACLE_BUILD: BUILD_DIR, LC_ALL: 'C' });
  const run = (cmd: string, args: string[], file: string) => parseJson(cmd, spawnSync(cmd, [...args, basename(file)],
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
    xlDryrun: (file) => run(join(ORACLE_DIR, 'tools/xl-dryrun/xl-dryrun'), [], file),
    dmArgv: (file, o = {}) => run(join(ORACLE_DIR, 'tools/dm-argv/dm-argv'), dmArgs(o), file),
    batch(configs, tools = ALL_TOOLS) {
      const out = new Map<string, BatchResult>();
      const dir = mkdtempSync(join(tmpdir(), 'xlcfg-batch-'));
      try {
        for (const c of configs) writeFileSync(join(dir, `${c.name}.cfg`), c.bytes);
        const r = spawnSync('sh', [join(ORACLE_DIR, 'tools', 'batch.sh'), dir], { env: { ...env(), TOOLS: tools.join(' ') }, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`the 4.17 batch failed (${r.status ?? r.signal}): ${r.stderr}`);
        for (const c of configs) {
          const res: BatchResult = {};
          for (const t of tools) res[t] = JSON.parse(readFileSync(join(dir, `${c.name}.${t}.json`), 'utf8'));
          out.set(c.name, res);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return out;
    },
  };
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
  const run = (cmd: string, args: string[], file: string) => {
    const base = join(ROOT_420, 'tmp', 'xlcfg-oracle');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(join(base, 'q-'));
    try {
      copyFileSync(file, join(dir, basename(file)));
      const r = spawnSync(join(ORACLE_420_DIR, 'run-tool.sh'), [dir.slice(ROOT_420.length), cmd, ...args, basename(file)],
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
    xlDryrun: (file) => run(`${IN_ROOT_DIR}/tools/xl-dryrun/xl-dryrun`, [], file),
    dmArgv: (file, o = {}) => run(`${IN_ROOT_DIR}/tools/dm-argv/dm-argv`, dmArgs(o), file),
    batch(configs, tools = ALL_TOOLS) {
      const out = new Map<string, BatchResult>();
      const base = join(ROOT_420, 'tmp', 'xlcfg-oracle');
      mkdirSync(base, { recursive: true });
      const dir = mkdtempSync(join(base, 'batch-'));
      try {
        for (const c of configs) writeFileSync(join(dir, `${c.name}.cfg`), c.bytes);
        const r = spawnSync(join(ORACLE_420_DIR, 'run-tool.sh'), [dir.slice(ROOT_420.length), 'env', `TOOLS=${tools.join(' ')}`,
          'sh', `${IN_ROOT_DIR}/tools/batch-in-root.sh`, '.'], { env: env(), encoding: 'utf8', maxBuffer: 1 << 30 });
        if (r.status !== 0) throw new Error(`the 4.20 batch failed (${r.status ?? r.signal}): ${r.stderr}`);
        for (const c of configs) {
          const res: BatchResult = {};
          for (const t of tools) res[t] = JSON.parse(readFileSync(join(dir, `${c.name}.${t}.json`), 'utf8'));
          out.set(c.name, res);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return out;
    },
  };
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
