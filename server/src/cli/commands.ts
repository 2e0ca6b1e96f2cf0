// The analysis commands: check (every diagnostic, in check.ts), config (xl's / libxl's domain config), argv (the
// device-model command line).
import { UsageError, type ParsedArgs } from './args';
import { printJson, needOneFile } from './io';
import { analyzeFile } from './analysis-options';
import { shellQuote, stringifyDeep } from '../service';
import { check } from './check';

function config(args: ParsedArgs): number {
  const file = needOneFile(args.files, 'config');
  const stage = args.values.get('--stage') ?? 'xl';
  if (stage !== 'xl' && stage !== 'libxl') throw new UsageError('--stage must be xl or libxl');
  const a = analyzeFile(args, file);
  let out: unknown = null;
  let status = 0;
  if (!a.parsed.accepted) {
    for (const m of a.parsed.messages(file)) process.stderr.write(m + '\n');
    process.stderr.write('Failed to parse config: Invalid argument\n');
    status = 1;
  } else if (!a.xl?.config) {
    for (const l of a.xl?.stderr ?? []) process.stderr.write(l + '\n');
    status = 1;
  } else if (stage === 'xl') {
    out = a.xl.config;
  } else {
    const d = a.libxl!;
    for (const m of d.messages) process.stderr.write(`libxl: ${m.level}: ${m.function}: ${m.text}\n`);
    out = d.resolved;
    status = d.resolved ? 0 : 1;
  }
  if (args.flags.has('--json')) printJson(out);
  else if (out) process.stdout.write(stringifyDeep(out, 4) + '\n');
  return status;
}

function argv(args: ParsedArgs): number {
  const file = needOneFile(args.files, 'argv');
  const a = analyzeFile(args, file);
  const json = args.flags.has('--json');
  if (!a.parsed.accepted || !a.xl?.config) {
    const lines = !a.parsed.accepted ? [...a.parsed.messages(file), 'Failed to parse config: Invalid argument'] : (a.xl?.stderr ?? []);
    // xl dies (an assertion in libxlutil, a crash in xl_parse.c): outcome `crash` with the reason.
    const crash = a.findings.find((f) => f.code === 'xl-crashes' || (f.code === 'parse-error' && a.parsed.errors.some((e) => e.kind === 'abort')));
    if (json) {
      printJson(crash
        ? { outcome: 'crash', crash: crash.message, stderr: lines }
        : { outcome: 'xl_rejected', error: lines.filter((l) => l.trim()).pop() ?? 'xl refuses the config', stderr: lines });
    } else {
      for (const l of lines) process.stderr.write(l + '\n');
      if (crash) process.stderr.write(`xlcfg: ${crash.message}\n`);
    }
    return 1;
  }
  const dm = a.deviceModel!;
  if (json) {
    printJson({
      outcome: dm.outcome, device_model_version: dm.device_model_version, argv: dm.argv, env: dm.env,
      ...(dm.error ? { error: dm.error } : {}), ...(dm.reason ? { reason: dm.reason } : {}), ...(dm.crash ? { crash: dm.crash } : {}),
      log: dm.log, label: dm.label, placeholders: dm.placeholders, assumptions: dm.assumptions.map((x) => x.text),
    });
  } else if (dm.outcome === 'error') process.stderr.write(`libxl: error: ${dm.error}\n`);
  else if (dm.outcome === 'crash') process.stderr.write(`xlcfg: ${dm.crash}\n`);
  else if (dm.outcome === 'no_device_model') process.stdout.write(`# no device model: ${dm.reason ?? 'this guest needs none'}\n`);
  else {
    const envPrefix = Object.entries(dm.env).map(([k, v]) => `${k}=${shellQuote([v])}`).join(' ');
    process.stdout.write((envPrefix ? envPrefix + ' ' : '') + shellQuote(dm.argv) + '\n');
  }
  return dm.outcome === 'error' || dm.outcome === 'crash' ? 1 : 0;
}

export const COMMANDS: Record<string, (a: ParsedArgs) => number> = { check, config, argv };
