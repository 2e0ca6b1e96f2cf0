// `xlcfg check FILE|DIR|GLOB...`: every diagnostic of each config, then the findings across the configs
// (the same guest name, uuid, MAC or writable disk in two of them), in one of four formats. `--fix`
// applies the safe quick fixes (the editor's "Fix all") in place and reports what is left; `--diff`
// prints those fixes as a unified diff instead. Options for each file: the command line, else the
// nearest `.xlcfg.json` (see repo-config.ts), else the defaults. Many files are checked by worker
// threads (check-pool.ts; --jobs); the output is the same, in the files' sorted order.
import { availableParallelism } from 'node:os';
import { UsageError, type ParsedArgs } from './args';
import { printJson } from './io';
import { analysisOptions } from './analysis-options';
import { expandFiles } from './files';
import { FORMATS, formatGithub, formatText, sarifLog, type FileResult, type Format } from './formats';
import { acrossFromFacts, type Severity } from '../service';
import { checkFile, type FileOutcome, type FixMode } from './check-file';
import { Progress, runPool } from './check-pool';

export const VERSION = '0.1.0';

const THRESHOLDS = ['error', 'warning', 'information'] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function outputFormat(args: ParsedArgs): Format {
  const f = args.values.get('--format');
  if (f !== undefined && !(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not ${f}`);
  if (args.flags.has('--json') && f !== undefined && f !== 'json') throw new UsageError(`--json and --format ${f} contradict each other`);
  return (f as Format | undefined) ?? (args.flags.has('--json') ? 'json' : 'text');
}

/** Worker threads for N files: --jobs, else one per core but at most one per 64 files (1 = this process). */
function jobsFor(args: ParsedArgs, files: number): number {
  const v = args.values.get('--jobs');
  if (v !== undefined) {
    if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(`--jobs must be a whole number from 1, not ${v}`);
    return Number(v);
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / 64)));
}

export function check(args: ParsedArgs): number | Promise<number> {
  if (!args.files.length) throw new UsageError('check needs at least one FILE');
  const format = outputFormat(args);
  const threshold = args.values.get('--severity-threshold') ?? 'error';
  if (!(THRESHOLDS as readonly string[]).includes(threshold)) throw new UsageError(`--severity-threshold must be ${THRESHOLDS.join(', ')}, not ${threshold}`);
  const fix = args.flags.has('--fix'), diff = args.flags.has('--diff');
  if (fix && diff) throw new UsageError('--fix writes the fixes and --diff only shows them: give one of them');
  const files = expandFiles(args.files);
  analysisOptions(args, ''); // validate options before reading anything
  const jobs = jobsFor(args, files.length);
  const mode: FixMode = fix ? 'fix' : diff ? 'diff' : 'none';
  const progress = new Progress(files.length);
  const report = (outcomes: FileOutcome[]) => { progress.end(); return finish(args, format, threshold, mode, outcomes); };
  if (jobs > 1) return runPool(args, files, mode, jobs, progress).then(report, (e) => { progress.end(); throw e; });
  const outcomes: FileOutcome[] = [];
  try {
    for (const file of files) {
      outcomes.push(checkFile(args, file, mode));
      progress.update(outcomes.length);
    }
  } finally {
    progress.end();
  }
  return report(outcomes);
}

/** The findings across configs, the output and the exit status, from every file's outcome (in order). */
function finish(args: ParsedArgs, format: Format, threshold: string, mode: FixMode, outcomes: readonly FileOutcome[]): number {
  let diffText = '';
  let fixed = 0;
  for (const o of outcomes) {
    if (o.diff) diffText += o.diff;
    if (o.fixed) { process.stderr.write(`${o.result.file}: fixed ${o.fixed.join(', ')}\n`); fixed++; }
  }
  const results: FileResult[] = outcomes.map((o) => o.result);
  if (outcomes.length > 1) {
    const byFile = new Map(outcomes.map((o) => [o.result.file, o]));
    const rangeIn = (file: string, start: number, end: number) => byFile.get(file)!.ranges[`${start}:${end}`]!;
    for (const f of acrossFromFacts(outcomes.map((o) => o.facts))) {
      byFile.get(f.id)!.result.diagnostics.push({
        severity: f.severity, code: f.code, message: f.message, range: rangeIn(f.id, f.start, f.end),
        related: f.related.map((r) => ({ file: r.id, range: rangeIn(r.id, r.start, r.end), message: r.message })),
      });
    }
  }

  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const failing = all.filter((d) => RANK[d.severity] <= RANK[threshold as Severity]).length;
  const diff = mode === 'diff', fix = mode === 'fix';
  if (diff) process.stdout.write(diffText);
  // The results are a few levels deep: the native JSON.stringify prints what printJson would, faster.
  else if (format === 'json') process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  else if (format === 'sarif') printJson(sarifLog(results, VERSION, process.cwd()));
  else if (format === 'github') process.stdout.write(formatGithub(results));
  else process.stdout.write(formatText(results));
  if (format !== 'json' || diff) {
    const warnings = all.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${outcomes.length} file(s) checked, ${errors} error(s)${threshold !== 'error' ? `, ${warnings} warning(s)` : ''}${fix ? `, ${fixed} file(s) fixed` : ''}\n`);
  }
  return failing && !args.flags.has('--exit-zero') ? 1 : 0;
}
