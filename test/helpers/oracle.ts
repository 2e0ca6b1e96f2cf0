// Access to the vendored oracle (test/oracle): Debian's real Xen 4.17 toolstack run without a
// hypervisor. Builds it on first use when Debian's packages are installed; otherwise a suite that
// needs it prints one loud SKIPPED line (and fails when XLCFG_REQUIRE_ORACLE=1, as in CI).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve, basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';

/** The checkout's test/oracle, found from here upwards (this file also runs bundled elsewhere). */
function findOracleDir(): string {
  for (let d = __dirname; ; d = dirname(d)) {
    for (const c of [join(d, 'oracle'), join(d, 'test', 'oracle')]) if (existsSync(join(c, 'Makefile')) && existsSync(join(c, 'corpus'))) return c;
    if (dirname(d) === d) return resolve(__dirname, '..', 'oracle');
  }
}
export const ORACLE_DIR = findOracleDir();
export const CORPUS_DIR = join(ORACLE_DIR, 'corpus');
export const GOLDEN_DIR = join(ORACLE_DIR, 'golden');
export const BUILD_DIR = process.env.ORACLE_BUILD ?? join(ORACLE_DIR, 'build');
const INSTALL_HINT = 'apt-get install -y xen-utils-4.17 libxen-dev gcc python3';

let state: 'unknown' | 'ready' | 'missing' = 'unknown';

function packagesPresent(): boolean {
  return existsSync('/usr/lib/xen-4.17/bin/xl') && existsSync('/usr/include/libxlutil.h') &&
    spawnSync('gcc', ['--version']).status === 0;
}

/** True when the oracle can run here; builds it once. */
export function oracleAvailable(): boolean {
  if (state !== 'unknown') return state === 'ready';
  if (!packagesPresent()) { state = 'missing'; return false; }
  const tools = ['xlu-parse', 'xenstub.so', 'dm-argv-bin'];
  if (!tools.every((t) => existsSync(join(BUILD_DIR, t)))) {
    mkdirSync(BUILD_DIR, { recursive: true });
    const r = spawnSync('make', ['-s', `BUILD=${BUILD_DIR}`], { cwd: ORACLE_DIR, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the oracle failed:\n${r.stdout}\n${r.stderr}`);
  }
  // dm-argv mounts tmpfs over these (in its own namespace); the mount points must exist.
  for (const d of ['/var/run/xen', '/var/log/xen', '/var/lib/xen']) mkdirSync(d, { recursive: true });
  state = 'ready';
  return true;
}

/**
 * Call at the top of a suite that needs the oracle: returns true when it may run. Otherwise
 * prints `SKIPPED <suite>: apt-get install ...` once, or throws under XLCFG_REQUIRE_ORACLE=1.
 */
export function requireOracle(suite: string): boolean {
  if (oracleAvailable()) return true;
  const line = `SKIPPED ${suite}: ${INSTALL_HINT}`;
  if (process.env.XLCFG_REQUIRE_ORACLE === '1') throw new Error(`${line} (XLCFG_REQUIRE_ORACLE=1)`);
  console.log(`\n*** ${line} ***\n`);
  return false;
}

const env = () => ({ ...process.env, ORACLE_BUILD: BUILD_DIR, LC_ALL: 'C' });

/** Runs a tool; the file is run from its own directory with its bare name, as the goldens are. */
function runJson(cmd: string, args: string[], file: string): any {
  const r = spawnSync(cmd, [...args, basename(file)], { cwd: dirname(file), env: env(), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** libxlutil's parser: {accepted, messages, settings, effective, ...}. */
export function xluParse(file: string): any {
  return runJson(join(BUILD_DIR, 'xlu-parse'), ['--source', basename(file)], file);
}

/** Real `xl -N create`: {exit_status, config, stderr}. */
export function xlDryrun(file: string): any {
  return runJson(join(ORACLE_DIR, 'tools/xl-dryrun/xl-dryrun'), [], file);
}

export interface DmArgvOptions { host?: 'ideal' | 'debian'; qemuXenAbsent?: boolean }
/** libxl's defaults + device-model argv: {outcome, argv, env, log, ...}. */
export function dmArgv(file: string, o: DmArgvOptions = {}): any {
  const args: string[] = [];
  if (o.host) args.push('--host', o.host);
  if (o.qemuXenAbsent) args.push('--qemu-xen-absent');
  return runJson(join(ORACLE_DIR, 'tools/dm-argv/dm-argv'), args, file);
}

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

export { execFileSync };
