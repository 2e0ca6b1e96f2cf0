// `xlcfg`: the command-line face of the language service. With --json, stdout holds exactly one JSON
// document; everything else goes to stderr. Exit codes: 0 fine, 1 findings/rejected, 2 usage or I/O.
import { parseArgs, UsageError, ParsedArgs } from './args';
import { FileError } from './io';
import { parseCommand, benchParseCommand } from './parse-command';
import { COMMANDS } from './commands';
import { upgradeCommand } from './upgrade';
import { isCheckWorker, workerMain } from './check-pool';
import { HOST_PROFILES, PATHS_PROFILES, XEN_VERSION_RANGE } from '../service';

const USAGE = `usage: xlcfg COMMAND [options] FILE...

commands:
  parse FILE [--json] [--source NAME]     what libxlutil makes of FILE (xl's messages, the settings)
  check FILE|DIR|GLOB... [--exit-zero]   every diagnostic: parse errors, xl and libxl refusals, checks,
        [--format text|json|sarif|github] and across the configs (same name, uuid, MAC, writable disk)
        [--json] (= --format json)  [--severity-threshold error|warning|information] (what exits 1)
        [--fix] (apply the safe fixes in place)  [--diff] (print them as a unified diff instead)
        [--host ${HOST_PROFILES.join('|')}] [--xen ${XEN_VERSION_RANGE}] [--paths ${PATHS_PROFILES.join('|')}]
        (defaults from the nearest .xlcfg.json: xenVersion, host, paths, severity, xlConf; flags win)
        [--xlconf FILE] (xl's global config whose guest defaults apply; a file named xl.conf is
        checked as one)  [--jobs N] (worker threads; default: one per core and 64 files; 1 = none)
  config FILE --json [--stage xl|libxl]   the libxl_domain_config xl builds (xl) or after libxl's defaults
        [key=value...] [--xlconf FILE]    with overrides, as \`xl create FILE key=value...\` appends them,
                                          and the global defaults of an xl.conf
  argv FILE [--json] [--xlconf FILE] [key=value...]
                                          the device-model command line libxl would run
  effective FILE [key=value...] [--json]  what xl uses: one line per key with where it comes from (a line
                                          of FILE or an override), then the domain config
  upgrade FILE... --from 4.17 --to 4.20   what changes for the guest between two releases (verdicts,
        [--json] [--host H]               xl/libxl lines, qemu argv and env, diagnostics); each side on
                                          the Debian release that ships it unless --host is given
  bench-parse FILE [--runs N]             parse FILE N times in one process and time it
`;

const KNOWN = new Set(['--from', '--to', '--json', '--exit-zero', '--runs', '--host', '--xen', '--paths', '--stage', '--source', '--help', '--version', '--format', '--severity-threshold', '--fix', '--diff', '--xlconf', '--jobs']);

function main(argv: string[]): number | Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv, KNOWN);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`xlcfg: ${e.message}\n${USAGE}`); return 2; }
    throw e;
  }
  if (args.flags.has('--help') || args.command === 'help') { process.stdout.write(USAGE); return 0; }
  if (args.flags.has('--version')) { process.stdout.write('xlcfg 0.1.0\n'); return 0; }
  const handlers: Record<string, (a: ParsedArgs) => number | Promise<number>> = { parse: parseCommand, 'bench-parse': benchParseCommand, upgrade: upgradeCommand, ...COMMANDS };
  const handler = handlers[args.command];
  if (!handler) { process.stderr.write(`xlcfg: ${args.command ? `unknown command ${args.command}` : 'missing COMMAND'}\n${USAGE}`); return 2; }
  const failed = (e: unknown): number => {
    if (e instanceof UsageError) { process.stderr.write(`xlcfg: ${e.message}\n${USAGE}`); return 2; }
    if (e instanceof FileError) { process.stderr.write(`xlcfg: ${e.message}\n`); return 2; }
    throw e;
  };
  try {
    const r = handler(args);
    return r instanceof Promise ? r.catch(failed) : r;
  } catch (e) {
    return failed(e);
  }
}

// A closed pipe (`xlcfg check ... | head`) ends the output quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
// A worker thread of `check --jobs` is this same bundle, started again (check-pool.ts).
if (isCheckWorker()) workerMain();
else {
  const status = main(process.argv.slice(2));
  if (status instanceof Promise) status.then((s) => { process.exitCode = s; }, (e) => { process.stderr.write(`${(e as Error).stack ?? e}\n`); process.exitCode = 2; });
  else process.exitCode = status;
}
