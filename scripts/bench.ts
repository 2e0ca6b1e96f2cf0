// `npm run bench`: xlcfg's speed as ratios against the oracle's libxlutil, measured in the same run,
// plus the editor latencies the issues set targets for. Prints a table and writes bench-results.json.
// It runs bundled by esbuild (dist/bench.js), as the CLI and the server do: unbundled TypeScript
// under a loader calls across modules through export getters and measures about twice as slow.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { oracleAvailable, ORACLE_DIR, BUILD_DIR } from '../test/helpers/oracle';
import { analyze } from '../server/src/service/analyze';
import { hover } from '../server/src/service/features/hover';
import { completions } from '../server/src/service/features/completion';
import { previewText } from '../server/src/service/features/preview';

const ROOT = resolve(ORACLE_DIR, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'xlcfg-bench-'));
const results: Record<string, unknown> = {};
const rows: string[] = [];
const row = (what: string, value: string, target: string, ok: boolean | undefined) =>
  rows.push(`${what.padEnd(58)} ${value.padEnd(26)} ${target.padEnd(16)} ${ok === undefined ? '' : ok ? 'ok' : 'MISSED'}`);

function gen(name: string, args: string[]): string {
  const out = join(work, name);
  const r = spawnSync('python3', [join(ORACLE_DIR, 'bench/gen-big-cfg.py'), ...args], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gen-big-cfg failed: ${r.stderr}`);
  writeFileSync(out, r.stdout);
  return out;
}
function json(cmd: string, args: string[]): any {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
function wall(cmd: string, args: string[], cwd: string, runs = 5): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(cmd, args, { cwd, stdio: 'ignore', env: { ...process.env, LD_PRELOAD: join(BUILD_DIR, 'xenstub.so'), XENSTUB_XLCONF: join(BUILD_DIR, 'xl-empty.conf') } });
    ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return ts.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
function percentiles(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]! };
}
const ms = (x: number) => `${(x * 1000).toFixed(2)} ms`;

const plain = gen('big.cfg', ['--settings', '100000']);
const appends = gen('big-app.cfg', ['--settings', '100000', '--appends', '1000']);
const runs = Number(process.env.XLCFG_BENCH_RUNS ?? 11);
const ours = (f: string) => json(process.execPath, [join(ROOT, 'dist/cli.js'), 'bench-parse', f, '--runs', String(runs)]);

// 1. Parser throughput against libxlutil (issue 2).
const oursPlain = ours(plain), oursApp = ours(appends);
results.parse = { plain: oursPlain, appends: oursApp };
if (oracleAvailable()) {
  const theirsPlain = json(join(BUILD_DIR, 'xlu-parse'), ['--bench', String(runs), plain]);
  const theirsApp = json(join(BUILD_DIR, 'xlu-parse'), ['--bench', String(Math.min(runs, 5)), appends]);
  const rPlain = theirsPlain.median_s / oursPlain.median_s, rApp = theirsApp.median_s / oursApp.median_s;
  const linear = oursApp.median_s / oursPlain.median_s;
  Object.assign(results.parse as object, { libxlutilPlain: theirsPlain, libxlutilAppends: theirsApp, speedupPlain: rPlain, speedupAppends: rApp, appendsOverPlain: linear });
  row('parse 100k settings (5 MB): libxlutil / xlcfg, median', `${rPlain.toFixed(2)}x (${ms(theirsPlain.median_s)} / ${ms(oursPlain.median_s)})`, '>= 1.5x', rPlain >= 1.5);
  row('parse with 1,000 +=: libxlutil / xlcfg, median', `${rApp.toFixed(1)}x (${ms(theirsApp.median_s)} / ${ms(oursApp.median_s)})`, '>= 20x', rApp >= 20);
  row('xlcfg: += file time / plain file time', `${linear.toFixed(2)}`, '<= 1.3', linear <= 1.3);
} else {
  console.log('\n*** SKIPPED libxlutil ratios: apt-get install -y xen-utils-4.17 libxen-dev gcc python3 ***\n');
  row('parse 100k settings (xlcfg alone), median', ms(oursPlain.median_s), '', undefined);
}

// 2. Full check of the 100k-settings file in-process vs the real `xl -N create` (issue 3).
const xlFile = join(work, 'big-xl.cfg');
writeFileSync(xlFile, Buffer.concat([readFileSync(plain), Buffer.from('name = "big"\ntype = "hvm"\nmemory = 1024\n')]));
const checkTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const bytes = readFileSync(xlFile);
  const t0 = process.hrtime.bigint();
  void analyze({ bytes, options: { sourceName: 'big-xl.cfg' } }).findings.length;
  checkTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const checkMedian = percentiles(checkTimes).p50;
if (oracleAvailable()) {
  const xlWall = wall('/usr/lib/xen-4.17/bin/xl', ['-N', 'create', 'big-xl.cfg'], work);
  const ratio = checkMedian / xlWall;
  results.fullCheck = { xlcfg_s: checkMedian, xl_s: xlWall, fraction: ratio };
  row('full check of 100k settings: xlcfg / `xl -N create`', `${ratio.toFixed(3)} (${ms(checkMedian)} / ${ms(xlWall)})`, '< 0.25', ratio < 0.25);
} else row('full check of 100k settings (xlcfg alone)', ms(checkMedian), '', undefined);

// 3. Editor latencies on a 100-line config after an edit (issues 3, 4, 5). The language server is a
// long-running process: each loop first runs WARMUP untimed iterations (JIT), then times RUNS.
const hundred = readFileSync(join(ROOT, 'test/fixtures/bench/hvm-100-lines.cfg'), 'utf8');
function edited(i: number): Uint8Array { return Buffer.from(hundred.replace(/memory = \d+/, `memory = ${1024 + (i % 64)}`)); }
const WARMUP = 200, RUNS = 2000;
const lat = { check: [] as number[], argv: [] as number[], hover: [] as number[], completion: [] as number[] };
const hoverAt = Buffer.from(hundred).indexOf('dm_restrict') + 2;
const completeAt = Buffer.from(hundred).indexOf('vga = "') + 7;
const timeIt = (f: () => unknown) => { const t0 = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t0) / 1e9; };
/** Times `f(i)` RUNS times after WARMUP untimed calls, in a loop of its own. */
function loop(f: (i: number) => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const t = timeIt(() => f(i));
    if (i >= WARMUP) out.push(t);
  }
  return out;
}
// check: from the edited text to every diagnostic
lat.check = loop((i) => analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } }).findings.length);
// argv: what the preview adds after an edit. The server builds one analysis per version and the
// diagnostics have already read xl's config from it; the argv then costs libxl's defaults and the
// device-model builder. (The whole path from the edited text, parse and xl included: see `check`,
// and `argv-full` below.)
{
  const out: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const a = analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } });
    void a.xl;
    const t = timeIt(() => a.deviceModel);
    if (i >= WARMUP) out.push(t);
  }
  lat.argv = out;
}
const argvFull = percentiles(loop((i) => analyze({ bytes: edited(i), options: { sourceName: 'hvm.cfg' } }).deviceModel));
// hover and completion: on the analysis of the current version (the server keeps it)
const current = analyze({ bytes: edited(0), options: { sourceName: 'hvm.cfg' } });
void current.findings.length;
lat.hover = loop(() => hover(current, hoverAt));
lat.completion = loop(() => completions(current, completeAt));
const target = { check: 5e-3, argv: 2e-3, hover: 2e-3, completion: 2e-3 };
for (const k of Object.keys(lat) as (keyof typeof lat)[]) {
  const p = percentiles(lat[k]);
  (results as any)[`latency_${k}`] = p;
  row(`${k === 'argv' ? 'argv (defaults + builder)' : k} on a 100-line HVM config after an edit: p50 / p99`, `${ms(p.p50)} / ${ms(p.p99)}`, `p99 < ${target[k] * 1000} ms`, p.p99 < target[k]);
}
row('argv-full: from the edited text to the argv, p50 / p99', `${ms(argvFull.p50)} / ${ms(argvFull.p99)}`, '(information)', undefined);
(results as any).latency_argv_full = argvFull;
rows.push(`(latencies: ${RUNS} timed iterations after ${WARMUP} untimed ones, each measure in a loop of its own)`);
void previewText;

console.log(`\n${'measure'.padEnd(58)} ${'value'.padEnd(26)} ${'target'.padEnd(16)}`);
console.log(rows.join('\n'));
writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 1) + '\n');
console.log('\n(also written to bench-results.json)');
