// Runs many one-device configs through the live oracle (real `xl -N create`) in parallel, for the
// generated spec tests: each spec goes into a minimal HVM config of its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ORACLE_DIR, BUILD_DIR } from '../../../helpers/oracle';

export interface LiveResult { exit_status: number; config: any; stderr: string }

/** The config text: `KEY = [ "SPEC" ]` after a minimal HVM guest (spec must not hold `"` or `\`). */
export function oneDeviceConfig(key: string, spec: string, extra = ''): string {
  return `name = "spec"\ntype = "hvm"\nmemory = 512\n${extra}${key} = [ "${spec}" ]\n`;
}

function runOne(dir: string, file: string): Promise<LiveResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(join(ORACLE_DIR, 'tools/xl-dryrun/xl-dryrun'), [file], {
      cwd: dir, env: { ...process.env, ORACLE_BUILD: BUILD_DIR, LC_ALL: 'C' },
    });
    let out = '';
    p.stdout.on('data', (b) => { out += b; });
    p.on('error', reject);
    p.on('close', () => {
      try { resolve(JSON.parse(out)); } catch (e) { reject(e); }
    });
  });
}

/** Runs every config text (file names `c<i>.cfg`), `parallel` at a time; results in input order. */
export async function xlDryrunMany(texts: readonly string[], parallel = 8): Promise<LiveResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'xlcfg-specs-'));
  const results: LiveResult[] = new Array(texts.length);
  let next = 0;
  async function worker(): Promise<void> {
    for (;;) {
      const i = next++;
      if (i >= texts.length) return;
      const file = `c${i}.cfg`;
      writeFileSync(join(dir, file), texts[i]!);
      results[i] = await runOne(dir, file);
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

/** xl's stderr lines after `Parsing config from ...`. */
export function stderrLines(r: LiveResult): string[] {
  return r.stderr.split('\n').slice(1).filter((l) => l !== '');
}

/** A small deterministic PRNG (mulberry32) so generated cases are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

export interface LiveCase {
  spec: string;
  mine: { device: unknown; issues: { message: string }[]; fatal: boolean };
  real: LiveResult;
}

/**
 * For each case: when xl accepts, our device equals `device(config)` and our messages are xl's
 * stderr lines; when xl exits, we are fatal with exactly xl's stderr lines. Returns the mismatches
 * (empty when all agree) and how many cases xl refused.
 */
export function compareWithLive(cases: LiveCase[], device: (config: any) => unknown): { mismatches: string[]; refused: number } {
  const mismatches: string[] = [];
  let refused = 0;
  for (const c of cases) {
    const lines = stderrLines(c.real);
    const mineLines = c.mine.issues.map((i) => i.message);
    const realDevice = c.real.exit_status === 0 ? device(c.real.config) : null;
    if (c.real.exit_status !== 0) refused++;
    const same = (c.real.exit_status === 0) === !c.mine.fatal &&
      JSON.stringify(mineLines) === JSON.stringify(lines) &&
      (c.real.exit_status !== 0 || JSON.stringify(sortKeys(c.mine.device)) === JSON.stringify(sortKeys(realDevice)));
    if (!same) {
      mismatches.push(`${JSON.stringify(c.spec)}\n  xl:   ${c.real.exit_status} ${JSON.stringify(realDevice)} ${JSON.stringify(lines)}` +
        `\n  ours: ${c.mine.fatal ? 1 : 0} ${JSON.stringify(c.mine.device)} ${JSON.stringify(mineLines)}`);
    }
  }
  return { mismatches, refused };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
