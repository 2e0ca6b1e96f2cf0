// Ground truth for the defaults stage: Debian's real libxl (the oracle's static archive) applies
// its defaults to an `xl -N create` JSON and prints the libxl_domain_config JSON afterwards
// (resolved-config.c). Built on first use into a temp directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BUILD_DIR, ORACLE_DIR, oracleAvailable } from '../../../helpers/oracle';

const HERE = __dirname;
// Beside the oracle's own build of this checkout (not in a folder other checkouts share).
const OUT = join(BUILD_DIR, 'resolved');
const BIN = join(OUT, 'resolved-config-bin');
const PASSWD = join(ORACLE_DIR, 'tools/dm-argv/passwd');

export interface ResolvedOracle {
  stage: string;
  rc: number;
  need_xenpv_qemu: number;
  config: Record<string, any> | null;
  log: string[];
}

function built(): boolean {
  const src = join(HERE, 'resolved-config.c');
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= statSync(src).mtimeMs) return true;
  mkdirSync(OUT, { recursive: true });
  // Under a lock: test files running in parallel build it once (the second finds it up to date).
  const script = 'b=$1; s=$2; shift 2; [ -x "$b" ] && [ ! "$s" -nt "$b" ] && exit 0; exec sh "$@"';
  const r = spawnSync('flock', [join(OUT, '.lock'), 'sh', '-c', script, 'sh', BIN, src, join(HERE, 'build.sh'), OUT],
    { env: { ...process.env, ORACLE_BUILD: BUILD_DIR }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building resolved-config failed:\n${r.stdout}\n${r.stderr}`);
  return true;
}

/** True when the resolved-config oracle can run here. */
export function resolvedOracleAvailable(): boolean {
  return oracleAvailable() && existsSync(join(BUILD_DIR, 'dm-argv.obj/libxenlight-oracle.a')) && built();
}

export interface ResolvedOptions {
  /** ideal = the oracle's reference host; debian = this machine's real files (Debian 12 packages). */
  host?: 'ideal' | 'debian';
  qemuXenAbsent?: boolean;
}

/** Runs real libxl's defaults on an `xl -N create` config JSON. */
export function resolvedOracle(config: unknown, o: ResolvedOptions = {}): ResolvedOracle {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-res-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const env: NodeJS.ProcessEnv = { ...process.env, ORACLE_HOST: o.host ?? 'ideal', ORACLE_PASSWD: PASSWD, LC_ALL: 'C' };
  if (o.qemuXenAbsent) env.ORACLE_QEMU_XEN = 'absent';
  else delete env.ORACLE_QEMU_XEN;
  const r = spawnSync(BIN, [file], { env, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0 && r.status !== 1) throw new Error(`resolved-config failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ResolvedOracle;
}
