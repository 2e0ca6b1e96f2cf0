// `xlcfg parse FILE [--json]`: what libxlutil makes of the file, in the oracle's xlu-parse shape.
import { parse, oracleParseReport } from '../service';
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

/** `xlcfg bench-parse FILE --runs N`: in-process parse timing, like `xlu-parse --bench N`. */
export function benchParseCommand(args: ParsedArgs): number {
  const file = needOneFile(args.files, 'bench-parse');
  const runs = Math.max(1, Number.parseInt(args.values.get('--runs') ?? '11', 10) || 11);
  const bytes = readBytes(file);
  const times: number[] = [];
  let settings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = parse(bytes);
    settings = r.settingCount;
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const sorted = [...times].sort((a, b) => a - b);
  printJson({ median_s: sorted[Math.floor(sorted.length / 2)], best_s: sorted[0], bytes: bytes.length, settings, runs });
  return 0;
}
