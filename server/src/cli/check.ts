// `xlcfg check FILE|DIR|GLOB...`: every diagnostic of each config, then the findings across the configs
// (the same guest name, uuid, MAC or writable disk in two of them), in one of four formats. `--fix`
// applies the safe quick fixes (the editor's "Fix all") in place and reports what is left; `--diff`
// prints those fixes as a unified diff instead. Options for each file: the command line, else the
// nearest `.xlcfg.json` (see repo-config.ts), else the defaults.
import { writeFileSync } from 'node:fs';
import { UsageError, type ParsedArgs } from './args';
import { printJson, FileError } from './io';
import { analyzeFile, analysisOptions } from './analysis-options';
import { expandFiles } from './files';
import { unifiedDiff } from './diff';
import { FORMATS, formatGithub, formatText, sarifLog, type CheckDiagnostic, type FileResult, type Format } from './formats';
import { acrossConfigs, applyEdits, fixAll, type Analysis, type Severity } from '../service';

export const VERSION = '0.1.0';

const THRESHOLDS = ['error', 'warning', 'information'] as const;
const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

const decoder = new TextDecoder();

function outputFormat(args: ParsedArgs): Format {
  const f = args.values.get('--format');
  if (f !== undefined && !(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not ${f}`);
  if (args.flags.has('--json') && f !== undefined && f !== 'json') throw new UsageError(`--json and --format ${f} contradict each other`);
  return (f as Format | undefined) ?? (args.flags.has('--json') ? 'json' : 'text');
}

export function check(args: ParsedArgs): number {
  if (!args.files.length) throw new UsageError('check needs at least one FILE');
  const format = outputFormat(args);
  const threshold = args.values.get('--severity-threshold') ?? 'error';
  if (!(THRESHOLDS as readonly string[]).includes(threshold)) throw new UsageError(`--severity-threshold must be ${THRESHOLDS.join(', ')}, not ${threshold}`);
  const fix = args.flags.has('--fix'), diff = args.flags.has('--diff');
  if (fix && diff) throw new UsageError('--fix writes the fixes and --diff only shows them: give one of them');
  const files = expandFiles(args.files);
  analysisOptions(args, ''); // validate options before reading anything

  const analyses: { file: string; analysis: Analysis }[] = [];
  let diffText = '';
  let fixed = 0;
  for (const file of files) {
    let a = analyzeFile(args, file);
    if (fix || diff) {
      const all = fixAll(a);
      if (all?.edits?.length) {
        const after = applyEdits(a.bytes, all.edits);
        if (diff) diffText += unifiedDiff(file, decoder.decode(a.bytes), decoder.decode(after));
        else {
          try {
            writeFileSync(file, after);
          } catch (e) {
            throw new FileError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
          }
          process.stderr.write(`${file}: fixed ${all.findingCodes.join(', ')}\n`);
          fixed++;
          a = analyzeFile(args, file, after);
        }
      }
    }
    analyses.push({ file, analysis: a });
  }

  const results: FileResult[] = analyses.map(({ file, analysis: a }) => ({
    file,
    diagnostics: a.findings.map((f): CheckDiagnostic => ({ severity: f.severity, code: f.code, message: f.message, range: a.lines.rangeOf(f.start, f.end) })),
  }));
  if (analyses.length > 1) {
    const byFile = new Map(analyses.map((x, i) => [x.file, { analysis: x.analysis, result: results[i]! }]));
    for (const f of acrossConfigs(analyses.map((x) => ({ id: x.file, analysis: x.analysis })))) {
      const own = byFile.get(f.id)!;
      own.result.diagnostics.push({
        severity: f.severity, code: f.code, message: f.message, range: own.analysis.lines.rangeOf(f.start, f.end),
        related: f.related.map((r) => ({ file: r.id, range: byFile.get(r.id)!.analysis.lines.rangeOf(r.start, r.end), message: r.message })),
      });
    }
  }

  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const failing = all.filter((d) => RANK[d.severity] <= RANK[threshold as Severity]).length;
  if (diff) process.stdout.write(diffText);
  else if (format === 'json') printJson(results);
  else if (format === 'sarif') printJson(sarifLog(results, VERSION, process.cwd()));
  else if (format === 'github') process.stdout.write(formatGithub(results));
  else process.stdout.write(formatText(results));
  if (format !== 'json' || diff) {
    const warnings = all.filter((d) => d.severity === 'warning').length;
    process.stderr.write(`${files.length} file(s) checked, ${errors} error(s)${threshold !== 'error' ? `, ${warnings} warning(s)` : ''}${fix ? `, ${fixed} file(s) fixed` : ''}\n`);
  }
  return failing && !args.flags.has('--exit-zero') ? 1 : 0;
}
