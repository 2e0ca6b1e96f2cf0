// `xlcfg parse FILE [--json]`: what libxlutil makes of the file, in the oracle's xlu-parse shape.
import { parse, oracleParseReport } from '../service';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readBytes, printJson, needOneFile } from './io';
import type { ParsedArgs } from './args';

export function parseCommand(args: ParsedArgs): number {
  const file = needOneFile(args.files, 'parse');
  const source = args.values.get('--source') ?? file;
  const report = oracleParseReport(parse(readBytes(file)), source);
  if (args.flags.has('--json')) printJson(report);
  else {
    for (const m of report.messages) process.stderr.write(m + '\n');
    for (const s of report.settings) process.stdout.write(`${s.line}: ${s.name} ${s.op} ${JSON.stringify(s.value.type === 'string' ? s.value.value : s.value.items)}\n`);
    process.stderr.write(report.accepted ? `${source}: accepted, ${report.num_settings} settings\n` : `${source}: rejected\n`);
  }
  return report.accepted ? 0 : 1;
}

/**
 * `xlcfg bench-parse FILE --runs N`: in-process parse timing, measured as `xlu-parse --bench N` measures
 * libxlutil: the file is already in memory, each run times the parse alone (xlu_cfg_init +
 * xlu_cfg_readdata there), and the previous run's result is released between runs, untimed (there
 * xlu_cfg_destroy; here a full collection, so no run pays for an earlier run's garbage). The median
 * is over all N runs, the first (cold, unoptimised) ones included.
 */
export function benchParseCommand(args: ParsedArgs): number {
  const file = needOneFile(args.files, 'bench-parse');
  const runs = Math.max(1, Number.parseInt(args.values.get('--runs') ?? '11', 10) || 11);
  const bytes = readBytes(file);
  const collect = fullCollection();
  const times: number[] = [];
  let settings = 0;
  let result: ReturnType<typeof parse> | undefined;
  for (let i = 0; i < runs; i++) {
    result = undefined;
    collect();
    const t0 = process.hrtime.bigint();
    result = parse(bytes);
    const t1 = process.hrtime.bigint();
    settings = result.settingCount;
    times.push(Number(t1 - t0) / 1e9);
  }
  const sorted = [...times].sort((a, b) => a - b);
  printJson({ median_s: sorted[Math.floor(sorted.length / 2)], best_s: sorted[0], bytes: bytes.length, settings, runs, runs_s: times });
  return 0;
}

/** A full garbage collection on demand, without asking the user to start node with --expose-gc. */
function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
