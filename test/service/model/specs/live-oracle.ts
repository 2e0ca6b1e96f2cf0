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

export { prng } from '../../../helpers/prng';

export function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

export interface LiveCase {
  spec: string;
  mine: { device: unknown; issues: { message: string; code?: string }[]; fatal: boolean; crash?: unknown };
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
    // xl killed by a signal (what it prints then is glibc's, or nothing): we say so in our own words.
    if (c.real.exit_status < 0 && c.mine.fatal && (c.mine.crash || c.mine.issues.some((i) => i.code?.endsWith('-xl-crash')))) {
      refused++;
      continue;
    }
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

type ParseFn = (spec: string, ctx: { guestType: 'hvm'; index: number; options: any }) => LiveCase['mine'];

/**
 * Compares many specs of one list key with live xl, cheaply: specs we expect xl to accept go ten
 * to a config (their devices and warnings must match in order), specs we expect it to refuse run
 * alone (their messages must be xl's stderr). Any disagreement is a mismatch, whichever side erred.
 */
export async function compareManyWithLive(
  key: string, specs: readonly string[], parse: ParseFn, options: any, array: (config: any) => unknown[],
  alone: (spec: string) => boolean = () => false,
): Promise<{ mismatches: string[]; refused: number }> {
  const single: number[] = [];
  const batches: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < specs.length; i++) {
    if (alone(specs[i]!) || parse(specs[i]!, { guestType: 'hvm', index: 0, options: { ...options, sourceName: 'x.cfg' } }).fatal) single.push(i);
    else {
      current.push(i);
      if (current.length === 10) { batches.push(current); current = []; }
    }
  }
  if (current.length) batches.push(current);
  const groups = [...batches, ...single.map((i) => [i])];
  const texts = groups.map((g) => `name = "spec"\ntype = "hvm"\nmemory = 512\n${key} = [ ${g.map((i) => `"${specs[i]}"`).join(', ')} ]\n`);
  const live = await xlDryrunMany(texts);
  const mismatches: string[] = [];
  let refused = 0;
  groups.forEach((g, n) => {
    const real = live[n]!;
    const mine = g.map((i, index) => parse(specs[i]!, { guestType: 'hvm', index, options: { ...options, sourceName: `c${n}.cfg` } }));
    const fatal = mine.some((m) => m.fatal);
    if (real.exit_status !== 0) refused += g.length;
    const mineLines = mine.flatMap((m) => m.issues.map((x) => x.message));
    const realDevices = real.exit_status === 0 ? array(real.config) : null;
    const same = (real.exit_status === 0) === !fatal &&
      JSON.stringify(mineLines) === JSON.stringify(stderrLines(real)) &&
      (fatal || JSON.stringify(sortKeys(mine.map((m) => m.device))) === JSON.stringify(sortKeys(realDevices)));
    if (!same) {
      mismatches.push(`${JSON.stringify(g.map((i) => specs[i]))}\n  xl:   ${real.exit_status} ${JSON.stringify(realDevices)} ${JSON.stringify(stderrLines(real))}` +
        `\n  ours: ${fatal ? 1 : 0} ${JSON.stringify(mine.map((m) => m.device))} ${JSON.stringify(mineLines)}`);
    }
  });
  return { mismatches, refused };
}
