// `npm run fuzz`: differential fuzzing of every stage against the real toolstacks (the oracles of
// test/helpers/oracle.ts). Seeded and resumable: config K of seed S is made from its own PRNG
// (S, K), so `--from K --count N` replays any slice. Each disagreement is shrunk (lines dropped
// while the same stage still disagrees) and, with --save, kept as a fixture with both releases'
// goldens (test/fixtures/oracle/corpus/fuzz-*.cfg).
//
//
// Speed: the oracle answers a batch of configs in one process (test/oracle/tools/batch.py), split over
// --jobs processes (default: the CPUs this process may use), and works on the next batch while this
// process compares the previous one. `npm run fuzz` runs this script bundled (dist/fuzz.js).
//
//   npm run fuzz -- [--xen 4.17|4.20|both] [--seed S] [--from K] [--count N] [--seconds T]
//                   [--save] [--fail-on any|crash] [--json FILE] [--jobs J]
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { prng } from '../test/helpers/prng';
import { CORPUS_DIR, FIXTURES_DIR, ORACLES, ORACLE_RELEASES, type BatchResult, type OracleRelease } from '../test/helpers/oracle';
import { grammarConfig, keyValueConfig, mutatedConfig, realisticConfig } from '../test/fuzz/generators';
import { disagreements, STAGES, type Disagreement, type Stage } from '../test/fuzz/compare';

interface Args { releases: OracleRelease[]; seed: number; from: number; count: number; seconds: number; save: boolean; failOn: 'any' | 'crash'; json?: string; jobs: number }

function usage(msg: string): never {
  console.error(`fuzz: ${msg}\nusage: npm run fuzz -- [--xen 4.17|4.20|both] [--seed S] [--from K] [--count N] [--seconds T] [--save] [--fail-on any|crash] [--json FILE] [--jobs J]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { releases: [...ORACLE_RELEASES], seed: 1, from: 0, count: 1000, seconds: Infinity, save: false, failOn: 'any', jobs: availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = () => argv[++i] ?? usage(`${k} needs a value`);
    const num = () => { const n = Number(v()); if (!Number.isFinite(n) || n < 0) usage(`${k} takes a number`); return n; };
    if (k === '--xen') { const x = v(); a.releases = x === 'both' ? [...ORACLE_RELEASES] : ORACLE_RELEASES.includes(x as OracleRelease) ? [x as OracleRelease] : usage(`--xen ${x}`); }
    else if (k === '--seed') { const s = v(); a.seed = /^\d+$/.test(s) ? Number(s) : Number.parseInt(s.slice(0, 8), 16); if (!Number.isFinite(a.seed)) usage(`--seed ${s}`); }
    else if (k === '--from') a.from = num();
    else if (k === '--count') a.count = num();
    else if (k === '--seconds') a.seconds = num();
    else if (k === '--save') a.save = true;
    else if (k === '--fail-on') { const f = v(); if (f !== 'any' && f !== 'crash') usage(`--fail-on ${f}`); a.failOn = f; }
    else if (k === '--json') a.json = v();
    else if (k === '--jobs') { a.jobs = Math.floor(num()); if (a.jobs < 1) usage('--jobs takes a number >= 1'); }
    else usage(`unknown option ${k}`);
  }
  return a;
}

const CORPUS = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.cfg')).sort().map((f) => readFileSync(join(CORPUS_DIR, f)));
const GENERATORS = ['realistic', 'keys', 'grammar', 'mutation'] as const;

/** Config K of seed S: its generator and bytes. */
function makeConfig(seed: number, k: number): { name: string; kind: string; bytes: Uint8Array } {
  const r = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b)) >>> 0);
  const kind = GENERATORS[k % GENERATORS.length]!;
  const enc = (s: string) => new TextEncoder().encode(s);
  const bytes = kind === 'realistic' ? enc(realisticConfig(r, k)) : kind === 'keys' ? enc(keyValueConfig(r))
    : kind === 'grammar' ? grammarConfig(r) : mutatedConfig(r, CORPUS[Math.floor(r() * CORPUS.length)]!);
  return { name: `fz${k}`, kind, bytes };
}

const first = (d: Disagreement[], stage: Stage) => d.find((x) => x.stage === stage);
/** A class: the stage and the detail with its numbers and quoted values blurred. */
const classOf = (d: Disagreement) => `${d.stage}: ${d.detail.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 90)}`;

/** Configs per oracle batch: large enough for the batch's fixed cost not to count, small enough for --seconds. */
const BATCH = 100;

/** Drops lines while the same class of disagreement remains (until the deadline, a performance.now() value). */
function shrink(release: OracleRelease, name: string, bytes: Uint8Array, cls: string, deadline: number, jobs: number): Uint8Array {
  let cur = bytes;
  for (let round = 0; round < 40 && performance.now() < deadline; round++) {
    const text = Array.from(cur, (b) => String.fromCharCode(b)).join('');
    const lines = text.split('\n');
    const candidates: Uint8Array[] = [];
    for (let i = 0; i < lines.length; i++) {
      const next = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      if (next.length < text.length) candidates.push(Uint8Array.from(next, (c) => c.charCodeAt(0) & 0xff));
    }
    if (!candidates.length) break;
    const results = ORACLES[release].batch(candidates.map((b, i) => ({ name: `${name}s${i}`, bytes: b })), undefined, { jobs });
    const found = candidates.findIndex((b, i) => disagreements(name, b, release, results.get(`${name}s${i}`)!).some((d) => classOf(d) === cls));
    if (found < 0) break;
    cur = candidates[found]!;
  }
  return cur;
}

function saveFixture(release: OracleRelease, stage: Stage, bytes: Uint8Array): string {
  const name = `fuzz-${release.replace('.', '')}-${stage}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
  const answers = ORACLE_RELEASES.filter((r) => ORACLES[r].available()).map((r) => [r, ORACLES[r].batch([{ name, bytes }]).get(name)!] as const);
  // a config the toolstack crashes on has no goldens (a tool printed nothing): not a corpus fixture
  if (answers.some(([, res]) => Object.values(res).some((v) => v === null))) return `(not saved: the toolstack crashes on it, no goldens)`;
  writeFileSync(join(FIXTURES_DIR, 'corpus', `${name}.cfg`), bytes);
  for (const [r, res] of answers) {
    for (const t of ['parse', 'dryrun', 'argv'] as const) {
      writeFileSync(join(ORACLES[r].fixtureGoldenDir, `${name}.${t}.json`), JSON.stringify(res[t], null, 1) + '\n');
    }
  }
  return name;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`fuzz: seed ${args.seed}, configs ${args.from}..${args.from + args.count - 1}, releases ${args.releases.join(' ')}${Number.isFinite(args.seconds) ? `, at most ${args.seconds} s per release` : ''}`);
  console.log(`      replay: npm run fuzz -- --seed ${args.seed} --from ${args.from} --count ${args.count}`);
  const report: Record<string, unknown> = { seed: args.seed, from: args.from, releases: {} };
  let failed = false;
  for (const release of args.releases) {
    const oracle = ORACLES[release];
    if (!oracle.available()) {
      const line = `fuzz: the Xen ${release} oracle is not available: ${oracle.missingReason()}`;
      if (process.env.XLCFG_REQUIRE_ORACLE === '1') { console.error(line); return 1; }
      console.log(`SKIPPED ${line}`);
      continue;
    }
    const t0 = performance.now();
    let done = 0;
    const agree = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    const classes = new Map<string, { count: number; example: string; config: string; fixture?: string }>();
    const end = args.from + args.count;
    // the oracle works on batch N+1 (another process) while this one compares batch N
    const start = (k: number) => {
      const batch = Array.from({ length: Math.min(BATCH, end - k) }, (_, i) => makeConfig(args.seed, k + i));
      const results = oracle.batchAsync(batch.map((c) => ({ name: c.name, bytes: c.bytes })), undefined, { jobs: args.jobs });
      results.catch(() => undefined); // awaited below; this only keeps node from calling it unhandled meanwhile
      return { k, batch, results };
    };
    const timing = { oracleWait: 0, compare: 0, shrink: 0 };
    let next = args.count > 0 ? start(args.from) : undefined;
    while (next) {
      const cur = next;
      const tw = performance.now();
      const results = await cur.results;
      timing.oracleWait += performance.now() - tw;
      const k2 = cur.k + cur.batch.length;
      next = k2 < end && (performance.now() - t0) / 1000 <= args.seconds ? start(k2) : undefined;
      const tc = performance.now();
      let shrinking = 0;
      for (const c of cur.batch) {
        const d = disagreements(c.name, c.bytes, release, results.get(c.name) as BatchResult);
        done++;
        for (const s of STAGES) if (!first(d, s)) agree[s]++;
        const seen = new Set<string>();
        for (const x of d) {
          const cls = classOf(x);
          if (seen.has(cls)) continue;
          seen.add(cls);
          const entry = classes.get(cls);
          if (entry) { entry.count++; continue; }
          const ts = performance.now();
          const small = shrink(release, c.name, c.bytes, cls, t0 + args.seconds * 1000, args.jobs);
          const config = Array.from(small, (b) => String.fromCharCode(b)).join('');
          classes.set(cls, { count: 1, example: `${c.kind} config ${c.name.slice(2)}: ${x.detail.slice(0, 300)}`, config, fixture: args.save ? saveFixture(release, x.stage, small) : undefined });
          shrinking += performance.now() - ts;
        }
      }
      timing.shrink += shrinking;
      timing.compare += performance.now() - tc - shrinking;
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`\nXen ${release}: ${done} configs in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)} configs/s, all stages)`);
    for (const s of STAGES) console.log(`  ${s.padEnd(6)} ${agree[s]}/${done} agree`);
    for (const [cls, e] of [...classes].sort((a, b) => b[1].count - a[1].count)) {
      console.log(`  ${String(e.count).padStart(5)} x ${cls}\n          ${e.example}\n          shrunk: ${JSON.stringify(e.config)}${e.fixture ? `\n          saved as ${e.fixture}` : ''}`);
      if (args.failOn === 'any' || cls.startsWith('crash')) failed = true;
    }
    (report.releases as Record<string, unknown>)[release] = {
      configs: done, seconds, agree, classes: Object.fromEntries(classes), jobs: args.jobs,
      // where the time went (s): waiting for the oracle, our stages and the comparisons, shrinking (oracle included)
      timing: Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, Math.round(v) / 1000])),
    };
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 1) + '\n');
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 1; });
