// The analysis commands: check (every diagnostic, in check.ts), config (xl's / libxl's domain config), argv (the
// device-model command line).
import { UsageError, type ParsedArgs } from './args';
import { printJson, readBytes } from './io';
import { analyzeFile } from './analysis-options';
import { effectiveConfig, plainValue, renderValue, shellQuote, stringifyDeep, withOverrides, type Analysis } from '../service';
import { check } from './check';

/**
 * `COMMAND FILE [key=value...]`: as `xl create CFG key=value...`, every word with `=` is a config line
 * xl appends after the file (the last assignment wins); the file is the one word without `=`.
 */
function analyzeWithOverrides(args: ParsedArgs, command: string): { file: string; a: Analysis } {
  const files = args.files.filter((f) => !f.includes('='));
  const overrides = args.files.filter((f) => f.includes('='));
  if (files.length !== 1) throw new UsageError(`${command} takes exactly one FILE (and key=value overrides)`);
  const file = files[0]!;
  return { file, a: analyzeFile(args, file, overrides.length ? withOverrides(readBytes(file), overrides) : undefined) };
}

function config(args: ParsedArgs): number {
  const stage = args.values.get('--stage') ?? 'xl';
  if (stage !== 'xl' && stage !== 'libxl') throw new UsageError('--stage must be xl or libxl');
  const { file, a } = analyzeWithOverrides(args, 'config');
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
  const { file, a } = analyzeWithOverrides(args, 'argv');
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

/** `effective FILE [key=value...]`: the editor's effective-config view (what xl uses, where each key comes from). */
function effective(args: ParsedArgs): number {
  const files = args.files.filter((f) => !f.includes('='));
  if (files.length !== 1) throw new UsageError('effective takes exactly one FILE (and key=value overrides)');
  const r = effectiveConfig(analyzeFile(args, files[0]!), args.files.filter((f) => f.includes('=')));
  if (args.flags.has('--json')) {
    printJson({ accepted: r.accepted, exit_status: r.exitStatus, stderr: r.stderr, config: r.config,
      settings: r.settings.map((s) => ({ name: s.name, text: renderValue(s.value), value: plainValue(s.value), origins: s.origins, replaced: s.replaced, verdicts: s.verdicts, xl: s.xl })) });
  } else process.stdout.write(r.text);
  return r.exitStatus === 0 ? 0 : 1;
}

export const COMMANDS: Record<string, (a: ParsedArgs) => number | Promise<number>> = { check, config, argv, effective };
